import { existsSync, mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDatabase, dropDatabase, withPg } from './helpers/databases';
import { BUILT_MAIN, BUILT_MIGRATE, freePort, spawnNode, waitForStatus, withTimeout } from './helpers/processes';
import { ApiClient } from './helpers/api-client';
import { spawnBuiltNode } from './helpers/built-node';
import { createApi, createKey } from './helpers/gateway-fixtures';
import type { SignedIn } from './helpers/session';
import { PG_ADMIN_URL, REDIS_URL, TEST_SECRETS, uniqueName } from './helpers/test-env';
import { TcpProxy } from './helpers/tcp-proxy';
import { until } from './helpers/wait';
import { TestUpstream } from './helpers/upstream';
import { UserRole } from '@app/db';
import { json } from './helpers/http';

/** Signs in over HTTP a user that already exists (the bootstrap admin). */
async function signInAs(api: ApiClient, email: string, password: string): Promise<SignedIn> {
  const res = await api.post('/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return {
    id: '',
    email,
    password,
    role: UserRole.Admin,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}

/** The built server as `npm start` runs it: configuration faults, PostgreSQL down, embedded mode. */
describe('server start-up (built server process)', () => {
  it('refuses invalid configuration with one clear line naming the variables', async () => {
    const server = spawnNode(BUILT_MAIN, [], {
      PORT: 'not-a-port',
      LOG_LEVEL: 'banana',
      DATABASE_URL: 'mysql://x',
      ...TEST_SECRETS,
    });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DataHub failed to start: Invalid configuration: /);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('LOG_LEVEL');
    expect(lines[0]).toContain('DATABASE_URL must be a postgres:// URL');
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says at once when its port is taken, before touching the database', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const server = spawnNode(BUILT_MAIN, [], {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never_reached',
        REDIS_URL,
        ...TEST_SECRETS,
      });
      expect(await withTimeout(server.exited, 10_000, 'exit')).toBe(1);
      expect(server.stderr()).toBe(
        `DataHub failed to start: port ${port} is in use by another process: set PORT to a free one\n`,
      );
    } finally {
      taken.close();
    }
  });

  it('requires real secrets outside embedded mode', async () => {
    const server = spawnNode(BUILT_MAIN, [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      JWT_SECRET: 'short',
    });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    expect(server.stderr()).toContain('JWT_SECRET must be at least 32 characters');
    expect(server.stderr()).toContain('API_KEY_PEPPER is required when DATABASE_URL is set');
  });

  it('waits for PostgreSQL with backoff, then exits non-zero with one line', async () => {
    const deadPort = await freePort();
    const server = spawnNode(BUILT_MAIN, [], {
      DATABASE_URL: `postgres://postgres:secret-password@127.0.0.1:${deadPort}/datahub`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      STARTUP_TIMEOUT_MS: '2000',
      ...TEST_SECRETS,
    });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    const lines = server.stderr().trim().split('\n');
    const target = `127\\.0\\.0\\.1:${deadPort}/datahub: ECONNREFUSED`;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(
        new RegExp(`^Waiting for PostgreSQL: cannot reach PostgreSQL at ${target}.*; retrying in \\d+ ms$`),
      );
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(`^DataHub failed to start: cannot reach PostgreSQL at ${target}`),
    );
    expect(server.output()).not.toContain('secret-password');
  });

  it('starts once PostgreSQL answers, so containers need not start in order', async () => {
    const database = uniqueName('test');
    const url = new URL(await createDatabase(database));
    const proxy = new TcpProxy(Number(url.port || 5432), url.hostname);
    await proxy.start();
    proxy.cut();
    url.port = String(proxy.port);
    const port = await freePort();
    const server = spawnNode(BUILT_MAIN, [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      REDIS_URL,
      REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
      SHUTDOWN_DRAIN_MS: '0',
      ...TEST_SECRETS,
    });
    try {
      await until(() => server.stderr().includes('Waiting for PostgreSQL'), 10_000, 'a first failed probe');
      proxy.restore();
      await waitForStatus(`http://127.0.0.1:${port}/health/ready`, 200, 30_000).catch((error) => {
        throw new Error(`${error.message}\n${server.output()}`);
      });
      server.child.kill('SIGTERM');
      expect(await withTimeout(server.exited, 30_000, 'shutdown')).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
      await proxy.stop();
      await dropDatabase(database);
    }
  });

  it('fails at once when PostgreSQL refuses us (no such database): waiting would not help', async () => {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = '/no_such_database_for_datahub';
    const started = Date.now();
    const server = spawnNode(BUILT_MAIN, [], { DATABASE_URL: url.toString(), REDIS_URL, ...TEST_SECRETS });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000); // STARTUP_TIMEOUT_MS is 60 s
    expect(server.stderr()).not.toContain('Waiting for PostgreSQL');
    expect(server.stderr()).toMatch(/^DataHub failed to start: cannot reach PostgreSQL at .*3D000/);
  });

  describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'datahub-embedded-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    async function startEmbedded(dir = dataDir) {
      const port = await freePort();
      const pgPort = await freePort();
      const server = spawnNode(BUILT_MAIN, [], {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATAHUB_DATA_DIR: dir,
        EMBEDDED_PG_PORT: String(pgPort),
        SHUTDOWN_DRAIN_MS: '0',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'embedded-admin-password',
        PASSWORD_HASH_COST: '4',
      });
      const startedIn = await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000).catch((error) => {
        throw new Error(`${error.message}\n${server.output()}`);
      });
      return { server, port, pgUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`, startedIn };
    }

    async function stop(server: ReturnType<typeof spawnNode>) {
      server.child.kill('SIGTERM');
      return withTimeout(server.exited, 30_000, 'graceful shutdown');
    }

    it('creates an initial admin on the first start of an empty installation, once', async () => {
      const emptyDir = mkdtempSync(join(tmpdir(), 'datahub-first-start-'));
      const started: ReturnType<typeof spawnNode>[] = [];
      const start = async (logFormat: 'pretty' | 'json') => {
        const port = await freePort();
        const server = spawnNode(BUILT_MAIN, [], {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATAHUB_DATA_DIR: emptyDir,
          SHUTDOWN_DRAIN_MS: '0',
          PASSWORD_HASH_COST: '4',
          LOG_FORMAT: logFormat,
        });
        started.push(server);
        await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000).catch((error) => {
          throw new Error(`${error.message}\n${server.output()}`);
        });
        return { server, port, api: new ApiClient(`http://127.0.0.1:${port}`) };
      };
      try {
        const first = await start('pretty');
        const file = join(emptyDir, 'initial-admin.txt');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const [, email, password] = /^email: (\S+)\npassword: (\S+)\n$/.exec(readFileSync(file, 'utf8')) ?? [];
        expect(email).toBe('admin@datahub.local');
        // On a terminal: one banner with the addresses, the mode and the admin; no route list.
        await until(() => first.server.stdout().includes('Created the initial admin'), 5_000, 'the banner');
        const base = `http://localhost:${first.port}`;
        expect(first.server.stdout()).toContain(
          [
            'DataHub is ready',
            `  Console   ${base}/console`,
            `  API       ${base}/api/v1`,
            `  Docs      ${base}/docs  (OpenAPI: ${base}/docs-json)`,
            `  Gateway   ${base}/gateway/{api}/...`,
            `  Metrics   ${base}/metrics`,
            `  Health    ${base}/health/live  ${base}/health/ready`,
            `  Database  embedded PostgreSQL in ${join(emptyDir, 'pgdata')}`,
            '  Store     in-process (one node only: set REDIS_URL to run more than one)',
            '',
            `  Created the initial admin: ${email} / ${password} (kept in ${file}).`,
          ].join('\n'),
        );
        expect(first.server.output()).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader/);
        expect(first.server.output()).not.toMatch(/^\{/m); // readable lines, not JSON
        const admin = await signInAs(first.api, email, password);
        expect((await first.api.get('/api/v1/auth/me', { token: admin.accessToken })).body.data.role).toBe('admin');
        expect(await stop(first.server)).toBe(0);

        const second = await start('json');
        expect(second.server.output()).not.toContain('Created the initial admin');
        await until(() => second.server.stdout().includes('DataHub is ready'), 5_000, 'the banner');
        const ready = second.server
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line))
          .find((entry) => entry.msg === 'DataHub is ready');
        expect(ready).toMatchObject({
          console: `http://localhost:${second.port}/console`,
          api: `http://localhost:${second.port}/api/v1`,
          store: expect.any(String),
        });
        expect(readFileSync(file, 'utf8')).toContain(password);
        expect(await stop(second.server)).toBe(0);
      } finally {
        for (const server of started) server.child.kill('SIGKILL');
        rmSync(emptyDir, { recursive: true, force: true });
      }
    });

    it('locks its data directory: a second process refuses at once, naming the first', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'datahub-lock-'));
      const lockFile = join(dir, 'datahub.lock');
      const started: ReturnType<typeof spawnNode>[] = [];
      try {
        const first = await startEmbedded(dir);
        started.push(first.server);
        const second = spawnNode(BUILT_MAIN, [], {
          PORT: String(await freePort()),
          HOST: '127.0.0.1',
          DATAHUB_DATA_DIR: dir,
        });
        expect(await withTimeout(second.exited, 10_000, 'the second process to give up')).toBe(1);
        expect(second.stderr()).toBe(
          `DataHub failed to start: another DataHub process (pid ${first.server.child.pid}, port ${first.port}) ` +
            `is using the data directory ${dir}. Stop it first, or give this one its own DATAHUB_DATA_DIR (and PORT). ` +
            `If no DataHub runs there (a reboot gave that pid to another program), delete ${lockFile}.\n`,
        );
        expect((await fetch(`http://127.0.0.1:${first.port}/health`)).status).toBe(200);
        // The migration commands open the same database: refused too.
        const migrate = spawnNode(BUILT_MIGRATE, ['show'], { DATAHUB_DATA_DIR: dir });
        expect(await withTimeout(migrate.exited, 10_000, 'migrate to give up')).not.toBe(0);
        expect(migrate.stderr()).toContain(
          `another DataHub process (pid ${first.server.child.pid}, port ${first.port})`,
        );

        // A crash leaves the lock file behind; the next start sees its holder is gone and takes it over.
        first.server.child.kill('SIGKILL');
        await first.server.exited;
        expect(existsSync(lockFile)).toBe(true);
        const third = await startEmbedded(dir);
        started.push(third.server);
        expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
          pid: third.server.child.pid,
          port: third.port,
        });
        expect(await stop(third.server)).toBe(0);
        expect(existsSync(lockFile)).toBe(false);
      } finally {
        for (const server of started) server.child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('serves /health within 20 s, keeps its data and secrets across a restart', async () => {
      const first = await startEmbedded();
      expect(first.startedIn).toBeLessThan(20_000);
      const health = await json(await fetch(`http://127.0.0.1:${first.port}/health`));
      expect(health).toEqual(
        expect.objectContaining({ status: 'ok', details: expect.objectContaining({ database: { status: 'up' } }) }),
      );
      expect(health.details.redis.status).toBe('up');

      const tiers = await withPg(first.pgUrl, async (pg) => {
        await pg.query(`INSERT INTO apis (name, upstream_url) VALUES ('survives-restart', 'http://127.0.0.1:9/')`);
        return (await pg.query('SELECT tier_name FROM rate_limits ORDER BY requests_per_min')).rows.map(
          (r) => r.tier_name,
        );
      });
      expect(tiers).toEqual(['free', 'pro', 'enterprise']);
      const secrets = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
      expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
      // The in-process store serves sign-in throttling and gateway rate limits too.
      const upstream = await new TestUpstream().start();
      let apiName: string;
      try {
        const api = new ApiClient(`http://127.0.0.1:${first.port}`);
        const failures = [];
        for (let i = 0; i < 6; i++)
          failures.push(
            (await api.post('/api/v1/auth/login', { email: 'guesser@example.com', password: 'not the password' }))
              .status,
          );
        expect(failures).toEqual([401, 401, 401, 401, 401, 429]);
        const admin = await signInAs(api, 'admin@example.com', 'embedded-admin-password');
        const { name } = await createApi(api, admin, { upstreamUrl: upstream.url });
        apiName = name;
        const { key } = await createKey(api, admin, { permissions: [{ api: name, permission: 'read' }] });
        const statuses = await Promise.all(
          Array.from({ length: 12 }, () =>
            api.get(`/gateway/${name}/x`, { headers: { 'x-api-key': key } }).then((r) => r.status),
          ),
        );
        expect(statuses.filter((s) => s === 200)).toHaveLength(10); // the free tier's burst
        expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      } finally {
        await upstream.stop();
      }

      expect(await stop(first.server)).toBe(0);

      const second = await startEmbedded();
      const names = await withPg(second.pgUrl, async (pg) =>
        (await pg.query('SELECT name FROM apis ORDER BY created_at')).rows.map((r) => r.name),
      );
      expect(names).toEqual(['survives-restart', apiName]);
      expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).toBe(secrets);
      expect(second.server.output()).toContain('Schema is up to date');
      expect(await stop(second.server)).toBe(0);
    });
  });
});

describe('server mode without an admin', () => {
  const database = uniqueName('test');
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(database);
  });
  afterAll(() => dropDatabase(database));

  async function run(env: Record<string, string>) {
    const { server, port } = await spawnBuiltNode({ DATABASE_URL: url, PASSWORD_HASH_COST: '4', ...env });
    await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000);
    server.child.kill('SIGTERM');
    await withTimeout(server.exited, 30_000, 'shutdown');
    return server.output();
  }

  it('says how to make one, and never silently ignores an ADMIN_EMAIL that names a non-admin', async () => {
    expect(await run({})).toMatch(/No admin exists: restart with ADMIN_EMAIL and ADMIN_PASSWORD set/);
    await withPg(url, (pg) =>
      pg.query(`INSERT INTO users (email, password_hash, role) VALUES ('ops@example.com', 'x', 'viewer')`),
    );
    const output = await run({ ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'a long enough password' });
    expect(output).toContain('ADMIN_EMAIL names ops@example.com, an existing viewer: not promoted');
    expect(output).toContain(`UPDATE users SET role = 'admin' WHERE email = 'ops@example.com'`);
  });
});
