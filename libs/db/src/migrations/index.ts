import { InitialSchema1764201600000 } from './1764201600000-InitialSchema';
import { timeSeriesTablesMigration } from './1764201600001-TimeSeriesTables';
import { AccessTokenRevocations1764201600002 } from './1764201600002-AccessTokenRevocations';
import { ApiKeyRotation1764201600003 } from './1764201600003-ApiKeyRotation';
import { LeanRequestLogs1764201600004 } from './1764201600004-LeanRequestLogs';
import { ClosedDayRequestLogIndexes1764201600005 } from './1764201600005-ClosedDayRequestLogIndexes';
import { UpstreamCredentials1764201600006 } from './1764201600006-UpstreamCredentials';
import { RequestLogMethodLength1764201600007 } from './1764201600007-RequestLogMethodLength';
import { InstallationIdentity1764201600008 } from './1764201600008-InstallationIdentity';
import { AuditOutbox1764201600009 } from './1764201600009-AuditOutbox';
import { KeyIpAllowLists1764201600010 } from './1764201600010-KeyIpAllowLists';

import type { TimeSeriesSetting } from '../time-series/time-series-backend';

/** In order; explicit so that builds never depend on globs. */
export const migrations = (options: { timeSeriesBackend: TimeSeriesSetting }) => [
  InitialSchema1764201600000,
  timeSeriesTablesMigration(options.timeSeriesBackend),
  AccessTokenRevocations1764201600002,
  ApiKeyRotation1764201600003,
  LeanRequestLogs1764201600004,
  ClosedDayRequestLogIndexes1764201600005,
  UpstreamCredentials1764201600006,
  RequestLogMethodLength1764201600007,
  InstallationIdentity1764201600008,
  AuditOutbox1764201600009,
  KeyIpAllowLists1764201600010,
];
