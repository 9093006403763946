import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BatchWriter } from '@app/db';
import { DataSource } from 'typeorm';

/** One gateway request, admitted or not, as it becomes a request_logs row. */
export interface RequestLogEntry {
  apiKeyId: string | null;
  apiId: string | null;
  method: string;
  path: string;
  statusCode: number;
  latencyMs: number;
  timestamp: Date;
  metadata: Record<string, unknown>;
}

/** One array parameter per column: cheap to serialise, however many rows a batch holds. */
const INSERT = `
  INSERT INTO request_logs (api_key_id, api_id, method, path, status_code, latency_ms, "timestamp", metadata)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::int[], $6::int[], $7::timestamptz[], $8::jsonb[])`;

/**
 * The gateway hands every request here and never waits: rows are batched into multi-row
 * INSERTs every 250 ms (or 1,000 rows) and flushed on shutdown.
 */
@Injectable()
export class RequestLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly writer: BatchWriter<RequestLogEntry>;
  /** requests handed to the writer; compare with stats.written + buffered + dropped */
  received = 0;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.writer = new BatchWriter<RequestLogEntry>({ name: 'RequestLogWriter', flushIntervalMs: 250, maxBatch: 1_000, maxBuffered: 200_000 }, (rows) =>
      dataSource.query(INSERT, [
        rows.map((r) => r.apiKeyId),
        rows.map((r) => r.apiId),
        rows.map((r) => r.method),
        rows.map((r) => r.path),
        rows.map((r) => r.statusCode),
        rows.map((r) => r.latencyMs),
        rows.map((r) => r.timestamp.toISOString()),
        rows.map((r) => JSON.stringify(r.metadata)),
      ]),
    );
  }

  get stats() {
    return { received: this.received, ...this.writer.stats };
  }

  onApplicationBootstrap(): void {
    this.writer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.stop();
  }

  record(entry: RequestLogEntry): void {
    this.received++;
    this.writer.enqueue(entry);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
