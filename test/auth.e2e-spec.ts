import { createHmac } from 'node:crypto';
import { AuditWriter } from '@app/audit';
import { CountingQueryLogger, UserRole } from '@app/db';
import * as jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { PASSWORD, signIn, uniqueEmail } from './helpers/session';
import { TEST_SECRETS } from './helpers/test-env';
import { startTestApp, TestApp } from './helpers/test-app';

const AUTH = '/api/v1/auth';

function sign(claims: Record<string, unknown>, secret = TEST_SECRETS.JWT_SECRET, options: jwt.SignOptions = {}) {
  return jwt.sign(claims, secret, {
    algorithm: 'HS256',
    issuer: 'datahub',
    audience: 'datahub-api',
    expiresIn: 900,
    ...options,
  });
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('identity: register, login, refresh rotation, logout', () => {
  let t: TestApp;
  let api: ApiClient;
  const db = () => process.env.DATABASE_URL!;

  beforeAll(async () => {
    t = await startTestApp();
    api = new ApiClient(t.url);
  });
  afterAll(() => t.close());

  const auditRows = async (type: string, actor: string) => {
    await t.app.get(AuditWriter).flush();
    return withPg(
      db(),
      async (pg) =>
        (await pg.query('SELECT * FROM audit_events WHERE type = $1 AND actor_user_id = $2', [type, actor])).rows,
    );
  };

  describe('POST /register', () => {
    it('creates a viewer, stores only a bcrypt hash, and never returns the password', async () => {
      const email = uniqueEmail('Reg').replace('reg', 'ReG');
      const res = await api.post(`${AUTH}/register`, { email, password: PASSWORD, name: 'Ada' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        data: {
          id: expect.any(String),
          email: email.toLowerCase(),
          name: 'Ada',
          role: 'viewer',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      });
      const [row] = await withPg(
        db(),
        async (pg) => (await pg.query('SELECT password_hash FROM users WHERE id = $1', [res.body.data.id])).rows,
      );
      expect(row.password_hash).toMatch(/^\$2b\$04\$/);
      expect(JSON.stringify(res.body)).not.toContain(PASSWORD);

      const again = await api.post(`${AUTH}/register`, { email: email.toUpperCase(), password: PASSWORD });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMAIL_TAKEN');
    });

    it('refuses a smuggled role with 400 and creates nobody', async () => {
      const email = uniqueEmail('smuggle');
      const res = await api.post(`${AUTH}/register`, { email, password: PASSWORD, role: 'admin' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'role', message: 'property role should not exist' }],
      });
      const rows = await withPg(
        db(),
        async (pg) => (await pg.query('SELECT 1 FROM users WHERE email = $1', [email])).rows,
      );
      expect(rows).toHaveLength(0);
    });

    it.each([
      ['an email with a NUL byte', { email: 'nul\u0000@example.com', password: PASSWORD }, 'email'],
      ['a 10,000-character email', { email: `${'a'.repeat(10_000)}@example.com`, password: PASSWORD }, 'email'],
      ['an 11-character password', { email: 'short@example.com', password: 'elevenchars' }, 'password'],
      ['a 65-character password', { email: 'long@example.com', password: 'p'.repeat(65) }, 'password'],
      ['a password over 72 UTF-8 bytes', { email: 'bytes@example.com', password: 'é'.repeat(40) }, 'password'],
      ['a password with NUL', { email: 'nulpw@example.com', password: `${PASSWORD}\u0000` }, 'password'],
    ])('rejects %s with 400 naming the field', async (_, body, field) => {
      const res = await api.post(`${AUTH}/register`, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers malformed JSON, prototype poisoning, a non-JSON type and a 20 MB body with problems', async () => {
      const malformed = await api.post(`${AUTH}/register`, '{"email": "x@example.com",');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');
      const poisoned = await api.post(
        `${AUTH}/register`,
        '{"email":"p@example.com","password":"correct horse battery","__proto__":{"role":"admin"}}',
      );
      expect(poisoned.status).toBe(400);
      expect(poisoned.body.code).toBe('MALFORMED_JSON');
      const text = await api.post(`${AUTH}/register`, 'email=x', { headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const huge = await api.post(
        `${AUTH}/register`,
        JSON.stringify({ email: 'big@example.com', password: PASSWORD, name: 'x'.repeat(20 * 1024 * 1024) }),
      );
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await api.get('/health/live')).status).toBe(200);
    });
  });

  describe('POST /login', () => {
    it('returns a token pair whose JWT carries exactly the required claims', async () => {
      const email = uniqueEmail('login');
      await api.post(`${AUTH}/register`, { email, password: PASSWORD });
      const res = await api.post(`${AUTH}/login`, { email: email.toUpperCase(), password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^dhr_[A-Za-z0-9_-]{43}$/),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
      expect(header.alg).toBe('HS256');
      const claims = jwt.verify(res.body.accessToken, TEST_SECRETS.JWT_SECRET) as jwt.JwtPayload;
      expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'fam', 'iat', 'iss', 'jti', 'role', 'sub', 'sv']);
      expect(claims).toMatchObject({ role: 'viewer', iss: 'datahub', aud: 'datahub-api' });
      expect(claims.exp! - claims.iat!).toBe(900);
      const [stored] = await withPg(
        db(),
        async (pg) => (await pg.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [claims.sub])).rows,
      );
      expect(stored.token_hash).toHaveLength(64);
      expect(claims.fam).toBe(
        (
          await withPg(
            db(),
            async (pg) =>
              (await pg.query('SELECT family_id FROM refresh_tokens WHERE user_id = $1', [claims.sub])).rows[0],
          )
        ).family_id,
      );
      expect(stored.token_hash).not.toContain(res.body.refreshToken.slice(4, 20));
      expect(await auditRows('auth.login.success', claims.sub!)).toHaveLength(1);
    });

    it('gives the same 401 for a wrong password and an unknown email, and audits the failure', async () => {
      const user = await signIn(t);
      const wrong = await api.post(`${AUTH}/login`, { email: user.email, password: 'not the password at all' });
      const unknown = await api.post(`${AUTH}/login`, {
        email: uniqueEmail('nobody'),
        password: 'not the password at all',
      });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          type: 'https://datahub.dev/problems/invalid-credentials',
          title: 'Authentication failed',
          status: 401,
          detail: 'Email or password is wrong',
          code: 'INVALID_CREDENTIALS',
          requestId: expect.any(String),
        });
      }
      const failures = await auditRows('auth.login.failure', user.id);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        ip: '127.0.0.1',
        request_id: wrong.headers.get('x-request-id'),
        metadata: { reason: 'wrong_password' },
      });
    });
  });

  describe('GET /me', () => {
    it('returns the user with the permissions of the role', async () => {
      const dev = await signIn(t, UserRole.Developer);
      const res = await api.get(`${AUTH}/me`, { token: dev.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: {
          id: dev.id,
          email: dev.email,
          name: null,
          role: 'developer',
          permissions: ['keys:read', 'keys:write', 'apis:read', 'analytics:read', 'analytics:export'],
        },
      });
    });

    it('makes no PostgreSQL query once the session cache is warm', async () => {
      const user = await signIn(t);
      await api.get(`${AUTH}/me`, { token: user.accessToken });
      await t.app.get(AuditWriter).flush();
      const counter = t.app.get(DataSource).logger as CountingQueryLogger;
      const before = counter.queries;
      for (let i = 0; i < 10; i++) expect((await api.get(`${AUTH}/me`, { token: user.accessToken })).status).toBe(200);
      expect(counter.queries - before).toBe(0);
      // The counter does count: a query-making request moves it.
      await api.post(`${AUTH}/login`, { email: user.email, password: 'wrong password here' });
      expect(counter.queries).toBeGreaterThan(before);
    });

    it.each([
      ['no token', undefined, 'TOKEN_MISSING'],
      ['garbage', 'not-a-jwt', 'TOKEN_INVALID'],
    ])('refuses %s', async (_, token, code) => {
      const res = await api.get(`${AUTH}/me`, { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(code);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="datahub"/);
    });

    it('refuses tampered, unsigned, foreign, expired and incomplete tokens', async () => {
      const user = await signIn(t);
      const [header, payload, signature] = user.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const base = { sub: user.id, role: 'viewer', jti: claims.jti, sv: claims.sv };

      const tampered = `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`;
      const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'admin' })}.`;
      const otherSecret = sign(base, 'another-secret-that-is-at-least-32-chars!!');
      const expired = sign({ ...base, iat: Math.floor(Date.now() / 1000) - 1000 }, undefined, { expiresIn: -60 });
      const noJti = sign({ sub: user.id, role: 'viewer', sv: claims.sv });
      const noStamp = sign({ sub: user.id, role: 'viewer', jti: claims.jti });
      const wrongAudience = sign(base, undefined, { audience: 'someone-else' });
      const hs512 = jwt.sign({ ...base }, TEST_SECRETS.JWT_SECRET, {
        algorithm: 'HS512',
        issuer: 'datahub',
        audience: 'datahub-api',
        expiresIn: 900,
      });
      const forgedHmac = `${header}.${b64({ ...claims, role: 'admin' })}.${createHmac('sha256', 'guess').update('x').digest('base64url')}`;

      const cases: Array<[string, string]> = [
        [tampered, 'TOKEN_INVALID'],
        [algNone, 'TOKEN_INVALID'],
        [otherSecret, 'TOKEN_INVALID'],
        [expired, 'TOKEN_EXPIRED'],
        [noJti, 'TOKEN_INVALID'],
        [noStamp, 'TOKEN_INVALID'],
        [wrongAudience, 'TOKEN_INVALID'],
        [hs512, 'TOKEN_INVALID'],
        [forgedHmac, 'TOKEN_INVALID'],
      ];
      for (const [token, code] of cases) {
        const res = await api.get(`${AUTH}/me`, { token });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code });
      }
      expect((await api.get(`${AUTH}/me`, { token: user.accessToken })).status).toBe(200);
    });

    it('never reads a token from the query string', async () => {
      const user = await signIn(t);
      const res = await api.get(`${AUTH}/me?access_token=${user.accessToken}&token=${user.accessToken}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_MISSING');
    });
  });

  describe('POST /refresh', () => {
    it('rotates: the new pair works, the old refresh token is refused as reuse and kills the family', async () => {
      const user = await signIn(t);
      const first = await api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      expect((await api.get(`${AUTH}/me`, { token: first.body.accessToken })).status).toBe(200);

      const reuse = await api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      // The whole chain of that login is revoked, including the token issued just before.
      const child = await api.post(`${AUTH}/refresh`, { refreshToken: first.body.refreshToken });
      expect(child.status).toBe(401);
      expect(child.body.code).toBe('TOKEN_REVOKED');
      const rows = await withPg(
        db(),
        async (pg) => (await pg.query('SELECT revoked_at FROM refresh_tokens WHERE user_id = $1', [user.id])).rows,
      );
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
      expect(await auditRows('auth.token.refresh', user.id)).toHaveLength(1);
      // So are the access tokens issued in that sign-in, at once; another sign-in keeps working.
      for (const token of [user.accessToken, first.body.accessToken]) {
        const me = await api.get(`${AUTH}/me`, { token });
        expect([me.status, me.body.code]).toEqual([401, 'TOKEN_REVOKED']);
      }
      const other = await api.post(`${AUTH}/login`, { email: user.email, password: user.password });
      expect((await api.get(`${AUTH}/me`, { token: other.body.accessToken })).status).toBe(200);
    });

    it('ends every access token of a sign-in at logout, those from earlier refreshes too', async () => {
      const user = await signIn(t);
      const refreshed = await api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken });
      expect((await api.post(`${AUTH}/logout`, {}, { token: refreshed.body.accessToken })).status).toBe(204);
      const earlier = await api.get(`${AUTH}/me`, { token: user.accessToken });
      expect([earlier.status, earlier.body.code]).toEqual([401, 'TOKEN_REVOKED']);
      // Without a refresh token in the body too: the sign-in's refresh tokens end with it.
      const other = await signIn(t);
      expect((await api.post(`${AUTH}/logout`, {}, { token: other.accessToken })).status).toBe(204);
      const refresh = await api.post(`${AUTH}/refresh`, { refreshToken: other.refreshToken });
      expect([refresh.status, refresh.body.code]).toEqual([401, 'TOKEN_REVOKED']);
    });

    it('lets exactly one of two concurrent refreshes with one token win', async () => {
      const user = await signIn(t);
      const results = await Promise.all(
        [0, 1, 2, 3].map(() => api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 401).map((r) => r.body.code)).toEqual([
        'REFRESH_TOKEN_REUSED',
        'REFRESH_TOKEN_REUSED',
        'REFRESH_TOKEN_REUSED',
      ]);
    });

    it.each([
      ['an unknown token', `dhr_${'A'.repeat(43)}`, 'TOKEN_INVALID'],
      ['a malformed token', 'refresh-me-please', 'TOKEN_INVALID'],
    ])('refuses %s', async (_, refreshToken, code) => {
      const res = await api.post(`${AUTH}/refresh`, { refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(code);
    });

    it('refuses an expired refresh token', async () => {
      const user = await signIn(t);
      await withPg(db(), (pg) =>
        pg.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]),
      );
      const res = await api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });
  });

  describe('POST /logout', () => {
    it('blacklists the access token (Redis and PostgreSQL) and revokes the refresh token', async () => {
      const user = await signIn(t);
      const other = await api.post(`${AUTH}/login`, { email: user.email, password: PASSWORD });
      const res = await api.post(`${AUTH}/logout`, { refreshToken: user.refreshToken }, { token: user.accessToken });
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();

      const me = await api.get(`${AUTH}/me`, { token: user.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('TOKEN_REVOKED');
      const refresh = await api.post(`${AUTH}/refresh`, { refreshToken: user.refreshToken });
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('TOKEN_REVOKED');
      // Another sign-in of the same user is untouched.
      expect((await api.get(`${AUTH}/me`, { token: other.body.accessToken })).status).toBe(200);

      const { jti } = jwt.decode(user.accessToken) as jwt.JwtPayload;
      const mirror = await withPg(
        db(),
        async (pg) => (await pg.query('SELECT user_id FROM revoked_access_tokens WHERE jti = $1', [jti])).rows,
      );
      expect(mirror).toEqual([{ user_id: user.id }]);
      expect(await auditRows('auth.logout', user.id)).toHaveLength(1);
    });

    it('needs a token', async () => {
      const res = await api.post(`${AUTH}/logout`, {});
      expect(res.status).toBe(401);
    });
  });
});
