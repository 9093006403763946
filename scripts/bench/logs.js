#!/usr/bin/env node
/**
 * `npm run bench:logs`, on real PostgreSQL and Redis with the production build:
 *
 * 1. What request logging costs at full gateway load, driven on the product path (key, rate
 *    limits), between processes: gateway processes with and without REQUEST_LOG_ENABLED
 *    (BENCH_LOG_NODES of each) in pairs of rounds, off and on, the order swapped every pair
 *    and the pairs spread over the processes; the cost is the median of the pairs'
 *    throughput drops. Then the request_logs rows of a logging process against the
 *    requests autocannon sent it (nothing may be lost).
 * 2. Analytics over BENCH_LOG_ROWS (default 10 million) generated rows spread over
 *    BENCH_LOG_DAYS (default 30, the default retention): /summary and /usage?interval=hour
 *    for the last 24 hours through HTTP, median and worst of 5 calls; then /summary scoped
 *    to an API and to a key (today's partition has no key or API index yet). On both
 *    time-series backends, side by side: native partitions on the local PostgreSQL and
 *    hypertables on the one with TimescaleDB preloaded (TEST_TIMESCALE_URL), when it answers.
 * 3. Logging's cost again, within processes: BENCH_LOG_SWITCHED_NODES (default 5) gateways
 *    whose logging the benchmark switches off and on every BENCH_LOG_PHASE seconds during
 *    one long run each (switchable-logging-gateway.js); each logging phase's last second
 *    against the last seconds of the phases either side. Steadier than 1: two identical
 *    processes can differ by more than logging costs, one process from one second to the
 *    next far less. Still, one process's median has ranged from about 3% to 24%, so
 *    the figure pools several processes.
 *
 * `--markdown` (`npm run bench:logs -- --markdown`): the progress lines go to stderr and
 * stdout gets the result as markdown: one line of method and tables of the figures.
 * `--analytics` runs part 2 only.
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const {
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
  thousands,
} = require('./bench-env');

const ROOT = join(__dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
/** gateway processes of each kind (logging off, logging on) */
const NODES = Number(process.env.BENCH_LOG_NODES ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOG_ROWS = Number(process.env.BENCH_LOG_ROWS ?? 10_000_000);
const LOG_DAYS = Number(process.env.BENCH_LOG_DAYS ?? 30);
const EXACT_REQUESTS = Number(process.env.BENCH_EXACT_REQUESTS ?? 100_000);
/** the within-process measurement: seconds per phase (logging on or off), seconds per process */
const PHASE = Number(process.env.BENCH_LOG_PHASE ?? 2);
const SWITCHED_DURATION = Number(process.env.BENCH_LOG_SWITCHED_DURATION ?? 60);
const SWITCHED_NODES = Number(process.env.BENCH_LOG_SWITCHED_NODES ?? 5);
const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };
const MARKDOWN = process.argv.includes('--markdown');
const ANALYTICS_ONLY = process.argv.includes('--analytics');
const BACKENDS = ['partitions', 'timescaledb'];
/** Progress and results for people: stdout, or stderr when stdout carries the markdown. */
const report = MARKDOWN ? console.error : console.log;
/** Every figure, for the markdown tables. */
const results = { analytics: {} };

const percent = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * The production gateway, or `switchable-logging-gateway.js` (which takes messages over IPC),
 * with a data directory (log spool) of its own.
 */
