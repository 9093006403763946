import type { TokenPair } from '../auth/token-store';
import type { ApiRequester, CallOptions } from '../http/api-requester';
import type { Envelope, LoginInput, Me, RegisterInput, Tokens, User } from '../types';

/** `/api/v1/auth`: sign in and out; the client keeps the tokens and uses them for later calls. */
export class AuthResource {
  constructor(private readonly http: ApiRequester) {}

  async login(credentials: LoginInput, options?: CallOptions): Promise<Tokens> {
    const tokens = await this.http.json<Tokens>('POST', '/api/v1/auth/login', {
      ...options,
      body: this.http.tokens.inCookie ? { ...credentials, refreshCookie: true } : credentials,
      auth: 'none',
    });
    this.http.tokens.set(tokens);
    return tokens;
  }

  /** Exchanges the refresh token for a new pair now (the SDK also does this by itself on TOKEN_EXPIRED). */
  async refresh(): Promise<TokenPair> {
    await this.http.tokens.refreshNow();
    return { accessToken: this.http.tokens.accessToken!, refreshToken: this.http.tokens.refreshToken };
  }

  /** Ends the session on the server (access token blacklisted, refresh token family revoked) and forgets the tokens. */
  async logout(options?: CallOptions): Promise<void> {
    const refreshToken = this.http.tokens.refreshToken;
    try {
      await this.http.json<void>('POST', '/api/v1/auth/logout', {
        ...options,
        body: refreshToken ? { refreshToken } : {},
      });
    } finally {
      this.http.tokens.clear();
    }
  }

  /** Changes the password: every sign-in ends, and the client goes on with the new pair it gets back. */
  async changePassword(currentPassword: string, newPassword: string, options?: CallOptions): Promise<Tokens> {
    const tokens = await this.http.json<Tokens>('POST', '/api/v1/auth/password', {
      ...options,
      body: this.http.tokens.inCookie
        ? { currentPassword, newPassword, refreshCookie: true }
        : { currentPassword, newPassword },
    });
    this.http.tokens.set(tokens);
    return tokens;
  }

  /** Ends every sign-in of this user, on every device, and forgets the tokens. */
  async logoutAll(options?: CallOptions): Promise<void> {
    try {
      await this.http.json<void>('POST', '/api/v1/auth/logout-all', options);
    } finally {
      this.http.tokens.clear();
    }
  }

  async me(options?: CallOptions): Promise<Me> {
    return (await this.http.json<Envelope<Me>>('GET', '/api/v1/auth/me', options)).data;
  }

  /** Creates a `viewer` account; does not sign in. */
  async register(input: RegisterInput, options?: CallOptions): Promise<User> {
    return (
      await this.http.json<Envelope<User>>('POST', '/api/v1/auth/register', { ...options, body: input, auth: 'none' })
    ).data;
  }
}
