import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditEventPayload, AuditEventType } from './audit-event';
import { AuditWriter } from './audit-writer.service';

/** Turns domain events into audit rows: modules emit, nobody writes audit rows by hand. */
@Injectable()
export class AuditListener implements OnModuleInit, OnModuleDestroy {
  private readonly subscriptions: Array<[AuditEventType, (payload: AuditEventPayload) => void]> = [];

  constructor(
    private readonly events: EventEmitter2,
    private readonly writer: AuditWriter,
  ) {}

  onModuleInit(): void {
    for (const type of Object.values(AuditEventType)) {
      const listener = (payload: AuditEventPayload) => this.record(type, payload);
      this.events.on(type, listener);
      this.subscriptions.push([type, listener]);
    }
  }

  onModuleDestroy(): void {
    for (const [type, listener] of this.subscriptions) this.events.off(type, listener);
  }

  private record(type: AuditEventType, payload: AuditEventPayload): void {
    this.writer.enqueue({
      type,
      timestamp: new Date().toISOString(),
      actorUserId: payload.actorUserId,
      apiKeyId: payload.apiKeyId,
      ip: payload.client?.ip ?? null,
      userAgent: payload.client?.userAgent ?? null,
      requestId: payload.client?.requestId ?? null,
      metadata: payload.metadata,
    });
  }
}
