/** Retry tuning. Delays are milliseconds. */
export interface RetryOptions {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). Default 2. */
  maxRetries: number;
  /** First backoff ceiling; doubles per attempt. Default 250. */
  baseDelayMs: number;
  /** Largest backoff ceiling. Default 8,000. */
  maxDelayMs: number;
  /**
   * Longest the SDK waits in total within one call, across every 429 and retried failure.
   * A wait that would go past it is not started: the answer is thrown at once (a 429 as
   * RateLimitError with its retryAfterMs). Default 5,000.
   */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 2,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxWaitMs: 5_000,
};

/** Methods a server may receive twice without harm (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Answers that say "try again later", not "your request is wrong". */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base · 2^attempt)). */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** setTimeout as a promise that an AbortSignal can cut short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
