#!/usr/bin/env node
/**
 * `npm run bench:profile`: where a gateway request's CPU goes. One gateway process per
 * route (the keyless API, and the product path with a key, rate limits and logging), and
 * the bare proxy of `bench:gateway` for comparison, runs
 * under V8's sampling profiler (`--cpu-prof`) while wrk (or autocannon; see load.js) loads
 * it for BENCH_DURATION seconds; the profile's self time is then grouped by stage (which
 * package or module the sampled function lives in) and divided by the requests served.
 * Prints µs per request per stage; `--markdown` prints it as a table.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const {
  NODE_FLAGS,
  createBenchEnvironment,
  createBenchKey,
  freePort,
  startUpstream,
  waitFor,
  postJson,
  insertScaleKeys,
  warmKeysThrough,
  scaleOptions,
  thousands,
} = require('./bench-env');
const { closedLoop, loaderName } = require('./load');

const ROOT = join(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const MARKDOWN = process.argv.includes('--markdown');
const report = MARKDOWN ? console.error : console.log;
/** `--keys 100000 --apis 1000 --connections 1000`: a fourth column, the product path with that many keys and connections. */
const SCALE = scaleOptions(CONNECTIONS);

/** First match wins: a sampled function's stage, from its script's path (or V8's own names). */
const STAGES = [
  ['garbage collection', (url, name) => name === '(garbage collector)'],
  ['idle, waiting for I/O', (url, name) => name === '(idle)'],
  ['V8 and native code outside any function (program)', (url, name) => name === '(program)'],
  ['DataHub: gateway (routing, proxy, headers)', (url) => /dist\/libs\/gateway\//.test(url)],
  ['DataHub: API keys', (url) => /dist\/libs\/api-keys\//.test(url)],
  ['DataHub: rate limits', (url) => /dist\/libs\/rate-limit\//.test(url)],
  ['DataHub: request logs and analytics', (url) => /dist\/libs\/(analytics|db)\//.test(url)],
  ['DataHub: metrics and tracing', (url) => /dist\/libs\/(metrics|tracing)\//.test(url)],
  ['DataHub: core (hooks, errors, config, logging)', (url) => /dist\/(libs\/core|apps)\//.test(url)],
  ['DataHub: other libs', (url) => /dist\/libs\//.test(url)],
  ['Nest (router, guards, pipes, DI)', (url) => /node_modules\/@nestjs\//.test(url)],
  [
    'Fastify (routing, hooks, reply)',
    (url) => /node_modules\/(fastify|@fastify|find-my-way|light-my-request|avvio)\//.test(url),
  ],
  ['undici (upstream client)', (url) => /node_modules\/undici\//.test(url)],
  [
    'ioredis (Redis client)',
    (url) => /node_modules\/(ioredis|@ioredis|redis-parser|cluster-key-slot|denque)\//.test(url),
  ],
  [
    'pino (logging)',
    (url) => /node_modules\/(pino|nestjs-pino|pino-std-serializers|sonic-boom|fast-redact)\//.test(url),
  ],
  ['other packages', (url) => /node_modules\//.test(url)],
  ['Node: HTTP server and parser', (url) => /^node:(_http|http)/.test(url)],
  ['Node: net, streams, timers, events', (url) => /^node:/.test(url)],
  ['native and builtins (no script)', () => true],
];

function stageOf(frame) {
  return STAGES.find(([, test]) => test(frame.url, frame.functionName))[0];
}

/** Self time per stage, in µs, from a .cpuprofile: sample counts times the sampling intervals. */
function selfTimeByStage(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const micros = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const stage = stageOf(node.callFrame);
    micros.set(stage, (micros.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  return micros;
}

/** A gateway process (or, with `app: 'bare-proxy'`, the bare proxy) under the profiler while the load runs. */
async function profiled(bench, name, setup, { app = 'gateway', env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `datahub-profile-${name}-`));
  const port = await freePort();
  const gateway = spawn(
    process.execPath,
    [...NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${dir}`, join(ROOT, `dist/apps/${app}/src/main.js`)],
    {
      env: {
        PATH: process.env.PATH,
        ...bench.env,
        MIGRATIONS_RUN: 'false',
        DATAHUB_DATA_DIR: bench.nodeDataDir(),
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(app === 'gateway' ? `${base}/health` : `${base}/gateway/bare/x`);
  const { url, headers, keysFile, connections = CONNECTIONS } = await setup(base);
  await closedLoop({ url, headers, keysFile, duration: 2, connections }); // warm-up, in the profile too
  const result = await closedLoop({ url, headers, keysFile, duration: DURATION, connections });
  gateway.kill('SIGTERM');
  await new Promise((resolve) => gateway.once('exit', resolve));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  // The profile spans start-up to exit: only the load's share of samples is per request. Take
  // the window of the measured run (its last DURATION seconds before shutdown began).
  const total = profile.endTime - profile.startTime;
  report(
    `${name}: ${Math.round(result.rps)} req/s over ${DURATION} s (${result.requests} requests), profile ${(total / 1e6).toFixed(1)} s`,
  );
  return { profile, requests: result.requests, window: DURATION * 1e6 };
}

/** Samples of the last `window` µs before the profile's end (minus the shutdown), per request. */
function perRequest({ profile, requests, window }, shutdownMicros = 1_500_000) {
  const end = profile.endTime - shutdownMicros;
  const start = end - window;
  let at = profile.startTime;
  const kept = { ...profile, samples: [], timeDeltas: [] };
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (at >= start && at <= end) {
      kept.samples.push(profile.samples[i]);
      kept.timeDeltas.push(profile.timeDeltas[i]);
    }
  }
  const micros = selfTimeByStage(kept);
  return new Map([...micros].map(([stage, us]) => [stage, us / requests]));
}

async function main() {
  const bench = await createBenchEnvironment('profile');
  const children = [];
  try {
    const upstream = await startUpstream();
    children.push(upstream.child);
    const upstreamUrl = upstream.url;

    // One ordinary node migrates and creates the admin, the APIs and the key.
    const port = await freePort();
    const first = spawn(process.execPath, [join(ROOT, 'dist/apps/gateway/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        ...bench.env,
        DATAHUB_DATA_DIR: bench.nodeDataDir(),
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_EMAIL: 'bench@example.com',
        ADMIN_PASSWORD: 'bench-password-123',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(first);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health`);
    const { accessToken } = await postJson(base, '/api/v1/auth/login', {
      email: 'bench@example.com',
      password: 'bench-password-123',
    });
    await postJson(base, '/api/v1/admin/apis', { name: 'open', upstreamUrl, authRequired: false }, accessToken);
    await postJson(base, '/api/v1/admin/apis', { name: 'keyed', upstreamUrl }, accessToken);
    const key = await createBenchKey(base, accessToken, 'keyed');
    first.kill('SIGTERM');

    report(`CPU profile of the gateway per route: ${loaderName}, ${CONNECTIONS} connections, ${DURATION} s\n`);
    const bare = perRequest(
      await profiled(bench, 'bare proxy', async (b) => ({ url: `${b}/gateway/bare/x`, headers: {} }), {
        app: 'bare-proxy',
        env: { UPSTREAM_URL: upstreamUrl },
      }),
    );
    const keyless = perRequest(
      await profiled(bench, 'keyless', async (b) => ({ url: `${b}/gateway/open/x`, headers: {} })),
    );
    const product = perRequest(
      await profiled(bench, 'product', async (b) => ({
        url: `${b}/gateway/keyed/x`,
        headers: { 'x-api-key': key.key },
      })),
    );
    const columns = [bare, keyless, product];
    const headings = ['bare proxy', 'keyless route', 'product path'];
    if (SCALE.keys > 0) {
      const scale = await insertScaleKeys(bench, key, upstreamUrl, SCALE);
      const url = (b) => `${b}/gateway/keyed/x`;
      columns.push(
        perRequest(
          await profiled(bench, 'scale', async (b) => {
            const started = Date.now();
            await warmKeysThrough(url(b), scale.keys);
            report(`scale: ${scale.keys.length} keys warmed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
            return { url: url(b), headers: {}, keysFile: scale.keysFile, connections: SCALE.connections };
          }),
        ),
      );
      headings.push(`product path, ${thousands(SCALE.keys)} keys, ${thousands(SCALE.connections)} connections`);
    }
    const rows = STAGES.map(([stage]) => [stage, ...columns.map((column) => column.get(stage) ?? 0)]).filter(
      ([, ...figures]) => figures.some((us) => us >= 0.5),
    );
    const busy = (m) => [...m].filter(([s]) => s !== 'idle, waiting for I/O').reduce((n, [, us]) => n + us, 0);
    const lines = [
      `Method: ${new Date().toISOString().slice(0, 10)}, ${require('node:os').cpus().length} cores, Node ${process.version}; one gateway process per route under --cpu-prof, ${loaderName.split(' ')[0]} with ${CONNECTIONS} connections for ${DURATION} s; self time of the sampled functions grouped by where they live, divided by the requests served.`,
      '',
      `| stage | ${headings.map((heading) => `${heading}, µs/request`).join(' | ')} |`,
      `| --- |${' ---: |'.repeat(headings.length)}`,
      ...rows.map(([stage, ...figures]) => `| ${stage} | ${figures.map((us) => us.toFixed(1)).join(' | ')} |`),
      `| **busy total** (all but idle) | ${columns.map((m) => `**${busy(m).toFixed(1)}**`).join(' | ')} |`,
    ];
    if (MARKDOWN) console.log(lines.join('\n'));
    else report(lines.slice(2).join('\n'));
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
