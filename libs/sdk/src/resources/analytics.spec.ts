import { FakeServer, sendJson } from '../../testing/fake-server';
import { DataHubClient } from '../client';

/** Against the analytics contract (docs/api.md "Analytics"). */
describe('client.analytics', () => {
  const server = new FakeServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const client = () => new DataHubClient({ baseUrl: server.url, accessToken: 't' });

  it('usage: sends the filters (dates as ISO 8601) and returns the buckets', async () => {
    const bucket = {
      bucket: '2026-11-27T10:00:00.000Z',
      requests: 12,
      errors: 1,
      p50LatencyMs: 3,
      p95LatencyMs: 9,
      p99LatencyMs: 11,
    };
    server.handle((_req, res) => sendJson(res, 200, { data: [bucket] }));
    const buckets = await client().analytics.usage({
      from: new Date('2026-11-27T00:00:00Z'),
      to: '2026-11-28T00:00:00Z',
      interval: 'hour',
      api: 'payments',
    });
    expect(buckets).toEqual([bucket]);
    const url = new URL(server.requests[0].url, server.url);
    expect(url.pathname).toBe('/api/v1/analytics/usage');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-27T00:00:00.000Z',
      to: '2026-11-28T00:00:00Z',
      interval: 'hour',
      api: 'payments',
    });
    expect(server.requests[0].headers.authorization).toBe('Bearer t');
  });

  it('summary: returns the summary object', async () => {
    const summary = {
      from: 'a',
      to: 'b',
      totalRequests: 10,
      errorRequests: 2,
      errorRate: 0.2,
      statusClasses: { '2xx': 8, '3xx': 0, '4xx': 2, '5xx': 0 },
    };
    server.handle((_req, res) => sendJson(res, 200, { data: summary }));
    await expect(client().analytics.summary({ keyId: 'k' })).resolves.toEqual(summary);
    expect(server.requests[0].url).toBe('/api/v1/analytics/summary?keyId=k');
  });

  it('export: streams the body as the server writes it', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"n":1}\n');
      setTimeout(() => res.end('{"n":2}\n'), 20);
    });
    const exported = await client().analytics.export({ format: 'ndjson' });
    expect(exported.contentType).toBe('application/x-ndjson');
    expect(await new Response(exported.body).text()).toBe('{"n":1}\n{"n":2}\n');
    expect(server.requests[0].url).toBe('/api/v1/analytics/export?format=ndjson');
    expect(server.requests[0].headers.accept).toBe('application/x-ndjson');
  });

  it('export: a refused export is a typed error, not a stream', async () => {
    server.handle((_req, res) =>
      sendJson(res, 403, { status: 403, code: 'INSUFFICIENT_PERMISSIONS', title: 'Forbidden' }),
    );
    await expect(client().analytics.export()).rejects.toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
  });

  it('audit: a page of events with its type filter', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: [{ id: 'e1', type: 'auth.login.failure' }],
        meta: { total: 1, limit: 50, offset: 0 },
      }),
    );
    const page = await client().analytics.audit({ type: 'auth.login.failure' });
    expect(page.data[0].type).toBe('auth.login.failure');
    expect(server.requests[0].url).toBe('/api/v1/analytics/audit?type=auth.login.failure');
  });
});
