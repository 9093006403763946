import { createHash, randomBytes } from 'node:crypto';
import { RequestLogWriter } from '@app/analytics';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { json } from './helpers/http';
import { freePort } from './helpers/processes';
import { bodyOf, rawExchange, statusOf } from './helpers/raw-http';
import { signIn, SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

describe('gateway: proxying', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let dev: SignedIn;
  let echo: { id: string; name: string };
  let key: string;
  let keyId: string;

  beforeAll(async () => {
    await upstream.start();
    // With an allowed origin, our answers vary by Origin: merged with the upstream's Vary.
    t = await startTestApp({ CORS_ORIGINS: 'https://console.example' });
    api = new ApiClient(t.url);
    [admin, dev] = await Promise.all([signIn(t, UserRole.Admin), signIn(t, UserRole.Developer)]);
    echo = await createApi(api, admin, { upstreamUrl: `${upstream.url}/base/`, maxBodyBytes: 2 * 1024 * 1024 });
    ({ key, id: keyId } = await createKey(api, dev, {
      rateLimitTier: 'enterprise',
      permissions: [{ api: echo.name, permission: 'write' }],
    }));
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  const gw = (path: string) => `${t.url}/gateway/${echo.name}${path}`;

  it('forwards method, path below the base, query, headers and body, and adds X-Forwarded-* and ids', async () => {
    const res = await fetch(gw('/v1/items/42?expand=owner&limit=3'), {
      method: 'PUT',
      headers: {
        'x-api-key': key,
        'content-type': 'application/json',
        'x-custom': 'kept',
        'x-request-id': 'trace-1',
        'x-forwarded-for': '203.0.113.9',
      },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-1');
    const seen = await json(res);
    expect(seen).toMatchObject({ method: 'PUT', url: '/base/v1/items/42?expand=owner&limit=3', bytes: 7 });
    expect(seen.headers).toMatchObject({
      'content-type': 'application/json',
      'x-custom': 'kept',
      'x-request-id': 'trace-1',
      'x-forwarded-for': '203.0.113.9, 127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(t.url).host,
      'x-datahub-key-id': keyId,
    });
    expect(seen.headers['x-api-key']).toBeUndefined();
    // No security headers of ours on a proxied answer; rate-limit headers, yes.
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-ratelimit-limit')).not.toBeNull();
  });

  it('strips hop-by-hop headers in both directions, including those named by Connection', async () => {
    const answer = await rawExchange(
      t.url,
      `GET /gateway/${echo.name}/echo HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\nConnection: keep-alive, x-drop-me\r\nX-Drop-Me: 1\r\nTE: trailers\r\nProxy-Authorization: Basic eA==\r\nX-HTTP-Method-Override: DELETE\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(200);
    const seen = JSON.parse(bodyOf(answer));
    for (const name of ['x-drop-me', 'te', 'proxy-authorization', 'x-http-method-override', 'x-api-key'])
      expect(seen.headers[name]).toBeUndefined();
    expect(seen.method).toBe('GET');
    const hop = await fetch(gw('/hop'), { headers: { 'x-api-key': key } });
    expect(await hop.text()).toBe('hop');
    expect(hop.headers.get('x-upstream-hop')).toBeNull();
  });

  it('passes upstream 4xx and 5xx through untouched, with rate-limit headers', async () => {
    for (const status of [404, 418, 500, 503]) {
      const res = await fetch(gw(`/status/${status}`), { headers: { 'x-api-key': key } });
      expect(res.status).toBe(status);
      expect(res.headers.get('x-upstream')).toBe('yes');
      expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding');
      expect(res.headers.get('x-ratelimit-remaining')).not.toBeNull();
      expect(await json(res)).toEqual({ status });
    }
  });

  it('streams a 1 MiB body through byte-exact, both ways', async () => {
    const body = randomBytes(1024 * 1024);
    const res = await fetch(gw('/upload?mirror=1'), {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(res.status).toBe(200);
    const echoed = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(echoed).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
    expect(upstream.seen.at(-1)!.bytes).toBe(body.length);
  });

  it("refuses bodies over the API's maxBodyBytes with 413, declared or streamed", async () => {
    const big = randomBytes(2 * 1024 * 1024 + 1);
    const declared = await fetch(gw('/upload'), { method: 'POST', headers: { 'x-api-key': key }, body: big });
    expect(declared.status).toBe(413);
    expect((await json(declared)).code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await fetch(gw('/upload'), {
      method: 'POST',
      headers: { 'x-api-key': key },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(randomBytes(1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('never lets .., %2e%2e or doubled slashes escape the API base path', async () => {
    const traversal = await rawExchange(
      t.url,
      `GET /gateway/${echo.name}/v1/../../../secret HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\n\r\n`,
    );
    expect(statusOf(traversal)).toBe(400);
    expect(JSON.parse(bodyOf(traversal)).code).toBe('PATH_NOT_ALLOWED');
    const encoded = await rawExchange(
      t.url,
      `GET /gateway/${echo.name}/%2e%2e/%2E%2E/secret HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\n\r\n`,
    );
    expect(statusOf(encoded)).toBe(400);
    const slash = await rawExchange(
      t.url,
      `GET /gateway/${echo.name}/a%2f..%2f..%2fsecret HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\n\r\n`,
    );
    expect(statusOf(slash)).toBe(400);
    const inside = await rawExchange(
      t.url,
      `GET /gateway/${echo.name}//v1/./a/../items HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\n\r\n`,
    );
    expect(statusOf(inside)).toBe(200);
    expect(JSON.parse(bodyOf(inside)).url).toBe('/base/v1/items');
    const otherApi = await rawExchange(t.url, `GET /gateway/../api/v1/auth/me HTTP/1.1\r\nHost: gw\r\n\r\n`);
    expect(statusOf(otherApi)).toBe(404);
  });

  it('refuses ambiguous framing (Content-Length with Transfer-Encoding) with 400', async () => {
    const answer = await rawExchange(
      t.url,
      `POST /gateway/${echo.name}/x HTTP/1.1\r\nHost: gw\r\nX-API-Key: ${key}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /gateway/${echo.name}/smuggled HTTP/1.1\r\nHost: gw\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(400);
    expect(upstream.seen.some((r) => r.url.includes('smuggled'))).toBe(false);
  });

  it('records every request, admitted or refused, as one request_logs row', async () => {
    const writer = t.app.get(RequestLogWriter);
    await writer.flush();
    const marker = `/log-${Date.now()}`;
    await fetch(gw(`${marker}?token=secret`), { headers: { 'x-api-key': key } });
    await fetch(gw(marker));
    await fetch(gw(`${marker}/status/500`), { headers: { 'x-api-key': key } });
    const readOnly = await createKey(api, dev, { permissions: [{ api: echo.name, permission: 'read' }] });
    expect((await fetch(gw(marker), { method: 'POST', headers: { 'x-api-key': readOnly.key } })).status).toBe(403);
    await writer.flush();
    const rows = await withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (
          await pg.query(
            `SELECT api_key_id, api_id, method, path, status_code, latency_ms, metadata FROM request_logs WHERE path LIKE $1 ORDER BY "timestamp"`,
            [`%${marker}%`],
          )
        ).rows,
    );
    expect(rows.map((r) => [r.status_code, r.api_key_id])).toEqual([
      [200, keyId],
      [401, null],
      [500, keyId],
      // A key that is valid but may not do this: its owner sees the refusal under the key.
      [403, readOnly.id],
    ]);
    expect(rows.every((r) => r.api_id === echo.id && r.latency_ms >= 0)).toBe(true);
    expect(rows[0].path).toBe(`/gateway/${echo.name}${marker}`);
    expect(rows[0].metadata).toMatchObject({ requestId: expect.any(String), ip: '127.0.0.1' });
  });
});

describe('gateway: upstream failures', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    api = new ApiClient(t.url);
    admin = await signIn(t, UserRole.Admin);
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  it('answers 502 when the upstream resets the connection, 504 when it never answers', async () => {
    const open = await createApi(api, admin, { upstreamUrl: upstream.url, authRequired: false, timeoutMs: 500 });
    const reset = await api.get(`/gateway/${open.name}/reset`);
    expect(reset.status).toBe(502);
    expect(reset.body.code).toBe('UPSTREAM_UNAVAILABLE');
    const started = Date.now();
    const hang = await api.get(`/gateway/${open.name}/hang`);
    expect(hang.status).toBe(504);
    expect(hang.body.code).toBe('UPSTREAM_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await api.get(`/gateway/${open.name}/ok`)).status).toBe(200);
  });

  it('answers 502 for a dead upstream, then opens the circuit (503 + Retry-After) after 5 failures', async () => {
    const dead = await createApi(api, admin, {
      upstreamUrl: `http://127.0.0.1:${await freePort()}`,
      authRequired: false,
    });
    const statuses: number[] = [];
    let open;
    for (let i = 0; i < 7; i++) {
      const res = await api.get(`/gateway/${dead.name}/x`);
      statuses.push(res.status);
      if (res.status === 503) open ??= res;
    }
    expect(statuses).toEqual([502, 502, 502, 502, 502, 503, 503]);
    expect(open!.body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Number(open!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('aborts the upstream request when the client goes away', async () => {
    const open = await createApi(api, admin, { upstreamUrl: upstream.url, authRequired: false, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = fetch(`${t.url}/gateway/${open.name}/hang?client-abort`, { signal: controller.signal }).catch(
      (error) => error,
    );
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 300));
    const seen = upstream.seen.find((r) => r.url.includes('client-abort'));
    expect(seen?.aborted).toBe(true);
  });
});
