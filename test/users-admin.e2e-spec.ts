import { AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { createDatabase, dropDatabase, withPg } from './helpers/databases';
import { PASSWORD, signIn, SignedIn, uniqueEmail } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { uniqueName } from './helpers/test-env';

const USERS = '/api/v1/admin/users';

describe('RBAC and user administration', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let developer: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    api = new ApiClient(t.url);
    [admin, developer, viewer] = await Promise.all([
      signIn(t, UserRole.Admin),
      signIn(t, UserRole.Developer),
      signIn(t, UserRole.Viewer),
    ]);
  });
  afterAll(() => t.close());

  it('lets only users:read / users:write reach the user routes', async () => {
    const someone = (await api.post('/api/v1/auth/register', { email: uniqueEmail('target'), password: PASSWORD })).body
      .data;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', USERS],
      ['GET', `${USERS}/${someone.id}`],
      ['POST', USERS, { email: uniqueEmail('x'), password: PASSWORD, role: 'viewer' }],
      ['PATCH', `${USERS}/${someone.id}`, { name: 'x' }],
      ['DELETE', `${USERS}/${someone.id}`],
    ];
    for (const user of [developer, viewer]) {
      for (const [method, path, body] of routes) {
        const res = await api.request(method, path, { token: user.accessToken, body });
        expect({ method, path, status: res.status, code: res.body.code }).toEqual({
          method,
          path,
          status: 403,
          code: 'INSUFFICIENT_PERMISSIONS',
        });
      }
    }
    for (const [method, path, body] of routes) {
      expect((await api.request(method, path, { body })).status).toBe(401);
    }
  });

  it('creates users with a role, lists with filters and pagination, gets one', async () => {
    const email = uniqueEmail('created');
    const created = await api.post(
      USERS,
      { email, password: PASSWORD, name: 'Grace', role: 'developer' },
      { token: admin.accessToken },
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email, name: 'Grace', role: 'developer' });

    const byEmail = await api.get(`${USERS}?email=${encodeURIComponent(email.toUpperCase())}`, {
      token: admin.accessToken,
    });
    expect(byEmail.body).toEqual({ data: [created.body.data], meta: { total: 1, limit: 50, offset: 0 } });

    const admins = await api.get(`${USERS}?role=admin&limit=1`, { token: admin.accessToken });
    expect(admins.body.meta).toMatchObject({ limit: 1, offset: 0 });
    expect(admins.body.data.every((u: { role: string }) => u.role === 'admin')).toBe(true);

    const one = await api.get(`${USERS}/${created.body.data.id}`, { token: admin.accessToken });
    expect(one.body.data).toEqual(created.body.data);
    expect(JSON.stringify(one.body)).not.toMatch(/password|hash/i);
  });

  it('rejects bad ids, bad filters, unknown fields and unknown users', async () => {
    const badId = await api.get(`${USERS}/not-a-uuid`, { token: admin.accessToken });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'id', message: 'id must be a UUID' }],
    });
    expect((await api.get(`${USERS}?limit=201`, { token: admin.accessToken })).status).toBe(400);
    expect((await api.get(`${USERS}?role=root`, { token: admin.accessToken })).status).toBe(400);
    expect((await api.get(`${USERS}?limit=1;DROP TABLE users`, { token: admin.accessToken })).status).toBe(400);
    const unknownField = await api.patch(
      `${USERS}/${viewer.id}`,
      { role: 'developer', isAdmin: true },
      { token: admin.accessToken },
    );
    expect(unknownField.status).toBe(400);
    const missing = await api.get(`${USERS}/00000000-0000-4000-8000-000000000000`, { token: admin.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const taken = await api.post(
      USERS,
      { email: developer.email, password: PASSWORD, role: 'viewer' },
      { token: admin.accessToken },
    );
    expect(taken.status).toBe(409);
  });

  it('ends the old tokens of a user whose role changes, within a second, and audits it', async () => {
    const user = await signIn(t, UserRole.Viewer);
    expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).body.data.role).toBe('viewer');

    const changed = await api.patch(`${USERS}/${user.id}`, { role: 'developer' }, { token: admin.accessToken });
    expect(changed.status).toBe(200);
    expect(changed.body.data.role).toBe('developer');

    const old = await api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('TOKEN_REVOKED');

    const relogin = await api.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    const me = await api.get('/api/v1/auth/me', { token: relogin.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ role: 'developer', permissions: expect.arrayContaining(['keys:write']) });

    await t.app.get(AuditWriter).flush();
    const events = await withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (
          await pg.query(`SELECT * FROM audit_events WHERE type = 'permission.changed' AND metadata->>'userId' = $1`, [
            user.id,
          ])
        ).rows,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: admin.id, metadata: { fromRole: 'viewer', toRole: 'developer' } });

    const renamed = await api.patch(`${USERS}/${user.id}`, { name: 'Renamed' }, { token: admin.accessToken });
    expect(renamed.body.data.name).toBe('Renamed');
    expect((await api.get('/api/v1/auth/me', { token: relogin.body.accessToken })).body.data.name).toBe('Renamed');
  });

  it('deletes a user: tokens, refresh tokens, API keys and login stop working at once', async () => {
    const user = await signIn(t, UserRole.Developer);
    await withPg(process.env.DATABASE_URL!, (pg) =>
      pg.query(
        `INSERT INTO api_keys (user_id, key_hash, prefix, name, rate_limit_tier) VALUES ($1, md5(random()::text) || md5(random()::text), 'dh_test', 'k', 'free')`,
        [user.id],
      ),
    );
    expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);

    expect((await api.delete(`${USERS}/${user.id}`, { token: admin.accessToken })).status).toBe(204);

    const me = await api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_REVOKED');
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api.post('/api/v1/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await api.get(`${USERS}/${user.id}`, { token: admin.accessToken })).status).toBe(404);
    const keys = await withPg(
      process.env.DATABASE_URL!,
      async (pg) => (await pg.query('SELECT revoked_at FROM api_keys WHERE user_id = $1', [user.id])).rows,
    );
    expect(keys).toHaveLength(1);
    expect(keys[0].revoked_at).not.toBeNull();
  });
});

