import IORedis from 'ioredis';
import { dropDatabase } from './helpers/databases';
import { REDIS_URL } from './helpers/test-env';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.DATAHUB_TEST_DATABASE;
  if (!database) return;
  await dropDatabase(database);
  const redis = new IORedis(REDIS_URL);
  try {
    const keys = await redis.keys(`dh:${database}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
