export { AnalyticsModule } from './analytics.module';
export type { RequestLogEntry } from './logs/request-log-rows';
export { nextRowSequence } from './logs/time-ordered-uuid';
export { RequestLogWriter } from './request-log-writer.service';
