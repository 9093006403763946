#!/usr/bin/env node
/**
 * `npm run bench:keys`: API-key validations per second through the production
 * ApiKeyValidator, for L1 hits, L2 (Redis) hits, the same unknown key again (negative
 * cache) and a flood of distinct unknown well-formed keys (each one a PostgreSQL lookup).
 */
const { performance } = require('node:perf_hooks');
const { createBenchEnvironment } = require('./bench-env');

const DIST = '../../dist';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

async function measure(label, fn, { seconds = SECONDS, iterations } = {}) {
  const started = performance.now();
  let done = 0;
  while (iterations ? done < iterations : performance.now() - started < seconds * 1000) {
    await fn(done);
    done++;
  }
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = Math.round(done / elapsed);
  console.log(
    `${label.padEnd(44)} ${String(perSecond).padStart(9)} validations/s   ${((elapsed / done) * 1e6).toFixed(1).padStart(8)} µs each   (${done} in ${elapsed.toFixed(2)} s)`,
  );
  return perSecond;
}

async function main() {
  const bench = await createBenchEnvironment('keys');
  Object.assign(process.env, bench.env);
  const { AppConfig } = require(`${DIST}/libs/core/src`);
  const { createApp } = require(`${DIST}/apps/gateway/src/create-app`);
  const { ApiKeyValidator, generateKey } = require(`${DIST}/libs/api-keys/src`);
  const { DataSource } = require('typeorm');

  const config = AppConfig.fromEnv(process.env);
  const first = await createApp(config);
  await first.init();
  const second = await createApp(AppConfig.fromEnv({ ...process.env, MIGRATIONS_RUN: 'false' }));
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
    console.log(
      `DataHub key validation benchmark: ${KEYS} keys, real PostgreSQL and Redis (node ${process.version})\n`,
    );

    // Warm: every key through node 1 fills its L1 and the shared L2.
    await measure('cold: PostgreSQL lookup, fills L2 and L1', (i) => validator.resolve(keys[i].key), {
      iterations: KEYS,
    });
    await measure('L1 hit (in-process LRU)', (i) => validator.resolve(keys[i % KEYS].key));
    // Node 2 has an empty L1: its first look at each key is an L2 (Redis) hit.
    await measure('L2 hit (Redis, one GET)', (i) => coldValidator.resolve(keys[i].key), { iterations: KEYS });
    const unknown = generateKey().key;
    await validator.resolve(unknown).catch(() => undefined);
    await measure('same unknown key again (negative cache, L1)', () =>
      validator.resolve(unknown).catch(() => undefined),
    );
    await measure(
      'distinct unknown well-formed keys (L2 + PG)',
      () => validator.resolve(generateKey().key).catch(() => undefined),
      { iterations: 2000 },
    );
    await measure('malformed or forged keys (checksum, no lookup)', () =>
      validator.resolve('dh_' + 'A'.repeat(38)).catch(() => undefined),
    );
    console.log(`\ncache layer counts on node 1: ${JSON.stringify(validator.stats)}`);
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
