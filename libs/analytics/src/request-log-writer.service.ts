import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { BatchWriter, BatchWriterStats, installationId } from '@app/db';
import { MetricsRegistry } from '@app/metrics';
import { DataSource } from 'typeorm';
import { type RequestLogEntry, type RequestLogRow, RequestLogRows } from './logs/request-log-rows';

/**
 * The gateway hands every request here and never waits: rows are batched (a COPY every
 * second or 4,000 rows), retried with backoff while PostgreSQL is down, spooled to local
 * disk past the memory bound, and flushed (or spooled) on shutdown.
 *
 * Why batches that large: each COPY has a fixed cost in PostgreSQL, its statement and its
 * commit, 1.5–3 ms of its CPU, which at full load competes with the gateway for the same
 * cores. Against 250 ms / 1,000 rows, PostgreSQL spent 8–12 instead of 15–18 µs per row and
 * logging cost less of the gateway's throughput (docs/performance.md, `npm run bench:logs`).
 */
@Injectable()
export class RequestLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly writer: BatchWriter<RequestLogRow>;

  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfig, metrics: MetricsRegistry) {
    const { queueMaxRows, spoolDir, spoolMaxBytes, journal } = config.logs;
    const requestLogRows = new RequestLogRows(dataSource, !config.embeddedDatabase);
    this.writer = new BatchWriter<RequestLogRow>(
      {
        name: 'request-logs',
        flushIntervalMs: 1_000,
        maxBatch: 4_000,
        maxBuffered: queueMaxRows,
        spool: { dir: spoolDir, maxBytes: spoolMaxBytes, owner: () => installationId(dataSource) },
        journal,
      },
      (rows) => requestLogRows.write(rows),
    );
    metrics.observe(
      'datahub_request_log_rows',
      'Request log rows by state; received = written + buffered + spooled + dead_lettered + dropped',
      ['state'],
      (set) => {
        for (const [state, rows] of this.writer.byState()) set({ state }, rows);
      },
    );
  }

  get stats(): BatchWriterStats {
    return this.writer.stats;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.writer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.stop();
  }

  /** True when rows are journaled (LOG_JOURNAL): the gateway then journals each one before answering. */
  get journaling(): boolean {
    return this.writer.journaling;
  }

  /** Journals the row of an answer about to leave; pass it to `record` once the answer is done. */
  journalAhead(entry: RequestLogEntry): RequestLogEntry {
    this.writer.journalAhead(entry);
    return entry;
  }

  /**
   * The final row of a request. With `journaled` (from journalAhead) that row is completed
   * in place: its sequence and timestamp stay, and with them its id (the primary key), so
   * a replay never adds it twice.
   */
  record(entry: RequestLogEntry, journaled?: RequestLogEntry): void {
    this.writer.enqueue(
      journaled
        ? Object.assign(journaled, entry, { timestamp: journaled.timestamp, sequence: journaled.sequence })
        : entry,
    );
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
