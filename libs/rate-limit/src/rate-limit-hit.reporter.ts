import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { auditEvent, AuditEventType } from '@app/audit';

const WINDOW_MS = 60_000;

interface Hits {
  keyId: string | null;
  subject: string;
  count: number;
  apis: Set<string>;
  firstAt: number;
}

/**
 * `ratelimit.hit` audit events, coalesced: one event per subject (key or client IP) per
 * minute carrying the count, so a flood of refused requests cannot flood the audit log.
 */
@Injectable()
export class RateLimitHitReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private pending = new Map<string, Hits>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly events: EventEmitter2) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.flush(), WINDOW_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }

  record(subject: string, keyId: string | null, api: string): void {
    let hits = this.pending.get(subject);
    if (!hits) this.pending.set(subject, (hits = { keyId, subject, count: 0, apis: new Set(), firstAt: Date.now() }));
    hits.count++;
    hits.apis.add(api);
  }

  flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    for (const hits of batch.values()) {
      this.events.emit(
        AuditEventType.RateLimitHit,
        auditEvent(null, null, { subject: hits.subject, count: hits.count, apis: [...hits.apis], since: new Date(hits.firstAt).toISOString() }, hits.keyId),
      );
    }
  }
}
