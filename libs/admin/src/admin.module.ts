import { Module } from '@nestjs/common';

/** User, API registry and rate-limit tier administration. */
@Module({})
export class AdminModule {}
