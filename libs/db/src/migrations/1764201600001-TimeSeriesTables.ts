import { Logger } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { chooseTimeSeriesBackend, type TimeSeriesSetting } from '../time-series/time-series-backend';

const TIME_SERIES_TABLES = ['request_logs', 'audit_events'] as const;

/**
 * request_logs and audit_events are time series. As TimescaleDB hypertables (1-day chunks)
 * or, on plain PostgreSQL, range-partitioned by day with helper functions that create
 * partitions ahead and drop old ones. Queries are the same. TIMESERIES_BACKEND chooses
 * (see chooseTimeSeriesBackend); the choice is made here, once per installation.
 */
export function timeSeriesTablesMigration(setting: TimeSeriesSetting) {
  return class TimeSeriesTables1764201600001 implements MigrationInterface {
    name = 'TimeSeriesTables1764201600001';

    async up(q: QueryRunner): Promise<void> {
      const choice = await chooseTimeSeriesBackend(q, setting);
      if (choice.fallbackReason)
        new Logger('Migrations').warn(`Time series use native partitions: ${choice.fallbackReason}`);
      await createTimeSeriesTables(q, choice.backend === 'timescaledb');
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "audit_events"`);
      await q.query(`DROP TABLE "request_logs"`);
      await q.query(`DROP FUNCTION IF EXISTS datahub_drop_partitions(text, integer)`);
      await q.query(`DROP FUNCTION IF EXISTS datahub_ensure_partitions(text, integer, integer)`);
    }
  };
}

async function createTimeSeriesTables(q: QueryRunner, timescale: boolean): Promise<void> {
  const partitioning = timescale ? '' : 'PARTITION BY RANGE ("timestamp")';
  if (timescale) await q.query(`CREATE EXTENSION IF NOT EXISTS timescaledb`);

  await q.query(`
      CREATE TABLE "request_logs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "api_key_id" uuid,
        "api_id" uuid,
        "method" character varying(10) NOT NULL,
        "path" character varying(2048) NOT NULL,
        "status_code" integer NOT NULL,
        "latency_ms" integer NOT NULL,
        "timestamp" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "metadata" jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT "pk_request_logs" PRIMARY KEY ("id", "timestamp"),
        CONSTRAINT "fk_request_logs_api_key_id" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL,
        CONSTRAINT "fk_request_logs_api_id" FOREIGN KEY ("api_id") REFERENCES "apis"("id") ON DELETE SET NULL
      ) ${partitioning}`);
  await q.query(`CREATE INDEX "idx_request_logs_timestamp" ON "request_logs" ("timestamp")`);
  await q.query(`CREATE INDEX "idx_request_logs_key_time" ON "request_logs" ("api_key_id", "timestamp")`);
  await q.query(`CREATE INDEX "idx_request_logs_api_time" ON "request_logs" ("api_id", "timestamp")`);

  await q.query(`
      CREATE TABLE "audit_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" character varying(64) NOT NULL,
        "timestamp" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "api_key_id" uuid,
        "ip" character varying(64),
        "user_agent" character varying(512),
        "request_id" character varying(128),
        "metadata" jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT "pk_audit_events" PRIMARY KEY ("id", "timestamp")
      ) ${partitioning}`);
  await q.query(`CREATE INDEX "idx_audit_events_timestamp" ON "audit_events" ("timestamp")`);
  await q.query(`CREATE INDEX "idx_audit_events_type_time" ON "audit_events" ("type", "timestamp")`);
  await q.query(`CREATE INDEX "idx_audit_events_actor_time" ON "audit_events" ("actor_user_id", "timestamp")`);

  if (timescale) {
    for (const table of TIME_SERIES_TABLES) {
      await q.query(`SELECT create_hypertable('${table}', 'timestamp', chunk_time_interval => INTERVAL '1 day')`);
    }
    return;
  }

  // Daily partitions named <table>_pYYYYMMDD (UTC days); a default partition catches
  // rows far outside the prepared range so that no row is ever refused.
  await q.query(`
      CREATE FUNCTION datahub_ensure_partitions(parent text, days_back integer, days_ahead integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        today date := (now() AT TIME ZONE 'UTC')::date;
        day date;
        child text;
        created integer := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('datahub_partitions:' || parent));
        FOR day IN SELECT generate_series(today - days_back, today + days_ahead, INTERVAL '1 day')::date LOOP
          child := format('%s_p%s', parent, to_char(day, 'YYYYMMDD'));
          IF to_regclass(quote_ident(child)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
              child, parent, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
            created := created + 1;
          END IF;
        END LOOP;
        RETURN created;
      END $$`);
  await q.query(`
      CREATE FUNCTION datahub_drop_partitions(parent text, keep_days integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        cutoff text := to_char((now() AT TIME ZONE 'UTC')::date - keep_days, 'YYYYMMDD');
        child record;
        dropped integer := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('datahub_partitions:' || parent));
        FOR child IN
          SELECT c.relname FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid
          JOIN pg_class p ON p.oid = i.inhparent
          WHERE p.relname = parent AND c.relname ~ ('^' || parent || '_p[0-9]{8}$')
        LOOP
          IF right(child.relname, 8) < cutoff THEN
            EXECUTE format('DROP TABLE %I', child.relname);
            dropped := dropped + 1;
          END IF;
        END LOOP;
        RETURN dropped;
      END $$`);
  for (const table of TIME_SERIES_TABLES) {
    await q.query(`CREATE TABLE "${table}_default" PARTITION OF "${table}" DEFAULT`);
    await q.query(`SELECT datahub_ensure_partitions('${table}', 1, 7)`);
  }
}
