import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installHttpMetrics } from './http-metrics.hook';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';

/** GET /metrics and request durations; any module injects MetricsRegistry to add its own. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry],
  exports: [MetricsRegistry],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    installHttpMetrics(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.registry);
  }
}
