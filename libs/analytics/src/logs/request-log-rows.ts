import { finished } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import { DatabaseError, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { BinaryCopy, parseUuid, RowEncodingError } from '@app/db';
import { timeOrderedUuid, writeTimeOrderedUuid } from './time-ordered-uuid';

/** One gateway request, admitted or not, as it becomes a request_logs row. */
export interface RequestLogEntry {
  /**
   * The row's identity, from nextRowSequence(): its id is derived from this and the
   * timestamp when it is written (time-ordered-uuid.ts). Part of the object from the start:
   * added later, it cost each row a second object (a 40-byte property array).
   */
  sequence: number;
  apiKeyId: string | null;
  apiId: string | null;
  method: string;
  path: string;
  statusCode: number;
  latencyMs: number;
  /** epoch milliseconds: cheap to take and to spool as JSON */
  timestamp: number;
  /** the rest land in the row's `metadata` jsonb */
  requestId: string;
  ip: string;
  bytesIn: number;
  bytesOut: number | null;
}

/**
 * Rows carry their own identity, so that writing one twice (a replay, a lost commit) is
 * detectable: their sequence number, or, in rows spooled by earlier versions, the id itself.
 */
export type RequestLogRow =
  (RequestLogEntry & { id?: undefined }) | (Omit<RequestLogEntry, 'sequence'> & { sequence?: undefined; id: string });

/** A row's id as text. */
export function idOf(row: RequestLogRow): string {
  return row.id ?? timeOrderedUuid(row.timestamp, row.sequence!);
}

const COLUMNS = `id, api_key_id, api_id, method, path, status_code, latency_ms, "timestamp", metadata`;

const COPY = `COPY request_logs (${COLUMNS}) FROM STDIN WITH (FORMAT binary)`;

/**
 * Idempotent: one array parameter per column, and rows already present are skipped. Used
 * where COPY cannot be: a batch with a row written before, and the embedded database.
 */
const INSERT = `
  INSERT INTO request_logs (${COLUMNS})
  SELECT id, api_key_id, api_id, method, path, status_code, latency_ms, to_timestamp(ms / 1000.0),
         jsonb_strip_nulls(jsonb_build_object('requestId', request_id, 'ip', ip, 'bytesIn', bytes_in, 'bytesOut', bytes_out))
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::int[], $7::int[], $8::float8[],
              $9::text[], $10::text[], $11::bigint[], $12::bigint[])
    AS t(id, api_key_id, api_id, method, path, status_code, latency_ms, ms, request_id, ip, bytes_in, bytes_out)
  ON CONFLICT DO NOTHING`;

const UNIQUE_VIOLATION = '23505';

/**
 * Key and API ids repeat from row to row (the same strings, from the gateway's caches): each
 * is parsed once, not once per row. Bounded: cleared when full.
 */
class UuidBytes {
  private readonly parsed = new Map<string, Buffer>();

  of(text: string | null): Buffer | null {
    if (text === null) return null;
    let bytes = this.parsed.get(text);
    if (bytes === undefined) {
      bytes = parseUuid(text);
      if (this.parsed.size >= 10_000) this.parsed.clear();
      this.parsed.set(text, bytes);
    }
    return bytes;
  }
}

const foreignIds = new UuidBytes();
const rowId = Buffer.allocUnsafe(16);

/** The batch as binary COPY data, in COLUMNS order. */
export function toCopyBinary(rows: RequestLogRow[]): Buffer {
  const copy = new BinaryCopy(rows.length * 256);
  for (const r of rows) {
    if (r.id === undefined) writeTimeOrderedUuid(r.timestamp, r.sequence, rowId);
    const metadata = `{"requestId":${JSON.stringify(r.requestId)},"ip":${JSON.stringify(r.ip)},"bytesIn":${r.bytesIn}${r.bytesOut === null ? '' : `,"bytesOut":${r.bytesOut}`}}`;
    copy
      .tuple(9)
      .uuid(r.id ?? rowId)
      .uuid(foreignIds.of(r.apiKeyId))
      .uuid(foreignIds.of(r.apiId))
      .text(r.method)
      .text(r.path)
      .int4(r.statusCode)
      .int4(r.latencyMs)
      .timestamptz(r.timestamp)
      .jsonb(metadata);
  }
  return copy.end();
}

/**
 * Writes request-log batches. COPY costs PostgreSQL about 40% less CPU per row than the
 * INSERT (no executor, no conflict check), and its binary format saves the parsing of
 * uuids, integers and timestamps on top. COPY has no ON CONFLICT, so a batch that holds a
 * row written before (PostgreSQL rejects the whole COPY, nothing is written) goes again
 * through the idempotent INSERT. So does any batch the server refuses to COPY, or that
 * cannot be encoded for it (a malformed id from an old spool file: the INSERT then gets
 * PostgreSQL's own verdict on it).
 */
export class RequestLogRows {
  private readonly logger = new Logger('RequestLogRows');
  /** batches written by COPY, and by the INSERT after PostgreSQL refused their COPY */
  readonly stats = { copied: 0, insertedAfterRefusal: 0 };

  constructor(
    private readonly dataSource: DataSource,
    /** false on the embedded database: COPY FROM STDIN through its socket bridge is not relied on */
    private readonly useCopy: boolean,
  ) {}

  async write(rows: RequestLogRow[]): Promise<void> {
    if (!this.useCopy) return this.insert(rows);
    try {
      await this.copy(toCopyBinary(rows));
      this.stats.copied++;
    } catch (error) {
      // The server refused this COPY (or it could not be encoded); a connection failure
      // instead goes back to the writer, which retries with backoff.
      if (!(error instanceof DatabaseError || error instanceof RowEncodingError)) throw error;
      const replay = error instanceof DatabaseError && error.code === UNIQUE_VIOLATION;
      if (!replay)
        this.logger.warn(`COPY of ${rows.length} request-log rows refused (${error.message}); inserting them instead`);
      await this.insert(rows);
      this.stats.insertedAfterRefusal++;
    }
  }

  private async copy(data: Buffer): Promise<void> {
    const runner = this.dataSource.createQueryRunner('master');
    try {
      const client = (await runner.connect()) as PoolClient;
      const stream = client.query(copyFrom(COPY));
      stream.end(data);
      await finished(stream);
    } finally {
      await runner.release();
    }
  }

  private async insert(rows: RequestLogRow[]): Promise<void> {
    await this.dataSource.query(INSERT, [
      rows.map(idOf),
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
    ]);
  }
}
