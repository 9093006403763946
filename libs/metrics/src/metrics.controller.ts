import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/core';
import { Registry } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: "Metrics, including the log writers' reconciliation (datahub_log_rows by state)",
    schema: { type: 'string' },
  })
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
