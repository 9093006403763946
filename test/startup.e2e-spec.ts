import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, withPg } from './helpers/databases';
import { BUILT_MAIN, freePort, spawnNode, waitForStatus, withTimeout } from './helpers/processes';
import { ApiClient } from './helpers/api-client';
import { createApi, createKey } from './helpers/gateway-fixtures';
import type { SignedIn } from './helpers/session';
import { REDIS_URL, TEST_SECRETS, uniqueName } from './helpers/test-env';
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

  it('requires real secrets outside embedded mode', async () => {
    const server = spawnNode(BUILT_MAIN, [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      JWT_SECRET: 'short',
    });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    expect(server.stderr()).toContain('JWT_SECRET must be at least 32 characters');
    expect(server.stderr()).toContain('API_KEY_PEPPER is required when DATABASE_URL is set');
  });

  it('exits non-zero with one line when PostgreSQL is unreachable', async () => {
    const deadPort = await freePort();
    const server = spawnNode(BUILT_MAIN, [], {
      DATABASE_URL: `postgres://postgres:secret-password@127.0.0.1:${deadPort}/datahub`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      ...TEST_SECRETS,
    });
    expect(await withTimeout(server.exited, 15_000, 'exit')).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^DataHub failed to start: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${deadPort}/datahub: ECONNREFUSED`,
        ),
      ),
    ]);
    expect(server.output()).not.toContain('secret-password');
  });

  describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'datahub-embedded-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    async function startEmbedded() {
      const port = await freePort();
      const pgPort = await freePort();
      const server = spawnNode(BUILT_MAIN, [], {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATAHUB_DATA_DIR: dataDir,
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
      const start = async () => {
        const port = await freePort();
        const server = spawnNode(BUILT_MAIN, [], {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATAHUB_DATA_DIR: emptyDir,
          SHUTDOWN_DRAIN_MS: '0',
          PASSWORD_HASH_COST: '4',
        });
        await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 20_000).catch((error) => {
          throw new Error(`${error.message}\n${server.output()}`);
        });
        return { server, api: new ApiClient(`http://127.0.0.1:${port}`) };
      };
      try {
        const first = await start();
        const file = join(emptyDir, 'initial-admin.txt');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const [, email, password] = /^email: (\S+)\npassword: (\S+)\n$/.exec(readFileSync(file, 'utf8')) ?? [];
        expect(email).toBe('admin@datahub.local');
        expect(first.server.output()).toContain(`Created the initial admin: ${email} / ${password}`);
        const admin = await signInAs(first.api, email, password);
        expect((await first.api.get('/api/v1/auth/me', { token: admin.accessToken })).body.data.role).toBe('admin');
        expect(await stop(first.server)).toBe(0);

        const second = await start();
        expect(second.server.output()).not.toContain('initial admin');
        expect(readFileSync(file, 'utf8')).toContain(password);
        expect(await stop(second.server)).toBe(0);
      } finally {
        rmSync(emptyDir, { recursive: true, force: true });
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
    const port = await freePort();
    const server = spawnNode(BUILT_MAIN, [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
      SHUTDOWN_DRAIN_MS: '0',
      PASSWORD_HASH_COST: '4',
      ...TEST_SECRETS,
      ...env,
    });
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
