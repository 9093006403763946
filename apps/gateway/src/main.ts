import 'reflect-metadata';
import { AppConfig, ConfigurationError } from '@app/core';
import { probePostgres } from '@app/db';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';
import { installGracefulShutdown } from './graceful-shutdown';

/** Start-up problems are one line on stderr and exit code 1: no stack trace to wade through. */
function fail(message: string): never {
  process.stderr.write(`DataHub failed to start: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }
  if (config.database.url) {
    await probePostgres(config.database.url).catch((error: Error) => fail(error.message));
  }
  const app = await createApp(config);
  const logger = app.get(Logger);
  installGracefulShutdown(app, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.log(`DataHub listening on http://${config.host}:${config.port} (docs at /docs)`);
}

main().catch((error: Error) => fail(error.message));
