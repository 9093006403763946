import { InitialSchema1764201600000 } from './1764201600000-InitialSchema';
import { TimeSeriesTables1764201600001 } from './1764201600001-TimeSeriesTables';

/** In order; explicit so that builds never depend on globs. */
export const migrations = [InitialSchema1764201600000, TimeSeriesTables1764201600001];
