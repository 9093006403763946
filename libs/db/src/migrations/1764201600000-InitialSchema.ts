import { MigrationInterface, QueryRunner } from 'typeorm';

/** The relational tables (users, keys, APIs, tiers), with the three seeded rate-limit tiers. */
export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "user_role" AS ENUM ('admin', 'developer', 'viewer')`);
    await q.query(`CREATE TYPE "api_permission_level" AS ENUM ('read', 'write', 'admin')`);

    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(320) NOT NULL,
        "password_hash" character varying(255) NOT NULL,
        "role" "user_role" NOT NULL DEFAULT 'viewer',
        "name" character varying(200),
        "tokens_valid_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "uq_users_email" UNIQUE ("email")
      )`);

    await q.query(`
      CREATE TABLE "rate_limits" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tier_name" character varying(50) NOT NULL,
        "requests_per_min" integer NOT NULL,
        "requests_per_hour" integer NOT NULL,
        "burst_limit" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_rate_limits" PRIMARY KEY ("id"),
        CONSTRAINT "uq_rate_limits_tier_name" UNIQUE ("tier_name")
      )`);

    await q.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "key_hash" character varying(64) NOT NULL,
        "prefix" character varying(16) NOT NULL,
        "name" character varying(100) NOT NULL,
        "rate_limit_tier" character varying(50) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "uq_api_keys_key_hash" UNIQUE ("key_hash"),
        CONSTRAINT "fk_api_keys_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_api_keys_rate_limit_tier" FOREIGN KEY ("rate_limit_tier") REFERENCES "rate_limits"("tier_name")
          ON UPDATE CASCADE ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "idx_api_keys_user_id" ON "api_keys" ("user_id")`);

    await q.query(`
      CREATE TABLE "apis" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(64) NOT NULL,
        "upstream_url" character varying(2048) NOT NULL,
        "rate_limit" integer,
        "auth_required" boolean NOT NULL DEFAULT true,
        "timeout_ms" integer NOT NULL DEFAULT 30000,
        "max_body_bytes" integer NOT NULL DEFAULT 10485760,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_apis" PRIMARY KEY ("id"),
        CONSTRAINT "uq_apis_name" UNIQUE ("name")
      )`);

    await q.query(`
      CREATE TABLE "api_permissions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "api_key_id" uuid NOT NULL,
        "api_id" uuid NOT NULL,
        "permission" "api_permission_level" NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_api_permissions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_api_permissions_api_key_id" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_api_permissions_api_id" FOREIGN KEY ("api_id") REFERENCES "apis"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_api_permissions_key_api" ON "api_permissions" ("api_key_id", "api_id")`);
    await q.query(`CREATE INDEX "idx_api_permissions_api_id" ON "api_permissions" ("api_id")`);

    await q.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "family_id" uuid NOT NULL,
        "parent_id" uuid,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_refresh_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_refresh_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "idx_refresh_tokens_user_id" ON "refresh_tokens" ("user_id")`);
    await q.query(`CREATE INDEX "idx_refresh_tokens_family_id" ON "refresh_tokens" ("family_id")`);

    await q.query(`
      INSERT INTO "rate_limits" ("tier_name", "requests_per_min", "requests_per_hour", "burst_limit") VALUES
        ('free', 60, 1000, 10),
        ('pro', 600, 20000, 50),
        ('enterprise', 6000, 300000, 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['refresh_tokens', 'api_permissions', 'apis', 'api_keys', 'rate_limits', 'users']) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP TYPE "api_permission_level"`);
    await q.query(`DROP TYPE "user_role"`);
  }
}
