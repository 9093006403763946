import { randomUUID } from 'node:crypto';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { signIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

/** /api/v1 is rate limited per user (per IP when signed out), across every node. */
describe('management API rate limits', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Own limits, so an own Redis prefix: every request of the run comes from 127.0.0.1.
    const env = {
      MANAGEMENT_RATE_LIMIT_PER_MIN: '6',
      MANAGEMENT_EXPENSIVE_RATE_LIMIT_PER_MIN: '2',
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}mgmt-${randomUUID().slice(0, 8)}:`,
    };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it("limits a user across two nodes, with the gateway's headers and 429 problem", async () => {
    // Signing in is itself a management request of this address, not of the user.
    const user = await signIn(a, UserRole.Viewer);
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 8; i++) {
      const res = await new ApiClient(i % 2 ? b.url : a.url).get('/api/v1/keys', { token: user.accessToken });
      statuses.push(res.status);
      if (i === 0) {
        expect(res.headers.get('x-ratelimit-limit')).toBe('6');
        expect(res.headers.get('x-ratelimit-remaining')).toBe('5');
        expect(res.headers.get('ratelimit-policy')).toBe('"management";q=6;w=60');
        expect(res.headers.get('ratelimit')).toMatch(/^"management";r=5;t=\d+$/);
      }
      if (res.status === 429) refused = res;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    // The same route spelled with a percent-encoded letter is the same route, and counted.
    expect((await new ApiClient(a.url).get('/%61pi/v1/keys', { token: user.accessToken })).status).toBe(429);
    expect(refused!.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused!.body).toMatchObject({
      code: 'RATE_LIMITED',
      policies: [expect.objectContaining({ policy: 'management', limit: 6, windowSeconds: 60 })],
    });

    // Another user has a budget of their own.
    const other = await signIn(b, UserRole.Viewer);
    expect((await new ApiClient(a.url).get('/api/v1/auth/me', { token: other.accessToken })).status).toBe(200);
  });

  it('gives expensive routes a lower limit of their own', async () => {
    const dev = await signIn(a, UserRole.Developer);
    const create = () =>
      new ApiClient(b.url).post('/api/v1/keys', { name: 'k', permissions: [] }, { token: dev.accessToken });
    expect([(await create()).status, (await create()).status]).toEqual([201, 201]);
    const third = await create();
    expect([third.status, third.body.policies?.[0]?.policy]).toEqual([429, 'expensive']);
    expect(third.headers.get('ratelimit-policy')).toBe('"management";q=6;w=60, "expensive";q=2;w=60');
    // The rest of the API is still open to this user.
    expect((await new ApiClient(a.url).get('/api/v1/keys', { token: dev.accessToken })).status).toBe(200);
  });

  it('never limits the gateway, health or metrics by these budgets', async () => {
    for (let i = 0; i < 10; i++) expect((await fetch(`${a.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${a.url}/health/live`)).headers.get('x-ratelimit-limit')).toBeNull();
  });
});
