import { connect, createServer } from 'node:net';
import { RequestLogWriter } from '@app/analytics';
import { LifecycleState } from '@app/core';
import { UserRole } from '@app/db';
import { JwtService } from '@nestjs/jwt';
import { ApiClient } from './helpers/api-client';
import { json } from './helpers/http';
import { withPg } from './helpers/databases';
import { createApi, createKey, createTier } from './helpers/gateway-fixtures';
import { bodyOf, rawExchange, statusOf } from './helpers/raw-http';
import { signIn, SignedIn, uniqueEmail } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TEST_SECRETS } from './helpers/test-env';
import { TestUpstream } from './helpers/upstream';

const PROBLEM = 'application/problem+json; charset=utf-8';

/** The status line, content type and parsed body of a raw answer. */
function parse(answer: string) {
  const head = answer.slice(0, answer.indexOf('\r\n\r\n'));
  const contentType = /\r\ncontent-type: ([^\r]+)/i.exec(head)?.[1];
  const body = bodyOf(answer);
  return { status: statusOf(answer), contentType, body: contentType?.includes('json') ? JSON.parse(body) : body };
}

const rows = (requestId: string) =>
  withPg(
    process.env.DATABASE_URL!,
    async (pg) =>
      (await pg.query(`SELECT status_code, path FROM request_logs WHERE metadata->>'requestId' = $1`, [requestId]))
        .rows,
  );

