import { Readable, Transform, pipeline } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QueryStream from 'pg-query-stream';
import { ApiRegistryService } from '@app/admin';
import { ReplicaReads } from '@app/db';
import { DataSource } from 'typeorm';
import type { ExportFormat, ExportQueryDto } from '../dto/analytics-query.dto';
import { MAX_SPAN_MS, resolveRange } from '../queries/time-range';
import { trafficScope, Viewer } from '../queries/traffic-scope';

/** Columns of an export, in order: the CSV header and the NDJSON field names. */
export const EXPORT_COLUMNS = [
  'timestamp',
  'id',
  'api',
  'apiKeyId',
  'method',
  'path',
  'statusCode',
  'latencyMs',
  'requestId',
  'ip',
  'bytesIn',
  'bytesOut',
] as const;

const ROWS_PER_FETCH = 1_000;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Spreadsheet formula injection: a text cell may not start with = + - @ (OWASP).
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatter(format: ExportFormat): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: Record<string, unknown>, _encoding, done) {
      if (format === 'ndjson') {
        const record: Record<string, unknown> = {};
        for (const column of EXPORT_COLUMNS)
          record[column] = row[column] instanceof Date ? (row[column] as Date).toISOString() : row[column];
        return done(null, JSON.stringify(record) + '\n');
      }
      const header = first ? EXPORT_COLUMNS.join(',') + '\r\n' : '';
      first = false;
      done(null, header + EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',') + '\r\n');
    },
    flush(done) {
      // An empty export is still a valid CSV file with its header row.
      done(null, format === 'csv' && first ? EXPORT_COLUMNS.join(',') + '\r\n' : undefined);
    },
  });
}

/**
 * Streams request_logs rows from a server-side cursor (pg-query-stream, 1,000 rows per
 * fetch) through a formatter to the response: memory stays flat whatever the range, and a
 * client that goes away ends the query and frees the connection.
 */
@Injectable()
export class RequestLogExportService {
  private readonly logger = new Logger('Export');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ApiRegistryService,
    private readonly replica: ReplicaReads,
  ) {}

  async open(viewer: Viewer, query: ExportQueryDto): Promise<Readable> {
    const range = resolveRange(query, MAX_SPAN_MS.export, 'an export');
    const scope = await trafficScope(this.dataSource, this.registry, viewer, query, range);
    const { client, release } = await this.replica.connect();
    const rows = client.query(
      new QueryStream(
        `SELECT r."timestamp", r.id, a.name AS api, r.api_key_id AS "apiKeyId", r.method, r.path,
                r.status_code AS "statusCode", r.latency_ms AS "latencyMs", r.metadata->>'requestId' AS "requestId",
                r.metadata->>'ip' AS ip, (r.metadata->>'bytesIn')::bigint AS "bytesIn", (r.metadata->>'bytesOut')::bigint AS "bytesOut"
         FROM (SELECT * FROM request_logs WHERE ${scope.where}) r LEFT JOIN apis a ON a.id = r.api_id
         ORDER BY r."timestamp", r.id`,
        scope.params,
        { batchSize: ROWS_PER_FETCH },
      ),
    );
    const output = formatter(query.format);
    return pipeline(rows, output, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.warn(`Export ended early: ${error.message}`);
      // A cursor cut off mid-query leaves the connection unusable: hand it back broken.
      release(error ?? undefined);
    });
  }
}
