import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SIEM webhook delivers from audit_events itself (an outbox): an event is delivered
 * once `siem_delivered_at` is set, and the partial index finds those still waiting. The
 * webhook receives the events from its first start on, recorded in audit_sinks.
 */
export class AuditOutbox1764201600009 implements MigrationInterface {
  name = 'AuditOutbox1764201600009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ADD "siem_delivered_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "idx_audit_events_undelivered" ON "audit_events" ("timestamp", "id") WHERE "siem_delivered_at" IS NULL`,
    );
    await q.query(`CREATE TABLE "audit_sinks" (
      "name" character varying(64) PRIMARY KEY,
      "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_sinks"`);
    await q.query(`DROP INDEX "idx_audit_events_undelivered"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "siem_delivered_at"`);
  }
}
