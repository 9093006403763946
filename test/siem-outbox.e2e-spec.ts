import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AuditWebhookSink, AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { startBuiltNode } from './helpers/built-node';
import { freePort } from './helpers/processes';
import { signIn, uniqueEmail } from './helpers/session';
import { startTestApp } from './helpers/test-app';
import { until } from './helpers/wait';

const SECRET = 'siem-webhook-secret-at-least-32-characters';

interface Delivery {
  status: number;
  valid: boolean;
  deliveryId: string;
  events: Array<{ id: string; type: string; timestamp: string; requestId: string | null }>;
}

/** A SIEM on a fixed port that can be down (connection refused), failing (500) or up. */
class Siem {
  readonly deliveries: Delivery[] = [];
  failNext = 0;
  private server?: Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/siem`;
  }

  /** Event ids delivered with a 2xx, in delivery order. */
  get accepted(): Delivery['events'] {
    return this.deliveries.filter((d) => d.status < 300).flatMap((d) => d.events);
  }

  async up(): Promise<this> {
    this.port ||= await freePort();
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const [, t, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-datahub-signature'])) ?? [];
        const body = JSON.parse(raw);
        const status = this.failNext-- > 0 ? 500 : 204;
        this.deliveries.push({
          status,
          valid: mac === createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex'),
          deliveryId: body.deliveryId,
          events: body.events,
        });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  down(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Failed sign-ins: each is one auth.login.failure event carrying its request id. */
async function failedLogins(url: string, tag: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${tag}-${i}`);
  for (const id of ids) {
    await new ApiClient(url).request('POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail(tag), password: 'not the password' },
      headers: { 'x-request-id': id },
    });
  }
  return ids;
}

/** The SIEM copy is delivered from audit_events: at least once, in order, from one node at a time. */
describe('SIEM webhook delivery from the audit table', () => {
  it('signs batches, retries a failing SIEM with the same delivery id, and delivers each event once', async () => {
    const siem = await new Siem().up();
    siem.failNext = 2;
    const t = await startTestApp({ AUDIT_WEBHOOK_URL: siem.url, AUDIT_WEBHOOK_SECRET: SECRET });
    try {
      await signIn(t, UserRole.Admin);
      await until(
        () => siem.accepted.some((e) => e.type === 'auth.login.success' && e.requestId !== null),
        20_000,
        'a delivery',
      );
      expect(siem.deliveries.every((d) => d.valid)).toBe(true);
      expect(siem.deliveries.slice(0, 3).map((d) => d.status)).toEqual([500, 500, 204]);
      expect(new Set(siem.deliveries.slice(0, 3).map((d) => d.deliveryId)).size).toBe(1);
      expect(siem.accepted.find((e) => e.type === 'auth.login.success' && e.requestId !== null)).toMatchObject({
        id: expect.any(String),
        timestamp: expect.any(String),
      });
      expect(t.app.get(AuditWebhookSink).stats.delivered).toBeGreaterThan(0);
      const ids = siem.accepted.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await t.close();
      await siem.down();
    }
  }, 40_000);

  it('keeps every event while the SIEM is down, and delivers them all, in order, once it is back', async () => {
    const siem = new Siem();
    siem.port = await freePort();
    const t = await startTestApp({ AUDIT_WEBHOOK_URL: siem.url, AUDIT_WEBHOOK_SECRET: SECRET });
    try {
      const sent = await failedLogins(t.url, `down-${Date.now().toString(36)}`, 30);
      await t.app.get(AuditWriter).flush();
      await new Promise((r) => setTimeout(r, 1_500));
      expect(siem.deliveries).toEqual([]);
      await siem.up();
      await until(
        () => sent.every((id) => siem.accepted.some((e) => e.requestId === id)),
        70_000,
        'every event after the outage',
      );
      const delivered = siem.accepted.filter((e) => sent.includes(e.requestId ?? ''));
      expect(delivered.map((e) => e.requestId)).toEqual(sent);
      expect(delivered.map((e) => e.timestamp)).toEqual([...delivered.map((e) => e.timestamp)].sort());
    } finally {
      await t.close();
      await siem.down();
    }
  }, 90_000);

  it('loses no waiting event to kill -9: the next node delivers them', async () => {
    const siem = new Siem();
    siem.port = await freePort();
    const env = { AUDIT_WEBHOOK_URL: siem.url, AUDIT_WEBHOOK_SECRET: SECRET };
    const first = await startBuiltNode(env);
    const sent = await failedLogins(`http://127.0.0.1:${first.port}`, `kill-${Date.now().toString(36)}`, 10);
    // The audit writer flushes every 250 ms: give it a few.
    await new Promise((r) => setTimeout(r, 1_500));
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    await siem.up();
    const second = await startBuiltNode(env);
    try {
      await until(
        () => sent.every((id) => siem.accepted.some((e) => e.requestId === id)),
        30_000,
        'the events of the killed node',
      );
    } finally {
      second.server.child.kill('SIGTERM');
      await second.server.exited;
      await siem.down();
    }
  }, 60_000);

  it('delivers each event once with two nodes: one delivers at a time', async () => {
    const siem = await new Siem().up();
    const env = { AUDIT_WEBHOOK_URL: siem.url, AUDIT_WEBHOOK_SECRET: SECRET };
    const [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
    try {
      const tag = `two-${Date.now().toString(36)}`;
      const sent = [...(await failedLogins(a.url, `${tag}-a`, 15)), ...(await failedLogins(b.url, `${tag}-b`, 15))];
      await until(() => sent.every((id) => siem.accepted.some((e) => e.requestId === id)), 30_000, 'every event');
      await new Promise((r) => setTimeout(r, 2_000));
      const ids = siem.accepted.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await siem.down();
    }
  }, 60_000);
});
