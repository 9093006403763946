/**
 * Analytics types. Queries are the SDK's own (they also take Date objects for `from`/`to`);
 * answers are aliases of the generated OpenAPI schemas, so they cannot drift from the server.
 */
import type { components } from './generated/openapi';
import type { PageQuery } from './types';

type Schemas = components['schemas'];

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
  /** only events by this user */
  actorUserId?: string;
  /** only events about this API key */
  apiKeyId?: string;
}

/** Answers, as the server's OpenAPI document describes them. */
export type UsageBucket = Schemas['UsageBucketDto'];
export type UsageSummary = Schemas['SummaryDto'];
export type AuditEvent = Schemas['AuditEventDto'];
