import { NetworkError } from '../errors';
import { parseRetryAfter } from './retry-after';
import { backoffDelay, isIdempotent, isRetryableStatus, RetryOptions } from './retry';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What `onRateLimited` learns about each 429. */
export interface RateLimitEvent {
  method: string;
  url: string;
  /** From `Retry-After`, when the server sent it. */
  retryAfterMs?: number;
  /** 1 for the first 429 of this call, 2 for the next, ... */
  attempt: number;
  /** Whether the SDK is about to wait and retry (false: it gives up and throws). */
  willRetry: boolean;
}

/** Return `false` to give up instead of retrying. */
export type RateLimitHandler = (event: RateLimitEvent) => void | boolean | Promise<void | boolean>;

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  retry: RetryOptions;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  onRateLimited?: RateLimitHandler;
}

export interface TransportRequest {
  method: string;
  /** Path below baseUrl, with its query string. */
  path: string;
  headers: Record<string, string>;
  body?: RequestInit['body'];
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`; lets 5xx and network failures of a POST or PATCH be retried. */
  idempotencyKey?: string;
  /** Read the whole body inside the attempt, so that a socket closed mid-body is retried too. */
  buffer?: boolean;
  /** The waits so far of the call this exchange belongs to (a call that refreshes its token sends twice). */
  waits?: WaitBudget;
}

/** What one call has spent waiting, against `maxWaitMs`. */
export interface WaitBudget {
  spentMs: number;
}

/**
 * One HTTP exchange with the SDK's retry rules: a 429 waits for `Retry-After` and retries;
 * 5xx and network failures retry with backoff only when a repeat is harmless. All waits of
 * one call together stay within `maxWaitMs`. Returns the last answer whatever its status;
 * throws NetworkError when no answer came.
 */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async send(request: TransportRequest): Promise<Response> {
    const { retry, random, sleep } = this.options;
    const url = this.options.baseUrl + request.path;
    const method = request.method.toUpperCase();
    const headers = request.idempotencyKey
      ? { ...request.headers, 'idempotency-key': request.idempotencyKey }
      : request.headers;
    const init: RequestInit = { method, headers, body: request.body, signal: request.signal };
    const replayable = !isStream(request.body);
    const mayRepeat = replayable && (isIdempotent(method) || request.idempotencyKey !== undefined);
    let rateLimited = 0;
    const waits = request.waits ?? { spentMs: 0 };

    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < retry.maxRetries;
      let response: Response;
      try {
        response = await this.options.fetch(url, init);
        if (request.buffer) response = await buffered(response);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const wait = backoffDelay(attempt, retry, random);
        if (!(mayRepeat && canRetry) || waits.spentMs + wait > retry.maxWaitMs) throw networkError(method, url, error);
        waits.spentMs += wait;
        await sleep(wait, request.signal);
        continue;
      }

      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const wait = retryAfterMs ?? backoffDelay(attempt, retry, random);
        const willRetry = replayable && canRetry && waits.spentMs + wait <= retry.maxWaitMs;
        const verdict = await this.options.onRateLimited?.({
          method,
          url,
          retryAfterMs,
          attempt: ++rateLimited,
          willRetry,
        });
        if (!willRetry || verdict === false) return response;
        await discard(response);
        waits.spentMs += wait;
        await sleep(wait, request.signal);
        continue;
      }

      if (isRetryableStatus(response.status) && mayRepeat && canRetry) {
        const asked = parseRetryAfter(response.headers.get('retry-after')) ?? 0;
        const wait = Math.max(asked, backoffDelay(attempt, retry, random));
        if (waits.spentMs + wait > retry.maxWaitMs) return response;
        await discard(response);
        waits.spentMs += wait;
        await sleep(wait, request.signal);
        continue;
      }
      return response;
    }
  }
}

function isStream(body: RequestInit['body']): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** The same answer with its body already read into memory. */
async function buffered(response: Response): Promise<Response> {
  const bytes = await response.arrayBuffer();
  const empty = bytes.byteLength === 0 && [101, 204, 205, 304].includes(response.status);
  return new Response(empty ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Frees the connection of an answer that will not be read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function networkError(method: string, url: string, error: unknown): NetworkError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return new NetworkError({
    code: 'NETWORK_ERROR',
    title: 'Network error',
    detail: `${method} ${url} failed: ${reason}`,
    cause: error,
  });
}
