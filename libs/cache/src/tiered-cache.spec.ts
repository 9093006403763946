import type { RedisClient } from '@app/redis';
import type { InvalidationBus } from './invalidation-bus.service';
import { monotonicMs } from './monotonic-clock';
import { TieredCache } from './tiered-cache';

/** A bus the test drives by hand (its channel lost, an eviction arriving), and an L2 that is always empty. */
function setup() {
  const handlers: Array<(id: string) => void> = [];
  const bus = {
    degraded: false,
    lostAt: 0,
    register: (_cache: string, handler: (id: string) => void) => handlers.push(handler),
  } as unknown as InvalidationBus & { degraded: boolean; lostAt: number };
  const redis = { get: () => Promise.resolve(null), set: () => Promise.resolve('OK') } as unknown as RedisClient;
  const cache = new TieredCache<string>(
    { name: 'test', l1TtlMs: 600_000, l1Max: 10, l2TtlSeconds: 600, negativeTtlMs: 5_000 },
    redis,
    bus,
  );
  let loads = 0;
  const load = () => Promise.resolve(`value ${++loads}`);
  const evict = (id: string) => handlers.forEach((handler) => handler(id));
  return { bus, cache, load, evict };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

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
    await tick();
    bus.degraded = true;
    bus.lostAt = monotonicMs();
    expect(cache.peek('a')).toBeUndefined();
    await tick();
    // loaded again, and trusted again once the channel is back
    expect(await cache.get('a', load)).toBe('value 2');
    bus.degraded = false;
    expect(cache.peek('a')).toBe('value 2');
  });

  it('does not cache a value whose read an eviction overtook', async () => {
    const { cache, evict } = setup();
    let finish!: (value: string) => void;
    const reading = cache.get('a', () => new Promise<string>((resolve) => (finish = resolve)));
    await tick();
    evict('a'); // e.g. the key was revoked while its old record was being read
    finish('old record');
    expect(await reading).toBe('old record');
    expect(cache.peek('a')).toBeUndefined();
  });
});

describe('TieredCache across versions', () => {
  it('treats an L2 value of an older shape as absent: loads it again and rewrites L2', async () => {
    type Shape = { id: string; added?: string[] | null };
    const l2 = new Map<string, string>([['cache:test:a', JSON.stringify({ id: 'a' })]]);
    const redis = {
      get: (key: string) => Promise.resolve(l2.get(key) ?? null),
      set: (key: string, value: string) => {
        l2.set(key, value);
        return Promise.resolve('OK');
      },
    } as unknown as RedisClient;
    const bus = { degraded: false, lostAt: 0, register: () => undefined } as unknown as InvalidationBus;
    const cache = new TieredCache<Shape>(
      {
        name: 'test',
        l1TtlMs: 600_000,
        l1Max: 10,
        l2TtlSeconds: 600,
        negativeTtlMs: 5_000,
        isCurrent: (value) => value.added !== undefined,
      },
      redis,
      bus,
    );
    const current = await cache.get('a', () => Promise.resolve({ id: 'a', added: ['x'] }));
    expect(current).toEqual({ id: 'a', added: ['x'] });
    expect(JSON.parse(l2.get('cache:test:a')!)).toEqual({ id: 'a', added: ['x'] });
    expect(cache.stats).toEqual({ l1: 0, l2: 0, source: 1 });
  });
});
