import { AuthenticationError, DataHubError, MalformedResponseError } from '../errors';
import type { TokenStore } from '../auth/token-store';
import { errorFromResponse } from './problem';
import { toQueryString, type Query } from './query';
import type { Transport } from './transport';

/** Per-call options every SDK method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Makes a POST or PATCH retryable on 5xx and network failures (sent as `Idempotency-Key`). */
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface ApiCall extends CallOptions {
  query?: Query;
  body?: unknown;
  /** 'bearer' (default) sends the access token and refreshes it once on TOKEN_EXPIRED. */
  auth?: 'bearer' | 'none';
}

/** Management API calls: JSON in and out, bearer auth with one transparent refresh, typed errors. */
export class ApiRequester {
  constructor(
    private readonly transport: Transport,
    readonly tokens: TokenStore,
  ) {}

  /** The parsed JSON answer (undefined for 204). */
  async json<T>(method: string, path: string, call: ApiCall = {}): Promise<T> {
    const response = await this.exchange(method, path, call, true);
    const text = await response.text();
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new MalformedResponseError({
        status: response.status,
        code: 'MALFORMED_RESPONSE',
        title: 'Malformed response',
        detail: `${method} ${path} answered ${response.status} with a body that is not JSON`,
        requestId: response.headers.get('x-request-id') ?? undefined,
        cause: error,
      });
    }
  }

  /** A successful answer with its body unread, for downloads. */
  stream(method: string, path: string, call: ApiCall = {}): Promise<Response> {
    return this.exchange(method, path, call, false);
  }

  private async exchange(method: string, path: string, call: ApiCall, buffer: boolean): Promise<Response> {
    const bearer = (call.auth ?? 'bearer') === 'bearer';
    // One budget of waits for the whole call, the replay after a token refresh included.
    const waits = { spentMs: 0 };
    const send = (token: string | undefined) => {
      const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
      if (call.body !== undefined) headers['content-type'] = 'application/json';
      if (bearer && token) headers.authorization = `Bearer ${token}`;
      return this.transport.send({
        method,
        path: path + toQueryString(call.query),
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: call.signal,
        idempotencyKey: call.idempotencyKey,
        buffer,
        waits,
      });
    };

    const sent = bearer ? this.tokens.accessToken : undefined;
    let response = await send(sent);
    if (response.ok) return response;
    let error = await toError(response);
    if (
      bearer &&
      error instanceof AuthenticationError &&
      error.code === 'TOKEN_EXPIRED' &&
      (this.tokens.refreshToken || this.tokens.inCookie)
    ) {
      await this.tokens.refreshAfter(sent);
      response = await send(this.tokens.accessToken);
      if (response.ok) return response;
      error = await toError(response);
    }
    throw error;
  }
}

export async function toError(response: Response): Promise<DataHubError> {
  const text = await response.text().catch(() => '');
  return errorFromResponse(response.status, response.headers, text);
}
