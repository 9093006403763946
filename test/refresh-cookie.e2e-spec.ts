import { createHash } from 'node:crypto';
import { AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { withPg } from './helpers/databases';
import { PASSWORD, signIn, type SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

const AUTH = '/api/v1/auth';

/** The browser's way to hold a refresh token: an httpOnly cookie, opted into at sign-in. */
describe('refresh token as an httpOnly cookie', () => {
  let t: TestApp;
  let user: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signIn(t, UserRole.Developer);
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${AUTH}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const cookieOf = (res: Response) => {
    const header = res.headers.get('set-cookie');
    expect(header).not.toBeNull();
    return header!;
  };
  /** A refresh as the console sends it: the cookie, and the header a cross-site page cannot add. */
  const cookieRefresh = (cookie: string) =>
    post('/refresh', {}, { cookie: `datahub_refresh=${cookie}`, 'x-datahub-refresh-cookie': '1' });
  const tokenIn = (setCookie: string) => /^datahub_refresh=([^;]*)/.exec(setCookie)![1];
  const tokenRow = (token: string) =>
    withPg(process.env.DATABASE_URL!, async (pg) => {
      const hash = createHash('sha256').update(token).digest('hex');
      return (await pg.query('SELECT revoked_at, used_at FROM refresh_tokens WHERE token_hash = $1', [hash])).rows[0];
    });

  async function cookieSignIn(): Promise<{ access: string; cookie: string }> {
    const res = await post('/login', { email: user.email, password: PASSWORD, refreshCookie: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const setCookie = cookieOf(res);
    expect(setCookie).toMatch(
      /^datahub_refresh=dhr_[A-Za-z0-9_-]+; Max-Age=604800; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
    return { access: body.accessToken as string, cookie: tokenIn(setCookie) };
  }

  it('sign-in sets the cookie (path, HttpOnly, SameSite=Strict) and leaves the token out of the body', async () => {
    const { cookie } = await cookieSignIn();
    expect(await tokenRow(cookie)).toMatchObject({ revoked_at: null, used_at: null });
  });

  it('without the option the body flow is unchanged: no cookie', async () => {
    const res = await post('/login', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { refreshToken: string }).refreshToken).toMatch(/^dhr_/);
  });

  it('refresh reads the cookie, rotates it, and a replayed cookie is refused and cleared', async () => {
    const { cookie } = await cookieSignIn();
    const res = await post(
      '/refresh',
      {},
      { cookie: `other=1; datahub_refresh=${cookie}`, 'x-datahub-refresh-cookie': '1' },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.refreshToken).toBeUndefined();
    expect(body.accessToken).toEqual(expect.any(String));
    const next = tokenIn(cookieOf(res));
    expect(next).not.toBe(cookie);
    expect((await tokenRow(cookie)).used_at).not.toBeNull();

    const replay = await cookieRefresh(cookie);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('REFRESH_TOKEN_REUSED');
    expect(cookieOf(replay)).toMatch(
      /^datahub_refresh=; Max-Age=0; Path=\/api\/v1\/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
  });

  it('a token in the body wins over the cookie, and the answer keeps it in the body', async () => {
    const { cookie } = await cookieSignIn();
    const other = await signIn(t, UserRole.Viewer);
    const res = await post('/refresh', { refreshToken: other.refreshToken }, { cookie: `datahub_refresh=${cookie}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { refreshToken: string }).refreshToken).toMatch(/^dhr_/);
    expect(await tokenRow(cookie)).toMatchObject({ revoked_at: null, used_at: null });
  });

  it('a cookie without the header is refused and left alone, even with no body at all', async () => {
    const { cookie } = await cookieSignIn();
    for (const init of [
      { method: 'POST', headers: { cookie: `datahub_refresh=${cookie}` } },
      {
        method: 'POST',
        headers: { cookie: `datahub_refresh=${cookie}`, 'content-type': 'application/json' },
        body: '{}',
      },
    ] as RequestInit[]) {
      const res = await fetch(`${t.url}${AUTH}/refresh`, init);
      expect(res.status).toBe(401);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('TOKEN_MISSING');
      expect(problem.detail).toContain('x-datahub-refresh-cookie');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await tokenRow(cookie)).toMatchObject({ revoked_at: null, used_at: null });
    expect((await cookieRefresh(cookie)).status).toBe(200);
  });

  it('logout with a body token and a cookie of another sign-in revokes both', async () => {
    const { access, cookie } = await cookieSignIn();
    const other = await post('/login', { email: user.email, password: PASSWORD });
    const otherToken = ((await other.json()) as { refreshToken: string }).refreshToken;
    const res = await post(
      '/logout',
      { refreshToken: otherToken },
      { authorization: `Bearer ${access}`, cookie: `datahub_refresh=${cookie}` },
    );
    expect(res.status).toBe(204);
    expect((await tokenRow(cookie)).revoked_at).not.toBeNull();
    expect((await tokenRow(otherToken)).revoked_at).not.toBeNull();
  });

  it('a password change without refreshCookie answers in the body even if a cookie is sent', async () => {
    const { access, cookie } = await cookieSignIn();
    const res = await post(
      '/password',
      { currentPassword: PASSWORD, newPassword: PASSWORD },
      { authorization: `Bearer ${access}`, cookie: `datahub_refresh=${cookie}` },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { refreshToken: string }).refreshToken).toMatch(/^dhr_/);
  });

  it('refresh with neither a token nor a cookie is 401 TOKEN_MISSING', async () => {
    const res = await post('/refresh', {});
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { code: string }).code).toBe('TOKEN_MISSING');
  });

  it("logout revokes the cookie's sign-in and clears the cookie", async () => {
    const { access, cookie } = await cookieSignIn();
    const res = await post('/logout', {}, { authorization: `Bearer ${access}`, cookie: `datahub_refresh=${cookie}` });
    expect(res.status).toBe(204);
    expect(cookieOf(res)).toMatch(/^datahub_refresh=; Max-Age=0;/);
    expect((await tokenRow(cookie)).revoked_at).not.toBeNull();
    const after = await cookieRefresh(cookie);
    expect(after.status).toBe(401);
  });

  it('a password change through a cookie sign-in rotates the cookie', async () => {
    const { access, cookie } = await cookieSignIn();
    const res = await post(
      '/password',
      { currentPassword: PASSWORD, newPassword: PASSWORD, refreshCookie: true },
      { authorization: `Bearer ${access}`, cookie: `datahub_refresh=${cookie}` },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { refreshToken?: string }).refreshToken).toBeUndefined();
    const next = tokenIn(cookieOf(res));
    expect(next).toMatch(/^dhr_/);
    expect((await cookieRefresh(next)).status).toBe(200);
  });
});

describe('audit trail filters by actor and key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('returns only the events of that actor, or about that key, and refuses a malformed id', async () => {
    const admin = await signIn(t, UserRole.Admin);
    const developer = await signIn(t, UserRole.Developer);
    const created = await fetch(`${t.url}/api/v1/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${developer.accessToken}` },
      body: JSON.stringify({ name: 'audited', permissions: [] }),
    });
    expect(created.status).toBe(201);
    const keyId = ((await created.json()) as { data: { id: string } }).data.id;
    await t.app.get(AuditWriter).flush();

    const audit = async (query: string) => {
      const res = await fetch(`${t.url}/api/v1/analytics/audit?${query}`, {
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      return {
        status: res.status,
        body: (await res.json()) as { data: Array<Record<string, unknown>>; code?: string },
      };
    };
    const byActor = await audit(`actorUserId=${developer.id}`);
    expect(byActor.status).toBe(200);
    expect(byActor.body.data.length).toBeGreaterThanOrEqual(2); // login, key created
    expect(byActor.body.data.every((e) => e.actorUserId === developer.id)).toBe(true);
    expect(byActor.body.data.map((e) => e.type)).toEqual(expect.arrayContaining(['auth.login.success', 'key.created']));

    const byKey = await audit(`apiKeyId=${keyId}`);
    expect(byKey.body.data.map((e) => [e.type, e.apiKeyId])).toEqual([['key.created', keyId]]);

    const malformed = await audit('actorUserId=nope');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('refresh cookie behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1/32' });
  });
  afterAll(() => t.close());

  it('is Secure when the request came over https through a trusted proxy', async () => {
    const user = await signIn(t, UserRole.Viewer);
    const res = await fetch(`${t.url}${AUTH}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: user.email, password: PASSWORD, refreshCookie: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
  });
});
