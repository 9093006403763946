import IORedis from 'ioredis';
import { RATE_LIMIT_SCRIPT } from '../libs/rate-limit/src/redis-rate-limit.script';
import { type BucketCounts, decide, type WindowSpec } from '../libs/rate-limit/src/sliding-window';
import { REDIS_URL } from './helpers/test-env';

/**
 * The Redis script and the reference algorithm (sliding-window.ts, also the per-node
 * fallback) must take the same decisions with the same figures. The script is driven on
 * real Redis with a simulated clock (its extra last argument), over random traffic with
 * gaps short and long, so eviction, rebuild after a gap and Retry-After are all exercised.
 */
describe('rate-limit script ≡ sliding-window reference', () => {
  const redis = new IORedis(REDIS_URL, { keyPrefix: `dh:test:rl-script:${process.pid}:` });
  const specs: WindowSpec[] = [
    { name: 'burst', limit: 4, bucketMs: 100, buckets: 10 },
    { name: 'minute', limit: 25, bucketMs: 1_000, buckets: 60 },
    { name: 'hour', limit: 120, bucketMs: 60_000, buckets: 60 },
    { name: 'api', id: 'api:x', limit: 30, bucketMs: 1_000, buckets: 60 },
  ];

  beforeAll(() => redis.defineCommand('slidingWindow', { lua: RATE_LIMIT_SCRIPT }));
  afterAll(async () => {
    // KEYS answers full names; delete them through a client without the prefix.
    const keys = await redis.keys(`dh:test:rl-script:${process.pid}:*`);
    const plain = new IORedis(REDIS_URL);
    if (keys.length) await plain.del(...keys);
    plain.disconnect();
    redis.disconnect();
  });

  /** One call deciding `count` requests at `now`. */
  const script = (subject: string, now: number, count = 1): Promise<number[]> =>
    (redis as unknown as { slidingWindow(...args: Array<string | number>): Promise<number[]> }).slidingWindow(
      specs.length,
      ...specs.map((spec) => `{rl:${subject}}:${spec.id ?? spec.name}`),
      ...specs.flatMap((spec) => [spec.limit, spec.bucketMs, spec.buckets]),
      count,
      now,
    );
  const stride = 1 + 3 * specs.length;

  /** A seeded random source, and a clock that moves like traffic: mostly bursts, sometimes a pause past a bucket, a minute or an hour. */
  function traffic(seed: number) {
    let state = seed * 7919;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    let now = 1_700_000_000_000 + seed * 1_000;
    const tick = () => {
      const roll = random();
      now +=
        roll < 0.7
          ? Math.floor(random() * 40)
          : roll < 0.95
            ? Math.floor(random() * 3_000)
            : roll < 0.99
              ? 61_000
              : 3_700_000;
      return now;
    };
    return { random, tick };
  }

  it.each([1, 2, 3])('takes the same 1,500 decisions as the reference (seed %i)', async (seed) => {
    const { tick } = traffic(seed);
    const subject = `seq-${seed}`;
    const local: BucketCounts[] = specs.map(() => new Map());
    let refused = 0;
    for (let step = 0; step < 1_500; step++) {
      const now = tick();
      const expected = decide(local, specs, now);
      const reply = await script(subject, now);
      expect({ step, allowed: reply[0] === 1 }).toEqual({ step, allowed: expected.allowed });
      expect({ step, figures: reply.slice(1) }).toEqual({
        step,
        figures: expected.windows.flatMap((w) => [w.used, w.resetMs, w.retryMs]),
      });
      if (!expected.allowed) refused++;
    }
    // the sequence must exercise refusals as well as admissions
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1_400);
  });

  it.each([4, 5])(
    'decides a batch of concurrent requests as the reference decides them one by one (seed %i)',
    async (seed) => {
      const { random, tick } = traffic(seed);
      const subject = `batch-${seed}`;
      const local: BucketCounts[] = specs.map(() => new Map());
      let refused = 0;
      let mixed = 0;
      for (let step = 0; step < 400; step++) {
        const now = tick();
        const count = 1 + Math.floor(random() * 12);
        const expected = Array.from({ length: count }, () => decide(local, specs, now));
        const reply = await script(subject, now, count);
        expect(reply).toHaveLength(count * stride);
        for (let r = 0; r < count; r++) {
          const figures = reply.slice(r * stride, (r + 1) * stride);
          expect({ step, r, allowed: figures[0] === 1 }).toEqual({ step, r, allowed: expected[r].allowed });
          expect({ step, r, figures: figures.slice(1) }).toEqual({
            step,
            r,
            figures: expected[r].windows.flatMap((w) => [w.used, w.resetMs, w.retryMs]),
          });
        }
        refused += expected.filter((d) => !d.allowed).length;
        if (expected.some((d) => d.allowed) && expected.some((d) => !d.allowed)) mixed++;
      }
      // batches that straddle the limit (some admitted, the rest refused) must occur
      expect(mixed).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(200);
    },
  );

  it('rebuilds a window written without its running sum (the earlier layout)', async () => {
    const now = 1_800_000_000_000;
    const bucket = Math.floor(now / 1_000);
    // three requests in the minute window, as the earlier script stored them
    await redis.hset('{rl:legacy}:minute', String(bucket - 2), '2', String(bucket - 1), '1');
    const reply = await script('legacy', now);
    expect(reply[0]).toBe(1);
    expect(reply[1 + 3]).toBe(4); // minute window: 3 earlier + this one
    expect(await redis.hget('{rl:legacy}:minute', 's')).toBe('4');
  });
});
