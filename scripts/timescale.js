/** Whether a PostgreSQL with TimescaleDB preloaded answers at `url`: the tests and benchmarks ask before using it. */
const { Client } = require('pg');

const TIMESCALE_URL = process.env.TEST_TIMESCALE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';

async function timescalePreloaded(url = TIMESCALE_URL) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW shared_preload_libraries');
    return rows[0].shared_preload_libraries.includes('timescaledb');
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = { TIMESCALE_URL, timescalePreloaded };
