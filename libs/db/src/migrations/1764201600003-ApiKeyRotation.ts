import { MigrationInterface, QueryRunner } from 'typeorm';

/** Key rotation with a grace period: the previous secret's hash stays valid until a deadline. */
export class ApiKeyRotation1764201600003 implements MigrationInterface {
  name = 'ApiKeyRotation1764201600003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" ADD "previous_key_hash" character varying(64)`);
    await q.query(`ALTER TABLE "api_keys" ADD "previous_key_expires_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "uq_api_keys_previous_key_hash" UNIQUE ("previous_key_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "uq_api_keys_previous_key_hash"`);
    await q.query(`ALTER TABLE "api_keys" DROP COLUMN "previous_key_expires_at"`);
    await q.query(`ALTER TABLE "api_keys" DROP COLUMN "previous_key_hash"`);
  }
}
