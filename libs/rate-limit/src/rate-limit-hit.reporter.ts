import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { auditEvent, AuditEventType } from '@app/audit';
import type { ClientContext } from '@app/core';

const WINDOW_MS = 60_000;
/** How often windows that have run their minute are closed (and summarised). */
const SWEEP_MS = 5_000;

/** The refusals of one subject after the first, within its minute. */
interface Window {
  keyId: string | null;
  subject: string;
  openedAt: number;
  more: number;
  apis: Set<string>;
}

/**
 * `ratelimit.hit` audit events. The first refusal of a subject (a key, or a client IP on
 * keyless APIs) is audited at once, with the request's id, IP, user agent, key and API;
 * the refusals after it within that minute become one summary event with their count when
 * the minute is over (or the process stops), so a flood of refused requests cannot flood
 * the audit log.
 */
@Injectable()
export class RateLimitHitReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly events: EventEmitter2) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.closeWindows(Date.now()), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }

  record(subject: string, keyId: string | null, api: string, client: ClientContext, now = Date.now()): void {
    const window = this.windows.get(subject);
    if (window && now - window.openedAt < WINDOW_MS) {
      window.more++;
      window.apis.add(api);
      return;
    }
    if (window) this.summarise(window);
    this.windows.set(subject, { keyId, subject, openedAt: now, more: 0, apis: new Set() });
    this.events.emit(
      AuditEventType.RateLimitHit,
      auditEvent(client, null, { subject, api, count: 1, first: true }, keyId),
    );
  }

  /** Summarises every open window now (tests, shutdown). */
  flush(): void {
    this.closeWindows(Number.POSITIVE_INFINITY);
  }

  private closeWindows(now: number): void {
    for (const window of this.windows.values()) {
      if (now - window.openedAt < WINDOW_MS) continue;
      this.windows.delete(window.subject);
      this.summarise(window);
    }
  }

  private summarise(window: Window): void {
    if (window.more === 0) return;
    this.events.emit(
      AuditEventType.RateLimitHit,
      auditEvent(
        null,
        null,
        {
          subject: window.subject,
          count: window.more,
          apis: [...window.apis],
          since: new Date(window.openedAt).toISOString(),
          first: false,
        },
        window.keyId,
      ),
    );
  }
}
