export { AnalyticsModule } from './analytics.module';
export { RequestLogWriter, type RequestLogEntry } from './request-log-writer.service';
