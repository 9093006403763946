import { BUILT_MAIN, freePort, spawnNode, waitForStatus } from './processes';
import { REDIS_URL, TEST_SECRETS } from './test-env';

/** The built server as production runs it (a real node process), on this run's database and Redis prefix. */
export async function startBuiltNode(env: Record<string, string>) {
  const port = await freePort();
  const server = spawnNode(BUILT_MAIN, [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    MIGRATIONS_RUN: 'false',
    SHUTDOWN_DRAIN_MS: '0',
    LOG_LEVEL: 'warn',
    ...TEST_SECRETS,
    ...env,
  });
  await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000);
  return { server, port };
}