function startGateway(env, port, dataDir, { switchable = false } = {}) {
  const entry = switchable
    ? join(__dirname, 'switchable-logging-gateway.js')
    : join(ROOT, 'dist/apps/gateway/src/main.js');
  return spawn(process.execPath, [...NODE_FLAGS, entry], {
    // LOG_JOURNAL=true npm run bench:logs measures logging with the write-ahead journal.
    env: {
      PATH: process.env.PATH,
      LOG_JOURNAL: process.env.LOG_JOURNAL ?? 'false',
      ...env,
      DATAHUB_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: switchable ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
  });
}

async function loggingCost(bench, upstreamUrl, children) {
  // Several processes of each kind: one Node process can run persistently slower than an
  // identical one (its heap, its JIT), and the pairs spread over them average that out.
  const nodes = { on: [], off: [] };
  for (let i = 0; i < NODES; i++) {
    for (const kind of ['on', 'off']) {
      const port = await freePort();
      const env = kind === 'on' ? bench.env : { ...bench.env, REQUEST_LOG_ENABLED: 'false' };
      const child = startGateway(
        nodes.on.length + nodes.off.length === 0 ? env : { ...env, MIGRATIONS_RUN: 'false' },
        port,
        bench.nodeDataDir(),
      );
      children.push(child);
      await waitFor(`http://127.0.0.1:${port}/health`);
      nodes[kind].push({ port, child });
    }
  }

  const base = `http://127.0.0.1:${nodes.on[0].port}`;
  const { accessToken } = await postJson(base, '/api/v1/auth/login', ADMIN);
  const api = await postJson(base, '/api/v1/admin/apis', { name: 'bench', upstreamUrl }, accessToken);
  const key = await createBenchKey(base, accessToken, 'bench');
  const headers = { 'x-api-key': key.key };

  const run = (port, seconds) =>
    autocannon({
      url: `http://127.0.0.1:${port}/gateway/bench/bench`,
      connections: CONNECTIONS,
      duration: seconds,
      headers,
    });
  /** req/s, the gateway process's CPU µs per request (steadier on a shared machine), and PostgreSQL's */
  const measure = async ({ port, child }) => {
    const before = cpuTicks(child.pid);
    const servicesBefore = serviceCpuTicks();
    const result = await run(port, DURATION);
    const perRequest = (ticks) => (ticks * TICK_US) / result.requests.total;
    return {
      rps: result.requests.average,
      cpuUs: perRequest(cpuTicks(child.pid) - before),
      pgCpuUs: perRequest(Math.max(0, serviceCpuTicks().postgres - servicesBefore.postgres)),
    };
  };
  for (const node of [...nodes.off, ...nodes.on]) await run(node.port, 3);
  // Pairs of adjacent rounds, their order swapped every pair (off-on, on-off, ...), so that
  // the machine's drift cancels out of each pair's comparison.
  const rounds = { on: [], off: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const [off, on] = [nodes.off[i % NODES], nodes.on[i % NODES]];
    if (i % 2 === 0) rounds.off.push(await measure(off));
    rounds.on.push(await measure(on));
    if (i % 2 === 1) rounds.off.push(await measure(off));
  }
  const pairCosts = rounds.on.map((r, i) => 1 - r.rps / rounds.off[i].rps);
  const summary = (list) => ({
    rps: median(list.map((r) => r.rps)),
    cpuUs: median(list.map((r) => r.cpuUs)),
    pgCpuUs: median(list.map((r) => r.pgCpuUs)),
  });
  const [offMedian, onMedian] = [summary(rounds.off), summary(rounds.on)];
  const line = (label, m, list) =>
    report(
      `${label}  ${Math.round(m.rps)} req/s, ${m.cpuUs.toFixed(0)} µs CPU/req, PostgreSQL ${m.pgCpuUs.toFixed(1)} µs CPU/req  (rounds ${list.map((r) => Math.round(r.rps)).join(', ')})`,
    );
  line('logging off', offMedian, rounds.off);
  line(`logging on (journal ${process.env.LOG_JOURNAL ?? 'false'})`, onMedian, rounds.on);
  report(
    `cost          ${percent(median(pairCosts))} of throughput, median of the ${ROUNDS} paired rounds (target ≤ 5%; pairs ${pairCosts.map(percent).join(', ')}; ratio of the medians ${percent(1 - onMedian.rps / offMedian.rps)})`,
  );
  report(
    `              ${percent(onMedian.cpuUs / offMedian.cpuUs - 1)} more gateway CPU per request, plus PostgreSQL's ${onMedian.pgCpuUs.toFixed(1)} µs per request on the same cores`,
  );

  // A run of an exact number of requests (a timed run cuts requests off mid-flight), then
  // SIGTERM, which flushes the queue: every request sent must be a row.
  const exact = await autocannon({
    url: `${base}/gateway/bench/exact`,
    connections: CONNECTIONS,
    amount: EXACT_REQUESTS,
    headers,
  });
  const logged = nodes.on[0].child;
  logged.kill('SIGTERM');
  await new Promise((resolve) => logged.once('exit', resolve));
  const pg = new Client({ connectionString: bench.env.DATABASE_URL });
  await pg.connect();
  const rows = Number(
    (
      await pg.query(`SELECT count(*) AS n FROM request_logs WHERE api_id = $1 AND path = '/gateway/bench/exact'`, [
        api.data.id,
      ])
    ).rows[0].n,
  );
  await pg.end();
  const sent = exact.requests.sent;
  Object.assign(results, { offMedian, onMedian, pairCosts, exactRows: rows, exactSent: sent });
  report(
    `rows          ${rows} request_logs rows for ${sent} requests sent (${exact.requests.total} answered, ${exact.non2xx} non-2xx): ${rows === sent ? 'none lost' : `${sent - rows} missing`}`,
  );
  const { port: offPort } = nodes.off[0];
  return {
    offPort,
    headers,
    accessToken: (await postJson(`http://127.0.0.1:${offPort}`, '/api/v1/auth/login', ADMIN)).accessToken,
  };
}

/**
 * Logging switched off and on within each of SWITCHED_NODES processes during one long run; the first
 * second of a phase is the switch settling (and the last rows of a logging phase being
 * written), so only each phase's last second counts. Returns each logging phase's
 * throughput drop against the mean of the phases either side.
 */
async function switchedLoggingCost(bench, headers, children) {
  const costs = [];
  const perProcess = [];
  const cpu = { on: [], off: [] };
  let answeredWhileLogging = 0;
  for (let i = 0; i < SWITCHED_NODES; i++) {
    const port = await freePort();
    const child = startGateway({ ...bench.env, MIGRATIONS_RUN: 'false' }, port, bench.nodeDataDir(), {
      switchable: true,
    });
    children.push(child);
    await waitFor(`http://127.0.0.1:${port}/health`);
    const url = `http://127.0.0.1:${port}/gateway/bench/switched`;
    await autocannon({
      url: `http://127.0.0.1:${port}/gateway/bench/bench`,
      connections: CONNECTIONS,
      duration: 3,
      headers,
    });

    const seconds = [];
    let logging = true;
    let ticks = cpuTicks(child.pid);
    const run = autocannon({ url, connections: CONNECTIONS, duration: SWITCHED_DURATION, headers });
    run.on('tick', ({ counter }) => {
      const now = cpuTicks(child.pid);
      seconds.push({ logging, requests: counter, cpuUs: ((now - ticks) * TICK_US) / Math.max(counter, 1) });
      ticks = now;
      if (seconds.length % PHASE === 0) {
        logging = !logging;
        child.send(logging ? 'logging:on' : 'logging:off');
      }
    });
    await run;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));

    for (const second of seconds) answeredWhileLogging += second.logging ? second.requests : 0;
    const last = seconds.filter((_, s) => s % PHASE === PHASE - 1);
    const mine = [];
    for (let p = 1; p < last.length - 1; p++) {
      if (!last[p].logging) continue;
      mine.push(1 - last[p].requests / ((last[p - 1].requests + last[p + 1].requests) / 2));
    }
    for (const second of last) cpu[second.logging ? 'on' : 'off'].push(second.cpuUs);
    costs.push(...mine);
    perProcess.push(median(mine));
  }
  // The switch at work: about as many rows as requests answered in the logging seconds
  // (requests in flight at a switch land on either side).
  const pg = new Client({ connectionString: bench.env.DATABASE_URL });
  await pg.connect();
  const rows = Number(
    (await pg.query(`SELECT count(*) AS n FROM request_logs WHERE path = '/gateway/bench/switched'`)).rows[0].n,
  );
  await pg.end();
  return { costs, perProcess, cpuUs: { on: median(cpu.on), off: median(cpu.off) }, rows, answeredWhileLogging };
}

