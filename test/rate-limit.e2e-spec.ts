import { randomUUID } from 'node:crypto';
import { AuditWriter } from '@app/audit';
import { InvalidationBus } from '@app/cache';
import { UserRole } from '@app/db';
import { RateLimitHitReporter } from '@app/rate-limit';
import IORedis from 'ioredis';
import { ApiClient, ApiResponse } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, createKey, createTier } from './helpers/gateway-fixtures';
import { RedisServer } from './helpers/redis-server';
import { signIn, SignedIn } from './helpers/session';
import { REDIS_URL } from './helpers/test-env';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

describe('gateway rate limiting (one atomic Redis script, shared by every node)', () => {
  const upstream = new TestUpstream();
  let a: TestApp;
  let b: TestApp;
  let admin: SignedIn;
  let dev: SignedIn;
  let apiName: string;

  beforeAll(async () => {
    await upstream.start();
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
    [admin, dev] = await Promise.all([signIn(a, UserRole.Admin), signIn(a, UserRole.Developer)]);
    ({ name: apiName } = await createApi(new ApiClient(a.url), admin, { upstreamUrl: upstream.url }));
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await upstream.stop();
  });

  async function keyWithTier(limits: { requestsPerMin: number; requestsPerHour: number; burstLimit: number }) {
    const tier = await createTier(new ApiClient(a.url), admin, limits);
    return createKey(new ApiClient(a.url), dev, {
      rateLimitTier: tier,
      permissions: [{ api: apiName, permission: 'write' }],
    });
  }

  const hit = (t: TestApp, key: string, path = '/x') =>
    new ApiClient(t.url).get(`/gateway/${apiName}${path}`, { headers: { 'x-api-key': key } });

  it('admits exactly 5 of 20 concurrent requests at a limit of 5, spread over two nodes', async () => {
    const { key } = await keyWithTier({ requestsPerMin: 5, requestsPerHour: 1000, burstLimit: 100 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => hit(i % 2 ? a : b, key)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(15);
    for (const res of refused) {
      expect(res.body).toMatchObject({
        code: 'RATE_LIMITED',
        policies: [expect.objectContaining({ policy: 'minute', limit: 5, windowSeconds: 60 })],
      });
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(59);
      expect(retryAfter).toBeLessThanOrEqual(61);
      expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    }
  });

  it('sends X-RateLimit-* and the IETF RateLimit fields on every proxied answer', async () => {
    const { key } = await keyWithTier({ requestsPerMin: 50, requestsPerHour: 1000, burstLimit: 8 });
    const first = await hit(a, key);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"burst";q=8;w=1, "minute";q=50;w=60, "hour";q=1000;w=3600');
    expect(first.headers.get('x-ratelimit-limit')).toBe('8');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('7');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(first.headers.get('ratelimit')).toMatch(/^"burst";r=7;t=\d+$/);
    const upstreamError = await hit(a, key, '/status/500');
    expect(upstreamError.status).toBe(500);
    expect(upstreamError.headers.get('x-ratelimit-remaining')).toBe('6');
  });

  it('does not count refused requests: a per-minute refusal burns no hourly budget', async () => {
    const { key, id } = await keyWithTier({ requestsPerMin: 3, requestsPerHour: 100, burstLimit: 100 });
    const statuses = [];
    for (let i = 0; i < 13; i++) statuses.push((await hit(i % 2 ? a : b, key)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    const redis = new IORedis(REDIS_URL, { keyPrefix: process.env.REDIS_KEY_PREFIX });
    try {
      // The subject's one key: per window id, bucketMs, buckets, live buckets, then (bucket, count) pairs.
      const stored = (await redis.eval("return cmsgpack.unpack(redis.call('GET', KEYS[1]))", 1, `{rl:${id}}`)) as Array<
        string | number
      >;
      const counts = (window: string) => {
        for (let at = 0; at < stored.length;) {
          const live = Number(stored[at + 3]);
          const pairs = stored.slice(at + 4, at + 4 + 2 * live).map(Number);
          if (stored[at] === window) return pairs.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
          at += 4 + 2 * live;
        }
        return 0;
      };
      expect(counts('hour')).toBe(3);
      expect(counts('minute')).toBe(3);
      expect(counts('burst')).toBe(3);
    } finally {
      redis.disconnect();
    }
  });

  it('does not charge 401 and 403 answers to the key', async () => {
    const created = await keyWithTier({ requestsPerMin: 2, requestsPerHour: 100, burstLimit: 100 });
    const readOnly = await createKey(new ApiClient(a.url), dev, {
      permissions: [{ api: apiName, permission: 'read' }],
    });
    for (let i = 0; i < 5; i++)
      expect(
        (await new ApiClient(a.url).post(`/gateway/${apiName}/x`, {}, { headers: { 'x-api-key': readOnly.key } }))
          .status,
      ).toBe(403);
    expect((await hit(a, readOnly.key)).status).toBe(200);
    expect((await hit(a, created.key)).status).toBe(200);
    expect((await hit(a, created.key)).status).toBe(200);
    expect((await hit(a, created.key)).status).toBe(429);
  });

  it('refuses a burst across a second boundary (sliding, not fixed, windows) and frees up afterwards', async () => {
    const { key } = await keyWithTier({ requestsPerMin: 100, requestsPerHour: 1000, burstLimit: 3 });
    const first = await Promise.all([0, 1, 2, 3].map(() => hit(a, key)));
    expect(first.filter((r) => r.status === 200)).toHaveLength(3);
    // Half a second later a fixed one-second window may have rolled over; a sliding one has not.
    await new Promise((r) => setTimeout(r, 500));
    const second = await Promise.all([0, 1, 2].map(() => hit(b, key)));
    expect(second.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(second[0].body.policies[0]).toMatchObject({ policy: 'burst', limit: 3 });
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await hit(a, key)).status).toBe(200);
  });

  it("applies the API's own per-minute limit per key, and per client IP on keyless APIs", async () => {
    const limited = await createApi(new ApiClient(a.url), admin, { upstreamUrl: upstream.url, rateLimit: 2 });
    const open = await createApi(new ApiClient(a.url), admin, {
      upstreamUrl: upstream.url,
      rateLimit: 3,
      authRequired: false,
    });
    const { key } = await createKey(new ApiClient(a.url), dev, {
      rateLimitTier: 'enterprise',
      permissions: [{ api: limited.name, permission: 'read' }],
    });
    const keyed: ApiResponse[] = [];
    for (let i = 0; i < 3; i++)
      keyed.push(await new ApiClient(a.url).get(`/gateway/${limited.name}/x`, { headers: { 'x-api-key': key } }));
    expect(keyed.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(keyed[2].body.policies).toEqual([expect.objectContaining({ policy: 'api', limit: 2 })]);
    expect(keyed[0].headers.get('x-ratelimit-limit')).toBe('2');
    const anonymous: number[] = [];
    for (let i = 0; i < 4; i++) anonymous.push((await new ApiClient(b.url).get(`/gateway/${open.name}/x`)).status);
    expect(anonymous).toEqual([200, 200, 200, 429]);
  });

  it('applies a tier change on every node within a second', async () => {
    const tier = await createTier(new ApiClient(a.url), admin, {
      requestsPerMin: 1,
      requestsPerHour: 100,
      burstLimit: 100,
    });
    const { key } = await createKey(new ApiClient(a.url), dev, {
      rateLimitTier: tier,
      permissions: [{ api: apiName, permission: 'read' }],
    });
    expect((await hit(b, key)).status).toBe(200);
    expect((await hit(b, key)).status).toBe(429);
    const patched = await new ApiClient(a.url).patch(
      `/api/v1/admin/rate-limits/${tier}`,
      { requestsPerMin: 10 },
      { token: admin.accessToken },
    );
    expect(patched.status).toBe(200);
    // Node B hears of the change over Redis pub/sub, which may land just after a request
    // sent the moment the PATCH answered. Refused requests consume no budget meanwhile.
    const started = Date.now();
    let status = (await hit(b, key)).status;
    while (status === 429 && Date.now() - started < 1_000) {
      await new Promise((r) => setTimeout(r, 25));
      status = (await hit(b, key)).status;
    }
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('audits the first refusal of a key at once, with its request, and the rest of the minute as one summary', async () => {
    const { key, id } = await keyWithTier({ requestsPerMin: 1, requestsPerHour: 100, burstLimit: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${a.url}/gateway/${apiName}/x`, {
        headers: { 'x-api-key': key, 'x-request-id': `rl-hit-${id}-${i}`, 'user-agent': 'limit-tester' },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 429, 429, 429, 429, 429]);
    const rows = async () => {
      await a.app.get(AuditWriter).flush();
      return withPg(
        process.env.DATABASE_URL!,
        async (pg) =>
          (
            await pg.query(
              `SELECT request_id, ip, user_agent, metadata FROM audit_events WHERE type = 'ratelimit.hit' AND api_key_id = $1 ORDER BY "timestamp"`,
              [id],
            )
          ).rows,
      );
    };
    // Before the minute is over: the first refusal only, as it happened.
    expect(await rows()).toEqual([
      {
        request_id: `rl-hit-${id}-1`,
        ip: '127.0.0.1',
        user_agent: 'limit-tester',
        metadata: { subject: id, api: apiName, count: 1, first: true },
      },
    ]);
    a.app.get(RateLimitHitReporter).flush();
    expect((await rows())[1]).toEqual({
      request_id: null,
      ip: null,
      user_agent: null,
      metadata: expect.objectContaining({ subject: id, count: 4, apis: [apiName], first: false }),
    });
  });
});

describe('rate limiting when Redis is down', () => {
  const upstream = new TestUpstream();
  const redis = new RedisServer();

  beforeAll(async () => {
    await Promise.all([upstream.start(), redis.start()]);
  });
  afterAll(async () => {
    await Promise.all([upstream.stop(), redis.stop()]);
  });

  async function setUp(mode: 'open' | 'closed') {
    const t = await startTestApp({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `rl-${randomUUID().slice(0, 6)}:`,
      RATE_LIMIT_FAILURE_MODE: mode,
    });
    const admin = await signIn(t, UserRole.Admin);
    const api = new ApiClient(t.url);
    const { name } = await createApi(api, admin, { upstreamUrl: upstream.url });
    const tier = await createTier(api, admin, { requestsPerMin: 3, requestsPerHour: 100, burstLimit: 100 });
    const { key } = await createKey(api, admin, {
      rateLimitTier: tier,
      permissions: [{ api: name, permission: 'read' }],
    });
    const call = () => api.get(`/gateway/${name}/x`, { headers: { 'x-api-key': key } });
    expect((await call()).status).toBe(200);
    return { t, call };
  }

  it('open mode: keeps serving and limits per node in memory, never a 401', async () => {
    const { t, call } = await setUp('open');
    await redis.stop();
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await call()).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const bus = t.app.get(InvalidationBus);
      for (let i = 0; i < 20 && !bus.degraded; i++) await new Promise((r) => setTimeout(r, 100));
      expect(bus.degraded).toBe(true);
    } finally {
      await redis.start();
    }
    try {
      // Redis is back: the node listens for cache invalidations again by itself.
      const bus = t.app.get(InvalidationBus);
      for (let i = 0; i < 100 && bus.degraded; i++) await new Promise((r) => setTimeout(r, 100));
      expect(bus.degraded).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('closed mode: answers 503 DEPENDENCY_UNAVAILABLE, never a 401', async () => {
    const { t, call } = await setUp('closed');
    await redis.stop();
    try {
      const res = await call();
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await redis.start();
      await t.close();
    }
  });
});
