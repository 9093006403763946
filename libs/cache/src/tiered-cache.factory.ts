import { Inject, Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@app/metrics';
import { REDIS, RedisClient } from '@app/redis';
import { InvalidationBus } from './invalidation-bus.service';
import { TieredCache, TieredCacheOptions } from './tiered-cache';

/** Builds TieredCaches wired to the shared Redis client and invalidation bus, and reports their hits. */
@Injectable()
export class TieredCacheFactory {
  private readonly caches: TieredCache<unknown>[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly bus: InvalidationBus,
    metrics: MetricsRegistry,
  ) {
    metrics.observeTotal(
      'datahub_cache_lookups_total',
      'Cache lookups by cache and the layer that answered (l1 memory, l2 Redis, source = database)',
      ['cache', 'layer'],
      (set) => {
        for (const cache of this.caches) {
          for (const layer of ['l1', 'l2', 'source'] as const) set({ cache: cache.name, layer }, cache.stats[layer]);
        }
      },
    );
  }

  create<T>(options: TieredCacheOptions<T>): TieredCache<T> {
    const cache = new TieredCache<T>(options, this.redis, this.bus);
    this.caches.push(cache as TieredCache<unknown>);
    return cache;
  }
}
