import { FakeServer, problem, sendJson } from '../../testing/fake-server';
import { DataHubClient } from '../client';
import { AuthenticationError, NetworkError } from '../errors';
import type { TokenPair } from './token-store';

/**
 * A server whose protected route accepts only `current`, answers TOKEN_EXPIRED for any
 * other bearer token, and whose /auth/refresh is scripted per test.
 */
describe('access-token refresh (SDK Auth Flow)', () => {
  const server = new FakeServer();
  let current: string;
  let refreshAnswer: (body: { refreshToken: string }) => [number, unknown];
  let refreshes: string[];
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  beforeEach(() => {
    current = 'access-2';
    refreshes = [];
    refreshAnswer = () => [
      200,
      { accessToken: 'access-2', refreshToken: 'refresh-2', tokenType: 'Bearer', expiresIn: 900 },
    ];
    server.handle((req, res) => {
      if (req.url === '/api/v1/auth/refresh') {
        const body = JSON.parse(req.body);
        refreshes.push(body.refreshToken);
        // Slow enough that every concurrent call has failed before the refresh completes.
        setTimeout(() => sendJson(res, ...refreshAnswer(body)), 30);
        return;
      }
      if (req.headers.authorization === `Bearer ${current}`)
        return sendJson(res, 200, { data: { id: 'me', email: 'a@example.com', role: 'admin', permissions: [] } });
      sendJson(res, 401, problem(401, 'TOKEN_EXPIRED'));
    });
  });

  const client = (onTokenRefresh?: (tokens: TokenPair) => void) =>
    new DataHubClient({
      baseUrl: server.url,
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      onTokenRefresh,
      sleep: async () => undefined,
    });

  const protectedCalls = () => server.requests.filter((r) => r.url === '/api/v1/auth/me' && r.headers.authorization);

  it('refreshes once and replays the call', async () => {
    const seen: TokenPair[] = [];
    const c = client((tokens) => void seen.push(tokens));
    await expect(c.auth.me()).resolves.toMatchObject({ id: 'me' });
    expect(refreshes).toEqual(['refresh-1']);
    expect(protectedCalls().map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(c.tokens).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(seen).toEqual([expect.objectContaining({ accessToken: 'access-2', refreshToken: 'refresh-2' })]);
  });

  it('with refreshCookie: asks for the cookie at sign-in and refreshes with an empty body', async () => {
    refreshAnswer = () => [200, { accessToken: 'access-2', tokenType: 'Bearer', expiresIn: 900 }];
    const c = new DataHubClient({ baseUrl: server.url, accessToken: 'access-1', refreshCookie: true });
    await expect(c.auth.me()).resolves.toMatchObject({ id: 'me' });
    const refresh = server.requests.find((r) => r.url === '/api/v1/auth/refresh')!;
    expect(JSON.parse(refresh.body)).toEqual({});
    expect(refresh.headers['x-datahub-refresh-cookie']).toBe('1');
    expect(c.tokens).toEqual({ accessToken: 'access-2', refreshToken: undefined });

    server.handle((req, res) => sendJson(res, 200, { accessToken: 'access-3', tokenType: 'Bearer', expiresIn: 900 }));
    await c.auth.login({ email: 'a@example.com', password: 'pw' });
    const login = server.requests.find((r) => r.url === '/api/v1/auth/login')!;
    expect(JSON.parse(login.body)).toEqual({ email: 'a@example.com', password: 'pw', refreshCookie: true });
  });

  it('shares one refresh among ten concurrent calls (single flight)', async () => {
    const seen: TokenPair[] = [];
    const c = client((tokens) => void seen.push(tokens));
    const results = await Promise.all(Array.from({ length: 10 }, () => c.auth.me()));
    expect(results.every((me) => me.id === 'me')).toBe(true);
    expect(refreshes).toEqual(['refresh-1']);
    expect(seen).toHaveLength(1);
    expect(protectedCalls().filter((r) => r.headers.authorization === 'Bearer access-2')).toHaveLength(10);
  });

  it('surfaces a refused refresh as AuthenticationError to every waiting call, and forgets the tokens', async () => {
    refreshAnswer = () => [401, problem(401, 'REFRESH_TOKEN_REUSED', { requestId: 'r-reuse' })];
    const c = client();
    const errors = await Promise.all(Array.from({ length: 5 }, () => c.auth.me().catch((e) => e)));
    for (const error of errors) {
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED', requestId: 'r-reuse' });
    }
    expect(refreshes).toEqual(['refresh-1']);
    expect(c.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
  });

  it('wraps a refresh that could not reach the server in AuthenticationError and keeps the tokens', async () => {
    refreshAnswer = () => {
      throw new Error('unused');
    };
    server.handle((req, res) =>
      req.url === '/api/v1/auth/refresh' ? res.socket!.destroy() : sendJson(res, 401, problem(401, 'TOKEN_EXPIRED')),
    );
    const c = client();
    const error = await c.auth.me().catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('TOKEN_REFRESH_FAILED');
    expect(error.cause).toBeInstanceOf(NetworkError);
    expect(c.tokens).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    // POST /auth/refresh is never repeated: a lost answer may already have rotated the token.
    expect(server.requests.filter((r) => r.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('replays only once: a second TOKEN_EXPIRED is thrown', async () => {
    current = 'never';
    const error = await client()
      .auth.me()
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });
    expect(refreshes).toHaveLength(1);
    expect(server.requests.filter((r) => r.url === '/api/v1/auth/me')).toHaveLength(2);
  });

  it('does not refresh for other 401 codes, nor without a refresh token', async () => {
    server.handle((_req, res) => sendJson(res, 401, problem(401, 'TOKEN_REVOKED')));
    await expect(client().auth.me()).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    server.handle((_req, res) => sendJson(res, 401, problem(401, 'TOKEN_EXPIRED')));
    const c = new DataHubClient({ baseUrl: server.url, accessToken: 'access-1' });
    await expect(c.auth.me()).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(server.requests).toHaveLength(1);
  });

  it('login stores the tokens and logout sends the refresh token, then forgets both', async () => {
    server.handle((req, res) => {
      if (req.url === '/api/v1/auth/login')
        return sendJson(res, 200, { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 });
      res.writeHead(204).end();
    });
    const c = new DataHubClient({ baseUrl: server.url });
    await c.auth.login({ email: 'a@example.com', password: 'pw' });
    expect(c.tokens).toEqual({ accessToken: 'a', refreshToken: 'r' });
    await c.auth.logout();
    const logout = server.requests[1];
    expect(logout.headers.authorization).toBe('Bearer a');
    expect(JSON.parse(logout.body)).toEqual({ refreshToken: 'r' });
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(c.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
  });
});
