import { createHash, createHmac } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, backoffCeiling } from '@app/core';
import { MetricsRegistry } from '@app/metrics';
import type { DataSource, QueryRunner } from 'typeorm';

const BATCH = 100;
const TICK_MS = 1_000;
const TIMEOUT_MS = 5_000;
const BACKOFF = { minMs: 1_000, maxMs: 60_000 };
/** pg_try_advisory_lock key: one node delivers at a time. */
const DELIVERY_LOCK_ID = 726_354_901;
/** audit_sinks holds one row: the events from the first start of any webhook on are delivered. */
const SINK = 'webhook';

export interface AuditWebhookStats {
  /** events this node delivered */
  delivered: number;
  /** events waiting for the webhook, as this node last counted them */
  pending: number;
  /** consecutive failed deliveries */
  failures: number;
}

interface EventRow {
  id: string;
  type: string;
  timestamp: Date;
  actor_user_id: string | null;
  api_key_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">`, as Stripe signs its webhooks. */
export function signWebhookBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

const toEvent = (row: EventRow) => ({
  id: row.id,
  type: row.type,
  timestamp: row.timestamp.toISOString(),
  actorUserId: row.actor_user_id,
  apiKeyId: row.api_key_id,
  ip: row.ip,
  userAgent: row.user_agent,
  requestId: row.request_id,
  metadata: row.metadata,
});

/** The same events make the same delivery id, so a retried batch is recognisable. */
const deliveryIdOf = (rows: EventRow[]) =>
  createHash('sha256')
    .update(rows.map((row) => row.id).join(','))
    .digest('hex')
    .slice(0, 32);

/**
 * Forwards audit events to a SIEM from audit_events itself (an outbox): the oldest events
 * not yet delivered, in batches POSTed to AUDIT_WEBHOOK_URL, signed in
 * `X-DataHub-Signature`, each event with its id as its idempotency key. A batch is marked
 * delivered only once the SIEM answered 2xx, so delivery is at least once and survives
 * restarts, crashes and outages of any length (retried with backoff). One node delivers
 * at a time: a session-level advisory lock on a connection of its own, held across the POST
 * but outside any transaction (an open transaction would stall the embedded database).
 * The webhook receives the events from its first start on (audit_sinks), not the history
 * before it; a new URL takes over the backlog.
 */
@Injectable()
export class AuditWebhookSink implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditWebhook');
  private readonly target?: { url: string; secret: string };
  private since?: Date;
  private sending?: Promise<void>;
  private retryAt = 0;
  private timer?: NodeJS.Timeout;
  private counts = { delivered: 0, pending: 0, failures: 0 };

  constructor(
    config: AppConfig,
    metrics: MetricsRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.target = config.auditWebhook;
    metrics.observe(
      'datahub_audit_webhook_events',
      'SIEM webhook: events this node delivered, and events waiting (as last counted)',
      ['state'],
      (set) => {
        set({ state: 'delivered' }, this.counts.delivered);
        set({ state: 'pending' }, this.counts.pending);
      },
    );
  }

  get stats(): AuditWebhookStats {
    return { ...this.counts };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.target) return;
    await this.dataSource.query(`INSERT INTO audit_sinks (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [SINK]);
    const [row] = (await this.dataSource.query(`SELECT since FROM audit_sinks WHERE name = $1`, [SINK])) as Array<{
      since: Date;
    }>;
    this.since = row.since;
    this.timer = setInterval(() => void this.deliver(), TICK_MS);
    this.timer.unref();
  }

  /** Undelivered events wait in audit_events for the next node: nothing to flush here. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sending;
  }

  /** Delivers batches until none is waiting or a delivery fails. */
  deliver(): Promise<void> {
    if (!this.target || !this.since || this.sending || Date.now() < this.retryAt)
      return this.sending ?? Promise.resolve();
    this.sending = (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
          DELIVERY_LOCK_ID,
        ])) as Array<{ locked: boolean }>;
        if (!locked) return;
        try {
          while ((await this.round(runner)) === BATCH);
          const [{ n }] = (await runner.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE siem_delivered_at IS NULL AND "timestamp" >= $1`,
            [this.since],
          )) as Array<{ n: number }>;
          this.counts.pending = n;
        } finally {
          await runner.query('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK_ID]);
        }
      } catch (error) {
        this.failed(`cannot read or mark audit events: ${(error as Error).message}`);
      } finally {
        await runner.release();
        this.sending = undefined;
      }
    })();
    return this.sending;
  }

  /** One batch (the caller holds the delivery lock): how many events went. */
  private async round(runner: QueryRunner): Promise<number> {
    const rows = (await runner.query(
      `SELECT id, type, "timestamp", actor_user_id, api_key_id, ip, user_agent, request_id, metadata FROM audit_events
       WHERE siem_delivered_at IS NULL AND "timestamp" >= $1 ORDER BY "timestamp", id LIMIT $2`,
      [this.since, BATCH],
    )) as EventRow[];
    if (rows.length === 0 || !(await this.post(deliveryIdOf(rows), rows.map(toEvent)))) return 0;
    await runner.query(
      `UPDATE audit_events SET siem_delivered_at = now() WHERE id = ANY($1) AND "timestamp" BETWEEN $2 AND $3`,
      [rows.map((row) => row.id), rows[0].timestamp, rows[rows.length - 1].timestamp],
    );
    this.counts.delivered += rows.length;
    return rows.length;
  }

  private async post(deliveryId: string, events: object[]): Promise<boolean> {
    const body = JSON.stringify({ deliveryId, events });
    try {
      const res = await fetch(this.target!.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-datahub-signature': signWebhookBody(this.target!.secret, body),
          'x-datahub-delivery': deliveryId,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) return this.failed(`HTTP ${res.status}`);
      if (this.counts.failures) this.logger.log(`Webhook delivers again after ${this.counts.failures} failures`);
      this.counts.failures = 0;
      return true;
    } catch (error) {
      return this.failed((error as Error).message);
    }
  }

  private failed(reason: string): false {
    const failures = ++this.counts.failures;
    this.retryAt =
      Date.now() + Math.max(BACKOFF.minMs / 2, Math.random() * backoffCeiling(failures, BACKOFF.minMs, BACKOFF.maxMs));
    if (failures === 1 || failures % 10 === 0)
      this.logger.warn(`Webhook delivery failed (${failures} in a row): ${reason}`);
    return false;
  }
}
