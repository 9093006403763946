import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, uniqueApiName } from './helpers/gateway-fixtures';
import { json } from './helpers/http';
import { signIn, SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

const APIS = '/api/v1/admin/apis';

describe('the API registry: who sees what of an upstream', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let developer: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    api = new ApiClient(t.url);
    [admin, developer, viewer] = await Promise.all([
      signIn(t, UserRole.Admin),
      signIn(t, UserRole.Developer),
      signIn(t, UserRole.Viewer),
    ]);
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  it('refuses credentials in an upstream URL and points at upstreamAuthorization', async () => {
    for (const upstreamUrl of ['http://user:secret@payments.internal/v1', 'https://token@payments.internal']) {
      const res = await api.post(APIS, { name: uniqueApiName(), upstreamUrl }, { token: admin.accessToken });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'upstreamUrl']);
      expect(res.body.errors[0].message).toContain('upstreamAuthorization');
    }
  });

  it('shows the upstream and its settings only to apis:write; its credentials to nobody', async () => {
    const created = await api.post(
      APIS,
      {
        name: uniqueApiName(),
        description: 'payments',
        upstreamUrl: `${upstream.url}/v1`,
        upstreamAuthorization: 'Basic c3ZjOnNlY3JldA==',
      },
      { token: admin.accessToken },
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      description: 'payments',
      upstreamUrl: `${upstream.url}/v1`,
      upstreamAuthorizationSet: true,
      timeoutMs: 30_000,
    });
    const id = created.body.data.id as string;

    for (const user of [developer, viewer]) {
      const one = await api.get(`${APIS}/${id}`, { token: user.accessToken });
      expect(Object.keys(one.body.data).sort()).toEqual([
        'authRequired',
        'createdAt',
        'description',
        'id',
        'name',
        'rateLimit',
        'updatedAt',
      ]);
      const listed = (await api.get(`${APIS}?limit=200`, { token: user.accessToken })).body.data as Array<
        Record<string, unknown>
      >;
      expect(listed.every((entry) => entry.upstreamUrl === undefined && entry.timeoutMs === undefined)).toBe(true);
    }
    for (const res of [
      created,
      await api.get(`${APIS}/${id}`, { token: admin.accessToken }),
      await api.get(`${APIS}?limit=200`, { token: admin.accessToken }),
    ]) {
      expect(JSON.stringify(res.body)).not.toContain('c3ZjOnNlY3JldA');
    }
  });

  it("sends upstreamAuthorization upstream in place of the caller's, until it is removed", async () => {
    const target = await createApi(api, admin, {
      upstreamUrl: upstream.url,
      authRequired: false,
      upstreamAuthorization: 'Bearer upstream-secret',
    });
    const call = async () =>
      (
        await json(
          await fetch(`${t.url}/gateway/${target.name}/echo`, { headers: { authorization: 'Bearer caller-token' } }),
        )
      ).headers.authorization;
    expect(await call()).toBe('Bearer upstream-secret');
    const cleared = await api.patch(
      `${APIS}/${target.id}`,
      { upstreamAuthorization: null },
      { token: admin.accessToken },
    );
    expect(cleared.body.data.upstreamAuthorizationSet).toBe(false);
    // Every node drops its cached copy of the API within a second.
    let seen = await call();
    for (let i = 0; i < 20 && seen !== 'Bearer caller-token'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await call();
    }
    expect(seen).toBe('Bearer caller-token');
    const stored = await withPg(
      process.env.DATABASE_URL!,
      async (pg) => (await pg.query('SELECT upstream_authorization FROM apis WHERE id = $1', [target.id])).rows[0],
    );
    expect(stored).toEqual({ upstream_authorization: null });
  });

  it('refuses a header value that could split the header', async () => {
    for (const upstreamAuthorization of ['Basic x\r\nX-Evil: 1', '', 'é']) {
      const res = await api.post(
        APIS,
        { name: uniqueApiName(), upstreamUrl: upstream.url, upstreamAuthorization },
        { token: admin.accessToken },
      );
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'upstreamAuthorization']);
    }
  });
});
