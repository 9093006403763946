import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One random id per installation (per database), made once here. A node's local spool and
 * journal files carry it in their names, so that a node replays only rows that belong to its
 * own database, never another installation's left in the same folder.
 */
export class InstallationIdentity1764201600008 implements MigrationInterface {
  name = 'InstallationIdentity1764201600008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "datahub_installation" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "singleton" boolean NOT NULL DEFAULT true UNIQUE CHECK ("singleton")
    )`);
    await q.query(`INSERT INTO "datahub_installation" DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "datahub_installation"`);
  }
}
