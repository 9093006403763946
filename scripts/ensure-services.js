#!/usr/bin/env node
/**
 * `npm test` needs PostgreSQL and Redis on 127.0.0.1, and Chromium for the browser tests.
 * Starts the services when they are installed but stopped; when something is missing,
 * says in one line how to get it.
 */
const net = require('node:net');
const { execSync, spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');

const PG_PORT = Number(process.env.TEST_PG_PORT ?? 5432);
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1000);
    const done = (up) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function waitFor(port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await listening(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function missing(what, pkg) {
  console.error(
    `${what} is not running on 127.0.0.1 and is not installed: apt-get install -y ${pkg} (or: docker compose -f docker/compose.yml up -d postgres redis)`,
  );
  process.exit(1);
}

async function main() {
  if (!(await listening(PG_PORT))) {
    if (!has('pg_ctlcluster') || !existsSync('/etc/postgresql')) missing('PostgreSQL', 'postgresql-15');
    const version = readdirSync('/etc/postgresql').sort().pop();
    console.log(`starting PostgreSQL ${version}...`);
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
    if (!(await waitFor(PG_PORT, 20))) missing('PostgreSQL', 'postgresql-15');
  }
  if (!(await listening(REDIS_PORT))) {
    if (!has('redis-server')) missing('Redis', 'redis-server');
    console.log('starting Redis...');
    execSync(
      `redis-server --daemonize yes --bind 127.0.0.1 --port ${REDIS_PORT} --save "" --appendonly no --dir /tmp --logfile /tmp/datahub-redis.log`,
      { stdio: 'inherit' },
    );
    if (!(await waitFor(REDIS_PORT, 10))) missing('Redis', 'redis-server');
  }
  const browsers = [
    ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium', 'CHROMIUM_PATH'],
    ['Firefox', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr', 'FIREFOX_PATH'],
  ];
  for (const [name, path, pkg, variable] of browsers) {
    if (existsSync(path)) continue;
    console.error(`${name} is not installed at ${path}: apt-get install -y ${pkg} (or set ${variable})`);
    process.exit(1);
  }
}

main();
