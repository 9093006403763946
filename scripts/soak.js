#!/usr/bin/env node
/**
 * `npm run soak`: SOAK_MINUTES (default 10) of mixed traffic against one gateway node (the
 * production build on real PostgreSQL and Redis): sign-ins (some with a wrong password),
 * key management (create, list, revoke), and gateway calls both under and over their rate
 * limits. Prints throughput, answers by status, and the node's resident memory every
 * 30 s and at start and end: memory must level off, not grow with the traffic.
 */
const { spawn, fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { NODE_FLAGS, createBenchEnvironment, freePort, waitFor, postJson } = require('./bench/bench-env');

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 16);
const ADMIN = { email: 'soak@example.com', password: 'soak-admin-password' };

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function main() {
  const bench = await createBenchEnvironment('soak');
  const children = [];
  try {
    const [upstreamPort, port] = await Promise.all([freePort(), freePort()]);
    const upstream = fork(join(__dirname, 'bench', 'upstream.js'), { env: { PORT: String(upstreamPort) } });
    children.push(upstream);
    await new Promise((resolve) => upstream.once('message', resolve));
    const gateway = spawn(process.execPath, [...NODE_FLAGS, join(__dirname, '..', 'dist/apps/gateway/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        ...bench.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        AUTH_MAX_FAILURES_PER_IP: '1000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(gateway);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health`);

    const { accessToken } = await postJson(base, '/api/v1/auth/login', ADMIN);
    const auth = { authorization: `Bearer ${accessToken}` };
    await postJson(
      base,
      '/api/v1/admin/apis',
      { name: 'soak', upstreamUrl: `http://127.0.0.1:${upstreamPort}` },
      accessToken,
    );
    const permissions = [{ api: 'soak', permission: 'read' }];
    await postJson(
      base,
      '/api/v1/admin/rate-limits',
      { tierName: 'soak-high', requestsPerMin: 10_000_000, requestsPerHour: 100_000_000, burstLimit: 1_000_000 },
      accessToken,
    );
    const open = (
      await postJson(
        base,
        '/api/v1/keys',
        { name: 'under limits', rateLimitTier: 'soak-high', permissions },
        accessToken,
      )
    ).data.key;
    const limited = (
      await postJson(base, '/api/v1/keys', { name: 'over limits', rateLimitTier: 'free', permissions }, accessToken)
    ).data.key;

    const statuses = {};
    let answered = 0;
    let failed = 0;
    const count = (status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      answered++;
    };
    const request = async (path, init = {}) => {
      try {
        const res = await fetch(base + path, init);
        await res.arrayBuffer();
        count(res.status);
        return res;
      } catch {
        failed++;
        return undefined;
      }
    };

    // One in ~50 iterations signs in or manages a key; the rest are gateway calls.
    const iteration = async (i) => {
      const roll = i % 50;
      if (roll === 0)
        return request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
      if (roll === 1)
        return request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...ADMIN, password: 'wrong-password-123' }),
        });
      if (roll === 2) {
        const created = await fetch(`${base}/api/v1/keys`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `soak ${i}`, permissions }),
        });
        count(created.status);
        const { data } = await created.json();
        if (data) await request(`/api/v1/keys/${data.id}`, { method: 'DELETE', headers: auth });
        return undefined;
      }
      if (roll === 3) return request('/api/v1/keys?limit=20', { headers: auth });
      if (roll < 10) return request('/gateway/soak/limited', { headers: { 'x-api-key': limited } });
      return request(`/gateway/soak/item/${i % 1000}?q=${i}`, { headers: { 'x-api-key': open } });
    };

    const started = Date.now();
    const deadline = started + MINUTES * 60_000;
    const memory = [{ at: 0, rss: rssMiB(gateway.pid) }];
    console.log(`Soak: ${MINUTES} min, ${WORKERS} concurrent clients, one gateway node (node ${process.version})`);
    console.log(`  0:00  rss ${memory[0].rss.toFixed(0)} MiB`);
    const sampler = setInterval(() => {
      const at = Date.now() - started;
      memory.push({ at, rss: rssMiB(gateway.pid) });
      const minutes = `${Math.floor(at / 60_000)}:${String(Math.floor((at % 60_000) / 1000)).padStart(2, '0')}`;
      console.log(
        `  ${minutes}  rss ${memory.at(-1).rss.toFixed(0)} MiB  ${answered} answers (${Math.round(answered / (at / 1000))}/s)`,
      );
    }, 30_000);
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (Date.now() < deadline) await iteration(next++);
      }),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const end = rssMiB(gateway.pid);
    const settled = memory.find((m) => m.at >= 120_000)?.rss ?? memory[0].rss;
    console.log(`
throughput  ${answered} answers in ${seconds.toFixed(0)} s = ${Math.round(answered / seconds)}/s; ${failed} transport errors
statuses    ${JSON.stringify(statuses)}
memory      start ${memory[0].rss.toFixed(0)} MiB, at 2 min ${settled.toFixed(0)} MiB, end ${end.toFixed(0)} MiB, peak ${Math.max(...memory.map((m) => m.rss), end).toFixed(0)} MiB (end - 2 min: ${(end - settled).toFixed(0)} MiB)`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2_000));
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
