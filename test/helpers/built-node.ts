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

/**
 * The built server as production runs it (a real node process) on this run's Redis prefix,
 * not waited for: `env` names its database and anything else it needs.
 */
export async function spawnBuiltNode(env: Record<string, string>) {
  const port = await freePort();
  const server = spawnNode(BUILT_MAIN, [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    SHUTDOWN_DRAIN_MS: '0',
    ...TEST_SECRETS,
    ...env,
  });
  return { server, port };
}

/** The built server on this run's database, already migrated, once it answers. */
export async function startBuiltNode(env: Record<string, string>) {
  const throttles = Object.fromEntries(THROTTLES.map((name) => [name, process.env[name]!]));
  const started = await spawnBuiltNode({
    DATABASE_URL: process.env.DATABASE_URL!,
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'warn',
    ...throttles,
    ...env,
  });
  await waitForStatus(`http://127.0.0.1:${started.port}/health`, 200, 20_000);
  return started;
}
