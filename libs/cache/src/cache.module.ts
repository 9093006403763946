import { Global, Module } from '@nestjs/common';
import { InvalidationBus } from './invalidation-bus.service';
import { TieredCacheFactory } from './tiered-cache.factory';

/** L1 (in-process LRU) + L2 (Redis) caches with cluster-wide invalidation. */
@Global()
@Module({
  providers: [InvalidationBus, TieredCacheFactory],
  exports: [InvalidationBus, TieredCacheFactory],
})
export class CacheModule {}
