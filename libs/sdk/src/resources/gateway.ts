import { toError } from '../http/api-requester';
import { toQueryString, type Query } from '../http/query';
import type { Transport } from '../http/transport';

export interface GatewayRequestInit {
  /** Default GET. */
  method?: string;
  headers?: Record<string, string>;
  body?: RequestInit['body'];
  query?: Query;
  signal?: AbortSignal;
  /** Overrides the client's `apiKey` for this call. */
  apiKey?: string;
  /** Makes a POST or PATCH retryable on 5xx and network failures. */
  idempotencyKey?: string;
}

/** `/gateway/{api}/{path}`: calls an upstream API through DataHub with an API key. */
export class GatewayResource {
  constructor(
    private readonly transport: Transport,
    private readonly apiKey: string | undefined,
  ) {}

  /**
   * The upstream's answer, whatever its status, like fetch. The SDK's retry rules apply
   * (429 waits for Retry-After; 5xx and network failures retry for idempotent methods); a
   * 429 that outlasts them throws RateLimitError.
   */
  async request(apiName: string, path: string, init: GatewayRequestInit = {}): Promise<Response> {
    const apiKey = init.apiKey ?? this.apiKey;
    const headers: Record<string, string> = { ...init.headers };
    if (apiKey) headers['x-api-key'] = apiKey;
    const query = toQueryString(init.query);
    const target = path.replace(/^\/+/, '') + (query && path.includes('?') ? `&${query.slice(1)}` : query);
    const response = await this.transport.send({
      method: init.method ?? 'GET',
      path: `/gateway/${encodeURIComponent(apiName)}/${target}`,
      headers,
      body: init.body,
      signal: init.signal,
      idempotencyKey: init.idempotencyKey,
    });
    if (response.status === 429) throw await toError(response);
    return response;
  }
}
