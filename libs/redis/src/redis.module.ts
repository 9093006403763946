import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { MetricsRegistry } from '@app/metrics';
import { createRedisClient } from './redis-client.factory';
import { REDIS, RedisClient } from './redis.constants';

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [AppConfig], useFactory: (config: AppConfig) => createRedisClient(config) }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisModule.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    metrics: MetricsRegistry,
  ) {
    metrics.observe('datahub_redis_up', '1 while the Redis client is connected and ready', [], (set) =>
      set({}, redis.status === 'ready' ? 1 : 0),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing on purpose: not an outage to warn about or resynchronise after.
    this.redis.removeAllListeners('close');
    try {
      await this.redis.quit();
    } catch (error) {
      this.logger.debug(`Redis quit failed: ${(error as Error).message}`);
      this.redis.disconnect();
    }
  }
}
