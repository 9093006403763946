import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { BatchWriter, BatchWriterStats } from '@app/db';
import { MetricsRegistry } from '@app/metrics';
import { DataSource } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';

/** One gateway request, admitted or not, as it becomes a request_logs row. */
export interface RequestLogEntry {
  apiKeyId: string | null;
  apiId: string | null;
  method: string;
  path: string;
  statusCode: number;
  latencyMs: number;
  /** epoch milliseconds: cheap to take and to spool as JSON */
  timestamp: number;
  /** the rest land in the row's `metadata` jsonb, built by PostgreSQL (no JSON per row here) */
  requestId: string;
  ip: string;
  bytesIn: number;
  bytesOut: number | null;
}

type RequestLogRow = RequestLogEntry & { id: string };

/**
 * One array parameter per column: cheap to serialise, however many rows a batch holds.
 * Rows carry their own id, so a replayed spool file never writes a row twice.
 */
const INSERT = `
  INSERT INTO request_logs (id, api_key_id, api_id, method, path, status_code, latency_ms, "timestamp", metadata)
  SELECT id, api_key_id, api_id, method, path, status_code, latency_ms, to_timestamp(ms / 1000.0),
         jsonb_strip_nulls(jsonb_build_object('requestId', request_id, 'ip', ip, 'bytesIn', bytes_in, 'bytesOut', bytes_out))
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::int[], $7::int[], $8::float8[],
              $9::text[], $10::text[], $11::bigint[], $12::bigint[])
    AS t(id, api_key_id, api_id, method, path, status_code, latency_ms, ms, request_id, ip, bytes_in, bytes_out)
  ON CONFLICT DO NOTHING`;

/**
 * The gateway hands every request here and never waits: rows are batched into multi-row
 * INSERTs every 250 ms (or 1,000 rows), retried with backoff while PostgreSQL is down,
 * spooled to local disk past the memory bound, and flushed (or spooled) on shutdown.
 */
@Injectable()
export class RequestLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly writer: BatchWriter<RequestLogRow>;

  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfig, metrics: MetricsRegistry) {
    const { queueMaxRows, spoolDir, spoolMaxBytes, journal } = config.logs;
    this.writer = new BatchWriter<RequestLogRow>(
      { name: 'request-logs', flushIntervalMs: 250, maxBatch: 1_000, maxBuffered: queueMaxRows, spool: { dir: spoolDir, maxBytes: spoolMaxBytes }, journal },
      (rows) =>
        dataSource.query(INSERT, [
          rows.map((r) => r.id),
          rows.map((r) => r.apiKeyId),
          rows.map((r) => r.apiId),
          rows.map((r) => r.method),
          rows.map((r) => r.path),
          rows.map((r) => r.statusCode),
          rows.map((r) => r.latencyMs),
          rows.map((r) => r.timestamp),
          rows.map((r) => r.requestId),
          rows.map((r) => r.ip),
          rows.map((r) => r.bytesIn),
          rows.map((r) => r.bytesOut),
        ]),
    );
    metrics.observe('datahub_request_log_rows', 'Request log rows by state; received = written + buffered + spooled + dropped', ['state'], (set) => {
      for (const [state, rows] of this.writer.byState()) set({ state }, rows);
    });
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
    const row = this.toRow(entry);
    this.writer.journalAhead(row);
    return row;
  }

  /**
   * The final row of a request. With `journaled` (from journalAhead) that row is completed
   * in place: same id and timestamp, the primary key, so a replay never adds it twice.
   */
  record(entry: RequestLogEntry, journaled?: RequestLogEntry): void {
    this.writer.enqueue(journaled ? Object.assign(journaled, entry, { timestamp: journaled.timestamp }) as RequestLogRow : this.toRow(entry));
  }

  /** Time-ordered ids append to the primary key's index instead of scattering over it. */
  private toRow(entry: RequestLogEntry): RequestLogRow {
    (entry as RequestLogRow).id = timeOrderedUuid();
    return entry as RequestLogRow;
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
