import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AdminModule } from '@app/admin';
import { AnalyticsModule, RequestLogWriter } from '@app/analytics';
import { ApiKeysModule, GATEWAY_REQUEST_FIELDS } from '@app/api-keys';
import { AppConfig } from '@app/core';
import { RateLimitModule } from '@app/rate-limit';
import { Tracing } from '@app/tracing';
import type { FastifyInstance } from 'fastify';
import { GatewayController } from './gateway.controller';
import { installGatewayRequestLog } from './logging/gateway-request-log.hook';
import { GatewayProxy } from './proxy/gateway-proxy.service';
import { UpstreamPools } from './proxy/upstream-pools.service';
import { installGatewayBodyPassthrough } from './routing/gateway-body';
import { ApiResolverGuard } from './routing/api-resolver.guard';
import { installGatewayTracing } from './tracing/gateway-tracing.hook';

/** The /gateway/{api}/* proxy: the product's hot path. */
@Module({
  imports: [AdminModule, ApiKeysModule, RateLimitModule, AnalyticsModule],
  controllers: [GatewayController],
  providers: [GatewayProxy, UpstreamPools, ApiResolverGuard],
  exports: [UpstreamPools],
})
export class GatewayModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly requestLog: RequestLogWriter,
    private readonly config: AppConfig,
    private readonly tracing: Tracing,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const field of GATEWAY_REQUEST_FIELDS) fastify.decorateRequest(field, null);
    installGatewayBodyPassthrough(fastify);
    installGatewayTracing(fastify, this.tracing);
    if (this.config.logs.requestLogEnabled) installGatewayRequestLog(fastify, this.requestLog);
  }
}
