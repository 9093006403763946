import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { DataSource } from 'typeorm';

const HOUR_MS = 60 * 60 * 1000;
const DAYS_AHEAD = 7;

/**
 * Keeps the time-series tables ready: daily partitions a week ahead, and partitions (or
 * TimescaleDB chunks) past the retention dropped whole: never a DELETE over the table.
 */
@Injectable()
export class PartitionMaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartitionMaintenanceService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.maintain();
    this.timer = setInterval(() => void this.maintain(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns what it did, for operators and tests; failures are logged, never thrown. */
  async maintain(): Promise<{ created: number; dropped: number }> {
    const retention = { request_logs: this.config.requestLogRetentionDays, audit_events: this.config.auditRetentionDays };
    let created = 0;
    let dropped = 0;
    try {
      const [{ timescale }] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS timescale`,
      );
      for (const [table, keepDays] of Object.entries(retention)) {
        if (timescale) {
          const rows = await this.dataSource.query(`SELECT drop_chunks($1::regclass, older_than => make_interval(days => $2))`, [table, keepDays]);
          dropped += rows.length;
        } else {
          const [ensured] = await this.dataSource.query('SELECT datahub_ensure_partitions($1, 1, $2) AS n', [table, DAYS_AHEAD]);
          const [removed] = await this.dataSource.query('SELECT datahub_drop_partitions($1, $2) AS n', [table, keepDays]);
          created += ensured.n;
          dropped += removed.n;
        }
      }
      if (created || dropped) this.logger.log(`Time-series partitions: ${created} created, ${dropped} dropped`);
    } catch (error) {
      this.logger.error(`Partition maintenance failed: ${(error as Error).message}`);
    }
    return { created, dropped };
  }
}
