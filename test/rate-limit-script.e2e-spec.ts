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

  const policyArgs = [
    specs.length,
    ...specs.flatMap((spec) => [spec.id ?? spec.name, spec.limit, spec.bucketMs, spec.buckets]),
  ];
  const run = (subjects: string[], entries: Array<[number, number]>, now: number): Promise<number[]> =>
    (redis as unknown as { slidingWindow(...args: Array<string | number>): Promise<number[]> }).slidingWindow(
      subjects.length,
      ...subjects.map((subject) => `{rl:${subject}}`),
      1,
      ...policyArgs,
      entries.length,
      ...entries.flatMap(([key, count]) => [key, 1, count]),
      now,
    );
  /** One run deciding `count` requests of one subject at `now`. */
  const script = (subject: string, now: number, count = 1) => run([subject], [[1, count]], now);
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

  it('decides the interleaved requests of several subjects in one run as the reference decides them', async () => {
    const { random, tick } = traffic(6);
    const subjects = ['multi-a', 'multi-b', 'multi-c'];
    const local = subjects.map(() => specs.map((): BucketCounts => new Map()));
    for (let step = 0; step < 300; step++) {
      const now = tick();
      // a few entries, each one subject's requests; a subject may appear in several
      const entries = Array.from({ length: 1 + Math.floor(random() * 4) }, (): [number, number] => [
        1 + Math.floor(random() * subjects.length),
        1 + Math.floor(random() * 5),
      ]);
      const expected = entries.flatMap(([key, count]) =>
        Array.from({ length: count }, () => decide(local[key - 1], specs, now)),
      );
      const reply = await run(subjects, entries, now);
      expect(reply).toHaveLength(expected.length * stride);
      expected.forEach((decision, r) => {
        expect({ step, r, figures: reply.slice(r * stride, (r + 1) * stride) }).toEqual({
          step,
          r,
          figures: [decision.allowed ? 1 : 0, ...decision.windows.flatMap((w) => [w.used, w.resetMs, w.retryMs])],
        });
      });
    }
  });

  /** The subject's stored windows: id → [bucket, count] pairs, oldest first. */
  async function stored(subject: string): Promise<Map<string, number[][]>> {
    const flat = (await redis.eval(
      "return cmsgpack.unpack(redis.call('GET', KEYS[1]))",
      1,
      `{rl:${subject}}`,
    )) as Array<string | number>;
    const windows = new Map<string, number[][]>();
    for (let at = 0; at < flat.length;) {
      const live = Number(flat[at + 3]);
      const pairs = flat.slice(at + 4, at + 4 + 2 * live).map(Number);
      windows.set(
        String(flat[at]),
        Array.from({ length: live }, (_, i) => pairs.slice(2 * i, 2 * i + 2)),
      );
      at += 4 + 2 * live;
    }
    return windows;
  }

  it('counts a request whose clock is behind the newest bucket in that bucket, keeping buckets in order', async () => {
    const now = 1_900_000_000_000;
    await script('clock', now, 2);
    // e.g. after a failover to a Redis whose clock lags by a few seconds
    const reply = await script('clock', now - 5_000);
    expect(reply[0]).toBe(1);
    expect(reply[1 + 3]).toBe(3); // minute window: all three counted
    const minute = (await stored('clock')).get('minute')!;
    expect(minute).toEqual([[Math.floor(now / 1_000), 3]]);
  });

  it("keeps a window's requests when its buckets change size, as an upper bound in the current bucket", async () => {
    const now = 1_950_000_000_000;
    await script('resized', now, 3);
    const reply = await (
      redis as unknown as { slidingWindow(...args: Array<string | number>): Promise<number[]> }
    ).slidingWindow(1, '{rl:resized}', 1, 1, 'minute', 25, 500, 120, 1, 1, 1, 1, now + 1_000);
    expect(reply.slice(0, 2)).toEqual([1, 4]);
    expect((await stored('resized')).get('minute')).toEqual([[Math.floor((now + 1_000) / 500), 4]]);
  });

  it('keeps a subject in one key that expires when its newest request leaves every window', async () => {
    const now = Date.now();
    await script('stored', now, 3);
    const plain = new IORedis(REDIS_URL);
    try {
      const key = `dh:test:rl-script:${process.pid}:{rl:stored}`;
      expect(await plain.type(key)).toBe('string');
      // the hour window holds the newest request for up to 61 one-minute buckets
      const ttl = await plain.pttl(key);
      expect(ttl).toBeGreaterThan(60 * 60_000);
      expect(ttl).toBeLessThanOrEqual(61 * 60_000 + 60_000);
      // only ever one key per subject
      expect(await plain.keys(`dh:test:rl-script:${process.pid}:*stored*`)).toEqual([key]);
    } finally {
      plain.disconnect();
    }
  });
});