async function generateRows(bench, backend) {
  const pg = new Client({ connectionString: bench.env.DATABASE_URL });
  await pg.connect();
  try {
    if (backend === 'partitions')
      await pg.query(`SELECT datahub_ensure_partitions('request_logs', $1, 1)`, [LOG_DAYS + 1]);
    const apis = (
      await pg.query(
        `INSERT INTO apis (name, upstream_url) SELECT 'gen-' || i, 'http://127.0.0.1:9/' FROM generate_series(1, 20) i RETURNING id`,
      )
    ).rows.map((r) => r.id);
    const [{ id: userId }] = (await pg.query(`SELECT id FROM users LIMIT 1`)).rows;
    const keys = (
      await pg.query(
        `INSERT INTO api_keys (user_id, key_hash, prefix, name, rate_limit_tier)
         SELECT $1, md5(i::text) || md5((i * 7)::text), 'dh_gen' || i, 'gen ' || i, 'free' FROM generate_series(1, 200) i RETURNING id`,
        [userId],
      )
    ).rows.map((r) => r.id);
    const chunk = 1_000_000;
    const started = Date.now();
    for (let done = 0; done < LOG_ROWS; done += chunk) {
      const n = Math.min(chunk, LOG_ROWS - done);
      await pg.query(
        `INSERT INTO request_logs (api_key_id, api_id, method, path, status_code, latency_ms, "timestamp", metadata)
         SELECT ($1::uuid[])[1 + (i % 200)], ($2::uuid[])[1 + (i % 20)], 'GET', '/gateway/gen/items',
                CASE WHEN i % 50 = 0 THEN 500 WHEN i % 33 = 0 THEN 404 ELSE 200 END,
                (random() ^ 3 * 400)::int,
                -- in time order, as a gateway writes them
                now() - make_interval(days => $3) * (1 - ($5 + i)::float8 / $6), '{"ip":"10.0.0.1"}'::jsonb
         FROM generate_series(1, $4) i`,
        [keys, apis, LOG_DAYS, n, done, LOG_ROWS],
      );
      process[MARKDOWN ? 'stderr' : 'stdout'].write(
        `\rgenerated     ${done + n} rows (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    // The closed days' key and API indexes, as partition maintenance builds them after midnight
    // (a hypertable's indexes cover every chunk already).
    if (backend === 'partitions')
      for (const { ddl } of (await pg.query('SELECT datahub_pending_partition_indexes(false) AS ddl')).rows)
        await pg.query(ddl);
    await pg.query('ANALYZE request_logs');
    const [{ n: lastDay }] = (
      await pg.query(`SELECT count(*)::int AS n FROM request_logs WHERE "timestamp" >= now() - interval '24 hours'`)
    ).rows;
    results.lastDay ??= lastDay;
    report(
      `\n              ${lastDay} of them in the last 24 hours (${Math.round((Date.now() - started) / 1000)} s with the indexes)`,
    );
    return { keyId: keys[7] };
  } finally {
    await pg.end();
  }
}

async function timeQuery(backend, base, path, token, label = path) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6); // the first call warms caches
  }
  (results.analytics[backend] ??= []).push({ label, median: median(times), worst: Math.max(...times) });
  report(
    `${label.padEnd(40)} median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (target < 500 ms)`,
  );
}

/** The results as markdown: the method in one line, then the figures (`--markdown`). */
function markdown() {
  const os = require('node:os');
  const { offMedian, onMedian, pairCosts, exactRows, exactSent, switched } = results;
  return [
    `Method: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}; the production build on the product path (key and rate limits) with autocannon, ${CONNECTIONS} connections. Between processes: ${ROUNDS} pairs of ${DURATION} s rounds, logging off and on, over ${NODES} processes of each kind; within processes: ${SWITCHED_NODES} processes, logging switched every ${PHASE} s during a ${SWITCHED_DURATION} s run each; analytics over ${thousands(LOG_ROWS)} generated rows spread over ${LOG_DAYS} days. PostgreSQL, Redis, the upstream and the load generator share the same cores.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| logging off | ${thousands(offMedian.rps)} req/s, ${offMedian.cpuUs.toFixed(0)} µs gateway CPU per request |`,
    `| logging on | ${thousands(onMedian.rps)} req/s, ${onMedian.cpuUs.toFixed(0)} µs gateway CPU per request, ${onMedian.pgCpuUs.toFixed(1)} µs PostgreSQL CPU per request |`,
    `| cost of logging, between processes (median of ${pairCosts.length} pairs) | ${percent(median(pairCosts))} of throughput (pairs from ${percent(Math.min(...pairCosts))} to ${percent(Math.max(...pairCosts))}) |`,
    `| cost of logging, within processes (median of ${switched.costs.length} phases) | ${percent(median(switched.costs))} of throughput (per process ${switched.perProcess.map(percent).join(', ')}) |`,
    `| gateway CPU per request within processes, logging off → on | ${switched.cpuUs.off.toFixed(0)} → ${switched.cpuUs.on.toFixed(0)} µs |`,
    `| rows written for an exact run, then SIGTERM | ${thousands(exactRows)} rows for ${thousands(exactSent)} requests sent |`,
    '',
    analyticsTable(),
  ].join('\n');
}

/** The analytics figures of every backend measured, side by side. */
function analyticsTable() {
  const measured = BACKENDS.filter((b) => results.analytics[b]);
  const title = { partitions: 'native partitions', timescaledb: 'TimescaleDB hypertables' };
  const rows = results.analytics[measured[0]].map((q, i) => [
    `\`${q.label}\``,
    ...measured.map(
      (b) => `${results.analytics[b][i].median.toFixed(0)} ms / ${results.analytics[b][i].worst.toFixed(0)} ms`,
    ),
  ]);
  return [
    `| analytics query (${thousands(results.lastDay)} of ${thousands(LOG_ROWS)} rows in the last 24 hours), median / worst | ${measured.map((b) => title[b]).join(' | ')} |`,
    `| --- | ${measured.map(() => '---:').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ...(measured.length < BACKENDS.length
      ? ['', `No TimescaleDB at ${TIMESCALE_ADMIN_URL}: hypertables not measured.`]
      : []),
  ].join('\n');
}

/** Part 2 on one backend: a database of its own on that server, one gateway, the generated rows, the queries. */
async function analyticsOn(backend) {
  const bench = await createBenchEnvironment(
    `analytics_${backend}`,
    backend === 'partitions' ? undefined : TIMESCALE_ADMIN_URL,
  );
  const port = await freePort();
  const gateway = startGateway(
    { ...bench.env, TIMESERIES_BACKEND: backend, REQUEST_LOG_ENABLED: 'false' },
    port,
    bench.nodeDataDir(),
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/health`);
    const base = `http://127.0.0.1:${port}`;
    const { accessToken } = await postJson(base, '/api/v1/auth/login', ADMIN);
    report(`\nAnalytics over ${LOG_ROWS} generated rows spread over ${LOG_DAYS} days (${backend})`);
    const { keyId } = await generateRows(bench, backend);
    await timeQuery(backend, base, '/api/v1/analytics/summary', accessToken);
    await timeQuery(backend, base, '/api/v1/analytics/usage?interval=hour', accessToken);
    await timeQuery(backend, base, '/api/v1/analytics/summary?api=gen-7', accessToken);
    // Today's partition has no key index (its day is still being written): scoped queries
    // read today's rows in the range, through the BRIN time index.
    await timeQuery(
      backend,
      base,
      `/api/v1/analytics/summary?keyId=${keyId}`,
      accessToken,
      '/api/v1/analytics/summary?keyId=…',
    );
  } finally {
    gateway.kill('SIGTERM');
    await new Promise((resolve) => gateway.once('exit', resolve));
    await bench.drop();
  }
}

