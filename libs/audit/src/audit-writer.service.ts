import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { AuditEvent, BatchWriter, BatchWriterStats, installationId } from '@app/db';
import { MetricsRegistry } from '@app/metrics';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** An audit event as recorded: its id is set here so that a spool replay writes it once. */
export type AuditRow = Omit<AuditEvent, 'timestamp'> & { timestamp: string };

/**
 * Audit rows batched into audit_events (retried, spooled to disk while PostgreSQL is down)
 * and one JSON log line per event for log pipelines; the SIEM webhook delivers from the table.
 */
@Injectable()
export class AuditWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly writer: BatchWriter<AuditRow>;

  constructor(
    @InjectRepository(AuditEvent) events: Repository<AuditEvent>,
    config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    const { queueMaxRows, spoolDir, spoolMaxBytes, journal } = config.logs;
    this.writer = new BatchWriter<AuditRow>(
      {
        name: 'audit-events',
        flushIntervalMs: 250,
        maxBatch: 500,
        maxBuffered: queueMaxRows,
        spool: { dir: spoolDir, maxBytes: spoolMaxBytes, owner: () => installationId(events.manager.connection) },
        journal,
      },
      (rows) =>
        events
          .createQueryBuilder()
          .insert()
          .values(rows as unknown as QueryDeepPartialEntity<AuditEvent>[])
          .orIgnore()
          .execute(),
    );
    metrics.observe(
      'datahub_audit_event_rows',
      'Audit event rows by state; received = written + buffered + spooled + dead_lettered + dropped',
      ['state'],
      (set) => {
        for (const [state, rows] of this.writer.byState()) set({ state }, rows);
      },
    );
  }

  get stats(): BatchWriterStats {
    return this.writer.stats;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.writer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.stop();
  }

  enqueue(event: Omit<AuditRow, 'id'>): void {
    const row: AuditRow = { id: randomUUID(), ...event };
    this.logger.log({ audit: row }, `audit ${row.type}`);
    this.writer.enqueue(row);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
