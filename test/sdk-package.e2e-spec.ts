import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGE_DIR = resolve(__dirname, '../libs/sdk');

/** @datahub/sdk as npm would ship it: ESM and CommonJS builds with declarations, no dependencies. */
describe('the @datahub/sdk package', () => {
  let consumer: string;

  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent'], { cwd: PACKAGE_DIR });
    // A consumer project that has the package installed (as a link, like `npm link`).
    consumer = mkdtempSync(join(tmpdir(), 'sdk-consumer-'));
    mkdirSync(join(consumer, 'node_modules', '@datahub'), { recursive: true });
    symlinkSync(PACKAGE_DIR, join(consumer, 'node_modules', '@datahub', 'sdk'), 'dir');
  }, 120_000);
  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  const probe = `const c = new sdk.DataHubClient({ baseUrl: 'http://x' });
    const e = new sdk.RateLimitError({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 1000 });
    console.log(JSON.stringify({ client: typeof c.apiKeys.listAll, ratelimit: e instanceof sdk.DataHubError && e.retryAfterMs }));`;

  it('loads with require() through the exports map', async () => {
    const { stdout } = await run(process.execPath, ['-e', `const sdk = require('@datahub/sdk'); ${probe}`], {
      cwd: consumer,
    });
    expect(JSON.parse(stdout)).toEqual({ client: 'function', ratelimit: 1000 });
  });

  it('loads with import through the exports map', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', `import * as sdk from '@datahub/sdk'; ${probe}`],
      { cwd: consumer },
    );
    expect(JSON.parse(stdout)).toEqual({ client: 'function', ratelimit: 1000 });
  });

  it('ships declarations and depends on nothing at run time', () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const file of ['index.d.ts', 'index.d.mts'])
      expect(readFileSync(join(PACKAGE_DIR, 'dist', file), 'utf8')).toContain('declare class DataHubClient');
    const cjs = readFileSync(join(PACKAGE_DIR, 'dist', 'index.js'), 'utf8');
    expect(cjs.match(/require\(["'][^"']+["']\)/g) ?? []).toEqual([]);
    expect(readFileSync(join(PACKAGE_DIR, 'dist', 'index.mjs'), 'utf8')).not.toMatch(/^import .* from/m);
  });
});
