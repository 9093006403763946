import { createHash, randomUUID } from 'node:crypto';
import { RequestLogWriter } from '@app/analytics';
import { AuditWriter } from '@app/audit';
import { UsersService } from '@app/auth';
import { UserRole } from '@app/db';
import {
  ApiKeyWithSecret,
  AuthenticationError,
  ConflictError,
  DataHubClient,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  RateLimitEvent,
  TokenPair,
  ValidationError,
} from '@datahub/sdk';
import { withPg } from './helpers/databases';
import { json } from './helpers/http';
import { PASSWORD, uniqueEmail } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

/** The shortest access-token lifetime the configuration allows (the server checks exp with 5 s tolerance). */
const ACCESS_TTL_SECONDS = 60;

/**
 * Lets the tokens' lifetime pass without waiting a minute: only Date moves (the app runs in
 * this process, so jsonwebtoken sees it); timers, Redis and PostgreSQL keep real time.
 */
function advanceClockPastTokenExpiry(): void {
  jest.useFakeTimers({
    now: Date.now() + (ACCESS_TTL_SECONDS + 6) * 1000,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('@datahub/sdk against the real server (PostgreSQL, Redis, gateway)', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let adminEmail: string;
  let admin: DataHubClient;
  let apiName: string;
  let tierName: string;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS) });
    adminEmail = uniqueEmail('sdk-admin');
    await t.app.get(UsersService).create({ email: adminEmail, password: PASSWORD, role: UserRole.Admin });
    admin = new DataHubClient({ baseUrl: t.url });
    await admin.auth.login({ email: adminEmail, password: PASSWORD });
    apiName = (await admin.apis.create({ name: `sdk-${randomUUID().slice(0, 8)}`, upstreamUrl: upstream.url })).name;
    // Burst 1 per second: a second request within the same second is refused with Retry-After: 1.
    tierName = (
      await admin.rateLimits.create({
        tierName: `sdk-${randomUUID().slice(0, 8)}`,
        requestsPerMin: 1000,
        requestsPerHour: 10000,
        burstLimit: 1,
      })
    ).tierName;
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
    await upstream.stop();
  });
  afterEach(() => jest.useRealTimers());

  const newKey = (name = 'sdk key') =>
    admin.apiKeys.create({ name, rateLimitTier: tierName, permissions: [{ api: apiName, permission: 'write' }] });
  const signedIn = async (onTokenRefresh?: (tokens: TokenPair) => void) => {
    const client = new DataHubClient({ baseUrl: t.url, onTokenRefresh });
    await client.auth.login({ email: adminEmail, password: PASSWORD });
    return client;
  };

  describe('sign-in and the management API', () => {
    it('changes a password and goes on with the new pair; signs out everywhere', async () => {
      const email = uniqueEmail('sdk-pw');
      await t.app.get(UsersService).create({ email, password: PASSWORD, role: UserRole.Viewer });
      const device = new DataHubClient({ baseUrl: t.url });
      await device.auth.login({ email, password: PASSWORD });
      const elsewhere = new DataHubClient({ baseUrl: t.url });
      await elsewhere.auth.login({ email, password: PASSWORD });

      await device.auth.changePassword(PASSWORD, 'another long passphrase');
      expect((await device.auth.me()).email).toBe(email);
      await expect(elsewhere.auth.me()).rejects.toMatchObject({ status: 401 });

      await device.auth.logoutAll();
      await expect(device.auth.me()).rejects.toMatchObject({ status: 401 });
    });

    it('logs in, reports the user, and keeps the pair for later calls', async () => {
      const client = new DataHubClient({ baseUrl: t.url });
      const tokens = await client.auth.login({ email: adminEmail, password: PASSWORD });
      expect(tokens).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: ACCESS_TTL_SECONDS,
        refreshToken: expect.stringMatching(/^dhr_/),
      });
      expect(client.tokens).toEqual({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      const me = await client.auth.me();
      expect(me).toMatchObject({ email: adminEmail, role: 'admin' });
      expect(me.permissions).toContain('rate-limits:write');
    });

    it('creates, reads, updates, rotates and revokes a key', async () => {
      const created = await newKey('lifecycle');
      expect(created.key).toMatch(/^dh_[0-9A-Za-z]{38,}$/);
      expect(await admin.apiKeys.get(created.id)).toMatchObject({
        id: created.id,
        name: 'lifecycle',
        prefix: created.prefix,
        revokedAt: null,
      });
      expect((await admin.apiKeys.update(created.id, { name: 'renamed' })).name).toBe('renamed');

      const rotated = await admin.apiKeys.rotate(created.id);
      expect(rotated.id).toBe(created.id);
      expect(rotated.key).not.toBe(created.key);
      const gateway = (key: string) =>
        new DataHubClient({ baseUrl: t.url, apiKey: key, maxRetries: 3 }).gateway.request(apiName, '/echo/rotated');
      expect((await gateway(created.key)).status).toBe(401);
      expect((await gateway(rotated.key)).status).toBe(200);

      await admin.apiKeys.revoke(created.id);
      const rows = await withPg(
        process.env.DATABASE_URL!,
        async (pg) => (await pg.query('SELECT name, revoked_at FROM api_keys WHERE id = $1', [created.id])).rows,
      );
      expect(rows).toEqual([{ name: 'renamed', revoked_at: expect.any(Date) }]);
      const refused = await gateway(rotated.key);
      expect(refused.status).toBe(401);
      expect((await json(refused)).code).toBe('API_KEY_REVOKED');
    });

    it('pages through every key with listAll', async () => {
      for (let i = 0; i < 5; i++) await newKey(`page-${i}`);
      const { meta } = await admin.apiKeys.list({ limit: 1 });
      const ids: string[] = [];
      for await (const key of admin.apiKeys.listAll({ pageSize: 2 })) ids.push(key.id);
      expect(ids).toHaveLength(meta.total);
      expect(new Set(ids).size).toBe(meta.total);
      expect(meta.total).toBeGreaterThanOrEqual(5);
    });

    it('manages users and tiers', async () => {
      const email = uniqueEmail('sdk-dev');
      const user = await admin.users.create({ email, password: PASSWORD, role: 'developer', name: 'Dev' });
      expect((await admin.users.list({ email })).data.map((u) => u.id)).toEqual([user.id]);
      expect((await admin.users.update(user.id, { role: 'viewer' })).role).toBe('viewer');
      await admin.users.delete(user.id);
      await expect(admin.users.get(user.id)).rejects.toBeInstanceOf(NotFoundError);

      const tier = await admin.rateLimits.update(tierName, { requestsPerHour: 20000 });
      expect(tier).toMatchObject({ tierName, requestsPerMin: 1000, requestsPerHour: 20000, burstLimit: 1 });
      expect((await admin.rateLimits.list()).data.map((x) => x.tierName)).toEqual(
        expect.arrayContaining(['free', 'pro', 'enterprise', tierName]),
      );
    });

    it('turns problem details into typed errors with code, status and requestId', async () => {
      const missing = await admin.apiKeys.get(randomUUID()).catch((e) => e);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });

      const taken = await admin.apis.create({ name: apiName, upstreamUrl: upstream.url }).catch((e) => e);
      expect(taken).toBeInstanceOf(ConflictError);
      expect(taken).toMatchObject({ status: 409, code: 'NAME_TAKEN' });

      const invalid = await admin.apiKeys
        .create({ name: 'x', permissions: [{ api: apiName, permission: 'everything' as never }] })
        .catch((e) => e);
      expect(invalid).toBeInstanceOf(ValidationError);
      expect(invalid.code).toBe('VALIDATION_FAILED');
      expect(invalid.errors).toEqual([expect.objectContaining({ field: expect.stringContaining('permission') })]);

      const wrong = await new DataHubClient({ baseUrl: t.url }).auth
        .login({ email: adminEmail, password: 'not the password at all' })
        .catch((e) => e);
      expect(wrong).toBeInstanceOf(AuthenticationError);
      expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });

      const viewerEmail = uniqueEmail('sdk-viewer');
      const viewer = new DataHubClient({ baseUrl: t.url });
      expect(await viewer.auth.register({ email: viewerEmail, password: PASSWORD })).toMatchObject({
        email: viewerEmail,
        role: 'viewer',
      });
      await viewer.auth.login({ email: viewerEmail, password: PASSWORD });
      const forbidden = await viewer.apis.create({ name: 'nope', upstreamUrl: upstream.url }).catch((e) => e);
      expect(forbidden).toBeInstanceOf(ForbiddenError);
      expect(forbidden).toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
    });
  });

  describe('the gateway with an API key', () => {
    let key: ApiKeyWithSecret;
    beforeAll(async () => {
      key = await newKey('gateway');
    });

    it('calls the upstream through /gateway with X-API-Key', async () => {
      const client = new DataHubClient({ baseUrl: t.url, apiKey: key.key });
      const res = await client.gateway.request(apiName, '/echo/hello', {
        method: 'POST',
        query: { x: 1 },
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      const echoed = await json(res);
      expect(echoed).toMatchObject({ method: 'POST', url: '/echo/hello?x=1', bytes: 7 });
      expect(echoed.headers['x-datahub-key-id']).toBe(key.id);
      expect(echoed.headers['x-api-key']).toBeUndefined();
      expect(res.headers.get('x-ratelimit-limit')).toBe('1');
    });

    it('hits the burst limit, waits for Retry-After, tells onRateLimited, and gets through', async () => {
      const fresh = await newKey('burst'); // a limiter of its own: nothing else has counted against it
      const events: RateLimitEvent[] = [];
      const client = new DataHubClient({
        baseUrl: t.url,
        apiKey: fresh.key,
        onRateLimited: (e) => void events.push(e),
      });
      const marker = `/echo/burst-${Date.now()}`;
      const before = upstream.seen.length;
      expect((await client.gateway.request(apiName, marker)).status).toBe(200);
      const started = Date.now();
      const second = await client.gateway.request(apiName, marker);
      const waited = Date.now() - started;
      expect(second.status).toBe(200);
      expect(events).toEqual([
        {
          method: 'GET',
          url: `${t.url}/gateway/${apiName}${marker}`,
          retryAfterMs: expect.any(Number),
          attempt: 1,
          willRetry: true,
        },
      ]);
      // Whole seconds until the 1-second burst window frees up (rounded up, so 1 or 2).
      const { retryAfterMs } = events[0];
      expect([1000, 2000]).toContain(retryAfterMs);
      expect(waited).toBeGreaterThanOrEqual(retryAfterMs! - 50);
      expect(waited).toBeLessThan(retryAfterMs! + 2_000);
      // The refused attempt never reached the upstream; the server logged it as a 429.
      expect(upstream.seen.length - before).toBe(2);
      await t.app.get(RequestLogWriter).flush();
      const statuses = await withPg(process.env.DATABASE_URL!, async (pg) =>
        (
          await pg.query(`SELECT status_code FROM request_logs WHERE path = $1 ORDER BY "timestamp"`, [
            `/gateway/${apiName}${marker}`,
          ])
        ).rows.map((r) => r.status_code),
      );
      expect(statuses).toEqual([200, 429, 200]);
    });

    it('throws RateLimitError with the retry time when retries run out', async () => {
      const fresh = await newKey('exhausted');
      const events: RateLimitEvent[] = [];
      const client = new DataHubClient({
        baseUrl: t.url,
        apiKey: fresh.key,
        maxRetries: 0,
        onRateLimited: (e) => void events.push(e),
      });
      expect((await client.gateway.request(apiName, '/echo/limit')).status).toBe(200);
      const error = await client.gateway.request(apiName, '/echo/limit').catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
      expect([1000, 2000]).toContain(error.retryAfterMs);
      expect(error.retryAt.getTime()).toBeGreaterThan(Date.now());
      expect(events).toEqual([expect.objectContaining({ willRetry: false, retryAfterMs: error.retryAfterMs })]);
    });

    it('gives up at once on a 429 that asks for longer than its five-second budget', async () => {
      const perMinute = await admin.rateLimits.create({
        tierName: `sdk-min-${randomUUID().slice(0, 8)}`,
        requestsPerMin: 1,
        requestsPerHour: 100,
        burstLimit: 10,
      });
      const fresh = await admin.apiKeys.create({
        name: 'per-minute',
        rateLimitTier: perMinute.tierName,
        permissions: [{ api: apiName, permission: 'read' }],
      });
      const client = new DataHubClient({ baseUrl: t.url, apiKey: fresh.key });
      expect((await client.gateway.request(apiName, '/echo/minute')).status).toBe(200);
      const started = Date.now();
      const error = await client.gateway.request(apiName, '/echo/minute').catch((e) => e);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfterMs).toBeGreaterThan(5_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(61_000); // a minute of whole buckets, plus the current one
    });

    it('passes the gateway answer for an unknown API through as a response', async () => {
      const res = await new DataHubClient({ baseUrl: t.url, apiKey: key.key }).gateway.request('no-such-api', '/x');
      expect(res.status).toBe(404);
      expect(await json(res)).toMatchObject({ code: 'API_NOT_FOUND' });
    });
  });

  describe('analytics', () => {
    it('reads gateway traffic back: summary, usage, a streamed export and the audit trail', async () => {
      const key = await newKey('analytics');
      const from = new Date(Date.now() - 60_000);
      // Burst 1 per second: one answer, then two refusals.
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await fetch(`${t.url}/gateway/${apiName}/echo/analytics`, { headers: { 'x-api-key': key.key } })).status,
        );
      expect(statuses).toEqual([200, 429, 429]);
      await t.app.get(RequestLogWriter).flush();
      const to = new Date(Date.now() + 60_000);

      const summary = await admin.analytics.summary({ keyId: key.id, from, to });
      expect(summary).toMatchObject({
        totalRequests: 3,
        errorRequests: 2,
        statusClasses: { '2xx': 1, '4xx': 2 },
        topKeys: [{ keyId: key.id, requests: 3 }],
      });
      const usage = await admin.analytics.usage({ keyId: key.id, from, to, interval: 'minute' });
      expect(usage.reduce((n, b) => n + b.requests, 0)).toBe(3);

      const exported = await admin.analytics.export({ keyId: key.id, from, to, format: 'ndjson' });
      expect(exported.contentType).toMatch(/^application\/x-ndjson/);
      const rows = (await new Response(exported.body).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(rows.map((r) => r.statusCode)).toEqual([200, 429, 429]);

      await t.app.get(AuditWriter).flush();
      const audit = await admin.analytics.audit({ type: 'key.created', from, to, limit: 200 });
      expect(audit.data.map((e) => e.apiKeyId)).toContain(key.id);
      await expect(
        admin.analytics.usage({ interval: 'minute', from: new Date(Date.now() - 30 * 86_400_000) }),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('token expiry', () => {
    it('refreshes an expired access token once for concurrent calls and replays them', async () => {
      const refreshed: TokenPair[] = [];
      const client = await signedIn((tokens) => void refreshed.push(tokens));
      const first = client.tokens;
      advanceClockPastTokenExpiry();

      const results = await Promise.all([
        client.auth.me(),
        client.apiKeys.list({ limit: 1 }),
        client.apis.list({ limit: 1 }),
        client.rateLimits.list(),
        newKeyWith(client),
      ]);
      expect(results[0].email).toBe(adminEmail);
      expect(refreshed).toHaveLength(1);
      expect(client.tokens.accessToken).toBe(refreshed[0].accessToken);
      expect(client.tokens.refreshToken).not.toBe(first.refreshToken);

      // One rotation in PostgreSQL: the login's token used once, one child issued.
      const rows = await withPg(
        process.env.DATABASE_URL!,
        async (pg) =>
          (
            await pg.query(
              `SELECT (used_at IS NOT NULL) AS used, parent_id IS NOT NULL AS child FROM refresh_tokens
             WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
             ORDER BY created_at`,
              [createHash('sha256').update(first.refreshToken!).digest('hex')],
            )
          ).rows,
      );
      expect(rows).toEqual([
        { used: true, child: false },
        { used: false, child: true },
      ]);
    });

    it('surfaces a reused refresh token as AuthenticationError, and the whole sign-in ends', async () => {
      const client = await signedIn();
      const stolen = { ...client.tokens };
      await client.auth.refresh(); // the legitimate client rotates; `stolen.refreshToken` is now used up
      advanceClockPastTokenExpiry();

      const thief = new DataHubClient({ baseUrl: t.url, ...stolen });
      const error = await thief.apiKeys.list().catch((e) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED', requestId: expect.any(String) });
      expect(thief.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });

      // Reuse revoked the family: the legitimate client's token is refused too.
      const after = await client.apiKeys.list().catch((e) => e);
      expect(after).toBeInstanceOf(AuthenticationError);
      expect(after.code).toBe('TOKEN_REVOKED');
    });
  });

  const newKeyWith = (client: DataHubClient) =>
    client.apiKeys.create({ name: 'after refresh', permissions: [{ api: apiName, permission: 'read' }] });
});
