import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'datahub:public';

/** Opts a route out of the global bearer-token guard (routes are deny-by-default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
