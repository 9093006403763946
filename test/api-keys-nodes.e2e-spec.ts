import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { RedisServer } from './helpers/redis-server';
import { signIn, SignedIn } from './helpers/session';
import { TcpProxy } from './helpers/tcp-proxy';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

async function refusedWithin(call: () => Promise<{ status: number }>, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if ((await call()).status === 401) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`still accepted after ${ms} ms`);
}

/** Two gateway nodes sharing one Redis and one PostgreSQL, and what happens when either fails. */
describe('API keys across nodes and through outages', () => {
  const upstream = new TestUpstream();
  const redis = new RedisServer();
  const postgres = new TcpProxy(5432);
  let a: TestApp;
  let b: TestApp;
  let admin: SignedIn;
  let dev: SignedIn;
  let apiName: string;

  beforeAll(async () => {
    await Promise.all([upstream.start(), redis.start(), postgres.start()]);
    const viaProxy = new URL(process.env.DATABASE_URL!);
    viaProxy.port = String(postgres.port);
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}nodes:` };
    [a, b] = await Promise.all([startTestApp(env), startTestApp({ ...env, DATABASE_URL: viaProxy.toString() })]);
    [admin, dev] = await Promise.all([signIn(a, UserRole.Admin), signIn(a, UserRole.Developer)]);
    apiName = (await createApi(new ApiClient(a.url), admin, { upstreamUrl: upstream.url })).name;
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([upstream.stop(), redis.stop(), postgres.stop()]);
  });

  const via = (t: TestApp, key: string) =>
    new ApiClient(t.url).get(`/gateway/${apiName}/x`, { headers: { 'x-api-key': key } });

  it('refuses on node B within a second a key revoked through node A, though B had it in L1', async () => {
    const { id, key } = await createKey(new ApiClient(a.url), dev, {
      permissions: [{ api: apiName, permission: 'read' }],
    });
    expect((await via(b, key)).status).toBe(200);
    expect((await via(b, key)).status).toBe(200);
    expect((await new ApiClient(a.url).delete(`/api/v1/keys/${id}`, { token: dev.accessToken })).status).toBe(204);
    expect(await refusedWithin(() => via(b, key), 1_000)).toBeLessThan(1_000);
    expect((await via(b, key)).status).toBe(401);
  });

  it('resubscribes after Redis restarts, so revocations keep reaching every node', async () => {
    const { id, key } = await createKey(new ApiClient(a.url), dev, {
      permissions: [{ api: apiName, permission: 'read' }],
    });
    expect((await via(b, key)).status).toBe(200);
    await redis.stop();
    await redis.start();
    // Give both nodes time to reconnect and resubscribe.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await via(b, key)).status).toBe(200);
    expect((await new ApiClient(a.url).delete(`/api/v1/keys/${id}`, { token: dev.accessToken })).status).toBe(204);
    expect(await refusedWithin(() => via(b, key), 1_000)).toBeLessThan(1_000);
  });

  it('with Redis down: keys in L1 keep working, others are looked up in PostgreSQL, nothing is a 401 for it', async () => {
    const warm = await createKey(new ApiClient(a.url), dev, { permissions: [{ api: apiName, permission: 'read' }] });
    const cold = await createKey(new ApiClient(a.url), dev, { permissions: [{ api: apiName, permission: 'read' }] });
    expect((await via(a, warm.key)).status).toBe(200);
    await redis.stop();
    try {
      expect((await via(a, warm.key)).status).toBe(200);
      expect((await via(a, cold.key)).status).toBe(200);
      expect((await via(b, cold.key)).status).toBe(200);
      expect((await new ApiClient(a.url).get('/health/live')).status).toBe(200);
    } finally {
      await redis.start();
    }
  });

  it('with PostgreSQL down: cached keys keep working, unknown keys get 503 (not 401)', async () => {
    const warm = await createKey(new ApiClient(a.url), dev, { permissions: [{ api: apiName, permission: 'read' }] });
    await new Promise((r) => setTimeout(r, 2_000)); // Redis from the last test is back
    expect((await via(b, warm.key)).status).toBe(200);
    const { generateKey } = await import('@app/api-keys');
    postgres.cut();
    try {
      expect((await via(b, warm.key)).status).toBe(200);
      const started = Date.now();
      const unknown = await via(b, generateKey().key);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(unknown.status).toBe(503);
      expect((unknown as unknown as { body: { code: string } }).body.code).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      postgres.restore();
    }
  });
});
