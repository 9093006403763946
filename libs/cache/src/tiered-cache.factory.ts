import { Inject, Injectable } from '@nestjs/common';
import { REDIS, RedisClient } from '@app/redis';
import { InvalidationBus } from './invalidation-bus.service';
import { TieredCache, TieredCacheOptions } from './tiered-cache';

/** Builds TieredCaches wired to the shared Redis client and invalidation bus. */
@Injectable()
export class TieredCacheFactory {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly bus: InvalidationBus,
  ) {}

  create<T>(options: TieredCacheOptions): TieredCache<T> {
    return new TieredCache<T>(options, this.redis, this.bus);
  }
}
