import 'reflect-metadata';
import { createServer, type AddressInfo } from 'node:net';
import { AdminBootstrap } from '@app/auth';
import { AppConfig, ConfigurationError, type ProcessLock, ROOT_LOGGER } from '@app/core';
import { lockDataDir, waitForPostgres } from '@app/db';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';
import { installGracefulShutdown } from './graceful-shutdown';
import { printStartupBanner } from './startup-banner';

/** Start-up problems are one line on stderr and exit code 1: no stack trace to wade through. */
function fail(message: string): never {
  process.stderr.write(`DataHub failed to start: ${message}\n`);
  process.exit(1);
}

/** Before anything opens the embedded database: one process per data directory. */
function lockEmbeddedInstallation(config: AppConfig): ProcessLock | undefined {
  if (!config.embeddedDatabase) return undefined;
  const lock = lockDataDir(config.dataDir, { port: config.port });
  process.once('exit', () => lock.release());
  return lock;
}

/** Before the database is opened or migrated: a taken port is said at once, not after a whole start. */
function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use by another process: set PORT to a free one`)
          : error,
      ),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }
  const lock = lockEmbeddedInstallation(config);
  await assertPortFree(config.host, config.port).catch((error: Error) => fail(error.message));
  if (config.database.url) {
    await waitForPostgres(config.database.url, config.startupTimeoutMs, (error, delayMs) =>
      process.stderr.write(`Waiting for PostgreSQL: ${error.message}; retrying in ${delayMs} ms\n`),
    );
  }
  const app = await createApp(config);
  const logger = app.get(Logger);
  installGracefulShutdown(app, logger);
  await app.listen({ port: config.port, host: config.host });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  lock?.describe({ port });
  printStartupBanner({ config, port, initialAdmin: app.get(AdminBootstrap).createdInitialAdmin }, app.get(ROOT_LOGGER));
}

main().catch((error: Error) => fail(error.message));
