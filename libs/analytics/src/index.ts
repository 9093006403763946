export { AnalyticsModule } from './analytics.module';
export type { RequestLogEntry } from './logs/request-log-rows';
export { RequestLogWriter } from './request-log-writer.service';
