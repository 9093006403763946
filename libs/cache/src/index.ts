export { CacheModule } from './cache.module';
export { InvalidationBus } from './invalidation-bus.service';
export { TieredCache, type TieredCacheOptions, type CacheStats } from './tiered-cache';
export { TieredCacheFactory } from './tiered-cache.factory';
