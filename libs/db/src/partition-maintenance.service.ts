import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { DataSource } from 'typeorm';
import { TimeSeriesStore } from './time-series/time-series-store';

/** Often enough that a day's partition gets its indexes soon after midnight (UTC). */
const INTERVAL_MS = 15 * 60 * 1000;
const DAYS_AHEAD = 7;
/** Held while one node builds partition indexes; the others skip that round. */
const INDEX_BUILD_LOCK_ID = 7_431_002;

/**
 * Keeps the time-series tables ready: daily partitions a week ahead, partitions (or
 * TimescaleDB chunks) past the retention dropped whole (never a DELETE over the table), and
 * on plain PostgreSQL the key and API indexes of request_logs built for each partition
 * whose day has closed (see the ClosedDayRequestLogIndexes migration).
 */
@Injectable()
export class PartitionMaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartitionMaintenanceService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly timeSeries: TimeSeriesStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.maintain();
    this.timer = setInterval(() => void this.maintain(), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns what it did, for operators and tests; failures are logged, never thrown. */
  async maintain(): Promise<{ created: number; dropped: number; indexed: number }> {
    const retention = {
      request_logs: this.config.requestLogRetentionDays,
      audit_events: this.config.auditRetentionDays,
    };
    let created = 0;
    let dropped = 0;
    let indexed = 0;
    try {
      const timescale = (await this.timeSeries.backend()) === 'timescaledb';
      for (const [table, keepDays] of Object.entries(retention)) {
        if (timescale) {
          const rows = await this.dataSource.query(
            `SELECT drop_chunks($1::regclass, older_than => make_interval(days => $2))`,
            [table, keepDays],
          );
          dropped += rows.length;
        } else {
          const [ensured] = await this.dataSource.query('SELECT datahub_ensure_partitions($1, 1, $2) AS n', [
            table,
            DAYS_AHEAD,
          ]);
          const [removed] = await this.dataSource.query('SELECT datahub_drop_partitions($1, $2) AS n', [
            table,
            keepDays,
          ]);
          created += ensured.n;
          dropped += removed.n;
        }
      }
      if (!timescale) indexed = await this.indexClosedDays();
      if (created || dropped || indexed)
        this.logger.log(`Time-series partitions: ${created} created, ${dropped} dropped, ${indexed} indexes built`);
    } catch (error) {
      this.logger.error(`Partition maintenance failed: ${(error as Error).message}`);
    }
    return { created, dropped, indexed };
  }

  /**
   * Builds the indexes request_logs' closed days still lack, on one connection of its own:
   * without the pool's statement timeout (a day's index can take minutes), and concurrently
   * on a real server, so that the writer's late rows for that day are not held up.
   */
  private async indexClosedDays(): Promise<number> {
    const runner = this.dataSource.createQueryRunner('master');
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [INDEX_BUILD_LOCK_ID]);
      if (!locked) return 0;
      try {
        await runner.query('SET statement_timeout = 0');
        const pending: { ddl: string }[] = await runner.query('SELECT datahub_pending_partition_indexes($1) AS ddl', [
          !this.config.embeddedDatabase,
        ]);
        for (const { ddl } of pending) await runner.query(ddl);
        return pending.filter(({ ddl }) => ddl.startsWith('CREATE')).length;
      } finally {
        await runner.query('RESET statement_timeout');
        await runner.query('SELECT pg_advisory_unlock($1)', [INDEX_BUILD_LOCK_ID]);
      }
    } finally {
      await runner.release();
    }
  }
}
