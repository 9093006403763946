import { TokenPair, TokenStore } from './auth/token-store';
import { ApiRequester } from './http/api-requester';
import { DEFAULT_RETRY, RetryOptions, sleep } from './http/retry';
import { FetchLike, RateLimitHandler, Transport } from './http/transport';
import { AnalyticsResource } from './resources/analytics';
import { ApiKeysResource } from './resources/api-keys';
import { ApisResource } from './resources/apis';
import { AuthResource } from './resources/auth';
import { GatewayResource } from './resources/gateway';
import { RateLimitsResource } from './resources/rate-limits';
import { UsersResource } from './resources/users';
import type { Tokens } from './types';

export interface DataHubClientOptions {
  /** e.g. https://datahub.example.com (no trailing /api/v1) */
  baseUrl: string;
  /** Sent as X-API-Key by `client.gateway.request`. */
  apiKey?: string;
  /** Tokens from an earlier login, e.g. kept by a CLI. */
  accessToken?: string;
  refreshToken?: string;
  /**
   * For a browser page on the server's own origin: sign-in asks the server to keep the
   * refresh token in an httpOnly cookie that page scripts cannot read, and refreshes send
   * that cookie instead of a token.
   */
  refreshCookie?: boolean;
  /** Retries after the first attempt, for 429s and retryable failures. Default 2. */
  maxRetries?: number;
  /** Backoff and Retry-After bounds; see RetryOptions. */
  retry?: Partial<Omit<RetryOptions, 'maxRetries'>>;
  /** Told about every 429; return false to stop retrying. */
  onRateLimited?: RateLimitHandler;
  /** Told about every new token pair the SDK obtained by refreshing (persist them here). */
  onTokenRefresh?: (tokens: TokenPair) => void | Promise<void>;
  /** Default: the global fetch. */
  fetch?: FetchLike;
  /** For tests: how to wait (default setTimeout) and the jitter source (default Math.random). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** The DataHub API: `client.auth`, `client.apiKeys`, `client.apis`, `client.rateLimits`, `client.users`, `client.analytics`, `client.gateway`. */
export class DataHubClient {
  readonly auth: AuthResource;
  readonly apiKeys: ApiKeysResource;
  readonly apis: ApisResource;
  readonly rateLimits: RateLimitsResource;
  readonly users: UsersResource;
  readonly analytics: AnalyticsResource;
  readonly gateway: GatewayResource;
  private readonly tokenStore: TokenStore;

  constructor(options: DataHubClientOptions) {
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const transport = new Transport({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetch: fetchImpl,
      retry: { ...DEFAULT_RETRY, ...options.retry, maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries },
      sleep: options.sleep ?? sleep,
      random: options.random ?? Math.random,
      onRateLimited: options.onRateLimited,
    });
    // The refresh goes through the same requester (without bearer auth), made just below.
    this.tokenStore = new TokenStore(
      options,
      (refreshToken) =>
        http.json<Tokens>('POST', '/api/v1/auth/refresh', {
          body: refreshToken ? { refreshToken } : {},
          // The cookie is used only with this header, which a cross-site page cannot send.
          headers: refreshToken ? undefined : { 'x-datahub-refresh-cookie': '1' },
          auth: 'none',
        }),
      options.onTokenRefresh,
      options.refreshCookie === true,
    );
    const http = new ApiRequester(transport, this.tokenStore);
    this.auth = new AuthResource(http);
    this.apiKeys = new ApiKeysResource(http);
    this.apis = new ApisResource(http);
    this.rateLimits = new RateLimitsResource(http);
    this.users = new UsersResource(http);
    this.analytics = new AnalyticsResource(http);
    this.gateway = new GatewayResource(transport, options.apiKey);
  }

  /** The tokens the client holds now (they change on login, refresh and logout). */
  get tokens(): { accessToken?: string; refreshToken?: string } {
    return { accessToken: this.tokenStore.accessToken, refreshToken: this.tokenStore.refreshToken };
  }
}
