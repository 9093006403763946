import { AuthenticationError, DataHubError } from '../errors';

/** The pair /auth/login and /auth/refresh answer. */
export interface TokenPair {
  accessToken: string;
  /** absent when the server keeps it in the browser's httpOnly cookie (`refreshCookie`) */
  refreshToken?: string;
  tokenType?: 'Bearer';
  /** access-token lifetime in seconds */
  expiresIn?: number;
}

/** `undefined`: the refresh token is the browser's cookie, sent by the browser itself. */
export type RefreshFn = (refreshToken: string | undefined) => Promise<TokenPair>;

/**
 * Holds the user's tokens and refreshes them: calls that
 * fail together with TOKEN_EXPIRED share one refresh (single flight), and a refresh token
 * is never presented twice, since the server treats that as theft and revokes the family.
 */
export class TokenStore {
  accessToken?: string;
  refreshToken?: string;
  private inflight?: Promise<void>;

  constructor(
    initial: { accessToken?: string; refreshToken?: string },
    private readonly exchange: RefreshFn,
    private readonly onTokenRefresh?: (tokens: TokenPair) => void | Promise<void>,
    /** the refresh token lives in an httpOnly cookie that this code never sees */
    readonly inCookie = false,
  ) {
    this.accessToken = initial.accessToken;
    this.refreshToken = initial.refreshToken;
  }

  set(tokens: TokenPair): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
  }

  clear(): void {
    this.accessToken = undefined;
    this.refreshToken = undefined;
  }

  /**
   * Gets a new access token to replace `stale` (the one a call was refused with). If
   * another call has already replaced it, there is nothing to do; if one is replacing it,
   * wait for that refresh instead of starting a second.
   */
  refreshAfter(stale: string | undefined): Promise<void> {
    if (this.inflight) return this.inflight;
    if (stale !== this.accessToken) return Promise.resolve();
    this.inflight = this.refresh().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Refreshes now, sharing a refresh already in flight. */
  refreshNow(): Promise<void> {
    return this.refreshAfter(this.accessToken);
  }

  private async refresh(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (!refreshToken && !this.inCookie) {
      throw new AuthenticationError({
        status: 401,
        code: 'REFRESH_TOKEN_MISSING',
        title: 'Authentication failed',
        detail: 'No refresh token: sign in again',
      });
    }
    let tokens: TokenPair;
    try {
      tokens = await this.exchange(refreshToken);
    } catch (error) {
      throw this.failure(error);
    }
    this.set(tokens);
    await this.onTokenRefresh?.(tokens);
  }

  /** A refused refresh ends the session; anything else (network, 5xx) keeps the tokens for a later try. */
  private failure(error: unknown): AuthenticationError {
    if (error instanceof AuthenticationError) {
      this.clear();
      return error;
    }
    const reason = error instanceof DataHubError ? error : undefined;
    return new AuthenticationError({
      status: reason?.status,
      code: 'TOKEN_REFRESH_FAILED',
      title: 'Authentication failed',
      detail: `Could not refresh the access token: ${(error as Error)?.message ?? String(error)}`,
      requestId: reason?.requestId,
      cause: error,
    });
  }
}
