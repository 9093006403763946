// globalSetup runs outside jest's module mapper: resolve @app/* through tsconfig paths.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { buildDataSourceOptions, detectTimeSeriesBackend, runMigrations } from '@app/db';
import { DataSource } from 'typeorm';
import { createDatabase, withPg } from './helpers/databases';
import { PG_ADMIN_URL, REDIS_URL, TEST_SECRETS, TIMESCALE_ADMIN_URL, uniqueName } from './helpers/test-env';

/**
 * One database and one Redis key prefix per test run, so that runs never collide; the
 * schema is migrated once here. Workers inherit the environment set below.
 */
export default async function globalSetup(): Promise<void> {
  const database = uniqueName('e2e');
  const url = await createDatabase(database);
  Object.assign(process.env, {
    DATAHUB_TEST_DATABASE: database,
    DATABASE_URL: url,
    REDIS_URL,
    REDIS_KEY_PREFIX: `dh:${database}:`,
    ...TEST_SECRETS,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    SHUTDOWN_DRAIN_MS: '0',
    // Real bcrypt, cheaper cost: the suite hashes hundreds of passwords.
    PASSWORD_HASH_COST: '4',
    // Every test client is 127.0.0.1: per-IP throttles are tested with their own instance.
    AUTH_MAX_FAILURES_PER_IP: '100000',
    AUTH_REGISTRATIONS_PER_IP_PER_HOUR: '100000',
    // The suite (the fuzzer above all) calls the management API far faster than a person;
    // its limits are tested with their own instances.
    MANAGEMENT_RATE_LIMIT_PER_MIN: '1000000',
    MANAGEMENT_EXPENSIVE_RATE_LIMIT_PER_MIN: '1000000',
  });
  await findTimescale();
  Logger.overrideLogger(['error']); // the migrations' notes belong to a server's log, not the test output
  const config = AppConfig.fromEnv(process.env);
  const dataSource = await new DataSource({ ...buildDataSourceOptions(config, url), logging: false }).initialize();
  try {
    await runMigrations(dataSource);
    // Which backend this server gave the run's database: suites assert what that backend does.
    process.env.DATAHUB_TEST_TIMESERIES = await detectTimeSeriesBackend(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The TimescaleDB tests need the extension installed (the main server, not preloaded) and a
 * server with it preloaded (TIMESCALE_ADMIN_URL). Without them those tests are skipped and
 * this says so once; with DATAHUB_REQUIRE_TIMESCALEDB=1 (CI) their absence fails the run.
 */
async function findTimescale(): Promise<void> {
  const installed = await withPg(PG_ADMIN_URL, async (pg) =>
    Boolean((await pg.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`)).rowCount),
  );
  const preloaded = await withPg(TIMESCALE_ADMIN_URL, async (pg) =>
    (await pg.query('SHOW shared_preload_libraries')).rows[0].shared_preload_libraries.includes('timescaledb'),
  ).catch(() => false);
  if (installed && preloaded) {
    process.env.DATAHUB_TEST_TIMESCALEDB = '1';
    return;
  }
  const missing = `TimescaleDB ${installed ? '' : 'is not installed on the main test server and '}is not preloaded at ${TIMESCALE_ADMIN_URL}`;
  if (process.env.DATAHUB_REQUIRE_TIMESCALEDB === '1') throw new Error(`${missing}: run install-timescaledb.sh`);
  process.stdout.write(
    `\n${missing}: the TimescaleDB tests are skipped (see docs/operations.md, "Time-series backend")\n`,
  );
}
