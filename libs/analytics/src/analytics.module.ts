import { Module } from '@nestjs/common';

/** Usage, summary and export over request_logs (issue: analytics). */
@Module({})
export class AnalyticsModule {}
