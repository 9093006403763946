import { BUILT_MAIN, freePort, spawnNode, waitForStatus } from './processes';
import { REDIS_URL, TEST_SECRETS } from './test-env';

/**
 * The run's throttle settings (from global-setup): a built node shares the in-process
 * nodes' Redis prefix, so it must count with the same limits, or its lower defaults would
 * block 127.0.0.1 for every other test of the run.
 */
const THROTTLES = [
  'AUTH_MAX_FAILURES_PER_IP',
  'AUTH_REGISTRATIONS_PER_IP_PER_HOUR',
  'MANAGEMENT_RATE_LIMIT_PER_MIN',
  'MANAGEMENT_EXPENSIVE_RATE_LIMIT_PER_MIN',
];

/** The built server as production runs it (a real node process), on this run's database and Redis prefix. */
export async function startBuiltNode(env: Record<string, string>) {
  const throttles = Object.fromEntries(THROTTLES.map((name) => [name, process.env[name]!]));
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
    ...throttles,
    ...env,
  });
  await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000);
  return { server, port };
}
