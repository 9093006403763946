import { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisClient } from '@app/redis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
import { RedisCounters } from './redis-counters';

/** @nestjs/throttler storage on Redis: one atomic script per hit, so limits hold across nodes. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly counters: RedisCounters;

  constructor(redis: RedisClient, inProcess = false) {
    this.counters = new RedisCounters(redis, inProcess);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { hits, windowMsLeft, blockMsLeft } = await this.counters.hit(
      `{auth}:throttle:${throttlerName}:${key}`,
      ttl,
      limit,
      blockDuration || ttl,
    );
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(windowMsLeft / 1000),
      isBlocked: blockMsLeft > 0,
      timeToBlockExpire: Math.ceil(blockMsLeft / 1000),
    };
  }
}
