import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FakeServer, sendJson } from '../../../../libs/sdk/testing/fake-server';
import type { CliIo } from '../io';
import { runCli } from '../program';

/** `datahub analytics ...` in process against a local server that speaks the analytics contract. */
describe('datahub analytics', () => {
  const server = new FakeServer();
  let dir: string;
  let stdout: string;
  let stderr: string;
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-analytics-'));
    stdout = '';
    stderr = '';
    server.handle((_req, res) => sendJson(res, 500, { status: 500, code: 'INTERNAL', title: 'unexpected call' }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const io = (): CliIo => ({
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env: { DATAHUB_URL: server.url, DATAHUB_CONFIG_DIR: dir },
  });

  const buckets = [
    {
      bucket: '2026-11-27T10:00:00.000Z',
      requests: 40,
      errors: 2,
      p50LatencyMs: 3,
      p95LatencyMs: 12,
      p99LatencyMs: 30,
    },
    {
      bucket: '2026-11-27T11:00:00.000Z',
      requests: 10,
      errors: 0,
      p50LatencyMs: 2,
      p95LatencyMs: 8,
      p99LatencyMs: null,
    },
  ];

  it('usage: a table and a chart, with the filters sent as query parameters', async () => {
    server.handle((_req, res) => sendJson(res, 200, { data: buckets }));
    expect(
      await runCli(
        ['analytics', 'usage', '--interval', 'hour', '--api', 'payments', '--from', '2026-11-27T00:00:00Z'],
        io(),
      ),
    ).toBe(0);
    expect(server.requests[0].url).toBe(
      '/api/v1/analytics/usage?from=2026-11-27T00%3A00%3A00Z&api=payments&interval=hour',
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['BUCKET', 'REQUESTS', 'ERRORS', 'P50', 'P95', 'P99']);
    expect(lines[1].split(/\s{2,}/)).toEqual(['11-27 10:00', '40', '2', '3 ms', '12 ms', '30 ms']);
    expect(lines[2].split(/\s{2,}/)).toEqual(['11-27 11:00', '10', '0', '2 ms', '8 ms', '-']);
    expect(lines.slice(-3)).toEqual([
      'requests per hour',
      `11-27 10:00 │${'█'.repeat(40)} 40`,
      `11-27 11:00 │${'█'.repeat(10)} 10`,
    ]);
  });

  it('usage --json: the buckets as the server sent them', async () => {
    server.handle((_req, res) => sendJson(res, 200, { data: buckets }));
    expect(await runCli(['--json', 'analytics', 'usage'], io())).toBe(0);
    expect(JSON.parse(stdout)).toEqual(buckets);
  });

  it('summary: totals, latency and the top lists', async () => {
    const summary = {
      from: '2026-11-26T10:00:00.000Z',
      to: '2026-11-27T10:00:00.000Z',
      totalRequests: 50,
      errorRequests: 2,
      errorRate: 0.04,
      statusClasses: { '2xx': 48, '3xx': 0, '4xx': 2, '5xx': 0 },
      p50LatencyMs: 3,
      p95LatencyMs: 12,
      p99LatencyMs: 30,
      topApis: [{ api: 'payments', requests: 50 }],
      topKeys: [{ keyId: 'k-1', prefix: 'dh_abcdef', requests: 50 }],
    };
    server.handle((_req, res) => sendJson(res, 200, { data: summary }));
    expect(await runCli(['analytics', 'summary', '--key', 'k-1'], io())).toBe(0);
    expect(server.requests[0].url).toBe('/api/v1/analytics/summary?keyId=k-1');
    expect(stdout).toContain('errors          2 (4.00%)');
    expect(stdout).toContain('status classes  2xx 48  3xx 0  4xx 2  5xx 0');
    expect(stdout).toMatch(/payments\s+50/);
    expect(stdout).toMatch(/k-1\s+dh_abcdef\s+50/);
  });

  it('export --out: streams the file to disk and reports progress on stderr', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},GET,/gateway/payments/x,200,3\n`);
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('id,method,path,status,latency\n');
      for (const row of rows) res.write(row);
      res.end();
    });
    const out = join(dir, 'logs.csv');
    expect(await runCli(['analytics', 'export', '--out', out, '--from', '2026-11-01T00:00:00Z'], io())).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written.split('\n')).toHaveLength(2002);
    expect(server.requests[0].url).toBe('/api/v1/analytics/export?from=2026-11-01T00%3A00%3A00Z&format=csv');
    expect(stderr).toMatch(new RegExp(`exporting to ${out}: [\\d.]+ KiB done\\n$`));
    expect(stdout).toBe(`Wrote ${Buffer.byteLength(written)} bytes to ${out}\n`);
  });

  it('export: a refusal is an error with the title and code, and exit 1', async () => {
    server.handle((_req, res) =>
      sendJson(res, 403, {
        type: 'x',
        title: 'Forbidden',
        status: 403,
        code: 'INSUFFICIENT_PERMISSIONS',
        detail: 'You do not have the permission this action needs',
      }),
    );
    expect(await runCli(['analytics', 'export', '--out', join(dir, 'no.csv')], io())).toBe(1);
    expect(stderr).toBe(
      'Error: Forbidden (INSUFFICIENT_PERMISSIONS): You do not have the permission this action needs\n(request id req-from-header)\n',
    );
  });

  it('usage errors exit 2', async () => {
    expect(await runCli(['analytics', 'usage', '--interval', 'week'], io())).toBe(2);
    expect(stderr).toContain('--interval must be one of minute, hour, day');
    expect(server.requests).toHaveLength(0);
  });
});
