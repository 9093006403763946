import { AuditWriter } from '@app/audit';
import { RequestLogWriter } from '@app/analytics';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, createTier } from './helpers/gateway-fixtures';
import { signIn, type SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

/**
 * Per-key IP allow-lists at the gateway, behind a trusted proxy so that the test can speak
 * for any client address (X-Forwarded-For), IPv4 and IPv6.
 */
describe('IP allow-lists per key', () => {
  let t: TestApp;
  let api: ApiClient;
  let owner: SignedIn;
  let apiName: string;
  let tier: string;
  const upstream = new TestUpstream();

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1/32' });
    api = new ApiClient(t.url);
    const admin = await signIn(t, UserRole.Admin);
    owner = await signIn(t, UserRole.Developer);
    apiName = (await createApi(api, admin, { upstreamUrl: upstream.url })).name;
    tier = await createTier(api, admin, { requestsPerMin: 2, requestsPerHour: 100, burstLimit: 10 });
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  const createKey = (body: Record<string, unknown>) =>
    api.post(
      '/api/v1/keys',
      { name: 'ip-limited', rateLimitTier: tier, permissions: [{ api: apiName, permission: 'read' }], ...body },
      { token: owner.accessToken },
    );
  const call = (key: string, from: string) =>
    fetch(`${t.url}/gateway/${apiName}/echo/ip`, { headers: { 'x-api-key': key, 'x-forwarded-for': from } });

  it('stores ranges in canonical form and shows them on the key', async () => {
    const res = await createKey({ allowedIps: ['10.1.2.3/8', '203.0.113.7', '2001:DB8::1/32', '10.0.0.0/8'] });
    expect(res.status).toBe(201);
    expect(res.body.data.allowedIps).toEqual(['10.0.0.0/8', '203.0.113.7/32', '2001:db8::/32']);
    const stored = await withPg(
      process.env.DATABASE_URL!,
      async (pg) => (await pg.query('SELECT allowed_ips FROM api_keys WHERE id = $1', [res.body.data.id])).rows[0],
    );
    expect(stored.allowed_ips).toEqual(['10.0.0.0/8', '203.0.113.7/32', '2001:db8::/32']);
    const plain = await createKey({});
    expect(plain.body.data.allowedIps).toEqual([]);
  });

  it('admits listed addresses, IPv4 and IPv6, and refuses others with 403 IP_NOT_ALLOWED', async () => {
    const { key, id } = (await createKey({ allowedIps: ['10.0.0.0/8', '2001:db8::/32'] })).body.data;
    expect((await call(key, '10.20.30.40')).status).toBe(200);
    expect((await call(key, '2001:db8:5::1')).status).toBe(200);
    for (const from of ['11.0.0.1', '2001:db9::1']) {
      const refused = await call(key, from);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await refused.json()) as { code: string; detail: string };
      expect(problem.code).toBe('IP_NOT_ALLOWED');
      expect(problem.detail).toContain(from);
    }
    await t.app.get(RequestLogWriter).flush();
    const rows = await withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (
          await pg.query(
            `SELECT status_code, metadata->>'ip' AS ip FROM request_logs WHERE api_key_id = $1 ORDER BY "timestamp"`,
            [id],
          )
        ).rows,
    );
    expect(rows).toEqual([
      { status_code: 200, ip: '10.20.30.40' },
      { status_code: 200, ip: '2001:db8:5::1' },
      { status_code: 403, ip: '11.0.0.1' },
      { status_code: 403, ip: '2001:db9::1' },
    ]);
  });

  it('a refused address does not consume the rate limit', async () => {
    const { key } = (await createKey({ allowedIps: ['192.0.2.0/24'] })).body.data;
    for (let i = 0; i < 5; i++) expect((await call(key, '198.51.100.1')).status).toBe(403);
    const first = await call(key, '192.0.2.10');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('a change takes effect at once and is audited; an empty list allows any address', async () => {
    const { key, id } = (await createKey({ allowedIps: ['10.0.0.0/8'] })).body.data;
    expect((await call(key, '172.16.0.1')).status).toBe(403); // the key's record is now in the node's memory
    const patched = await api.patch(
      `/api/v1/keys/${id}`,
      { allowedIps: ['172.16.0.0/12'] },
      { token: owner.accessToken },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.data.allowedIps).toEqual(['172.16.0.0/12']);
    expect((await call(key, '172.16.0.1')).status).toBe(200);
    expect((await call(key, '10.0.0.1')).status).toBe(403);

    expect((await api.patch(`/api/v1/keys/${id}`, { allowedIps: [] }, { token: owner.accessToken })).status).toBe(200);
    expect((await call(key, '10.0.0.1')).status).toBe(200);
    // null clears it as well (and changes nothing more: no audit event)
    const cleared = await api.patch(`/api/v1/keys/${id}`, { allowedIps: null }, { token: owner.accessToken });
    expect(cleared.body.data.allowedIps).toEqual([]);

    await t.app.get(AuditWriter).flush();
    const events = await withPg(process.env.DATABASE_URL!, async (pg) =>
      (
        await pg.query(
          `SELECT metadata FROM audit_events WHERE type = 'permission.changed' AND api_key_id = $1 ORDER BY "timestamp"`,
          [id],
        )
      ).rows.map((r) => r.metadata),
    );
    expect(events).toEqual([
      { subject: 'api_key_ips', keyId: id, from: ['10.0.0.0/8'], to: ['172.16.0.0/12'] },
      { subject: 'api_key_ips', keyId: id, from: ['172.16.0.0/12'], to: [] },
    ]);
  });

  it('refuses an invalid range with 400 and changes nothing', async () => {
    const { id } = (await createKey({ allowedIps: ['10.0.0.0/8'] })).body.data;
    const tooMany = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    for (const allowedIps of [
      ['10.0.0.0/33'],
      ['example.com'],
      ['10.1'],
      ['::ffff:10.0.0.1'],
      ['fe80::1%eth0'],
      'not-a-list',
      [42],
      tooMany,
    ]) {
      const res = await api.patch(`/api/v1/keys/${id}`, { allowedIps }, { token: owner.accessToken });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'allowedIps' })]));
    }
    const created = await createKey({ allowedIps: ['::1/129'] });
    expect(created.status).toBe(400);
    const key = await api.get(`/api/v1/keys/${id}`, { token: owner.accessToken });
    expect(key.body.data.allowedIps).toEqual(['10.0.0.0/8']);
  });
});
