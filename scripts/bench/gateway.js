#!/usr/bin/env node
/**
 * `npm run bench:gateway`: the production build of the gateway on real PostgreSQL and
 * Redis, against a local upstream, driven by wrk (autocannon when wrk is missing; see
 * load.js) with 50 connections, 10 s rounds after a warm-up, 6 interleaved rounds taken in
 * turn by 3 processes of each proxy, medians, in these configurations:
 *   1. the upstream direct;  2. a bare Nest + Fastify + undici proxy (our ceiling);
 *   3. fast-gateway, a lean Node gateway peer (no auth, no limits, no logging);
 *   4. the gateway, API without auth (logging on);  5. the gateway with a key, rate
 *   limiting and logging: the product path;  6. with `--keys N` (and `--apis M`,
 *   `--connections C`): the product path with N distinct keys chosen at random per
 *   request, M registered APIs and C connections.
 * Prints requests/s, p50/p99 latency, the measured process's CPU µs per request (and
 * Redis' and PostgreSQL's, which share the cores), Redis commands per request, the
 * PostgreSQL transactions during the product rounds, and the ratios to the bare proxy;
 * then the latency of 2 and 5 at one fixed request rate (open loop, BENCH_FIXED_RATE).
 *
 * `--markdown` (`npm run bench:gateway -- --markdown`): the progress lines go to stderr and
 * stdout gets the result as markdown: one line of method and tables of the figures.
 */
const { fork, spawn } = require('node:child_process');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');
const IORedis = require('ioredis');
const { Client } = require('pg');
const { closedLoop, loaderName } = require('./load');
const {
  NODE_FLAGS,
  createBenchEnvironment,
  createBenchKey,
  startUpstream,
  median,
  freePort,
  waitFor,
  postJson,
  cpuTicks,
  serviceCpuTicks,
  TICK_US,
  insertScaleKeys,
  warmKeysThrough,
  scaleOptions,
  thousands,
} = require('./bench-env');

const ROOT = join(__dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
/** gateway and bare-proxy processes, taken in turn by the rounds */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 2_000);
const MARKDOWN = process.argv.includes('--markdown');
/** `--keys 100000 --apis 1000 --connections 1000`: the scale scenario (off unless --keys is given). */
const SCALE = scaleOptions(CONNECTIONS);
/** Progress and results for people: stdout, or stderr when stdout carries the markdown. */
const report = MARKDOWN ? console.error : console.log;

/** Requests sent per origin, warm-ups included: the gateway's must all become request_logs rows. */
const sentTo = new Map();

async function load(url, headers, duration, { keysFile, connections = CONNECTIONS } = {}) {
  const result = await closedLoop({ url, headers, keysFile, duration, connections });
  const { origin } = new URL(url);
  sentTo.set(origin, (sentTo.get(origin) ?? 0) + result.requests);
  return result;
}

/** Redis' commands processed so far (all clients): the limiter's and caches' work per request. */
let redis;
async function redisCommands() {
  redis ??= new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))[1]);
}