/** Defects found from outside (fuzzing, raw sockets): each answered as the contract says. */
describe('hostile and unusual input', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let echo: { id: string; name: string };

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    api = new ApiClient(t.url);
    admin = await signIn(t, UserRole.Admin);
    echo = await createApi(api, admin, { upstreamUrl: `${upstream.url}/base`, authRequired: false });
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  describe('Expect: 100-continue on the gateway', () => {
    it('answers 100 Continue, forwards the body without the header, and never opens the circuit', async () => {
      for (let i = 0; i < 7; i++) {
        const answer = await rawExchange(
          t.url,
          `POST /gateway/${echo.name}/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`,
        );
        expect(answer.startsWith('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK')).toBe(true);
        const seen = JSON.parse(bodyOf(answer.slice(answer.indexOf('HTTP/1.1 200'))));
        expect(seen).toMatchObject({ method: 'POST', url: '/base/upload', bytes: 5 });
        expect(seen.headers.expect).toBeUndefined();
      }
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      expect(metrics).toContain(`datahub_circuit_breaker_state{upstream="${upstream.url}",state="closed"} 1`);
    });

    it('does not count clients that break off their upload against the upstream', async () => {
      for (let i = 0; i < 7; i++) {
        await new Promise<void>((resolve) => {
          const socket = connect(Number(new URL(t.url).port), '127.0.0.1', () => {
            socket.write(
              `POST /gateway/${echo.name}/partial HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`,
            );
            setTimeout(() => socket.destroy(), 100);
          });
          socket.on('close', () => resolve());
          socket.on('error', () => undefined);
        });
      }
      const res = await fetch(`${t.url}/gateway/${echo.name}/after`);
      expect(res.status).toBe(200);
    });

    it('counts an upstream that answers garbage against its circuit', async () => {
      const garbage = createServer((socket) => socket.end('HTTP/1.1 2OO GARBAGE\r\n\r\n'));
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      try {
        const broken = await createApi(api, admin, {
          upstreamUrl: `http://127.0.0.1:${(garbage.address() as { port: number }).port}`,
          authRequired: false,
        });
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await fetch(`${t.url}/gateway/${broken.name}/x`)).status);
        expect(statuses).toEqual([502, 502, 502, 502, 502, 503]);
      } finally {
        garbage.close();
      }
    });

    it('answers any other expectation 417 as a problem', async () => {
      const answer = parse(
        await rawExchange(
          t.url,
          `POST /gateway/${echo.name}/x HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx`,
        ),
      );
      expect(answer).toMatchObject({
        status: 417,
        contentType: PROBLEM,
        body: { status: 417, code: 'EXPECTATION_FAILED', requestId: expect.any(String) },
      });
    });
  });

  describe('PATCH with any subset of fields', () => {
    const patch = (path: string, body: unknown) => api.patch(path, body, { token: admin.accessToken });

    it('keys: empty body, permissions alone, nullable expiry; null for a required field is a 400 naming it', async () => {
      const { id } = await createKey(api, admin, { permissions: [{ api: echo.name, permission: 'read' }] });
      expect((await patch(`/api/v1/keys/${id}`, {})).status).toBe(200);
      const permissions = await patch(`/api/v1/keys/${id}`, { permissions: [{ api: echo.name, permission: 'write' }] });
      expect(permissions.status).toBe(200);
      expect(permissions.body.data.permissions).toEqual([{ api: echo.name, permission: 'write' }]);
      expect((await patch(`/api/v1/keys/${id}`, { expiresAt: null })).body.data.expiresAt).toBeNull();
      for (const field of ['name', 'rateLimitTier', 'permissions']) {
        const res = await patch(`/api/v1/keys/${id}`, { [field]: null });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await api.get(`/api/v1/keys/${id}`, { token: admin.accessToken })).body.data).toMatchObject({
        name: 'test key',
        rateLimitTier: 'free',
      });
    });

    it('APIs, users and tiers: empty body, one field, null only where the field is nullable', async () => {
      const target = await createApi(api, admin, { upstreamUrl: upstream.url, rateLimit: 10 });
      expect((await patch(`/api/v1/admin/apis/${target.id}`, {})).status).toBe(200);
      expect((await patch(`/api/v1/admin/apis/${target.id}`, { rateLimit: null })).body.data.rateLimit).toBeNull();
      for (const field of ['timeoutMs', 'name', 'upstreamUrl', 'authRequired', 'maxBodyBytes']) {
        const res = await patch(`/api/v1/admin/apis/${target.id}`, { [field]: null });
        expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
      }

      const user = await api.post(
        '/api/v1/admin/users',
        { email: uniqueEmail(), password: 'correct horse battery staple', role: 'viewer' },
        { token: admin.accessToken },
      );
      const userPath = `/api/v1/admin/users/${user.body.data.id}`;
      expect((await patch(userPath, {})).status).toBe(200);
      expect((await patch(userPath, { name: null })).body.data.name).toBeNull();
      expect((await patch(userPath, { role: null })).status).toBe(400);

      const tier = await createTier(api, admin, { requestsPerMin: 10, requestsPerHour: 100, burstLimit: 5 });
      expect((await patch(`/api/v1/admin/rate-limits/${tier}`, {})).status).toBe(200);
      expect((await patch(`/api/v1/admin/rate-limits/${tier}`, { burstLimit: 2 })).body.data).toMatchObject({
        requestsPerMin: 10,
        burstLimit: 2,
      });
      expect((await patch(`/api/v1/admin/rate-limits/${tier}`, { burstLimit: null })).status).toBe(400);
    });

    it('refuses a body that is not a JSON object', async () => {
      for (const body of ['null', '[1]', '"x"', '3']) {
        const res = await api.request('PATCH', `/api/v1/admin/rate-limits/free`, { body, token: admin.accessToken });
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('numbers out of range', () => {
    it.each(['/api/v1/keys', '/api/v1/admin/apis', '/api/v1/admin/users', '/api/v1/analytics/audit'])(
      '%s: offset and limit are bounded integers',
      async (path) => {
        for (const query of [
          'offset=1e20',
          'offset=9223372036854775808',
          'offset=1.26e308',
          'offset=1e-05',
          'offset=-1',
          'offset=0x10',
          'offset=2147483648',
          'limit=2.5',
          'limit=201',
          'limit=',
        ]) {
          const res = await api.get(`${path}?${query}`, { token: admin.accessToken });
          expect([query, res.status, res.headers.get('content-type'), res.body.code]).toEqual([
            query,
            400,
            PROBLEM,
            'VALIDATION_FAILED',
          ]);
        }
        const ok = await api.get(`${path}?offset=2147483647&limit=200`, { token: admin.accessToken });
        expect([ok.status, ok.body.data, ok.body.meta.offset]).toEqual([200, [], 2147483647]);
      },
    );

    it('refuses fractional and huge numbers in bodies', async () => {
      for (const rateLimit of [1.5, 1e20, 1.26e308]) {
        const res = await api.post(
          '/api/v1/admin/apis',
          { name: `n-${Date.now()}`, upstreamUrl: upstream.url, rateLimit },
          { token: admin.accessToken },
        );
        expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'rateLimit']);
      }
    });
  });

  it.each([5_000, 100_000])('refuses JSON nested %d levels deep with 400 MALFORMED_JSON', async (depth) => {
    const body = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const res = await api.request('POST', '/api/v1/auth/login', { body });
    expect([res.status, res.headers.get('content-type'), res.body.code]).toEqual([400, PROBLEM, 'MALFORMED_JSON']);
    const arrays = await api.request('POST', '/api/v1/auth/login', { body: '['.repeat(depth) + ']'.repeat(depth) });
    expect([arrays.status, arrays.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('refuses text with a lone surrogate or NUL in any field with 400 naming it, and stores nothing', async () => {
    for (const [body, field] of [
      ['{"name":"k\\udc00x","permissions":[]}', 'name'],
      ['{"name":"ok","permissions":[{"api":"a\\ud800","permission":"read"}]}', 'permissions.0.api'],
      ['{"name":"nul\\u0000","permissions":[]}', 'name'],
    ]) {
      const res = await api.request('POST', '/api/v1/keys', { body, token: admin.accessToken });
      expect([res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    const stored = await withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (await pg.query(`SELECT count(*)::int AS n FROM api_keys WHERE name LIKE 'k%x' AND user_id = $1`, [admin.id]))
          .rows[0].n,
    );
    expect(stored).toBe(0);
  });

  describe('framework errors are problems too', () => {
    it('answers an over-long path parameter 414 as a problem', async () => {
      const res = await fetch(`${t.url}/api/v1/keys/${'a'.repeat(600)}`, {
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      expect([res.status, res.headers.get('content-type')]).toEqual([414, PROBLEM]);
      expect(await json(res)).toMatchObject({
        status: 414,
        code: 'URI_TOO_LONG',
        requestId: res.headers.get('x-request-id'),
      });
    });

    it.each(['/api/v1/keys/%c0%ae', '/api/v1/keys/%ff'])(
      'answers bad UTF-8 in %s with 400 MALFORMED_URL and a request id',
      async (path) => {
        const answer = parse(await rawExchange(t.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        expect(answer).toMatchObject({
          status: 400,
          contentType: PROBLEM,
          body: { code: 'MALFORMED_URL', requestId: expect.any(String) },
        });
      },
    );

    it('records a gateway request refused by the router as a request_logs row', async () => {
      const answer = parse(
        await rawExchange(
          t.url,
          `GET /gateway/${echo.name}/%ff HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad-url-row\r\nConnection: close\r\n\r\n`,
        ),
      );
      expect(answer).toMatchObject({ status: 400, body: { code: 'MALFORMED_URL', requestId: 'bad-url-row' } });
      await t.app.get(RequestLogWriter).flush();
      expect(await rows('bad-url-row')).toEqual([{ status_code: 400, path: `/gateway/${echo.name}/%ff` }]);
    });
  });

  describe('media types', () => {
    it('refuses a form post on a JSON route with 415 (it used to sign in)', async () => {
      const res = await fetch(`${t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
      });
      expect([res.status, res.headers.get('content-type')]).toEqual([415, PROBLEM]);
      expect((await json(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
        const other = await fetch(`${t.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: '{}',
        });
        expect([type, other.status]).toEqual([type, 415]);
      }
    });

    it('takes application/json and structured +json types', async () => {
      const res = await api.request('POST', '/api/v1/auth/login', {
        body: { email: admin.email, password: admin.password },
        headers: { 'content-type': 'application/vnd.datahub+json; charset=utf-8' },
      });
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
    });
  });

  it('answers names no API or tier can have with 404, without asking the database', async () => {
    for (const path of ['/gateway/a%00b/x', '/gateway/A%20B/x', `/gateway/${'a'.repeat(65)}/x`]) {
      const answer = parse(await rawExchange(t.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'API_NOT_FOUND']);
    }
    const tier = await api.patch('/api/v1/admin/rate-limits/a%00b', { burstLimit: 1 }, { token: admin.accessToken });
    expect([tier.status, tier.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  describe('gateway paths', () => {
    it('forwards an absolute-form request target by its path', async () => {
      const answer = parse(
        await rawExchange(
          t.url,
          `GET http://evil.example/gateway/${echo.name}/abs?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        ),
      );
      expect(answer.status).toBe(200);
      expect(answer.body.url).toBe('/base/abs?q=1');
      // RFC 9112 §3.2.2: the target's authority, not the Host field, names the host.
      expect(answer.body.headers['x-forwarded-host']).toBe('evil.example');
    });

    it('finds the rest of the path when the API name was percent-encoded', async () => {
      const encoded = echo.name.replace('-', '%2D');
      const answer = parse(
        await rawExchange(t.url, `GET /gateway/${encoded}/rest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      );
      expect([answer.status, answer.body.url]).toEqual([200, '/base/rest']);
    });

    it.each(['/a/..;/admin', '/..;/admin', '/a/%2e%2e;x/admin', '/%252e%252e/admin', '/a/%252e%252e%252fadmin'])(
      'refuses %s with 400 PATH_NOT_ALLOWED',
      async (rest) => {
        const before = upstream.seen.length;
        const answer = parse(
          await rawExchange(t.url, `GET /gateway/${echo.name}${rest} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        expect(answer).toMatchObject({ status: 400, contentType: PROBLEM, body: { code: 'PATH_NOT_ALLOWED' } });
        expect(upstream.seen.length).toBe(before);
      },
    );
  });

  it('answers a validly signed token whose subject is not a UUID with 401 TOKEN_INVALID', async () => {
    for (const claims of [{ sub: 'admin' }, { sub: admin.id, jti: 'not-a-uuid' }, { sub: 42 }]) {
      const token = new JwtService().sign(
        { role: 'admin', jti: '7c8e3f53-2f0a-4a4a-9d4c-2b1f6f3a9a10', sv: 0, ...claims },
        {
          secret: TEST_SECRETS.JWT_SECRET,
          algorithm: 'HS256',
          issuer: 'datahub',
          audience: 'datahub-api',
          expiresIn: 60,
        },
      );
      const res = await api.get('/api/v1/keys', { token });
      expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
    }
  });

  it('answers requests that arrive while the node closes with a 503 problem', async () => {
    const closing = await startTestApp();
    try {
      closing.app.get(LifecycleState).beginClosing();
      const res = await fetch(`${closing.url}/api/v1/auth/me`);
      expect([res.status, res.headers.get('content-type'), res.headers.get('connection')]).toEqual([
        503,
        PROBLEM,
        'close',
      ]);
      expect(await json(res)).toMatchObject({
        status: 503,
        code: 'SHUTTING_DOWN',
        requestId: res.headers.get('x-request-id'),
      });
    } finally {
      await closing.close();
    }
  });
});

describe('CORS', () => {
  let t: TestApp;
  afterEach(() => t.close());

  const preflight = (origin: string, method: string) =>
    fetch(`${t.url}/api/v1/keys/7c8e3f53-2f0a-4a4a-9d4c-2b1f6f3a9a10`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method },
    });

  it('allows every method the API uses to a configured origin, and exposes the rate-limit and id headers', async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://console.example, https://ops.example' });
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      const res = await preflight('https://ops.example', method);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://ops.example');
      expect(res.headers.get('access-control-allow-methods')!.split(/,\s*/)).toContain(method);
    }
    const simple = await fetch(`${t.url}/health/live`, { headers: { origin: 'https://console.example' } });
    expect(simple.headers.get('access-control-expose-headers')).toMatch(
      /X-Request-Id.*Retry-After.*X-RateLimit-Remaining.*RateLimit-Policy/,
    );
    expect((await preflight('https://evil.example', 'DELETE')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no cross-origin caller unless CORS_ORIGINS names it', async () => {
    t = await startTestApp({ CORS_ORIGINS: undefined });
    expect((await preflight('https://console.example', 'GET')).headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${t.url}/health/live`, { headers: { origin: 'https://console.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
