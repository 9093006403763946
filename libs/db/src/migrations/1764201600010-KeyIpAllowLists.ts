import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-key IP allow-lists: canonical CIDR ranges; null (the default) allows every address. */
export class KeyIpAllowLists1764201600010 implements MigrationInterface {
  name = 'KeyIpAllowLists1764201600010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" ADD "allowed_ips" text array`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" DROP COLUMN "allowed_ips"`);
  }
}