async function analytics() {
  await analyticsOn('partitions');
  if (await timescalePreloaded()) await analyticsOn('timescaledb');
  else report(`\nNo TimescaleDB at ${TIMESCALE_ADMIN_URL}: analytics on hypertables not measured`);
}

async function main() {
  if (ANALYTICS_ONLY) {
    await analytics();
    if (MARKDOWN) console.log(analyticsTable());
    return;
  }
  const bench = await createBenchEnvironment('logs');
  const children = [];
  try {
    const upstream = await startUpstream();
    children.push(upstream.child);

    report(
      `Request logging benchmark: autocannon, ${CONNECTIONS} connections, ${ROUNDS} pairs of ${DURATION} s rounds (logging off and on, order alternating) over ${NODES} processes of each, medians (node ${process.version}, ${require('node:os').cpus().length} cores)\n`,
    );
    const { headers } = await loggingCost(bench, upstream.url, children);

    await analytics();

    // Last, so that its rows (hundreds of thousands) do not weigh on the analytics above.
    report(
      `\nWithin processes: ${SWITCHED_NODES} gateways, logging switched off and on every ${PHASE} s during a ${SWITCHED_DURATION} s run each`,
    );
    const switched = await switchedLoggingCost(bench, headers, children);
    results.switched = switched;
    report(
      `cost          ${percent(median(switched.costs))} of throughput, median of ${switched.costs.length} logging phases against their neighbours (target ≤ 5%; per process ${switched.perProcess.map(percent).join(', ')})`,
    );
    report(
      `              gateway CPU per request ${switched.cpuUs.off.toFixed(0)} µs with logging off, ${switched.cpuUs.on.toFixed(0)} µs on (medians of those seconds)`,
    );
    report(
      `rows          ${switched.rows} rows for the ${switched.answeredWhileLogging} requests answered in the seconds logging was on`,
    );
    if (MARKDOWN) console.log(markdown());
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
