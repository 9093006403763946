import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiRegistryService } from '@app/admin';
import { ReplicaReads, TimeSeriesStore } from '@app/db';
import { DataSource } from 'typeorm';
import type {
  AuditEventDto,
  AuditQueryDto,
  Interval,
  SummaryDto,
  TrafficFilterQueryDto,
  UsageBucketDto,
  UsageQueryDto,
} from '../dto/analytics-query.dto';
import { INTERVAL_SQL, MAX_SPAN_MS, resolveRange, TimeRange } from './time-range';
import { trafficScope, TrafficScope, Viewer } from './traffic-scope';

const TOP = 10;
const PERCENTILES = 'percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY latency_ms)';

/** Latency percentiles as numbers with 0.1 ms precision, or null when there was no traffic. */
function percentiles(values: number[] | null): Pick<UsageBucketDto, 'p50LatencyMs' | 'p95LatencyMs' | 'p99LatencyMs'> {
  const round = (v: number | undefined) => (v === undefined || v === null ? null : Math.round(v * 10) / 10);
  return { p50LatencyMs: round(values?.[0]), p95LatencyMs: round(values?.[1]), p99LatencyMs: round(values?.[2]) };
}

/**
 * Time-series queries over request_logs and audit_events. Aggregations run on a read
 * replica when DATABASE_READ_URLS is set (they may lag a second); buckets use TimescaleDB's
 * time_bucket when the extension is installed and date_bin otherwise, with the same origin.
 */
