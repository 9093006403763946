#!/usr/bin/env node
/**
 * `npm run bench:keys`: API-key validations per second through the production
 * ApiKeyValidator, for L1 hits, L2 (Redis) hits, the same unknown key again (negative
 * cache) and a flood of distinct unknown well-formed keys (each one a PostgreSQL lookup).
 *
 * `--markdown` (`npm run bench:keys -- --markdown`): the progress lines go to stderr and
 * stdout gets the result as markdown: one line of method and a table.
 */
const { performance } = require('node:perf_hooks');
const { createBenchEnvironment, thousands } = require('./bench-env');

const DIST = '../../dist';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const MARKDOWN = process.argv.includes('--markdown');
/** Progress and results for people: stdout, or stderr when stdout carries the markdown. */
const report = MARKDOWN ? console.error : console.log;
/** Every measurement, for the markdown table. */
const results = [];

async function measure(label, fn, { seconds = SECONDS, iterations } = {}) {
  const started = performance.now();
  let done = 0;
  while (iterations ? done < iterations : performance.now() - started < seconds * 1000) {
    await fn(done);
    done++;
  }
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = Math.round(done / elapsed);
  results.push({ label, perSecond, micros: (elapsed / done) * 1e6, done, elapsed });
  report(
    `${label.padEnd(44)} ${String(perSecond).padStart(9)} validations/s   ${((elapsed / done) * 1e6).toFixed(1).padStart(8)} µs each   (${done} in ${elapsed.toFixed(2)} s)`,
  );
  return perSecond;
}

/** The result as markdown: the method in one line, then one row per measurement (`--markdown`). */
function markdown(keys) {
  const os = require('node:os');
  return [
    `Method: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}; the production ApiKeyValidator of two app instances in one process, on real PostgreSQL and Redis, ${thousands(keys)} keys, one validation at a time (no concurrency), each path for ${SECONDS} s or a fixed number of keys.`,
    '',
    '| path | validations/s | µs each | validations measured |',
    '| --- | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.label} | ${thousands(r.perSecond)} | ${r.micros.toFixed(1)} | ${thousands(r.done)} |`),
  ].join('\n');
}

async function main() {
  const bench = await createBenchEnvironment('keys');
  // With --markdown, stdout is the table's: the app's own warnings (pino writes to stdout) stay out.
  Object.assign(process.env, bench.env, MARKDOWN ? { LOG_LEVEL: 'error' } : {});
  const { AppConfig } = require(`${DIST}/libs/core/src`);
  const { createApp } = require(`${DIST}/apps/gateway/src/create-app`);
  const { ApiKeyValidator, generateKey } = require(`${DIST}/libs/api-keys/src`);
  const { DataSource } = require('typeorm');

  // Two nodes in one process: each needs a data directory (and so a log spool) of its own.
  const dataDirs = [bench.nodeDataDir(), bench.nodeDataDir()];
  const first = await createApp(AppConfig.fromEnv({ ...process.env, DATAHUB_DATA_DIR: dataDirs[0] }));
  await first.init();
  const second = await createApp(
    AppConfig.fromEnv({ ...process.env, DATAHUB_DATA_DIR: dataDirs[1], MIGRATIONS_RUN: 'false' }),
  );
  await second.init();
  try {
    const validator = first.get(ApiKeyValidator);
    const coldValidator = second.get(ApiKeyValidator);
    const dataSource = first.get(DataSource);

    const [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('bench@example.com', 'x', 'developer') RETURNING id`,
    );
    const KEYS = Number(process.env.BENCH_KEYS ?? 20000);
    const keys = Array.from({ length: KEYS }, () => generateKey());
    for (let i = 0; i < KEYS; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const values = batch.map((_, j) => `($1, $${j * 2 + 2}, $${j * 2 + 3}, 'bench', 'free')`).join(', ');
      await dataSource.query(
        `INSERT INTO api_keys (user_id, key_hash, prefix, name, rate_limit_tier) VALUES ${values}`,
        [userId, ...batch.flatMap((k) => [validator.hash(k.key), k.prefix])],
      );
    }
    report(`DataHub key validation benchmark: ${KEYS} keys, real PostgreSQL and Redis (node ${process.version})\n`);

    // Warm: every key through node 1 fills its L1 and the shared L2.
    await measure('cold: PostgreSQL lookup, fills L2 and L1', (i) => validator.resolve(keys[i].key), {
      iterations: KEYS,
    });
    await measure('L1 hit (in-process LRU)', (i) => validator.resolve(keys[i % KEYS].key));
    // Node 2 has an empty L1: its first look at each key is an L2 (Redis) hit.
    await measure('L2 hit (Redis, one GET)', (i) => coldValidator.resolve(keys[i].key), { iterations: KEYS });
    // A refused key throws at once when its answer is cached (resolve is synchronous then),
    // and rejects when it had to be looked up: either way it is an expected refusal here.
    const refused = (key) => {
      try {
        return Promise.resolve(validator.resolve(key)).catch(() => undefined);
      } catch {
        return undefined;
      }
    };
    const unknown = generateKey().key;
    await refused(unknown);
    await measure('same unknown key again (negative cache, L1)', () => refused(unknown));
    await measure('distinct unknown well-formed keys (L2 + PG)', () => refused(generateKey().key), {
      iterations: 2000,
    });
    await measure('malformed or forged keys (checksum, no lookup)', () => refused('dh_' + 'A'.repeat(38)));
    report(`\ncache layer counts on node 1: ${JSON.stringify(validator.stats)}`);
    if (MARKDOWN) console.log(markdown(KEYS));
  } finally {
    await first.close();
    await second.close();
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
