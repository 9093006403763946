import { AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createKey, uniqueApiName } from './helpers/gateway-fixtures';
import { PASSWORD, signIn, SignedIn, uniqueEmail } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

interface AuditRow {
  type: string;
  actor_user_id: string | null;
  api_key_id: string | null;
  ip: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
}

/** Changes to who gets in and where traffic goes are audited, with actor, IP and request id. */
describe('audit events of admin changes', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    api = new ApiClient(t.url);
    admin = await signIn(t, UserRole.Admin);
  });
  afterAll(() => t.close());

  async function events(where: string, params: unknown[]): Promise<AuditRow[]> {
    await t.app.get(AuditWriter).flush();
    return withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (await pg.query(`SELECT * FROM audit_events WHERE ${where} ORDER BY "timestamp", type`, params)).rows,
    );
  }

  /** A request id made of what X-Request-Id allows (letters, digits, `._-`). */
  const rid = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');
  const byRequest = (requestId: string) => events('request_id = $1', [rid(requestId)]);
  const as = (requestId: string) => ({ token: admin.accessToken, headers: { 'x-request-id': rid(requestId) } });

  it('API created, updated (old and new upstream, credentials only as set) and deleted', async () => {
    const tag = uniqueApiName('audit');
    const created = await api.post(
      '/api/v1/admin/apis',
      {
        name: tag,
        upstreamUrl: 'http://old.internal/v1?api_key=s3cret-in-query',
        upstreamAuthorization: 'Bearer s3cret-upstream',
      },
      as(`${tag}-c`),
    );
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(
      (
        await api.patch(
          `/api/v1/admin/apis/${id}`,
          { upstreamUrl: 'http://new.internal/v2', timeoutMs: 5_000 },
          as(`${tag}-u`),
        )
      ).status,
    ).toBe(200);
    expect(
      (await api.patch(`/api/v1/admin/apis/${id}`, { upstreamAuthorization: 'Bearer s3cret-rotated' }, as(`${tag}-r`)))
        .status,
    ).toBe(200);
    expect((await api.delete(`/api/v1/admin/apis/${id}`, as(`${tag}-d`))).status).toBe(204);

    const [create] = await byRequest(`${tag}-c`);
    expect(create).toMatchObject({
      type: 'api.created',
      actor_user_id: admin.id,
      ip: '127.0.0.1',
      metadata: { apiId: id, name: tag },
    });
    expect(create.metadata.settings).toMatchObject({
      upstreamUrl: 'http://old.internal/v1?api_key=redacted',
      upstreamAuthorization: 'set',
    });
    expect(await byRequest(`${tag}-u`)).toEqual([
      expect.objectContaining({
        type: 'api.updated',
        metadata: {
          apiId: id,
          name: tag,
          changes: {
            upstreamUrl: { from: 'http://old.internal/v1?api_key=redacted', to: 'http://new.internal/v2' },
            timeoutMs: { from: 30_000, to: 5_000 },
          },
        },
      }),
    ]);
    expect((await byRequest(`${tag}-r`))[0].metadata).toEqual({
      apiId: id,
      name: tag,
      changes: { upstreamAuthorization: { from: 'set', to: 'replaced' } },
    });
    expect((await byRequest(`${tag}-d`)).map((row) => row.type)).toEqual(['api.deleted']);
    const all = JSON.stringify(await events(`metadata->>'apiId' = $1`, [id]));
    expect(all).not.toMatch(/s3cret/);
  });

  it('tier created, updated and deleted; a tier in use or the default one is not deleted', async () => {
    const tierName = `audit-${Date.now().toString(36)}`;
    expect(
      (
        await api.post(
          '/api/v1/admin/rate-limits',
          { tierName, requestsPerMin: 10, requestsPerHour: 100, burstLimit: 5 },
          as(`${tierName}-c`),
        )
      ).status,
    ).toBe(201);
    expect(
      (await api.patch(`/api/v1/admin/rate-limits/${tierName}`, { burstLimit: 2 }, as(`${tierName}-u`))).status,
    ).toBe(200);
    const key = await createKey(api, admin, { rateLimitTier: tierName, permissions: [] });
    const inUse = await api.delete(`/api/v1/admin/rate-limits/${tierName}`, as(`${tierName}-refused`));
    expect([inUse.status, inUse.body.code]).toEqual([409, 'TIER_IN_USE']);
    expect([(await api.delete('/api/v1/admin/rate-limits/free', { token: admin.accessToken })).status]).toEqual([409]);
    expect(
      (await api.patch(`/api/v1/keys/${key.id}`, { rateLimitTier: 'pro' }, { token: admin.accessToken })).status,
    ).toBe(200);
    expect((await api.delete(`/api/v1/admin/rate-limits/${tierName}`, as(`${tierName}-d`))).status).toBe(204);
    expect(
      (await api.get('/api/v1/admin/rate-limits', { token: admin.accessToken })).body.data.map(
        (tier: { tierName: string }) => tier.tierName,
      ),
    ).not.toContain(tierName);

    expect((await byRequest(`${tierName}-c`)).map((row) => [row.type, row.metadata])).toEqual([
      ['tier.created', { tierName, limits: { requestsPerMin: 10, requestsPerHour: 100, burstLimit: 5 } }],
    ]);
    expect((await byRequest(`${tierName}-u`))[0]).toMatchObject({
      type: 'tier.updated',
      metadata: { tierName, from: { burstLimit: 5 }, to: { burstLimit: 2 } },
    });
    expect(await byRequest(`${tierName}-refused`)).toEqual([]);
    expect((await byRequest(`${tierName}-d`)).map((row) => row.type)).toEqual(['tier.deleted']);
  });

  it('user created by an admin or by registering; deleted, with one key.revoked per key it held', async () => {
    const email = uniqueEmail('audited');
    const created = await api.post(
      '/api/v1/admin/users',
      { email, password: PASSWORD, role: 'developer' },
      as(`${email}-c`),
    );
    const userId = created.body.data.id as string;
    expect((await byRequest(`${email}-c`))[0]).toMatchObject({
      type: 'user.created',
      actor_user_id: admin.id,
      metadata: { userId, email, role: 'developer', via: 'admin' },
    });

    const self = uniqueEmail('self');
    const registered = await api.request('POST', '/api/v1/auth/register', {
      body: { email: self, password: PASSWORD },
      headers: { 'x-request-id': rid(`${self}-r`) },
    });
    expect((await byRequest(`${self}-r`))[0]).toMatchObject({
      type: 'user.created',
      actor_user_id: registered.body.data.id,
      metadata: { via: 'register', role: 'viewer' },
    });

    const login = await api.post('/api/v1/auth/login', { email, password: PASSWORD });
    const owner = { ...admin, id: userId, accessToken: login.body.accessToken };
    const keys = [await createKey(api, owner, { permissions: [] }), await createKey(api, owner, { permissions: [] })];
    expect((await api.delete(`/api/v1/admin/users/${userId}`, as(`${email}-d`))).status).toBe(204);
    const deleted = await byRequest(`${email}-d`);
    expect(deleted.find((row) => row.type === 'user.deleted')).toMatchObject({
      actor_user_id: admin.id,
      metadata: { userId, email, keysRevoked: 2 },
    });
    const revoked = deleted.filter((row) => row.type === 'key.revoked');
    expect(revoked.map((row) => row.api_key_id).sort()).toEqual(keys.map((key) => key.id).sort());
    expect(revoked.every((row) => row.metadata.reason === 'user.deleted' && row.metadata.ownerId === userId)).toBe(
      true,
    );
  });

  it('throttled sign-ins are auth.login.throttled', async () => {
    const email = uniqueEmail('throttled');
    for (let i = 0; i < 5; i++)
      expect((await api.post('/api/v1/auth/login', { email, password: 'wrong password here' })).status).toBe(401);
    const throttled = await api.request('POST', '/api/v1/auth/login', {
      body: { email, password: 'wrong password here' },
      headers: { 'x-request-id': rid(`${email}-t`) },
    });
    expect(throttled.status).toBe(429);
    expect((await byRequest(`${email}-t`)).map((row) => [row.type, row.metadata])).toEqual([
      ['auth.login.throttled', { email }],
    ]);
  });

  it('the bootstrapped admin is admin.bootstrapped, once', async () => {
    const email = uniqueEmail('boot');
    const node = await startTestApp({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'bootstrap-password-1' });
    try {
      await node.app.get(AuditWriter).flush();
      const rows = await events(`type = 'admin.bootstrapped' AND metadata->>'email' = $1`, [email]);
      expect(rows).toHaveLength(1);
      expect(rows[0].metadata).toMatchObject({ email, source: 'ADMIN_EMAIL' });
    } finally {
      await node.close();
    }
  });
});
