import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { startBuiltNode } from './helpers/built-node';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { signIn } from './helpers/session';
import { startTestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
  status?: { code?: number };
}

/** A stand-in OpenTelemetry collector: keeps every span POSTed to /v1/traces (OTLP/JSON). */
class FakeCollector {
  readonly spans: OtlpSpan[] = [];
  readonly services = new Set<string>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces') {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          for (const resourceSpans of body.resourceSpans ?? []) {
            for (const attribute of resourceSpans.resource?.attributes ?? [])
              if (attribute.key === 'service.name') this.services.add(attribute.value.stringValue);
            for (const scope of resourceSpans.scopeSpans ?? []) this.spans.push(...scope.spans);
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  async spanOf(traceId: string): Promise<OtlpSpan> {
    for (let waited = 0; waited < 10_000; waited += 100) {
      const span = this.spans.find((s) => s.traceId === traceId);
      if (span) return span;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no span of trace ${traceId} reached the collector`);
  }
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

/**
 * Against the built server: the OTLP exporter loads node:http with a dynamic import,
 * which jest's module sandbox cannot run (a real process can).
 */
describe('OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const collector = new FakeCollector();
  const upstream = new TestUpstream();
  let t: { url: string };
  let node: Awaited<ReturnType<typeof startBuiltNode>>;
  let apiName: string;
  let key: string;

  beforeAll(async () => {
    await Promise.all([collector.start(), upstream.start()]);
    const setup = await startTestApp();
    try {
      const api = new ApiClient(setup.url);
      const admin = await signIn(setup, UserRole.Admin);
      apiName = (await createApi(api, admin, { upstreamUrl: upstream.url })).name;
      key = (await createKey(api, admin, { permissions: [{ api: apiName, permission: 'read' }] })).key;
    } finally {
      await setup.close();
    }
    node = await startBuiltNode({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'gateway-under-test',
    });
    t = { url: `http://127.0.0.1:${node.port}` };
  });

  afterAll(async () => {
    node?.server.child.kill('SIGTERM');
    await node?.server.exited;
    await Promise.all([collector.stop(), upstream.stop()]);
  });

  it("continues the caller's trace: one server span, whose id is the parent the upstream is given", async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await fetch(`${t.url}/gateway/${apiName}/echo/traced?token=secret`, {
      headers: { 'x-api-key': key, traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    expect(res.status).toBe(200);

    const forwarded = String(upstream.seen.at(-1)!.headers.traceparent);
    const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(forwarded);
    expect(match?.[1]).toBe(traceId);
    const gatewaySpanId = match![2];
    expect(gatewaySpanId).not.toBe(callerSpanId);

    const span = await collector.spanOf(traceId);
    expect(span).toMatchObject({
      spanId: gatewaySpanId,
      parentSpanId: callerSpanId,
      name: 'GET /gateway/{api}',
      kind: 2,
    });
    expect(attribute(span, 'http.response.status_code')).toBe(200);
    expect(attribute(span, 'datahub.api')).toBe(apiName);
    expect(attribute(span, 'url.path')).toBe(`/gateway/${apiName}/echo/traced`);
    expect(attribute(span, 'datahub.request_id')).toBe(res.headers.get('x-request-id'));
    expect(collector.services).toContain('gateway-under-test');
  });

  it('starts a trace for a caller without one, and traces refused requests as well', async () => {
    const before = upstream.seen.length;
    expect((await fetch(`${t.url}/gateway/${apiName}/echo/new`, { headers: { 'x-api-key': key } })).status).toBe(200);
    const started = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(upstream.seen.at(-1)!.headers.traceparent));
    expect(started).not.toBeNull();
    expect((await collector.spanOf(started![1])).parentSpanId ?? '').toBe('');

    const traceId = randomBytes(16).toString('hex');
    const refused = await fetch(`${t.url}/gateway/${apiName}/echo/x`, {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(refused.status).toBe(401);
    expect(upstream.seen.length).toBe(before + 1);
    expect(attribute(await collector.spanOf(traceId), 'http.response.status_code')).toBe(401);
  });
});
