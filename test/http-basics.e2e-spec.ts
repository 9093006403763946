import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from './helpers/test-app';
import { json } from './helpers/http';

/** Raw HTTP/1.1 exchange, for requests fetch refuses to send (huge headers). */
function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method: 'GET', path: '/health/live', headers: { 'x-padding': head } });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']}\n${body}`));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP pipeline: errors, request ids, security headers, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with a 404 problem document carrying the request id', async () => {
    const res = await fetch(`${t.url}/no/such/route?token=secret`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = await json(res);
    expect(body).toEqual({
      type: 'https://datahub.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
      code: 'NOT_FOUND',
      requestId: res.headers.get('x-request-id'),
    });
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a browser at / to the API explorer, and documents it', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${t.url}/`, { method, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/docs');
    }
    const docs = await json(await fetch(`${t.url}/docs-json`));
    expect(docs.paths['/'].get.responses['302']).toMatchObject({ description: expect.any(String) });
    expect(docs.paths['/'].get.responses['200']).toBeUndefined();
    expect(docs.paths['/'].get.security).toEqual([]);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'client-trace.42_A' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-trace.42_A');
    const replaced = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'bad id<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'a'.repeat(129) } });
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('answers headers over 16 KiB with 431 as a problem document', async () => {
    const answer = await rawRequest(t.url, 'x'.repeat(17 * 1024));
    expect(answer.split('\n')[0]).toBe('431 application/problem+json; charset=utf-8');
    expect(JSON.parse(answer.split('\n')[1])).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('serves the OpenAPI document with both security schemes and the problem schema', async () => {
    const res = await fetch(`${t.url}/docs-json`);
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(doc.components.schemas.ProblemDetails.required).toEqual(['type', 'title', 'status', 'code', 'requestId']);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/health/live', '/health/ready']));
    const ui = await fetch(`${t.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('serves an OpenAPI document that passes the Redocly linter', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, await (await fetch(`${t.url}/docs-json`)).text());
    const root = resolve(__dirname, '..');
    const lint = await promisify(execFile)(process.execPath, [join(root, 'scripts/lint-openapi.js'), file], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((error) => error);
    expect(lint.stdout + lint.stderr).toMatch(/Woohoo! Your API description is valid|validated with \d+ warnings?/i);
    expect(lint.code ?? 0).toBe(0);
  });
});
