/**
 * Analytics types, written by hand from API.md "Analytics": the server does not serve these
 * routes yet. Once it does, `npm run sdk:types` adds them to generated/openapi.ts and these
 * can become aliases of the generated schemas, like types.ts.
 */
import type { PageQuery } from './types';

export type UsageInterval = 'minute' | 'hour' | 'day';
export type ExportFormat = 'csv' | 'ndjson';

/** `from`/`to` default to the last 24 hours. Dates or ISO 8601 strings. */
export interface TimeRange {
  from?: Date | string;
  to?: Date | string;
}

export interface TrafficFilter extends TimeRange {
  /** API name */
  api?: string;
  keyId?: string;
}

export interface UsageQuery extends TrafficFilter {
  interval?: UsageInterval;
}

export interface ExportQuery extends TrafficFilter {
  format?: ExportFormat;
}

export interface AuditQuery extends TimeRange, PageQuery {
  /** event type, e.g. auth.login.failure */
  type?: string;
}

export interface UsageBucket {
  bucket: string;
  requests: number;
  /** requests answered with status >= 400 */
  errors: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p99LatencyMs: number | null;
}

export interface UsageSummary {
  from: string;
  to: string;
  totalRequests: number;
  errorRequests: number;
  errorRate: number;
  statusClasses: { '2xx': number; '3xx': number; '4xx': number; '5xx': number };
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p99LatencyMs: number | null;
  topApis: { api: string; requests: number }[];
  topKeys: { keyId: string; prefix: string; requests: number }[];
}

export interface AuditEvent {
  id: string;
  type: string;
  timestamp: string;
  actorUserId: string | null;
  apiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Record<string, unknown>;
}
