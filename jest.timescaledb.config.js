/**
 * The suites that touch the time series (request logs, analytics, audit, retention,
 * migrations), again on a PostgreSQL with TimescaleDB preloaded: the same tests, the other
 * backend. `npm test` runs this after the main run when that server answers.
 */
process.env.TEST_PG_ADMIN_URL = process.env.TEST_TIMESCALE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';

const base = require('./jest.config.js');
const e2e = base.projects.find((project) => project.displayName === 'e2e');

const TIME_SERIES_SUITES = [
  'migrations',
  'request-logs',
  'request-log-rows',
  'analytics',
  'audit-events',
  'siem-outbox',
  'dead-letter',
].map((name) => `<rootDir>/test/${name}.e2e-spec.ts`);

module.exports = {
  testTimeout: base.testTimeout,
  projects: [{ ...e2e, displayName: 'e2e-timescaledb', testMatch: TIME_SERIES_SUITES }],
};
