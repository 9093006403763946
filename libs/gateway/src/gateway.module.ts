import { Module } from '@nestjs/common';

/** The /gateway/{api}/* proxy (issue: gateway). */
@Module({})
export class GatewayModule {}
