/** Where the e2e tests find PostgreSQL and Redis, and the names one test run owns. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The time-series backend of this run's database (global-setup reads it from the catalog). */
export const TIME_SERIES_BACKEND = process.env.DATAHUB_TEST_TIMESERIES as 'partitions' | 'timescaledb';
/** Registers a test only where its backend runs (the other backend's run has its own). */
export const itOn = (backend: typeof TIME_SERIES_BACKEND): jest.It =>
  TIME_SERIES_BACKEND === backend ? it : ((() => undefined) as unknown as jest.It);

/** A second PostgreSQL 15 with TimescaleDB preloaded (install-timescaledb.sh starts it on 5433). */
export const TIMESCALE_ADMIN_URL = process.env.TEST_TIMESCALE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';

/** postgres://.../<database> on the same server as `adminUrl` (default PG_ADMIN_URL). */
export function databaseUrl(database: string, adminUrl = PG_ADMIN_URL): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Test databases must say so in their name: teardown drops them. */
export function assertTestDatabase(name: string): void {
  if (!/^datahub_(e2e|test)_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch non-test database ${name}`);
}

export function uniqueName(kind: 'e2e' | 'test'): string {
  return `datahub_${kind}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
}

export const TEST_SECRETS = {
  JWT_SECRET: 'test-jwt-secret-that-is-at-least-32-characters',
  API_KEY_PEPPER: 'test-api-key-pepper-at-least-32-characters',
};
