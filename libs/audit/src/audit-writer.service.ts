import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEvent, BatchWriter } from '@app/db';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export type AuditRow = Omit<AuditEvent, 'id'>;

/** Audit rows batched into audit_events, plus one JSON log line per event (log pipelines). */
@Injectable()
export class AuditWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly writer: BatchWriter<AuditRow>;

  constructor(@InjectRepository(AuditEvent) events: Repository<AuditEvent>) {
    this.writer = new BatchWriter<AuditRow>({ name: 'AuditWriter', flushIntervalMs: 250, maxBatch: 500, maxBuffered: 50_000 }, (rows) =>
      events.insert(rows as QueryDeepPartialEntity<AuditEvent>[]),
    );
  }

  get stats() {
    return this.writer.stats;
  }

  onApplicationBootstrap(): void {
    this.writer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.stop();
  }

  enqueue(row: AuditRow): void {
    this.logger.log({ audit: row }, `audit ${row.type}`);
    this.writer.enqueue(row);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
