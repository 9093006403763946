import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEvent } from '@app/db';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

const FLUSH_INTERVAL_MS = 250;
const MAX_BATCH = 500;
/** Past this, new events are dropped and counted (the analytics issue adds a spill file). */
const MAX_BUFFERED = 50_000;

export type AuditRow = Omit<AuditEvent, 'id'>;

/**
 * Batches audit rows into multi-row INSERTs off the request path; retries a failed batch
 * on the next tick and flushes what is left on shutdown. Each event is also one JSON log
 * line (for CloudWatch-style log pipelines).
 */
@Injectable()
export class AuditWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private buffer: AuditRow[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  dropped = 0;
  written = 0;

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length) this.logger.error(`${this.buffer.length} audit events could not be written before exit`);
  }

  enqueue(row: AuditRow): void {
    this.logger.log({ audit: row }, `audit ${row.type}`);
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(row);
  }

  /** Writes everything buffered so far (tests and shutdown call it directly). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.slice(0, MAX_BATCH);
      try {
        await this.events.insert(batch as QueryDeepPartialEntity<AuditEvent>[]);
      } catch (error) {
        this.logger.warn(`Audit batch of ${batch.length} not written yet: ${(error as Error).message}`);
        return;
      }
      this.buffer.splice(0, batch.length);
      this.written += batch.length;
    }
  }
}
