import { Module } from '@nestjs/common';
import { RequestLogWriter } from './request-log-writer.service';

/** Request logs (written here, off the request path) and, next, the analytics queries over them. */
@Module({
  providers: [RequestLogWriter],
  exports: [RequestLogWriter],
})
export class AnalyticsModule {}
