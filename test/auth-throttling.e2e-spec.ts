import { randomUUID } from 'node:crypto';
import { ApiClient } from './helpers/api-client';
import { PASSWORD, uniqueEmail } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

/** Own limits and own Redis prefix: every request here comes from 127.0.0.1. */
const LIMITS = {
  AUTH_MAX_FAILURES_PER_EMAIL: '5',
  AUTH_MAX_FAILURES_PER_IP: '12',
  AUTH_REGISTRATIONS_PER_IP_PER_HOUR: '5',
};

describe('sign-in and registration throttling (Redis-backed, atomic, across nodes)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeEach(async () => {
    const env = { ...LIMITS, REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}throttle-${randomUUID().slice(0, 8)}:` };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterEach(() => Promise.all([a.close(), b.close()]));

  it('refuses the 6th attempt after 5 wrong passwords for one email, even with the right password', async () => {
    const email = uniqueEmail('victim');
    await new ApiClient(a.url).post('/api/v1/auth/register', { email, password: PASSWORD });
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 30; i++) {
      // Alternate nodes: the count is shared through Redis.
      const res = await new ApiClient(i % 2 ? b.url : a.url).post('/api/v1/auth/login', {
        email,
        password: `wrong password ${i}`,
      });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    expect(limited!.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);

    const right = await new ApiClient(a.url).post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(right.status).toBe(429);
  });

  it('throttles one client IP across many emails', async () => {
    const api = new ApiClient(a.url);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++)
      statuses.push(
        (await api.post('/api/v1/auth/login', { email: uniqueEmail('spray'), password: 'wrong password here' })).status,
      );
    expect(statuses).toEqual([...Array(12).fill(401), 429, 429]);
  });

  it('counts registrations per IP atomically: 5 of 20 concurrent requests pass', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new ApiClient(i % 2 ? b.url : a.url).post('/api/v1/auth/register', {
          email: uniqueEmail('burst'),
          password: PASSWORD,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(15);
    expect(refused.every((r) => r.body.code === 'RATE_LIMITED' && Number(r.headers.get('retry-after')) > 0)).toBe(true);
  });
});
