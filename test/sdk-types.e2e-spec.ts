import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { json } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';

const GENERATOR = resolve(__dirname, '../scripts/generate-sdk-types.js');

async function check(source: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await promisify(execFile)(process.execPath, [GENERATOR, '--check', source]).catch((error) => error);
  return { code: run.code ?? 0, stdout: run.stdout, stderr: run.stderr };
}

/** CI fails when the server's routes or DTOs change and `npm run sdk:types` was not run. */
describe('SDK types are generated from the current OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("libs/sdk/src/generated/openapi.ts is exactly what the server's /docs-json generates", async () => {
    const result = await check(`${t.url}/docs-json`);
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('is current') });
  });

  it('reports drift when the document has changed', async () => {
    const document = await json(await fetch(`${t.url}/docs-json`));
    document.paths['/api/v1/new-route'] = {
      get: { operationId: 'New_route', responses: { 200: { description: 'ok' } } },
    };
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-drift-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is out of date');
    expect(result.stderr).toContain('npm run sdk:types');
  });
});
