import { Module } from '@nestjs/common';
import { AdminModule } from '@app/admin';
import { AnalyticsController } from './analytics.controller';
import { RequestLogExportService } from './export/request-log-export.service';
import { AnalyticsQueryService } from './queries/analytics-query.service';
import { RequestLogWriter } from './request-log-writer.service';

/** Request logs (written off the request path) and the time-series queries over them. */
@Module({
  imports: [AdminModule],
  controllers: [AnalyticsController],
  providers: [RequestLogWriter, AnalyticsQueryService, RequestLogExportService],
  exports: [RequestLogWriter],
})
export class AnalyticsModule {}
