import { createHash, createHmac } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, backoffCeiling } from '@app/core';
import { MetricsRegistry } from '@app/metrics';
import type { DataSource, EntityManager } from 'typeorm';

const BATCH = 100;
const TICK_MS = 1_000;
const TIMEOUT_MS = 5_000;
const BACKOFF = { minMs: 1_000, maxMs: 60_000 };
/** pg_try_advisory_xact_lock key: one node delivers at a time. */
const DELIVERY_LOCK_ID = 726_354_901;

export interface AuditWebhookStats {
  /** events this node delivered */
  delivered: number;
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
const deliveryIdOf = (rows: EventRow[]) => createHash('sha256').update(rows.map((row) => row.id).join(',')).digest('hex').slice(0, 32);

/**
 * Forwards audit events to a SIEM from audit_events itself (an outbox): the oldest events
 * not yet delivered, in batches POSTed to AUDIT_WEBHOOK_URL, signed in
 * `X-DataHub-Signature`, each event with its id as its idempotency key. A batch is marked
 * delivered only once the SIEM answered 2xx, so delivery is at least once and survives
 * restarts, crashes and outages of any length (retried with backoff). One node delivers
 * at a time: a round holds a transaction-level advisory lock. A sink receives the events
 * from its first start on (audit_sinks), not the history before it.
 */
@Injectable()
export class AuditWebhookSink implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditWebhook');
  private readonly target?: { url: string; secret: string };
  private since?: Date;
  private sending?: Promise<void>;
  private retryAt = 0;
  private timer?: NodeJS.Timeout;
  private counts = { delivered: 0, failures: 0 };

  constructor(
    config: AppConfig,
    metrics: MetricsRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.target = config.auditWebhook;
    metrics.observe('datahub_audit_webhook_events', 'Audit events this node delivered to the SIEM webhook', ['state'], (set) => {
      set({ state: 'delivered' }, this.counts.delivered);
    });
  }

  get stats(): AuditWebhookStats {
    return { ...this.counts };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.target) return;
    await this.dataSource.query(`INSERT INTO audit_sinks (url) VALUES ($1) ON CONFLICT (url) DO NOTHING`, [this.target.url]);
    const [row] = (await this.dataSource.query(`SELECT since FROM audit_sinks WHERE url = $1`, [this.target.url])) as Array<{ since: Date }>;
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
    if (!this.target || !this.since || this.sending || Date.now() < this.retryAt) return this.sending ?? Promise.resolve();
    this.sending = (async () => {
      try {
        while ((await this.round()) === BATCH);
      } catch (error) {
        this.failed(`cannot read or mark audit events: ${(error as Error).message}`);
      } finally {
        this.sending = undefined;
      }
    })();
    return this.sending;
  }

  /** One batch, under the delivery lock: how many events went (0 when none or another node delivers). */
  private round(): Promise<number> {
    return this.dataSource.transaction(async (tx: EntityManager) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [DELIVERY_LOCK_ID])) as Array<{ locked: boolean }>;
      if (!locked) return 0;
      const rows = (await tx.query(
        `SELECT id, type, "timestamp", actor_user_id, api_key_id, ip, user_agent, request_id, metadata FROM audit_events
         WHERE siem_delivered_at IS NULL AND "timestamp" >= $1 ORDER BY "timestamp", id LIMIT $2`,
        [this.since, BATCH],
      )) as EventRow[];
      if (rows.length === 0 || !(await this.post(deliveryIdOf(rows), rows.map(toEvent)))) return 0;
      await tx.query(`UPDATE audit_events SET siem_delivered_at = now() WHERE id = ANY($1) AND "timestamp" BETWEEN $2 AND $3`, [
        rows.map((row) => row.id),
        rows[0].timestamp,
        rows[rows.length - 1].timestamp,
      ]);
      this.counts.delivered += rows.length;
      return rows.length;
    });
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
    this.retryAt = Date.now() + Math.max(BACKOFF.minMs / 2, Math.random() * backoffCeiling(failures, BACKOFF.minMs, BACKOFF.maxMs));
    if (failures === 1 || failures % 10 === 0) this.logger.warn(`Webhook delivery failed (${failures} in a row): ${reason}`);
    return false;
  }
}
