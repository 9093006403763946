import { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL mirror of logged-out access tokens (revocation fails closed). */
export class AccessTokenRevocations1764201600002 implements MigrationInterface {
  name = 'AccessTokenRevocations1764201600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "revoked_access_tokens" (
        "jti" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_revoked_access_tokens" PRIMARY KEY ("jti")
      )`);
    await q.query(`CREATE INDEX "idx_revoked_access_tokens_expires_at" ON "revoked_access_tokens" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "revoked_access_tokens"`);
  }
}
