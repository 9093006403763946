import type { RedisClient } from '@app/redis';
import type { InvalidationBus } from './invalidation-bus.service';
import { TieredCache } from './tiered-cache';

/** A bus whose channel the test loses and regains by hand, and an L2 that is always empty. */
function setup() {
  const bus = { degraded: false, lostAt: 0, register: () => undefined } as unknown as InvalidationBus & {
    degraded: boolean;
    lostAt: number;
  };
  const redis = { get: () => Promise.resolve(null), set: () => Promise.resolve('OK') } as unknown as RedisClient;
  const cache = new TieredCache<string>(
    { name: 'test', l1TtlMs: 600_000, l1Max: 10, l2TtlSeconds: 600, negativeTtlMs: 5_000 },
    redis,
    bus,
  );
  let loads = 0;
  const load = () => Promise.resolve(`value ${++loads}`);
  return { bus, cache, load };
}

describe('TieredCache', () => {
  it('keeps an entry in memory for its lifetime while invalidations can be heard', async () => {
    const { cache, load } = setup();
    expect(await cache.get('a', load)).toBe('value 1');
    expect(cache.peek('a')).toBe('value 1');
    expect(await cache.get('a', load)).toBe('value 1');
  });

  it('no longer trusts what it cached before the invalidation channel was lost', async () => {
    const { bus, cache, load } = setup();
    await cache.get('a', load);
    await new Promise((resolve) => setTimeout(resolve, 2));
    bus.degraded = true;
    bus.lostAt = Date.now();
    expect(cache.peek('a')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2));
    // loaded again, and trusted again once the channel is back
    expect(await cache.get('a', load)).toBe('value 2');
    bus.degraded = false;
    expect(cache.peek('a')).toBe('value 2');
  });
});
