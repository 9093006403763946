import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { AuditWriter } from '@app/audit';
import { LastUsedTracker } from '@app/api-keys';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { signIn, SignedIn } from './helpers/session';
import { TEST_SECRETS } from './helpers/test-env';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

const KEYS = '/api/v1/keys';
const db = () => process.env.DATABASE_URL!;

describe('API keys: issue, list, change, revoke, rotate; validation at the gateway', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let dev: SignedIn;
  let otherDev: SignedIn;
  let echo: { id: string; name: string };
  let other: { id: string; name: string };

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    api = new ApiClient(t.url);
    [admin, dev, otherDev] = await Promise.all([
      signIn(t, UserRole.Admin),
      signIn(t, UserRole.Developer),
      signIn(t, UserRole.Developer),
    ]);
    echo = await createApi(api, admin, { upstreamUrl: `${upstream.url}/base` });
    other = await createApi(api, admin, { upstreamUrl: `${upstream.url}/other` });
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  const call = (
    key: string | undefined,
    path = '/echo/x',
    init: { method?: string; headers?: Record<string, string>; apiName?: string } = {},
  ) =>
    api.request(init.method ?? 'GET', `/gateway/${init.apiName ?? echo.name}${path}`, {
      headers: { ...(key ? { 'x-api-key': key } : {}), ...init.headers },
    });

  it('lets only users with apis:write grant the admin level on an API', async () => {
    const asDev = await api.post(
      '/api/v1/keys',
      { name: 'ops', permissions: [{ api: echo.name, permission: 'admin' }] },
      { token: dev.accessToken },
    );
    expect([asDev.status, asDev.body.code]).toEqual([403, 'INSUFFICIENT_PERMISSIONS']);
    const own = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'write' }] });
    const raise = await api.patch(
      `/api/v1/keys/${own.id}`,
      { permissions: [{ api: echo.name, permission: 'admin' }] },
      { token: dev.accessToken },
    );
    expect([raise.status, raise.body.code]).toEqual([403, 'INSUFFICIENT_PERMISSIONS']);
    const asAdmin = await api.post(
      '/api/v1/keys',
      { name: 'ops', permissions: [{ api: echo.name, permission: 'admin' }] },
      { token: admin.accessToken },
    );
    expect([asAdmin.status, asAdmin.body.data.permissions]).toEqual([201, [{ api: echo.name, permission: 'admin' }]]);
  });

  it('issues a checksummed key once, stores only its HMAC and a display prefix', async () => {
    const res = await api.post(
      KEYS,
      { name: 'billing', rateLimitTier: 'pro', permissions: [{ api: echo.name, permission: 'read' }] },
      { token: dev.accessToken },
    );
    expect(res.status).toBe(201);
    const key = res.body.data;
    expect(key).toEqual({
      id: expect.any(String),
      userId: dev.id,
      name: 'billing',
      key: expect.stringMatching(/^dh_[0-9A-Za-z]{38}$/),
      prefix: key.key.slice(0, 9),
      rateLimitTier: 'pro',
      expiresAt: null,
      allowedIps: [],
      permissions: [{ api: echo.name, permission: 'read' }],
      lastUsedAt: null,
      revokedAt: null,
      createdAt: expect.any(String),
    });
    const [row] = await withPg(
      db(),
      async (pg) => (await pg.query('SELECT key_hash, prefix FROM api_keys WHERE id = $1', [key.id])).rows,
    );
    expect(row).toEqual({
      key_hash: createHmac('sha256', TEST_SECRETS.API_KEY_PEPPER).update(key.key).digest('hex'),
      prefix: key.prefix,
    });
    const fetched = await api.get(`${KEYS}/${key.id}`, { token: dev.accessToken });
    expect(fetched.body.data).toEqual({ ...key, key: undefined, lastUsedAt: null });
    expect(JSON.stringify(fetched.body)).not.toContain(key.key);
    expect(JSON.stringify((await api.get(KEYS, { token: dev.accessToken })).body)).not.toMatch(
      /key_hash|keyHash|dh_[0-9A-Za-z]{38}/,
    );

    await t.app.get(AuditWriter).flush();
    const events = await withPg(
      db(),
      async (pg) =>
        (
          await pg.query(
            `SELECT actor_user_id, metadata FROM audit_events WHERE type = 'key.created' AND api_key_id = $1`,
            [key.id],
          )
        ).rows,
    );
    expect(events).toEqual([
      { actor_user_id: dev.id, metadata: expect.objectContaining({ prefix: key.prefix, tier: 'pro' }) },
    ]);
  });

  it('keeps keys private to their owner (404 for others), visible to admins', async () => {
    const mine = await createKey(api, dev, { permissions: [] });
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `${KEYS}/${mine.id}`],
      ['PATCH', `${KEYS}/${mine.id}`, { name: 'stolen' }],
      ['DELETE', `${KEYS}/${mine.id}`],
      ['POST', `${KEYS}/${mine.id}/rotate`, {}],
    ];
    for (const [method, path, body] of routes) {
      const res = await api.request(method, path, { token: otherDev.accessToken, body });
      expect({ method, status: res.status, code: res.body.code }).toEqual({ method, status: 404, code: 'NOT_FOUND' });
    }
    const othersList = await api.get(KEYS, { token: otherDev.accessToken });
    expect(othersList.body.data.map((k: { id: string }) => k.id)).not.toContain(mine.id);
    expect((await api.get(`${KEYS}/${mine.id}`, { token: admin.accessToken })).status).toBe(200);
    const viewer = await signIn(t, UserRole.Viewer);
    expect((await api.post(KEYS, { name: 'x', permissions: [] }, { token: viewer.accessToken })).status).toBe(403);
    expect((await api.get(KEYS, { token: viewer.accessToken })).status).toBe(200);
  });

  it('rejects unknown APIs and tiers, past expiry, duplicates, unknown fields and bad ids', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: 'k', permissions: [{ api: 'no-such-api', permission: 'read' }] }, 'permissions.0.api'],
      [
        {
          name: 'k',
          permissions: [
            { api: echo.name, permission: 'read' },
            { api: echo.name, permission: 'write' },
          ],
        },
        'permissions.1.api',
      ],
      [{ name: 'k', permissions: [{ api: echo.name, permission: 'root' }] }, 'permissions.0.permission'],
      [{ name: 'k', rateLimitTier: 'platinum', permissions: [] }, 'rateLimitTier'],
      [{ name: 'k', expiresAt: '2001-01-01T00:00:00Z', permissions: [] }, 'expiresAt'],
      [{ name: 'k', expiresAt: 'tomorrow', permissions: [] }, 'expiresAt'],
      [{ name: 'k', permissions: [], userId: admin.id }, 'userId'],
      [{ permissions: [] }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(KEYS, body, { token: dev.accessToken });
      expect({ status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    for (const path of [`${KEYS}/123`, `${KEYS}/123/rotate`]) {
      const res = await api.request(path.endsWith('rotate') ? 'POST' : 'GET', path, {
        token: dev.accessToken,
        body: path.endsWith('rotate') ? {} : undefined,
      });
      expect(res.status).toBe(400);
    }
    expect((await api.get(`${KEYS}?limit=0`, { token: dev.accessToken })).status).toBe(400);
  });

  it('refuses missing, garbage, near-miss, unknown, misplaced and doubled keys with the right 401', async () => {
    const { key } = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    const nearMiss = key.slice(0, 20) + (key[20] === 'a' ? 'b' : 'a') + key.slice(21);
    const forged = `dh_${'A'.repeat(32)}${'0'.repeat(6)}`;
    const cases: Array<[string, () => Promise<{ status: number; body: { code: string } }>]> = [
      ['API_KEY_MISSING', () => call(undefined)],
      ['API_KEY_INVALID_FORMAT', () => call('hello')],
      ['API_KEY_INVALID_FORMAT', () => call(nearMiss)],
      ['API_KEY_INVALID_FORMAT', () => call(forged)],
      ['API_KEY_MISSING', () => api.get(`/gateway/${echo.name}/x?api_key=${key}&x-api-key=${key}`)],
      ['API_KEY_MISSING', () => call(undefined, '/x', { headers: { 'x-api-token': key } })],
      ['API_KEY_INVALID_FORMAT', () => call(key, '/x', { headers: { authorization: `Bearer ${nearMiss}` } })],
    ];
    for (const [code, request] of cases) {
      const res = await request();
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code });
    }
    // A well-formed key that does not exist: a lookup, then a cached "missing".
    const { generateKey } = await import('@app/api-keys');
    const unknown = generateKey().key;
    for (let i = 0; i < 3; i++) expect((await call(unknown)).body.code).toBe('API_KEY_NOT_FOUND');
    // The same header twice is refused by format (Node joins the values).
    const doubled = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${t.url}/gateway/${echo.name}/x`,
        { headers: ['host', '127.0.0.1', 'x-api-key', key, 'x-api-key', key] },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.end();
    });
    expect(doubled).toBe(401);
    expect((await call(key)).status).toBe(200);
  });

  it('accepts the key as Authorization: Bearer and does not forward it upstream', async () => {
    const { key } = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    const res = await api.get(`/gateway/${echo.name}/echo/bearer`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(res.body.headers.authorization).toBeUndefined();
    expect(res.body.headers['x-api-key']).toBeUndefined();
  });

  it('enforces per-API permissions: read is GET/HEAD/OPTIONS, write is everything, none is 403', async () => {
    const { key: reader } = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    const { key: writer } = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'write' }] });
    expect((await call(reader, '/x', { method: 'GET' })).status).toBe(200);
    expect((await call(reader, '/x', { method: 'HEAD' })).status).toBe(200);
    const denied = await call(reader, '/x', { method: 'DELETE' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await call(writer, '/x', { method: 'DELETE' })).status).toBe(200);
    expect((await call(writer, '/x', { apiName: other.name })).status).toBe(403);
  });

  it('revokes at once (401 API_KEY_REVOKED), owners may revoke their own, and it is audited', async () => {
    const created = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    expect((await call(created.key)).status).toBe(200);
    expect((await api.delete(`${KEYS}/${created.id}`, { token: dev.accessToken })).status).toBe(204);
    const refused = await call(created.key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('API_KEY_REVOKED');
    expect(refused.body.detail).toContain(created.prefix);
    expect((await api.delete(`${KEYS}/${created.id}`, { token: dev.accessToken })).status).toBe(204);
    await t.app.get(AuditWriter).flush();
    const events = await withPg(
      db(),
      async (pg) =>
        (await pg.query(`SELECT 1 FROM audit_events WHERE type = 'key.revoked' AND api_key_id = $1`, [created.id]))
          .rows,
    );
    expect(events).toHaveLength(1);
  });

  it('expires keys at use time, and changes of expiry, tier and permissions apply at once', async () => {
    const created = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    expect((await call(created.key)).status).toBe(200);
    const soon = new Date(Date.now() + 1_200).toISOString();
    const patched = await api.patch(
      `${KEYS}/${created.id}`,
      { expiresAt: soon, permissions: [{ api: echo.name, permission: 'write' }] },
      { token: dev.accessToken },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.data.permissions).toEqual([{ api: echo.name, permission: 'write' }]);
    expect((await call(created.key, '/x', { method: 'POST' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_400));
    const expired = await call(created.key);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('API_KEY_EXPIRED');
    await t.app.get(AuditWriter).flush();
    const changes = await withPg(
      db(),
      async (pg) =>
        (
          await pg.query(`SELECT metadata FROM audit_events WHERE type = 'permission.changed' AND api_key_id = $1`, [
            created.id,
          ])
        ).rows,
    );
    expect(changes).toEqual([
      { metadata: expect.objectContaining({ subject: 'api_key', to: [{ api: echo.name, permission: 'write' }] }) },
    ]);
  });

  it('rotates: the new secret works, the old one stops (at once, or after the grace period)', async () => {
    const created = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    expect((await call(created.key)).status).toBe(200);
    const rotated = await api.post(`${KEYS}/${created.id}/rotate`, {}, { token: dev.accessToken });
    expect(rotated.status).toBe(201);
    expect(rotated.body.data).toMatchObject({ id: created.id, key: expect.stringMatching(/^dh_/) });
    expect(rotated.body.data.key).not.toBe(created.key);
    expect((await call(created.key)).body.code).toBe('API_KEY_NOT_FOUND');
    expect((await call(rotated.body.data.key)).status).toBe(200);

    const graceful = await api.post(
      `${KEYS}/${created.id}/rotate`,
      { gracePeriodSeconds: 60 },
      { token: dev.accessToken },
    );
    expect((await call(rotated.body.data.key)).status).toBe(200);
    expect((await call(graceful.body.data.key)).status).toBe(200);

    await api.delete(`${KEYS}/${created.id}`, { token: dev.accessToken });
    expect((await call(rotated.body.data.key)).body.code).toBe('API_KEY_REVOKED');
    expect((await api.post(`${KEYS}/${created.id}/rotate`, {}, { token: dev.accessToken })).status).toBe(409);
  });

  it('refuses the keys of a deleted user at once', async () => {
    const owner = await signIn(t, UserRole.Developer);
    const { key } = await createKey(api, owner, { permissions: [{ api: echo.name, permission: 'read' }] });
    expect((await call(key)).status).toBe(200);
    expect((await api.delete(`/api/v1/admin/users/${owner.id}`, { token: admin.accessToken })).status).toBe(204);
    const res = await call(key);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('API_KEY_REVOKED');
  });

  it('keeps last_used_at without a write per request', async () => {
    const created = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    for (let i = 0; i < 5; i++) await call(created.key);
    const before = await withPg(
      db(),
      async (pg) => (await pg.query('SELECT last_used_at FROM api_keys WHERE id = $1', [created.id])).rows[0],
    );
    expect(before.last_used_at).toBeNull();
    expect(await t.app.get(LastUsedTracker).flush()).toBeGreaterThanOrEqual(1);
    const after = await withPg(
      db(),
      async (pg) => (await pg.query('SELECT last_used_at FROM api_keys WHERE id = $1', [created.id])).rows[0],
    );
    expect(Date.now() - after.last_used_at.getTime()).toBeLessThan(10_000);
    expect((await api.get(`${KEYS}/${created.id}`, { token: dev.accessToken })).body.data.lastUsedAt).toBe(
      after.last_used_at.toISOString(),
    );
  });
});
