import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';
import IORedis, { Cluster, RedisOptions } from 'ioredis';
import { RATE_LIMIT_COMMAND, type RedisClient } from './redis.constants';

/**
 * Client settings (docs/security.md): a short command timeout, one retry, and no offline
 * queue, so that a dead Redis answers an error in ~200 ms instead of holding requests.
 */
export const REDIS_COMMAND_OPTIONS: RedisOptions = {
  commandTimeout: 250,
  connectTimeout: 2_000,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  // Commands issued in the same tick (concurrent gateway requests) share one write.
  enableAutoPipelining: true,
  autoPipeliningIgnoredCommands: [RATE_LIMIT_COMMAND],
  retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
};

export function createRedisClient(config: AppConfig, logger = new Logger('Redis')): RedisClient {
  const { mode, url, clusterNodes, keyPrefix } = config.redis;
  let client: RedisClient;
  if (mode === 'cluster') {
    client = new Cluster(clusterNodes, {
      keyPrefix,
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      autoPipeliningIgnoredCommands: [RATE_LIMIT_COMMAND],
      clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      // Re-read the slot map every 2 s as well as on MOVED: after a primary dies, its slots
      // move to the promoted replica without any MOVED reaching us first.
      slotsRefreshInterval: 2_000,
      redisOptions: REDIS_COMMAND_OPTIONS,
    });
  } else if (mode === 'single') {
    client = new IORedis(url!, { ...REDIS_COMMAND_OPTIONS, keyPrefix });
  } else {
    // Embedded default: an in-process store with ioredis' API (Lua and pub/sub included),
    // like Kong's `local` policy. One node only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const RedisMock = require('ioredis-mock') as typeof IORedis;
    client = new RedisMock({ keyPrefix });
  }
  let healthy = true;
  client.on('error', (error: Error) => {
    if (healthy) logger.warn(`Redis unavailable: ${error.message}`);
    healthy = false;
  });
  client.on('close', () => {
    if (healthy) logger.warn('Redis connection closed; reconnecting');
    healthy = false;
  });
  client.on('ready', () => {
    if (!healthy) logger.log('Redis connection restored');
    healthy = true;
  });
  return client;
}