/** Resident memory of a process, in MiB. */
function rssMiB(pid) {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** One round of one configuration on one of its processes: requests/s, latency, CPU of that process per request. */
async function round({ pid, url }, { headers, pgCounter, keysFile, connections }) {
  const cpuBefore = cpuTicks(pid);
  const pgBefore = pgCounter ? await pgCounter() : 0;
  const commandsBefore = await redisCommands();
  const servicesBefore = serviceCpuTicks();
  const result = await load(url, headers, DURATION, { keysFile, connections });
  const cpu = cpuTicks(pid) - cpuBefore;
  const services = serviceCpuTicks();
  const pgAfter = pgCounter ? await pgCounter() : 0;
  const commands = (await redisCommands()) - commandsBefore - 2; // less the two INFO calls
  const requests = result.requests;
  return {
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    redisCommands: Math.max(0, commands) / requests,
    cpuUs: (cpu * TICK_US) / requests,
    redisCpuUs: (Math.max(0, services.redis - servicesBefore.redis) * TICK_US) / requests,
    pgCpuUs: (Math.max(0, services.postgres - servicesBefore.postgres) * TICK_US) / requests,
    requests,
    non2xx: result.non2xx,
    socketErrors: result.socketErrors,
    pgTransactions: pgAfter - pgBefore,
  };
}

/**
 * Every process of every configuration is warmed up, then the rounds interleave (1, 2, 3,
 * 4, 1, 2, ...), so that a shared machine's drift hits all four alike and the ratios
 * compare like with like. Round i of a configuration runs on its process i mod PROCESSES:
 * on this kind of machine one Node process now and then runs 50–70% slower than an
 * identical one for its whole life; with three processes such a one takes two of six
 * rounds, and the median does not follow it.
 */
async function measureAll(configs) {
  for (const config of configs)
    for (const target of config.targets) await load(target.url, config.headers, WARMUP, config);
  for (const config of configs) config.rounds = [];
  for (let i = 0; i < ROUNDS; i++)
    for (const config of configs) config.rounds.push(await round(config.targets[i % config.targets.length], config));
  return configs.map(({ name, rounds }) => {
    const summary = { name, rounds };
    for (const key of [
      'rps',
      'p50',
      'p99',
      'cpuUs',
      'redisCpuUs',
      'pgCpuUs',
      'redisCommands',
      'requests',
      'non2xx',
      'socketErrors',
      'pgTransactions',
    ])
      summary[key] = median(rounds.map((r) => r[key]));
    report(
      `${name.padEnd(34)} ${String(Math.round(summary.rps)).padStart(7)} req/s  p50 ${ms(summary.p50).padStart(8)}  p99 ${ms(summary.p99).padStart(8)}  ${summary.cpuUs.toFixed(0).padStart(4)} µs CPU/req  (Redis ${summary.redisCpuUs.toFixed(0)}, PostgreSQL ${summary.pgCpuUs.toFixed(0)} µs/req; ${summary.redisCommands.toFixed(1)} Redis commands/req; rounds: ${rounds.map((r) => Math.round(r.rps)).join(', ')}; non-2xx ${summary.non2xx}, socket errors ${summary.socketErrors})`,
    );
    return summary;
  });
}

/**
 * Latency a request gains when the gateway is not saturated: the same fixed request rate
 * (open loop, well below either's capacity) through the bare proxy and the product path.
 * Under the closed-loop rounds above, p50 is mostly queueing: 50 connections ÷ req/s.
 */
async function latencyAtRate(configs) {
  const results = [];
  for (const { name, targets, headers } of configs) {
    // wrk has no fixed rate: autocannon's open loop (overallRate) measures this one.
    const result = await autocannon({
      url: targets[0].url,
      headers,
      duration: DURATION,
      connections: 10,
      overallRate: FIXED_RATE,
    });
    const { origin } = new URL(targets[0].url);
    sentTo.set(origin, (sentTo.get(origin) ?? 0) + result.requests.total);
    results.push({
      name,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.mean,
    });
    report(
      `${name.padEnd(34)} at ${FIXED_RATE} req/s: p50 ${result.latency.p50} ms  p90 ${result.latency.p90} ms  p99 ${result.latency.p99} ms  mean ${result.latency.mean.toFixed(2)} ms`,
    );
  }
  return results;
}

/** +1.25 or −0.48 */
const signed = (x) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(2)}`;

/** 3.9850000000000003 → "3.99 ms" */
const ms = (x) => `${Number(x.toFixed(2))} ms`;

/** The result as markdown: the method in one line, then the figures (`--markdown`). */
function markdown({ summaries, bareLatency, productLatency, rows, gatewaySent }) {
  const [direct, bareProxy, fastGateway, keyless, product, atScale] = summaries;
  const os = require('node:os');
  const lines = [
    `Method: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}; ${loaderName.split(' ')[0]} with ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION} s after a ${WARMUP} s warm-up, over ${PROCESSES} processes each of the gateway and the bare proxy; medians of the rounds. PostgreSQL, Redis, the upstream and the load generator share the same cores.`,
    '',
    '| configuration | req/s | × bare proxy | p50 | p99 | CPU µs/req (process) | Redis CPU µs/req | Redis commands/req | PostgreSQL CPU µs/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summaries.map(
      (s) =>
        `| ${s.name.replace(/^\d+\. /, '')} | ${thousands(s.rps)} | ${(s.rps / bareProxy.rps).toFixed(2)} | ${ms(s.p50)} | ${ms(s.p99)} | ${s.cpuUs.toFixed(0)} | ${s.redisCpuUs.toFixed(0)} | ${s.redisCommands.toFixed(1)} | ${s.pgCpuUs.toFixed(0)} |`,
    ),
    '',
    '| figure | value |',
    '| --- | --- |',
    `| throughput, product path ÷ bare proxy (target ≥ 0.75) | ${(product.rps / bareProxy.rps).toFixed(2)}× |`,
    `| throughput, keyless route ÷ bare proxy (target ≥ 0.85) | ${(keyless.rps / bareProxy.rps).toFixed(2)}× |`,
    `| throughput, product path ÷ fast-gateway (target > 1) | ${(product.rps / fastGateway.rps).toFixed(2)}× |`,
    ...(atScale
      ? [
          `| throughput at scale ÷ one key (target ≥ 0.85) | ${(atScale.rps / product.rps).toFixed(2)}× |`,
          `| memory at scale | gateway RSS ${atScale.rssMiB.toFixed(0)} MiB; Redis ${atScale.redisBytesPerKey.toFixed(0)} bytes per active key |`,
        ]
      : []),
    `| throughput, product path ÷ upstream direct | ${(product.rps / direct.rps).toFixed(2)}× |`,
    `| CPU per request, product path ÷ bare proxy | ${(product.cpuUs / bareProxy.cpuUs).toFixed(2)}× (${product.cpuUs.toFixed(0)} against ${bareProxy.cpuUs.toFixed(0)} µs) |`,
    `| latency at a fixed ${thousands(FIXED_RATE)} req/s, product path: p50 / p90 / p99 / mean | ${productLatency.p50} / ${productLatency.p90} / ${productLatency.p99} ms / ${productLatency.mean.toFixed(2)} ms |`,
    `| latency at a fixed ${thousands(FIXED_RATE)} req/s, bare proxy: p50 / p90 / p99 / mean | ${bareLatency.p50} / ${bareLatency.p90} / ${bareLatency.p99} ms / ${bareLatency.mean.toFixed(2)} ms |`,
    `| p99 at a fixed ${thousands(FIXED_RATE)} req/s, product path − bare proxy (target ≤ 1 ms) | ${signed(productLatency.p99 - bareLatency.p99)} ms |`,
    `| PostgreSQL transactions per request, product path | ${(product.pgTransactions / product.requests).toFixed(4)} (${thousands(product.pgTransactions)} in a ${DURATION} s round of ${thousands(product.requests)} requests) |`,
    `| request_logs rows for gateway answers | ${thousands(rows)} rows for ${thousands(gatewaySent)} answers |`,
  ];
  return lines.join('\n');
}

/**
 * Every key of the scale scenario through every gateway process: first through one, which
 * loads them from PostgreSQL into the shared Redis cache, then through the others at once,
 * from that cache. Each process then holds them all in memory, as a node does once traffic
 * has seen each key; the rounds measure warm requests, not first lookups.
 */
async function warmKeys(origins, keys) {
  const warm = async (origin) => {
    const started = Date.now();
    const { failed } = await warmKeysThrough(`${origin}/gateway/bench/bench`, keys);
    sentTo.set(origin, (sentTo.get(origin) ?? 0) + keys.length);
    report(
      `scale       ${thousands(keys.length)} keys warmed through ${origin} in ${((Date.now() - started) / 1000).toFixed(0)} s (${failed} not 200)`,
    );
  };
  const [first, ...others] = origins;
  await warm(first);
  await Promise.all(others.map(warm));
}

async function redisUsedMemory() {
  await redisCommands(); // connects
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1]);
}

function start(command, args, env) {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function main() {
  const bench = await createBenchEnvironment('gateway');
  const children = [];
  try {
    const { child: upstream, url: upstreamUrl } = await startUpstream();
    children.push(upstream);

    const gateways = [];
    const bares = [];
    const peers = [];
    const ports = await Promise.all(Array.from({ length: 3 * PROCESSES }, freePort));
    for (let i = 0; i < PROCESSES; i++) {
      const [gatewayPort, barePort, peerPort] = ports.slice(3 * i, 3 * i + 3);
      const gateway = start(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist/apps/gateway/src/main.js')], {
        ...bench.env,
        ...(i > 0 ? { MIGRATIONS_RUN: 'false' } : {}),
        DATAHUB_DATA_DIR: bench.nodeDataDir(),
        PORT: String(gatewayPort),
        HOST: '127.0.0.1',
        ADMIN_EMAIL: 'bench@example.com',
        ADMIN_PASSWORD: 'bench-password-123',
      });
      const bare = start(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist/apps/bare-proxy/src/main.js')], {
        PORT: String(barePort),
        UPSTREAM_URL: upstreamUrl,
      });
      const peer = fork(join(__dirname, 'fast-gateway-peer.js'), {
        execArgv: NODE_FLAGS,
        env: { PATH: process.env.PATH, PORT: String(peerPort), UPSTREAM_URL: upstreamUrl },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      await new Promise((resolve) => peer.once('message', resolve));
      children.push(gateway, bare, peer);
      gateways.push({ pid: gateway.pid, origin: `http://127.0.0.1:${gatewayPort}` });
      bares.push({ pid: bare.pid, url: `http://127.0.0.1:${barePort}/gateway/bare/bench` });
      peers.push({ pid: peer.pid, url: `http://127.0.0.1:${peerPort}/gateway/fast/bench` });
      await waitFor(`${gateways[i].origin}/health`);
    }
    const gatewayUrl = gateways[0].origin;

    const json = (path, body, token) => postJson(gatewayUrl, path, body, token);
    const { accessToken } = await json('/api/v1/auth/login', {
      email: 'bench@example.com',
      password: 'bench-password-123',
    });
    await json('/api/v1/admin/apis', { name: 'bench-open', upstreamUrl, authRequired: false }, accessToken);
    await json('/api/v1/admin/apis', { name: 'bench', upstreamUrl }, accessToken);
    const data = await createBenchKey(gatewayUrl, accessToken, 'bench');
    for (const { url } of [...bares, ...peers]) await waitFor(url);
    const scale = SCALE.keys > 0 ? await insertScaleKeys(bench, data, upstreamUrl, SCALE) : undefined;
    if (scale) report(`scale       ${thousands(SCALE.keys)} keys and ${thousands(SCALE.apis)} APIs registered`);
    for (const { origin } of gateways) {
      for (const [path, headers] of [
        ['/gateway/bench-open/bench', {}],
        ['/gateway/bench/bench', { 'x-api-key': data.key }],
      ]) {
        const res = await fetch(origin + path, { headers });
        if (res.status !== 200) throw new Error(`preflight ${origin}${path}: ${res.status} ${await res.text()}`);
      }
    }

    const pg = new Client({ connectionString: bench.env.DATABASE_URL });
    await pg.connect();
    const transactions = async () =>
      Number(
        (
          await pg.query(
            'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
          )
        ).rows[0].n,
      );
    const rowsBefore = Number((await pg.query('SELECT count(*) AS n FROM request_logs')).rows[0].n);

    report(
      `DataHub gateway benchmark: ${loaderName}, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s after ${WARMUP} s warm-up over ${PROCESSES} processes of the gateway and of the bare proxy, medians (node ${process.version}, ${require('node:os').cpus().length} cores)\n`,
    );
    const configs = [
      { name: '1. upstream direct', targets: [{ pid: upstream.pid, url: `${upstreamUrl}/bench` }], headers: {} },
      { name: '2. bare Nest+Fastify+undici proxy', targets: bares, headers: {} },
      { name: '3. fast-gateway (no auth, no limits)', targets: peers, headers: {} },
      {
        name: '4. gateway, no auth (logging on)',
        targets: gateways.map(({ pid, origin }) => ({ pid, url: `${origin}/gateway/bench-open/bench` })),
        headers: {},
        pgCounter: transactions,
      },
      {
        name: '5. gateway, key + limits + logging',
        targets: gateways.map(({ pid, origin }) => ({ pid, url: `${origin}/gateway/bench/bench` })),
        headers: { 'x-api-key': data.key },
        pgCounter: transactions,
      },
      ...(scale
        ? [
            {
              name: `6. as 5, ${thousands(SCALE.keys)} keys, ${thousands(SCALE.apis)} APIs, ${thousands(SCALE.connections)} conns`,
              targets: gateways.map(({ pid, origin }) => ({ pid, url: `${origin}/gateway/bench/bench` })),
              headers: {},
              keysFile: scale.keysFile,
              connections: SCALE.connections,
              pgCounter: transactions,
            },
          ]
        : []),
    ];
    const redisMemoryBefore = scale ? await redisUsedMemory() : 0;
    if (scale)
      await warmKeys(
        gateways.map(({ origin }) => origin),
        scale.keys,
      );
    const summaries = await measureAll(configs);
    const [direct, bareProxy, fastGateway, keyless, product, atScale] = summaries;
    if (atScale) {
      atScale.rssMiB = median(gateways.map(({ pid }) => rssMiB(pid)));
      atScale.redisBytesPerKey = ((await redisUsedMemory()) - redisMemoryBefore) / SCALE.keys;
      report(
        `scale       gateway RSS ${atScale.rssMiB.toFixed(0)} MiB (median of ${gateways.length}), Redis ${atScale.redisBytesPerKey.toFixed(0)} bytes more per active key`,
      );
    }
    report('');
    const [bareLatency, productLatency] = await latencyAtRate([configs[1], configs[4]]);

    // Let the request-log writer flush, then compare rows with what the gateway answered.
    await new Promise((r) => setTimeout(r, 2_000));
    const rows = Number((await pg.query('SELECT count(*) AS n FROM request_logs')).rows[0].n) - rowsBefore;
    await pg.end();
    const gatewaySent = gateways.reduce((sum, { origin }) => sum + (sentTo.get(origin) ?? 0), 0);

    report(`
ratios      product ÷ bare proxy: ${(product.rps / bareProxy.rps).toFixed(2)}× (target ≥ 0.75)   keyless ÷ bare proxy: ${(keyless.rps / bareProxy.rps).toFixed(2)}× (target ≥ 0.85)   product ÷ fast-gateway: ${(product.rps / fastGateway.rps).toFixed(2)}× (target > 1)   product ÷ direct: ${(product.rps / direct.rps).toFixed(2)}×${atScale ? `\nscale       ${(atScale.rps / product.rps).toFixed(2)}× the one-key product path (target ≥ 0.85), ${atScale.redisCommands.toFixed(1)} Redis commands per request` : ''}
CPU         product ${product.cpuUs.toFixed(0)} µs/req (target ≤ 250), bare proxy ${bareProxy.cpuUs.toFixed(0)} µs/req
latency     at ${FIXED_RATE} req/s: product p50 ${productLatency.p50} ms vs bare proxy ${bareLatency.p50} ms, p99 ${signed(productLatency.p99 - bareLatency.p99)} ms (target ≤ +1 ms), mean ${signed(productLatency.mean - bareLatency.mean)} ms; under full load p50 ${product.p50} vs ${bareProxy.p50} ms
PostgreSQL  ${product.pgTransactions} transactions during a ${DURATION} s product round of ${product.requests} requests (${(product.pgTransactions / product.requests).toFixed(4)} per request: batched log inserts and background work such as autovacuum; no query per request)
logs        ${rows} request_logs rows for ${gatewaySent} gateway answers counted by the load generators, warm-ups included (${rows - gatewaySent} more rows: requests in flight when a run stopped, logged as 499)`);
    if (MARKDOWN) console.log(markdown({ summaries, bareLatency, productLatency, rows, gatewaySent }));
  } finally {
    redis?.disconnect();
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