describe('bootstrap admin (ADMIN_EMAIL / ADMIN_PASSWORD)', () => {
  it('creates the admin once, however many nodes start', async () => {
    const email = uniqueEmail('root');
    const env = { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'bootstrap-password-1' };
    const [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
    try {
      const rows = await withPg(
        process.env.DATABASE_URL!,
        async (pg) => (await pg.query('SELECT role FROM users WHERE email = $1', [email])).rows,
      );
      expect(rows).toEqual([{ role: 'admin' }]);
      const login = await new ApiClient(a.url).post('/api/v1/auth/login', { email, password: 'bootstrap-password-1' });
      expect(login.status).toBe(200);
      const me = await new ApiClient(b.url).get('/api/v1/auth/me', { token: login.body.accessToken });
      expect(me.body.data.role).toBe('admin');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('the last admin', () => {
  const database = uniqueName('test');
  let t: TestApp;
  let api: ApiClient;
  let url: string;

  beforeAll(async () => {
    // A database of its own: the run's shared one has admins from every other test.
    url = await createDatabase(database);
    t = await startTestApp({ DATABASE_URL: url, MIGRATIONS_RUN: 'true' });
    api = new ApiClient(t.url);
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase(database);
  });

  it('cannot be demoted or deleted (409 LAST_ADMIN); with a second admin it can', async () => {
    const only = await signIn(t, UserRole.Admin);
    for (const res of [
      await api.patch(`${USERS}/${only.id}`, { role: 'viewer' }, { token: only.accessToken }),
      await api.delete(`${USERS}/${only.id}`, { token: only.accessToken }),
    ]) {
      expect([res.status, res.headers.get('content-type'), res.body.code]).toEqual([
        409,
        'application/problem+json; charset=utf-8',
        'LAST_ADMIN',
      ]);
    }
    expect((await api.get('/api/v1/auth/me', { token: only.accessToken })).body.data.role).toBe('admin');

    const second = await signIn(t, UserRole.Admin);
    expect((await api.patch(`${USERS}/${only.id}`, { role: 'developer' }, { token: second.accessToken })).status).toBe(
      200,
    );
    expect((await api.delete(`${USERS}/${second.id}`, { token: second.accessToken })).status).toBe(409);
  });

  it('lets exactly one of two admins demoting each other at once succeed', async () => {
    const [a, b] = [await signIn(t, UserRole.Admin), await signIn(t, UserRole.Admin)];
    const admins = await withPg(url, async (pg) =>
      (
        await pg.query(`SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL AND id <> ALL($1)`, [
          [a.id, b.id],
        ])
      ).rows.map((r) => r.id as string),
    );
    // Leave a and b as the only admins, then race them.
    for (const id of admins)
      expect((await api.patch(`${USERS}/${id}`, { role: 'viewer' }, { token: a.accessToken })).status).toBe(200);
    const results = await Promise.all([
      api.patch(`${USERS}/${b.id}`, { role: 'viewer' }, { token: a.accessToken }),
      api.patch(`${USERS}/${a.id}`, { role: 'viewer' }, { token: b.accessToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
