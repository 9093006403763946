import { createHmac, randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, backoffCeiling } from '@app/core';
import { MetricsRegistry } from '@app/metrics';

const BATCH = 100;
const MAX_QUEUED = 10_000;
const TICK_MS = 1_000;
const TIMEOUT_MS = 10_000;
const BACKOFF = { minMs: 1_000, maxMs: 60_000 };

export interface AuditWebhookStats {
  queued: number;
  delivered: number;
  dropped: number;
  /** consecutive failed deliveries */
  failures: number;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">`, as Stripe signs its webhooks. */
export function signWebhookBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Forwards audit events to a SIEM: batches POSTed to AUDIT_WEBHOOK_URL, signed in
 * `X-DataHub-Signature`, retried with exponential backoff and full jitter. The queue is
 * bounded: while the SIEM is down the oldest events are dropped and counted (they remain
 * in audit_events), so a dead endpoint cannot grow memory.
 */
@Injectable()
export class AuditWebhookSink implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditWebhook');
  private readonly target?: { url: string; secret: string };
  private queue: object[] = [];
  /** the batch being delivered keeps its id across retries, so the receiver can de-duplicate */
  private delivery?: { id: string; size: number };
  private sending = false;
  private retryAt = 0;
  private timer?: NodeJS.Timeout;
  private counts = { delivered: 0, dropped: 0, failures: 0 };

  constructor(config: AppConfig, metrics: MetricsRegistry) {
    this.target = config.auditWebhook;
    metrics.observe('datahub_audit_webhook_events', 'Audit events for the SIEM webhook by state (queued, delivered, dropped)', ['state'], (set) => {
      set({ state: 'queued' }, this.queue.length);
      set({ state: 'delivered' }, this.counts.delivered);
      set({ state: 'dropped' }, this.counts.dropped);
    });
  }

  get stats(): AuditWebhookStats {
    return { ...this.counts, queued: this.queue.length };
  }

  onApplicationBootstrap(): void {
    if (!this.target) return;
    this.timer = setInterval(() => void this.deliver(), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (!this.target || !this.queue.length) return;
    this.retryAt = 0;
    await this.deliver();
    if (this.queue.length) this.logger.warn(`${this.queue.length} audit events not delivered to the webhook before exit`);
  }

  send(event: object): void {
    if (!this.target) return;
    if (this.queue.length >= MAX_QUEUED) {
      // Never drop from the batch in flight: its delivery id must keep naming the same events.
      this.queue.splice(this.delivery?.size ?? 0, 1);
      if (this.counts.dropped++ % 1000 === 0) this.logger.error(`Webhook queue full (${MAX_QUEUED}): dropping the oldest events (${this.counts.dropped} so far)`);
    }
    this.queue.push(event);
  }

  /** Delivers batches until the queue is empty or a delivery fails. */
  async deliver(): Promise<void> {
    if (!this.target || this.sending || Date.now() < this.retryAt) return;
    this.sending = true;
    try {
      while (this.queue.length) {
        this.delivery ??= { id: randomUUID(), size: Math.min(BATCH, this.queue.length) };
        const events = this.queue.slice(0, this.delivery.size);
        if (!(await this.post(this.delivery.id, events))) return;
        this.queue.splice(0, events.length);
        this.counts.delivered += events.length;
        this.delivery = undefined;
      }
    } finally {
      this.sending = false;
    }
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
      if (res.ok) {
        if (this.counts.failures) this.logger.log(`Webhook delivers again after ${this.counts.failures} failures`);
        this.counts.failures = 0;
        return true;
      }
      return this.failed(`HTTP ${res.status}`);
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
