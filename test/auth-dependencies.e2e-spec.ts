import { ApiClient } from './helpers/api-client';
import { waitForStatus } from './helpers/processes';
import { RedisServer } from './helpers/redis-server';
import { PASSWORD, signIn } from './helpers/session';
import { TcpProxy } from './helpers/tcp-proxy';
import { startTestApp, TestApp } from './helpers/test-app';

/**
 * The dependency-failure table of docs/operations.md ("Failures and what DataHub does"): with Redis down, sign-in still works and revocation fails closed
 * through PostgreSQL; with PostgreSQL down too, 503 quickly, never a logged-out token let in.
 */
describe('identity when Redis or PostgreSQL is down', () => {
  const redis = new RedisServer();
  const postgres = new TcpProxy(5432);
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    await redis.start();
    const pgPort = await postgres.start();
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(pgPort);
    t = await startTestApp({ REDIS_URL: redis.url, DATABASE_URL: url.toString() });
    api = new ApiClient(t.url);
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await postgres.stop();
  });

  it('keeps sign-in working and revocation fail-closed while Redis is down, and after it returns', async () => {
    const user = await signIn(t);
    const second = await signIn(t);
    await redis.stop();

    const login = await api.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await api.get('/api/v1/auth/me', { token: login.body.accessToken })).status).toBe(200);

    expect((await api.post('/api/v1/auth/logout', {}, { token: login.body.accessToken })).status).toBe(204);
    const afterLogout = await api.get('/api/v1/auth/me', { token: login.body.accessToken });
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.code).toBe('TOKEN_REVOKED');

    await redis.start();
    // While Redis reconnects and reloads its blacklist from PostgreSQL, and after: refused.
    for (let i = 0; i < 12; i++) {
      const during = await api.get('/api/v1/auth/me', { token: login.body.accessToken });
      expect(during.status).toBe(401);
      await new Promise((r) => setTimeout(r, 250));
    }
    await waitForStatus(`${t.url}/health/ready`, 200, 10_000);
    const later = await api.get('/api/v1/auth/me', { token: login.body.accessToken });
    expect(later.status).toBe(401);
    expect(later.body.code).toBe('TOKEN_REVOKED');
    expect((await api.get('/api/v1/auth/me', { token: second.accessToken })).status).toBe(200);
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE within 2 s when PostgreSQL and Redis are both down', async () => {
    const user = await signIn(t);
    await redis.stop();
    postgres.cut();
    try {
      for (const call of [
        () => api.get('/api/v1/auth/me', { token: user.accessToken }),
        () => api.post('/api/v1/auth/login', { email: user.email, password: PASSWORD }),
        () => api.post('/api/v1/auth/refresh', { refreshToken: user.refreshToken }),
      ]) {
        const started = Date.now();
        const res = await call();
        expect(Date.now() - started).toBeLessThan(2_500);
        expect(res.status).toBe(503);
        expect(res.body.code).toBe('DEPENDENCY_UNAVAILABLE');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    } finally {
      postgres.restore();
      await redis.start();
    }
    // Recovered without a restart.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await api.get('/api/v1/auth/me', { token: user.accessToken })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
