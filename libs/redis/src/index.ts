export { RedisModule } from './redis.module';
export { RATE_LIMIT_COMMAND, REDIS, type RedisClient } from './redis.constants';
export { createRedisClient, REDIS_COMMAND_OPTIONS } from './redis-client.factory';
export { hashSlot } from './hash-slot';
