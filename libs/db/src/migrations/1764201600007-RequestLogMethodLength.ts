import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Node accepts methods of up to 11 characters (UNSUBSCRIBE); the gateway logs every
 * request, so a method longer than the column made its row one PostgreSQL refuses.
 * Widening a varchar rewrites nothing.
 */
export class RequestLogMethodLength1764201600007 implements MigrationInterface {
  name = 'RequestLogMethodLength1764201600007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "request_logs" ALTER COLUMN "method" TYPE character varying(16)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "request_logs" ALTER COLUMN "method" TYPE character varying(10) USING left("method", 10)`,
    );
  }
}
