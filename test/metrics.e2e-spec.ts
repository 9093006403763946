import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { createApi, createKey, createTier } from './helpers/gateway-fixtures';
import { signIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

/** Value of one sample line `name{labels} value` in a Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-z_]+=")/).filter(Boolean);
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

/** GET /metrics as Prometheus scrapes it, after known gateway traffic. */
describe('metrics', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let text: string;
  let apiName: string;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    const api = new ApiClient(t.url);
    const admin = await signIn(t, UserRole.Admin);
    apiName = (await createApi(api, admin, { upstreamUrl: upstream.url })).name;
    const tier = await createTier(api, admin, { requestsPerMin: 1000, requestsPerHour: 10_000, burstLimit: 3 });
    const { key } = await createKey(api, admin, {
      rateLimitTier: tier,
      permissions: [{ api: apiName, permission: 'read' }],
    });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(`${t.url}/gateway/${apiName}/echo/m`, { headers: { 'x-api-key': key } })).status);
    statuses.push((await fetch(`${t.url}/gateway/${apiName}/echo/m`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 401]);
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await res.text();
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  it('times every answer by route pattern, method and status (never by raw URL)', () => {
    const count = (status: string) =>
      sample(text, 'datahub_http_request_duration_seconds_count', { route: '/gateway/:api/*', method: 'GET', status });
    expect([count('200'), count('429'), count('401')]).toEqual([3, 2, 1]);
    expect(text).not.toContain('/echo/m');
    expect(
      sample(text, 'datahub_http_request_duration_seconds_bucket', {
        route: '/gateway/:api/*',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(3);
  });

  it('reports upstream latency by API, rate-limit decisions, cache layers and breaker state', () => {
    expect(sample(text, 'datahub_upstream_response_seconds_count', { api: apiName })).toBe(3);
    expect(sample(text, 'datahub_rate_limit_decisions_total', { decision: 'allowed' })).toBe(3);
    expect(sample(text, 'datahub_rate_limit_decisions_total', { decision: 'refused' })).toBe(2);
    // one after another: nothing in flight to share a script call with
    expect(sample(text, 'datahub_rate_limit_redis_calls_total')).toBe(5);
    expect(sample(text, 'datahub_rate_limit_redis_checks_total')).toBe(5);
    // The first use of the key reads PostgreSQL, the next ones its memory layer.
    expect(sample(text, 'datahub_cache_lookups_total', { cache: 'key', layer: 'source' })).toBe(1);
    expect(sample(text, 'datahub_cache_lookups_total', { cache: 'key', layer: 'l1' })).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'datahub_circuit_breaker_state', { upstream: upstream.url, state: 'closed' })).toBe(1);
  });

  it('reports the database pool, Redis, the log writers and the process', () => {
    expect(sample(text, 'datahub_db_pool_connections', { pool: 'primary', state: 'total' })).toBeGreaterThan(0);
    expect(sample(text, 'datahub_db_pool_connections', { pool: 'primary', state: 'waiting' })).toBe(0);
    expect(sample(text, 'datahub_redis_up')).toBe(1);
    expect(sample(text, 'datahub_request_log_rows', { state: 'received' })).toBe(6);
    expect(sample(text, 'datahub_request_log_rows', { state: 'dropped' })).toBe(0);
    expect(sample(text, 'datahub_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
