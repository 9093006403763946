import type { AuditEvent, AuditQuery, ExportQuery, UsageBucket, UsageQuery, UsageSummary } from '../analytics.types';
import type { ApiRequester, CallOptions } from '../http/api-requester';
import { ListAllOptions, paginate } from '../pagination';
import type { Envelope, Page } from '../types';

const BASE = '/api/v1/analytics';

/** A streamed export: read `body` (bytes) or iterate it. */
export interface AnalyticsExport {
  /** `text/csv` or `application/x-ndjson` (as the server labels it) */
  contentType: string;
  /** bytes, when the server announced them (a streamed export usually does not) */
  contentLength?: number;
  body: ReadableStream<Uint8Array>;
}

/** `/api/v1/analytics`: traffic of the caller's keys (an admin's: all). */
export class AnalyticsResource {
  constructor(private readonly http: ApiRequester) {}

  async usage(query: UsageQuery = {}, options?: CallOptions): Promise<UsageBucket[]> {
    return (await this.http.json<Envelope<UsageBucket[]>>('GET', `${BASE}/usage`, { ...options, query })).data;
  }

  async summary(query: Omit<UsageQuery, 'interval'> = {}, options?: CallOptions): Promise<UsageSummary> {
    return (await this.http.json<Envelope<UsageSummary>>('GET', `${BASE}/summary`, { ...options, query })).data;
  }

  /** request_logs rows as CSV or NDJSON, streamed as the server writes them. */
  async export(query: ExportQuery = {}, options?: CallOptions): Promise<AnalyticsExport> {
    const accept = query.format === 'ndjson' ? 'application/x-ndjson' : 'text/csv';
    const response = await this.http.stream('GET', `${BASE}/export`, {
      ...options,
      query,
      headers: { accept, ...options?.headers },
    });
    const length = response.headers.get('content-length');
    return {
      contentType: response.headers.get('content-type') ?? accept,
      contentLength: length === null ? undefined : Number(length),
      body: response.body ?? new ReadableStream({ start: (controller) => controller.close() }),
    };
  }

  /** Audit events (admins). */
  audit(query: AuditQuery = {}, options?: CallOptions): Promise<Page<AuditEvent>> {
    return this.http.json<Page<AuditEvent>>('GET', `${BASE}/audit`, { ...options, query });
  }

  auditAll(
    filters: Omit<AuditQuery, 'limit' | 'offset'> = {},
    page: ListAllOptions = {},
    options?: CallOptions,
  ): AsyncGenerator<AuditEvent, void, undefined> {
    return paginate((window) => this.audit({ ...filters, ...window }, options), page);
  }
}
