/**
 * Shared set-up for the benchmarks: a throwaway database on the local PostgreSQL (migrated
 * by the production migrator), a Redis key prefix of its own, and the app's environment.
 */
const { Client } = require('pg');
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A PostgreSQL with TimescaleDB preloaded, for the benchmarks that compare the two time-series backends. */
const { TIMESCALE_URL: TIMESCALE_ADMIN_URL, timescalePreloaded } = require('../timescale');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql, adminUrl = PG_ADMIN_URL) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `adminUrl`: the server to create the database on (default the local PostgreSQL on 5432). */
async function createBenchEnvironment(tag, adminUrl = PG_ADMIN_URL) {
  const database = `datahub_test_bench_${tag}_${Date.now().toString(36)}`;
  // Every gateway node needs a data directory (its log spool, its lock) of its own.
  const { mkdirSync, rmSync } = require('node:fs');
  const dataRoot = mkdtempSync(join(tmpdir(), `datahub-bench-${tag}-`));
  let nodes = 0;
  await admin(`CREATE DATABASE "${database}"`, adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL,
    REDIS_KEY_PREFIX: `dh:${database}:`,
    JWT_SECRET: 'bench-jwt-secret-that-is-at-least-32-characters',
    API_KEY_PEPPER: 'bench-api-key-pepper-at-least-32-characters',
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_MS: '0',
    PASSWORD_HASH_COST: '10',
  };
  return {
    database,
    env,
    /** A fresh DATAHUB_DATA_DIR for one more node; removed by drop(). */
    nodeDataDir() {
      const dir = join(dataRoot, `node-${++nodes}`);
      mkdirSync(dir);
      return dir;
    },
    async drop() {
      rmSync(dataRoot, { recursive: true, force: true });
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, adminUrl);
      const IORedis = require('ioredis');
      const redis = new IORedis(REDIS_URL);
      const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
      redis.disconnect();
    },
  };
}

/** The benchmarks' upstream (upstream.js: a JSON answer of about 100 bytes) in a process of its own. */
async function startUpstream() {
  const port = await freePort();
  const child = require('node:child_process').fork(require('node:path').join(__dirname, 'upstream.js'), {
    env: { PORT: String(port) },
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { child, url: `http://127.0.0.1:${port}` };
}

/** A tier `bench` whose limits never bite, and a key on it that may read `api`: the product path's work without refusals. */
async function createBenchKey(base, accessToken, api) {
  await postJson(
    base,
    '/api/v1/admin/rate-limits',
    { tierName: 'bench', requestsPerMin: 50_000_000, requestsPerHour: 90_000_000, burstLimit: 10_000_000 },
    accessToken,
  );
  const { data } = await postJson(
    base,
    '/api/v1/keys',
    { name: 'bench', rateLimitTier: 'bench', permissions: [{ api, permission: 'read' }] },
    accessToken,
  );
  return data;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = require('node:net')
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
  });

async function waitFor(url, status = 200, ms = 30_000) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    try {
      if ((await fetch(url)).status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

/** POSTs JSON to the gateway's management API; throws on a non-2xx answer. */
async function postJson(baseUrl, path, body, token) {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The V8 flags production starts the gateway with (package.json `config.nodeFlags`, used
 * by `npm start` and the Dockerfile): the benchmarks run processes the same way.
 */
const NODE_FLAGS = require('../../package.json').config.nodeFlags.split(' ');

const TICK_US = 1e6 / 100; // /proc times are in clock ticks of 10 ms (CLK_TCK = 100)

/** A process's CPU time so far (user + system), in clock ticks. */
function cpuTicks(pid) {
  const fields = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU time so far (clock ticks) of every process named `postgres` or `redis-server` on this
 * machine: the database's and Redis' share of a benchmark, which runs on the same cores.
 * A process that exits between two readings takes its ticks with it, so a difference is a
 * lower bound (clamp it at 0).
 */
function serviceCpuTicks() {
  const fs = require('node:fs');
  const ticks = { postgres: 0, 'redis-server': 0 };
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!(name in ticks)) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks[name] += Number(fields[11]) + Number(fields[12]);
  }
  return { postgres: ticks.postgres, redis: ticks['redis-server'] };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Many keys, written straight into the database (the API would take minutes): `keys` keys
 * on the bench tier with read access to the API `benchKey` may read, and registered APIs up
 * to `apis`. Returns the keys and a file of them, one per line, for the load generator.
 */
async function insertScaleKeys(bench, benchKey, upstreamUrl, { keys: count, apis }) {
  const { hashKey, generateKey } = require(join(__dirname, '..', '..', 'dist/libs/api-keys/src'));
  const pg = new Client({ connectionString: bench.env.DATABASE_URL });
  await pg.connect();
  try {
    const [{ user_id: userId, api_id: apiId }] = (
      await pg.query(
        `SELECT k.user_id, p.api_id FROM api_keys k JOIN api_permissions p ON p.api_key_id = k.id WHERE k.id = $1`,
        [benchKey.id],
      )
    ).rows;
    await pg.query(`INSERT INTO apis (name, upstream_url) SELECT 'scale-' || i, $1 FROM generate_series(1, $2) i`, [
      upstreamUrl,
      Math.max(0, apis - 2),
    ]);
    const keys = Array.from({ length: count }, () => generateKey());
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const ids = (
        await pg.query(
          `INSERT INTO api_keys (user_id, key_hash, prefix, name, rate_limit_tier)
           SELECT $1, h, p, 'scale', 'bench' FROM unnest($2::text[], $3::text[]) AS t(h, p) RETURNING id`,
          [userId, batch.map((k) => hashKey(k.key, bench.env.API_KEY_PEPPER)), batch.map((k) => k.prefix)],
        )
      ).rows.map((r) => r.id);
      await pg.query(
        `INSERT INTO api_permissions (api_key_id, api_id, permission) SELECT id, $2, 'read' FROM unnest($1::uuid[]) AS id`,
        [ids, apiId],
      );
    }
    const keysFile = join(mkdtempSync(join(tmpdir(), 'datahub-bench-keys-')), 'keys.txt');
    writeFileSync(keysFile, keys.map((k) => k.key).join('\n'));
    return { keysFile, keys: keys.map((k) => k.key) };
  } finally {
    await pg.end();
  }
}

/** Every key once through `url` (a gateway route the keys may read), 32 at a time: the node then holds them all in memory. */
async function warmKeysThrough(url, keys) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < keys.length) {
      const res = await fetch(url, { headers: { 'x-api-key': keys[next++] } });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { failed };
}

/** `--keys N --apis M --connections C` on the command line: the many-keys scenario (`keys` 0 when not asked for). */
function scaleOptions(defaultConnections) {
  const flag = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  return { keys: flag('keys', 0), apis: flag('apis', 1), connections: flag('connections', defaultConnections) };
}

/** 12345.6 → "12,346" */
const thousands = (x) => Math.round(x).toLocaleString('en-US');

module.exports = {
  TIMESCALE_ADMIN_URL,
  timescalePreloaded,
  startUpstream,
  createBenchKey,
  NODE_FLAGS,
  createBenchEnvironment,
  median,
  freePort,
  waitFor,
  postJson,
  cpuTicks,
  serviceCpuTicks,
  TICK_US,
  PG_ADMIN_URL,
  insertScaleKeys,
  warmKeysThrough,
  scaleOptions,
  thousands,
};