@Injectable()
export class AnalyticsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ApiRegistryService,
    private readonly replica: ReplicaReads,
    private readonly timeSeries: TimeSeriesStore,
  ) {}

  async usage(viewer: Viewer, query: UsageQueryDto): Promise<UsageBucketDto[]> {
    const range = resolveRange(query, MAX_SPAN_MS[query.interval], `${query.interval} buckets`);
    const scope = await trafficScope(this.dataSource, this.registry, viewer, query, range);
    const bucket = await this.bucketSql(query.interval);
    const n = scope.params.length;
    // Every bucket of the range is answered, empty ones with zero requests.
    const rows = await this.read(
      `WITH buckets AS (
         SELECT generate_series(${bucket('$1::timestamptz')}, $2::timestamptz - interval '1 microsecond', $${n + 1}::interval) AS bucket
       ), traffic AS (
         SELECT ${bucket('"timestamp"')} AS bucket, count(*)::int AS requests,
                count(*) FILTER (WHERE status_code >= 400)::int AS errors, ${PERCENTILES} AS p
         FROM request_logs WHERE ${scope.where} GROUP BY 1
       )
       SELECT b.bucket, coalesce(t.requests, 0) AS requests, coalesce(t.errors, 0) AS errors, t.p
       FROM buckets b LEFT JOIN traffic t USING (bucket) ORDER BY b.bucket`,
      [...scope.params, INTERVAL_SQL[query.interval]],
    );
    return rows.map((r: { bucket: Date; requests: number; errors: number; p: number[] | null }) => ({
      bucket: r.bucket.toISOString(),
      requests: r.requests,
      errors: r.errors,
      ...percentiles(r.p),
    }));
  }

  async summary(viewer: Viewer, query: TrafficFilterQueryDto): Promise<SummaryDto> {
    const range = resolveRange(query, MAX_SPAN_MS.summary, 'a summary');
    const scope = await trafficScope(this.dataSource, this.registry, viewer, query, range);
    const [totals, { topApis, topKeys }] = await Promise.all([this.totals(scope), this.top(scope)]);
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      totalRequests: totals.total,
      errorRequests: totals.errors,
      errorRate: totals.total ? Math.round((totals.errors / totals.total) * 10_000) / 10_000 : 0,
      statusClasses: { '2xx': totals.s2, '3xx': totals.s3, '4xx': totals.s4, '5xx': totals.s5 },
      ...percentiles(totals.p),
      topApis,
      topKeys,
    };
  }

  async audit(query: AuditQueryDto): Promise<{ rows: AuditEventDto[]; total: number }> {
    const range: TimeRange = resolveRange(query, MAX_SPAN_MS.audit, 'the audit trail');
    const params: unknown[] = [range.from, range.to];
    let where = '"timestamp" >= $1 AND "timestamp" < $2';
    const filters = [
      ['type', query.type],
      ['actor_user_id', query.actorUserId],
      ['api_key_id', query.apiKeyId],
    ] as const;
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      params.push(value);
      where += ` AND ${column} = $${params.length}`;
    }
    const [rows, [{ total }]] = await Promise.all([
      this.read(
        `SELECT id, type, "timestamp", actor_user_id, api_key_id, ip, user_agent, request_id, metadata
         FROM audit_events WHERE ${where} ORDER BY "timestamp" DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      ),
      this.read(`SELECT count(*)::int AS total FROM audit_events WHERE ${where}`, params),
    ]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        type: r.type,
        timestamp: r.timestamp.toISOString(),
        actorUserId: r.actor_user_id,
        apiKeyId: r.api_key_id,
        ip: r.ip,
        userAgent: r.user_agent,
        requestId: r.request_id,
        metadata: r.metadata,
      })),
    };
  }

  private async totals(scope: TrafficScope) {
    const [row] = await this.read(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status_code >= 400)::int AS errors,
              count(*) FILTER (WHERE status_code BETWEEN 200 AND 299)::int AS s2,
              count(*) FILTER (WHERE status_code BETWEEN 300 AND 399)::int AS s3,
              count(*) FILTER (WHERE status_code BETWEEN 400 AND 499)::int AS s4,
              count(*) FILTER (WHERE status_code BETWEEN 500 AND 599)::int AS s5,
              ${PERCENTILES} AS p
       FROM request_logs WHERE ${scope.where}`,
      scope.params,
    );
    return row as { total: number; errors: number; s2: number; s3: number; s4: number; s5: number; p: number[] | null };
  }

  /** The busiest APIs and keys in one scan (grouping sets), top 10 of each ranked in SQL. */
  private async top(scope: TrafficScope): Promise<Pick<SummaryDto, 'topApis' | 'topKeys'>> {
    const rows = await this.read(
      `WITH counts AS (
         SELECT api_id, api_key_id, GROUPING(api_id) = 0 AS by_api, count(*)::int AS requests
         FROM request_logs WHERE ${scope.where}
         GROUP BY GROUPING SETS ((api_id), (api_key_id))
       ), ranked AS (
         SELECT *, row_number() OVER (PARTITION BY by_api ORDER BY requests DESC) AS rank
         FROM counts WHERE (by_api AND api_id IS NOT NULL) OR (NOT by_api AND api_key_id IS NOT NULL)
       )
       SELECT r.by_api, r.requests, a.name AS api, r.api_key_id AS "keyId", k.prefix
       FROM ranked r LEFT JOIN apis a ON r.by_api AND a.id = r.api_id LEFT JOIN api_keys k ON NOT r.by_api AND k.id = r.api_key_id
       WHERE r.rank <= ${TOP}
       ORDER BY r.requests DESC, a.name, k.prefix`,
      scope.params,
    );
    type Row = { by_api: boolean; requests: number; api: string | null; keyId: string; prefix: string | null };
    return {
      // An API or key deleted since keeps its traffic but has no name to show.
      topApis: rows
        .filter((r: Row) => r.by_api && r.api !== null)
        .map((r: Row) => ({ api: r.api!, requests: r.requests })),
      topKeys: rows
        .filter((r: Row) => !r.by_api && r.prefix !== null)
        .map((r: Row) => ({ keyId: r.keyId, prefix: r.prefix!, requests: r.requests })),
    };
  }

  /** SQL for the bucket of a timestamp expression; both functions share the 2000-01-03 origin. */
  private async bucketSql(interval: Interval): Promise<(expr: string) => string> {
    const width = `interval '${INTERVAL_SQL[interval]}'`;
    return (await this.timeSeries.backend()) === 'timescaledb'
      ? (expr) => `time_bucket(${width}, ${expr}, '2000-01-03'::timestamptz)`
      : (expr) => `date_bin(${width}, ${expr}, '2000-01-03'::timestamptz)`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed where they are mapped
  private read(sql: string, params: unknown[]): Promise<any[]> {
    return this.replica.query(sql, params);
  }
}
