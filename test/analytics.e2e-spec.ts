import { RequestLogWriter } from '@app/analytics';
import { AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { signIn, SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

/** Analytics over known gateway traffic: exact counts, ownership scoping, export, input checks. */
describe('analytics', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let dev: SignedIn;
  let viewer: SignedIn;
  let target: { id: string; name: string };
  let devKey: { id: string; key: string; prefix: string };
  let adminKey: { id: string; key: string; prefix: string };
  const from = new Date(Date.now() - 10 * 60_000).toISOString();
  let to: string;

  const gateway = (path: string, key?: string) =>
    fetch(`${t.url}/gateway/${target.name}${path}`, { headers: key ? { 'x-api-key': key } : {} }).then((r) => r.status);
  const range = () => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    api = new ApiClient(t.url);
    [admin, dev, viewer] = await Promise.all([
      signIn(t, UserRole.Admin),
      signIn(t, UserRole.Developer),
      signIn(t, UserRole.Viewer),
    ]);
    target = await createApi(api, admin, { upstreamUrl: upstream.url });
    const permissions = [{ api: target.name, permission: 'read' }];
    devKey = await createKey(api, dev, { rateLimitTier: 'enterprise', permissions });
    adminKey = await createKey(api, admin, { rateLimitTier: 'enterprise', permissions });

    // Known traffic: developer's key 5×200 + 2×500, admin's key 3×200, one request without a key (401).
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await gateway(`/echo/${i}?token=secret`, devKey.key));
    for (let i = 0; i < 2; i++) statuses.push(await gateway('/status/500', devKey.key));
    for (let i = 0; i < 3; i++) statuses.push(await gateway('/echo/admin', adminKey.key));
    statuses.push(await gateway('/echo/anonymous'));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 500, 500, 200, 200, 200, 401]);
    await t.app.get(RequestLogWriter).flush();
    to = new Date(Date.now() + 60_000).toISOString();
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  it('summarises exactly the requests sent: totals, error rate, status classes, percentiles, top APIs and keys', async () => {
    const res = await api.get(`/api/v1/analytics/summary?api=${target.name}&${range()}`, { token: admin.accessToken });
    expect(res.status).toBe(200);
    const s = res.body.data;
    expect(s).toMatchObject({
      from,
      to,
      totalRequests: 11,
      errorRequests: 3,
      errorRate: 0.2727,
      statusClasses: { '2xx': 8, '3xx': 0, '4xx': 1, '5xx': 2 },
      topApis: [{ api: target.name, requests: 11 }],
      topKeys: [
        { keyId: devKey.id, prefix: devKey.prefix, requests: 7 },
        { keyId: adminKey.id, prefix: adminKey.prefix, requests: 3 },
      ],
    });
    expect(s.p50LatencyMs).toEqual(expect.any(Number));
    expect(s.p50LatencyMs).toBeLessThanOrEqual(s.p95LatencyMs);
    expect(s.p95LatencyMs).toBeLessThanOrEqual(s.p99LatencyMs);
  });

  it('buckets usage per minute, every bucket of the range present, adding up to the same counts', async () => {
    const res = await api.get(`/api/v1/analytics/usage?interval=minute&api=${target.name}&${range()}`, {
      token: admin.accessToken,
    });
    expect(res.status).toBe(200);
    const buckets = res.body.data as Array<{
      bucket: string;
      requests: number;
      errors: number;
      p50LatencyMs: number | null;
    }>;
    expect(buckets.length).toBeGreaterThanOrEqual(11);
    expect(buckets.length).toBeLessThanOrEqual(12);
    expect(
      buckets.every((b, i) => i === 0 || Date.parse(b.bucket) - Date.parse(buckets[i - 1].bucket) === 60_000),
    ).toBe(true);
    expect(buckets.reduce((n, b) => n + b.requests, 0)).toBe(11);
    expect(buckets.reduce((n, b) => n + b.errors, 0)).toBe(3);
    expect(buckets.filter((b) => b.requests === 0).every((b) => b.p50LatencyMs === null)).toBe(true);

    const hourly = await api.get(`/api/v1/analytics/usage?interval=hour&keyId=${devKey.id}&${range()}`, {
      token: dev.accessToken,
    });
    expect(hourly.status).toBe(200);
    expect(hourly.body.data.reduce((n: number, b: { requests: number }) => n + b.requests, 0)).toBe(7);
  });

  it('shows developers and viewers only the traffic of their own keys; another key id answers 404', async () => {
    const mine = await api.get(`/api/v1/analytics/summary?${range()}`, { token: dev.accessToken });
    expect(mine.body.data).toMatchObject({
      totalRequests: 7,
      errorRequests: 2,
      topKeys: [{ keyId: devKey.id, requests: 7 }],
    });
    const none = await api.get(`/api/v1/analytics/summary?${range()}`, { token: viewer.accessToken });
    expect(none.body.data).toMatchObject({
      totalRequests: 0,
      errorRate: 0,
      p50LatencyMs: null,
      topApis: [],
      topKeys: [],
    });

    for (const path of ['summary', 'usage', 'export']) {
      const token = path === 'export' ? dev.accessToken : viewer.accessToken;
      const res = await api.get(`/api/v1/analytics/${path}?keyId=${adminKey.id}&${range()}`, { token });
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const unknownApi = await api.get(`/api/v1/analytics/summary?api=no-such-api`, { token: admin.accessToken });
    expect(unknownApi).toMatchObject({ status: 404, body: { code: 'API_NOT_FOUND' } });
  });

  it('exports the rows as CSV with a header row, and as NDJSON, without query strings', async () => {
    const csv = await fetch(`${t.url}/api/v1/analytics/export?api=${target.name}&${range()}`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('request-logs.csv');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('timestamp,id,api,apiKeyId,method,path,statusCode,latencyMs,requestId,ip,bytesIn,bytesOut');
    expect(lines).toHaveLength(12);
    expect(lines.filter((l) => l.includes(',500,'))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('secret');

    const nd = await fetch(`${t.url}/api/v1/analytics/export?format=ndjson&keyId=${devKey.id}&${range()}`, {
      headers: { authorization: `Bearer ${dev.accessToken}` },
    });
    expect(nd.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const rows = (await nd.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({
      api: target.name,
      apiKeyId: devKey.id,
      method: 'GET',
      path: `/gateway/${target.name}/echo/0`,
      statusCode: 200,
      ip: '127.0.0.1',
    });
    expect(rows.map((r) => Date.parse(r.timestamp))).toEqual(
      [...rows.map((r) => Date.parse(r.timestamp))].sort((a, b) => a - b),
    );

    const viewerExport = await api.get(`/api/v1/analytics/export?${range()}`, { token: viewer.accessToken });
    expect(viewerExport).toMatchObject({ status: 403, body: { code: 'INSUFFICIENT_PERMISSIONS' } });
  });

  it('lists audit events for admins only, filtered by type and paginated', async () => {
    await t.app.get(AuditWriter).flush();
    // Other suites share the database: find this suite's events among everyone's.
    const res = await api.get(`/api/v1/analytics/audit?type=key.created&limit=200&${range()}`, {
      token: admin.accessToken,
    });
    expect(res.status).toBe(200);
    const events = res.body.data as Array<{ type: string; timestamp: string; actorUserId: string; apiKeyId: string }>;
    expect(events.every((e) => e.type === 'key.created')).toBe(true);
    expect(events.map((e) => Date.parse(e.timestamp))).toEqual(
      events.map((e) => Date.parse(e.timestamp)).sort((a, b) => b - a),
    );
    expect(events.find((e) => e.apiKeyId === adminKey.id)).toMatchObject({
      actorUserId: admin.id,
      ip: '127.0.0.1',
      requestId: expect.any(String),
    });
    expect(events.find((e) => e.apiKeyId === devKey.id)).toMatchObject({ actorUserId: dev.id });
    const total = res.body.meta.total;
    expect(total).toBeGreaterThanOrEqual(2);

    const page = await api.get(`/api/v1/analytics/audit?type=key.created&limit=1&offset=1&${range()}`, {
      token: admin.accessToken,
    });
    expect(page.body.meta).toEqual({ total: expect.any(Number), limit: 1, offset: 1 });
    expect(page.body.meta.total).toBeGreaterThanOrEqual(total);
    expect(page.body.data).toHaveLength(1);
    expect((await api.get(`/api/v1/analytics/audit`, { token: dev.accessToken })).status).toBe(403);
  });

  it('refuses bad ranges, intervals and injection attempts in every parameter with 400, never 500', async () => {
    const fiveYearsAgo = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString();
    const cases = [
      `usage?interval=minute&from=${fiveYearsAgo}`,
      `usage?interval=week`,
      `usage?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`,
      `summary?from=yesterday`,
      `summary?to=2026-13-45T00:00:00Z`,
      `usage?interval=${encodeURIComponent("hour'; DROP TABLE request_logs; --")}`,
      `summary?api=${encodeURIComponent("x' OR '1'='1")}`,
      `summary?keyId=${encodeURIComponent("1' OR 1=1 --")}`,
      `summary?from=${encodeURIComponent("2026-01-01' OR 1=1 --")}`,
      `summary?to=${encodeURIComponent('now(); DROP TABLE users')}`,
      `export?format=${encodeURIComponent("csv' --")}`,
      `audit?type=${encodeURIComponent("x' OR '1'='1")}`,
      `audit?limit=${encodeURIComponent('1; DELETE FROM audit_events')}`,
      `audit?offset=-1`,
      `audit?limit=500`,
    ];
    for (const query of cases) {
      const res = await api.get(`/api/v1/analytics/${query}`, { token: admin.accessToken });
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const still = await api.get(`/api/v1/analytics/summary?api=${target.name}&${range()}`, {
      token: admin.accessToken,
    });
    expect(still.body.data.totalRequests).toBe(11);
  });
});
