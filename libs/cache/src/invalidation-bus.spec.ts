import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@app/core';
import type { RedisClient } from '@app/redis';
import { InvalidationBus } from './invalidation-bus.service';
import { monotonicMs } from './monotonic-clock';

/** A Redis whose subscriber connection the test controls: messages arrive only when the test delivers them. */
function setup() {
  const subscriber = Object.assign(new EventEmitter(), {
    status: 'ready',
    subscribe: () => Promise.resolve(1),
    disconnect: () => undefined,
  });
  const published: string[] = [];
  const redis = {
    duplicate: () => subscriber,
    publish: (_channel: string, message: string) => (published.push(message), Promise.resolve(1)),
  } as unknown as RedisClient;
  const bus = new InvalidationBus(redis, { redis: { keyPrefix: 'dh:' } } as AppConfig);
  const hear = (message: object) => subscriber.emit('message', 'dh:cache-invalidation', JSON.stringify(message));
  return { bus, subscriber, published, hear };
}

describe('InvalidationBus', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('counts a silent channel as lost, though its connection never said so, and recovers when it hears again', async () => {
    const { bus, published, hear } = setup();
    bus.onModuleInit();
    await new Promise(setImmediate);
    expect(bus.degraded).toBe(false);

    const start = monotonicMs();
    bus.beat(start + 1_000);
    expect(published).toHaveLength(1); // its own heartbeat
    expect(bus.degraded).toBe(false);

    // nothing heard for longer than the silence limit: lost, from now on
    bus.beat(start + 6_000);
    expect(bus.degraded).toBe(true);
    expect(bus.lostAt).toBeGreaterThanOrEqual(start);

    hear({ cache: '', id: '' });
    expect(bus.degraded).toBe(false);
    await bus.onApplicationShutdown();
  });

  it('counts a closed subscriber connection as lost', async () => {
    const { bus, subscriber } = setup();
    bus.onModuleInit();
    await new Promise(setImmediate);
    const before = monotonicMs();
    subscriber.emit('close');
    expect(bus.degraded).toBe(true);
    expect(bus.lostAt).toBeGreaterThanOrEqual(before);
    await bus.onApplicationShutdown();
  });

  it('hands evictions to the cache they name, and heartbeats to none', async () => {
    const { bus, hear } = setup();
    const evicted: string[] = [];
    bus.register('key', (id) => evicted.push(id));
    bus.onModuleInit();
    hear({ cache: 'key', id: 'abc' });
    hear({ cache: '', id: '' });
    expect(evicted).toEqual(['abc']);
    await bus.onApplicationShutdown();
  });
});
