import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RequestLogWriter } from '@app/analytics';
import { UsersService } from '@app/auth';
import { UserRole } from '@app/db';
import * as jwt from 'jsonwebtoken';
import { withPg } from './helpers/databases';
import { freePort, spawnNode } from './helpers/processes';
import { PASSWORD, uniqueEmail } from './helpers/session';
import { TEST_SECRETS } from './helpers/test-env';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';
import { until } from './helpers/wait';

const CLI = resolve(__dirname, '../dist/apps/cli/src/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built `datahub` binary in a child process with only the given environment. */
async function datahub(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  const run = spawnNode(CLI, args, env, input ?? '');
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('datahub CLI (built binary) against the real server', () => {
  const upstream = new TestUpstream();
  let t: TestApp;
  let configDir: string;
  let adminEmail: string;
  let env: Record<string, string>;
  const credentialsFile = () => join(configDir, 'credentials.json');
  const saved = () => JSON.parse(readFileSync(credentialsFile(), 'utf8')).servers[t.url];
  /** Runs with --json and parses stdout; fails the test with stderr when the exit code is not 0. */
  async function json(...args: string[]) {
    const run = await datahub(['--json', ...args], env);
    if (run.code !== 0) throw new Error(`datahub ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  }

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    configDir = mkdtempSync(join(tmpdir(), 'datahub-cli-'));
    env = { DATAHUB_URL: t.url, DATAHUB_CONFIG_DIR: configDir };
    adminEmail = uniqueEmail('cli-admin');
    await t.app.get(UsersService).create({ email: adminEmail, password: PASSWORD, role: UserRole.Admin });
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  describe('login', () => {
    it('refuses a wrong password: exit 1, the problem title and code, nothing stored', async () => {
      const run = await datahub(['login', '--email', adminEmail, '--password-stdin'], env, 'wrong password entirely\n');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: Authentication failed \(INVALID_CREDENTIALS\): Email or password is wrong/);
      expect(run.stdout).toBe('');
      expect(existsSync(credentialsFile())).toBe(false);

      const asJson = await datahub(['--json', 'login', '--email', adminEmail], {
        ...env,
        DATAHUB_PASSWORD: 'wrong password entirely',
      });
      expect(asJson.code).toBe(1);
      expect(JSON.parse(asJson.stderr).error).toMatchObject({
        status: 401,
        code: 'INVALID_CREDENTIALS',
        title: 'Authentication failed',
        requestId: expect.any(String),
      });
    });

    it('says when the server cannot be reached', async () => {
      const run = await datahub(['login', '--email', adminEmail], {
        ...env,
        DATAHUB_URL: `http://127.0.0.1:${await freePort()}`,
        DATAHUB_PASSWORD: PASSWORD,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Network error (NETWORK_ERROR)');
      expect(run.stderr).toContain('ECONNREFUSED');
    });

    it('signs in with the password on stdin and keeps the tokens in a 0600 file', async () => {
      const run = await datahub(['login', '--email', adminEmail, '--password-stdin'], env, `${PASSWORD}\n`);
      expect(run).toMatchObject({ code: 0, stdout: `Signed in to ${t.url} as ${adminEmail} (admin)\n` });
      expect(statSync(credentialsFile()).mode & 0o777).toBe(0o600);
      expect(statSync(configDir).mode & 0o077).toBe(0);
      expect(saved()).toEqual({
        email: adminEmail,
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^dhr_/),
      });

      const me = await json('whoami');
      expect(me).toMatchObject({
        email: adminEmail,
        role: 'admin',
        permissions: expect.arrayContaining(['users:write']),
      });
    });

    it('uses $XDG_CONFIG_HOME/datahub when DATAHUB_CONFIG_DIR is not set', async () => {
      const xdg = mkdtempSync(join(tmpdir(), 'datahub-xdg-'));
      try {
        const run = await datahub(['--json', 'login', '--email', adminEmail], {
          DATAHUB_URL: t.url,
          XDG_CONFIG_HOME: xdg,
          DATAHUB_PASSWORD: PASSWORD,
        });
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ url: t.url, email: adminEmail, role: 'admin' });
        expect(statSync(join(xdg, 'datahub', 'credentials.json')).mode & 0o777).toBe(0o600);
      } finally {
        rmSync(xdg, { recursive: true, force: true });
      }
    });
  });

  describe('signed in as an admin', () => {
    beforeAll(async () => {
      const run = await datahub(['login', '--email', adminEmail], { ...env, DATAHUB_PASSWORD: PASSWORD });
      expect(run.code).toBe(0);
    });

    it('creates a tier, an API and a key, and the key works at the gateway', async () => {
      const tierName = `cli-${Date.now().toString(36)}`;
      expect(
        await json('tiers', 'set', tierName, '--per-min', '100', '--per-hour', '1000', '--burst', '5'),
      ).toMatchObject({ tierName, requestsPerMin: 100, burstLimit: 5 });
      expect(await json('tiers', 'set', tierName, '--burst', '7')).toMatchObject({
        tierName,
        requestsPerMin: 100,
        burstLimit: 7,
      });
      expect((await json('tiers', 'list')).map((x: { tierName: string }) => x.tierName)).toEqual(
        expect.arrayContaining(['free', tierName]),
      );

      const apiName = `cli-api-${Date.now().toString(36)}`;
      const api = await json('apis', 'create', '--name', apiName, '--upstream', upstream.url, '--rate-limit', '50');
      expect(api).toMatchObject({ name: apiName, upstreamUrl: upstream.url, rateLimit: 50, authRequired: true });
      expect(await json('apis', 'update', apiName, '--timeout', '5000', '--rate-limit', 'none')).toMatchObject({
        id: api.id,
        timeoutMs: 5000,
        rateLimit: null,
      });
      expect((await json('apis', 'list')).map((a: { id: string }) => a.id)).toContain(api.id);

      const key = await json(
        'keys',
        'create',
        '--name',
        'cli key',
        '--permission',
        `${apiName}:read`,
        '--tier',
        tierName,
      );
      expect(key).toMatchObject({
        name: 'cli key',
        rateLimitTier: tierName,
        permissions: [{ api: apiName, permission: 'read' }],
        key: expect.stringMatching(/^dh_/),
      });
      const call = (secret: string) =>
        fetch(`${t.url}/gateway/${apiName}/echo/cli`, { headers: { 'x-api-key': secret } });
      expect((await call(key.key)).status).toBe(200);
      expect((await json('keys', 'list')).find((k: { id: string }) => k.id === key.id)).toMatchObject({
        prefix: key.prefix,
        revokedAt: null,
      });

      const rotated = await json('keys', 'rotate', key.id);
      expect(rotated.key).not.toBe(key.key);
      expect((await call(key.key)).status).toBe(401);
      expect((await call(rotated.key)).status).toBe(200);

      // By the prefix `keys list` shows, as well as by id; the audit trail has it.
      expect(await json('keys', 'revoke', rotated.prefix)).toEqual({ id: key.id, revoked: true });
      // Audit events are written in batches (every 250 ms): the revocation shows up shortly.
      const revocationAudited = async () =>
        (await json('audit', '--type', 'key.revoked', '--limit', '200')).some(
          (event: { apiKeyId: string }) => event.apiKeyId === key.id,
        );
      await until(revocationAudited, 5_000, 'the key.revoked event');
      expect(await revocationAudited()).toBe(true);
      const row = await withPg(
        process.env.DATABASE_URL!,
        async (pg) => (await pg.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id])).rows[0],
      );
      expect(row.revoked_at).toBeInstanceOf(Date);

      expect(await json('apis', 'delete', apiName)).toEqual({ id: api.id, name: apiName, deleted: true });
      expect((await json('apis', 'list')).map((a: { id: string }) => a.id)).not.toContain(api.id);

      // The revoked key still names the tier: it cannot go until the key is moved.
      const refused = await datahub(['tiers', 'delete', tierName], env);
      expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('TIER_IN_USE')]);
      await withPg(process.env.DATABASE_URL!, (pg) =>
        pg.query(`UPDATE api_keys SET rate_limit_tier = 'free' WHERE id = $1`, [key.id]),
      );
      expect(await json('tiers', 'delete', tierName)).toEqual({ tierName, deleted: true });
    });

    it('calls the gateway with a key like curl, and says when to retry after a 429', async () => {
      const tierName = `cli-min-${Date.now().toString(36)}`;
      await json('tiers', 'set', tierName, '--per-min', '1', '--per-hour', '100', '--burst', '5');
      const apiName = `cli-call-${Date.now().toString(36)}`;
      await json('apis', 'create', '--name', apiName, '--upstream', upstream.url);
      const key = await json(
        'keys',
        'create',
        '--name',
        'caller',
        '--permission',
        `${apiName}:write`,
        '--tier',
        tierName,
      );

      const ok = await datahub(['call', apiName, '/echo/call?x=1', '-X', 'post', '-d', '{"a":1}', '-i'], {
        ...env,
        DATAHUB_API_KEY: key.key,
      });
      expect([ok.code, ok.stderr]).toEqual([0, '']);
      const [head, body] = ok.stdout.split('\n\n');
      expect(head).toMatch(/^200 OK\n/);
      expect(head).toContain('\nx-ratelimit-limit: 1\n');
      expect(JSON.parse(body)).toMatchObject({ method: 'POST', url: '/echo/call?x=1', bytes: 7 });
      const seen = upstream.seen.find((r) => r.url === '/echo/call?x=1')!;
      expect(seen.headers['content-type']).toBe('application/json');
      expect(seen.headers['x-datahub-key-id']).toBe(key.id);

      // A per-minute limit asks for a longer wait than the SDK's budget: told at once, not blocked.
      const started = Date.now();
      const limited = await datahub(['call', apiName, '/echo/call', '--key', key.key], env);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(limited.code).toBe(1);
      expect(limited.stderr).toMatch(/^Error: .*\(RATE_LIMITED\)/);
      expect(limited.stderr).toMatch(/\nTry again in \d+ s\.\n/);

      const keyless = await datahub(['--json', 'call', apiName, '/echo/call'], env);
      expect(keyless.code).toBe(1);
      const answer = JSON.parse(keyless.stdout);
      expect(answer).toMatchObject({
        status: 401,
        headers: { 'content-type': 'application/problem+json; charset=utf-8' },
      });
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'API_KEY_MISSING' });
      const told = await datahub(['call', apiName, '/echo/call'], env);
      expect(told.code).toBe(1);
      expect(told.stderr).toMatch(/^Error: .*\(API_KEY_MISSING\)/);
      expect(told.stderr).toContain('Pass the key with --key or set DATAHUB_API_KEY.');
    });

    it('reports gateway traffic: analytics summary, usage with a chart, export to a file', async () => {
      const apiName = `cli-stats-${Date.now().toString(36)}`;
      await json('apis', 'create', '--name', apiName, '--upstream', upstream.url);
      const key = await json(
        'keys',
        'create',
        '--name',
        'stats key',
        '--permission',
        `${apiName}:read`,
        '--tier',
        'enterprise',
      );
      for (const path of ['/echo/a', '/echo/b', '/status/503'])
        await fetch(`${t.url}/gateway/${apiName}${path}`, { headers: { 'x-api-key': key.key } });
      await t.app.get(RequestLogWriter).flush();

      expect(await json('analytics', 'summary', '--api', apiName)).toMatchObject({
        totalRequests: 3,
        errorRequests: 1,
        statusClasses: { '2xx': 2, '5xx': 1 },
      });
      const usage = await datahub(
        [
          'analytics',
          'usage',
          '--api',
          apiName,
          '--interval',
          'minute',
          '--from',
          new Date(Date.now() - 5 * 60_000).toISOString(),
        ],
        env,
      );
      expect(usage.code).toBe(0);
      expect(usage.stdout).toMatch(/\b3\b/);

      const out = join(configDir, 'export.csv');
      const exported = await datahub(['analytics', 'export', '--api', apiName, '--out', out], env);
      expect(exported.code).toBe(0);
      const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^timestamp,id,api,/);
      expect(lines.slice(1).map((line) => line.split(',')[6])).toEqual(['200', '200', '503']);
    });

    it('creates a user and changes their role', async () => {
      const email = uniqueEmail('cli-user');
      const user = await (async () => {
        const run = await datahub(
          ['--json', 'users', 'create', '--email', email, '--role', 'developer', '--name', 'Cli User'],
          { ...env, DATAHUB_NEW_USER_PASSWORD: PASSWORD },
        );
        expect(run.code).toBe(0);
        return JSON.parse(run.stdout);
      })();
      expect(user).toMatchObject({ email, role: 'developer', name: 'Cli User' });
      expect(await json('users', 'set-role', email, 'viewer')).toMatchObject({ id: user.id, role: 'viewer' });
      const row = await withPg(
        process.env.DATABASE_URL!,
        async (pg) => (await pg.query('SELECT role FROM users WHERE id = $1', [user.id])).rows[0],
      );
      expect(row.role).toBe('viewer');
      expect((await json('users', 'list', '--role', 'viewer')).map((u: { id: string }) => u.id)).toContain(user.id);
    });

    it('prints human tables without --json', async () => {
      const key = await json('keys', 'create', '--name', 'table key');
      const run = await datahub(['keys', 'list'], env);
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines[0].split(/\s{2,}/)).toEqual([
        'ID',
        'NAME',
        'PREFIX',
        'TIER',
        'PERMISSIONS',
        'STATUS',
        'EXPIRES',
        'LAST USED',
      ]);
      expect(lines.find((line) => line.startsWith(key.id))).toMatch(
        new RegExp(`^${key.id}\\s+table key\\s+${key.prefix}\\s+free\\s+-\\s+active`),
      );
      const created = await datahub(['keys', 'create', '--name', 'shown once'], env);
      expect(created.stdout).toMatch(/Created key .+\n\n {2}dh_\w+\n\nThis secret is shown once/);
    });

    it("sets, replaces and clears a key's IP allow-list", async () => {
      const key = await json('keys', 'create', '--name', 'ip key', '--allow-ip', '10.1.2.3/8', '--allow-ip', '::1');
      expect(key.allowedIps).toEqual(['10.0.0.0/8', '::1/128']);
      const replaced = await json('keys', 'update', key.id, '--allow-ip', '192.0.2.0/24', '--name', 'ip key 2');
      expect(replaced).toMatchObject({ name: 'ip key 2', allowedIps: ['192.0.2.0/24'] });
      const shown = await datahub(['keys', 'show', key.id], env);
      expect(shown.stdout).toMatch(/allowed IPs\s+192\.0\.2\.0\/24/);
      expect((await json('keys', 'update', key.id, '--any-ip')).allowedIps).toEqual([]);
      const both = await datahub(['keys', 'update', key.id, '--any-ip', '--allow-ip', '10.0.0.0/8'], env);
      expect(both.code).toBe(2);
      const invalid = await datahub(['keys', 'update', key.id, '--allow-ip', '10.0.0.0/33'], env);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('VALIDATION_FAILED');
    });

    it('exits 1 with the title and code when the server refuses, 2 on a usage error', async () => {
      const conflict = await datahub(['apis', 'create', '--name', 'dup-cli', '--upstream', upstream.url], env);
      expect(conflict.code).toBe(0);
      const again = await datahub(['apis', 'create', '--name', 'dup-cli', '--upstream', upstream.url], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^Error: Conflict \(NAME_TAKEN\)/);

      const invalid = await datahub(['--json', 'apis', 'create', '--name', 'Not A Slug', '--upstream', 'ftp://x'], env);
      expect(invalid.code).toBe(1);
      const problem = JSON.parse(invalid.stderr).error;
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['name', 'upstreamUrl']),
      );

      const usage = await datahub(['keys', 'create'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain("required option '--name <name>' not specified");
      const badPermission = await datahub(
        ['keys', 'create', '--name', 'x', '--permission', 'payments:everything'],
        env,
      );
      expect(badPermission.code).toBe(2);
      expect(badPermission.stderr).toContain('expected <api>:<read|write|admin>');
    });

    it('refreshes an expired access token and saves the rotated pair', async () => {
      const before = saved();
      const claims = jwt.decode(before.accessToken) as jwt.JwtPayload;
      const expired = jwt.sign(
        { sub: claims.sub, role: claims.role, jti: claims.jti, sv: claims.sv, iat: claims.iat! - 3600 },
        TEST_SECRETS.JWT_SECRET,
        {
          algorithm: 'HS256',
          issuer: 'datahub',
          audience: 'datahub-api',
          expiresIn: -60,
        },
      );
      writeFileSync(
        credentialsFile(),
        JSON.stringify({ version: 1, servers: { [t.url]: { ...before, accessToken: expired } } }),
        { mode: 0o600 },
      );

      expect(await json('whoami')).toMatchObject({ email: adminEmail });
      const after = saved();
      expect(after.accessToken).not.toBe(expired);
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(statSync(credentialsFile()).mode & 0o777).toBe(0o600);
      // And the saved pair is the live one: the next command works without another refresh.
      expect(await json('whoami')).toMatchObject({ email: adminEmail });
      expect(saved().refreshToken).toBe(after.refreshToken);
    });

    it('logs out: the token is revoked on the server and forgotten locally', async () => {
      const { accessToken } = saved();
      expect(await json('logout')).toEqual({ url: t.url, signedOut: true });
      const me = await fetch(`${t.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(401);
      expect(((await me.json()) as { code: string }).code).toBe('TOKEN_REVOKED');
      expect(saved()).toBeUndefined();
      const whoami = await datahub(['whoami'], env);
      expect(whoami.code).toBe(1);
      expect(whoami.stderr).toContain(`not signed in to ${t.url}: run datahub login`);
    });
  });

  it('logout still forgets a session the server has already ended', async () => {
    expect((await datahub(['login', '--email', adminEmail], { ...env, DATAHUB_PASSWORD: PASSWORD })).code).toBe(0);
    const { accessToken, refreshToken } = saved();
    const ended = await fetch(`${t.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    expect(ended.status).toBe(204);
    const run = await datahub(['logout'], env);
    expect(run).toMatchObject({
      code: 0,
      stdout: `Signed out of ${t.url} (the server had already ended the session)\n`,
    });
    expect(saved()).toBeUndefined();
  });

  it('changes the password: the new one signs in, the old one and other sessions stop', async () => {
    const email = uniqueEmail('cli-password');
    await t.app.get(UsersService).create({ email, password: PASSWORD, role: UserRole.Viewer });
    const own = { ...env, DATAHUB_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'datahub-cli-password-')) };
    expect((await datahub(['login', '--email', email], { ...own, DATAHUB_PASSWORD: PASSWORD })).code).toBe(0);
    const other = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);

    const newPassword = 'a brand new passphrase';
    const run = await datahub(['password'], { ...own, DATAHUB_PASSWORD: PASSWORD, DATAHUB_NEW_PASSWORD: newPassword });
    expect(run).toMatchObject({ code: 0, stdout: 'Password changed; your other sign-ins have ended\n' });
    expect((await datahub(['whoami'], own)).code).toBe(0); // the CLI kept the new pair
    const otherMe = await fetch(`${t.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${other.accessToken}` },
    });
    expect(otherMe.status).toBe(401);
    const login = (password: string) => datahub(['login', '--email', email], { ...own, DATAHUB_PASSWORD: password });
    expect((await login(PASSWORD)).code).toBe(1);
    expect((await login(newPassword)).code).toBe(0);
    rmSync(own.DATAHUB_CONFIG_DIR, { recursive: true, force: true });
  });

  it("runs the server's migration runner: migrate show", async () => {
    const run = await datahub(['migrate', 'show'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      ...TEST_SECRETS,
      LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => /^\[X\] \S+/.test(line))).toBe(true);
  });
});

describe('datahub CLI as installed', () => {
  const BIN = resolve(__dirname, '../bin/datahub');

  it('is an executable that survives rebuilds, and says its version', async () => {
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
    const run = spawnNode(BIN, ['--version'], {});
    expect(await run.exited).toBe(0);
    expect(run.stdout().trim()).toBe(JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')).version);
  });

  it('exits cleanly when its reader stops early (| head)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.once('exit', done));
    expect([code, stderr]).toEqual([0, '']);
  });
});
