import 'reflect-metadata';
import { AppConfig } from '@app/core';
import { buildDataSourceOptions } from '@app/db';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase, withPg } from './helpers/databases';
import { BUILT_MIGRATE, spawnNode, withTimeout } from './helpers/processes';
import { itOn, TEST_SECRETS, TIME_SERIES_BACKEND, uniqueName } from './helpers/test-env';

const ER_TABLES = ['api_keys', 'api_permissions', 'apis', 'rate_limits', 'refresh_tokens', 'request_logs', 'users'];

async function migrate(url: string, command: string) {
  const run = spawnNode(BUILT_MIGRATE, [command], { DATABASE_URL: url, ...TEST_SECRETS });
  const code = await withTimeout(run.exited, 30_000, `migrate ${command}`);
  return { code, output: run.output() };
}

/** Top-level tables (partitions excluded) in the public schema. */
async function tables(url: string): Promise<string[]> {
  return withPg(url, async (pg) =>
    (
      await pg.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
      )
    ).rows.map((r) => r.relname),
  );
}

describe('migrations (npm run migration:run | revert | show)', () => {
  const database = uniqueName('test');
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(database);
  });
  afterAll(() => dropDatabase(database));

  it('creates exactly the relational tables plus audit_events, seeded, with no drift from the entities', async () => {
    const run = await migrate(url, 'run');
    expect(run).toEqual({ code: 0, output: expect.stringContaining('applied KeyIpAllowLists') });
    // The relational tables, audit_events, and the PostgreSQL mirror of the token blacklist.
    expect(await tables(url)).toEqual(
      [
        ...ER_TABLES,
        'audit_events',
        'audit_sinks',
        'datahub_installation',
        'revoked_access_tokens',
        'schema_migrations',
      ].sort(),
    );
    expect(await withPg(url, async (pg) => (await pg.query('SELECT id FROM datahub_installation')).rows)).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);

    const tiers = await withPg(
      url,
      async (pg) =>
        (
          await pg.query(
            'SELECT tier_name, requests_per_min, requests_per_hour, burst_limit FROM rate_limits ORDER BY requests_per_min',
          )
        ).rows,
    );
    expect(tiers).toEqual([
      { tier_name: 'free', requests_per_min: 60, requests_per_hour: 1000, burst_limit: 10 },
      { tier_name: 'pro', requests_per_min: 600, requests_per_hour: 20000, burst_limit: 50 },
      { tier_name: 'enterprise', requests_per_min: 6000, requests_per_hour: 300000, burst_limit: 500 },
    ]);

    // request_logs is lean for ingest: no per-row foreign-key checks, a BRIN time index.
    const ingest = await withPg(url, async (pg) => ({
      foreignKeys: Number(
        (
          await pg.query(
            `SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'request_logs'::regclass AND contype = 'f'`,
          )
        ).rows[0].n,
      ),
      timeIndex: (await pg.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_request_logs_timestamp'`))
        .rows[0].indexdef as string,
    }));
    expect(ingest.foreignKeys).toBe(0);
    expect(ingest.timeIndex).toContain('USING brin');

    if (TIME_SERIES_BACKEND === 'partitions') {
      // The key and API B-trees exist only on partitions whose day has closed (and the default
      // one), built by partition maintenance: the day being written takes no insertion into them.
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      const indexed = () =>
        withPg(url, async (pg) =>
          (
            await pg.query(
              `SELECT tablename, indexdef FROM pg_indexes WHERE tablename LIKE 'request_logs%' AND indexname ~ '(key|api)_time$' ORDER BY indexname`,
            )
          ).rows.map((r) => `${r.tablename}: ${(r.indexdef as string).replace(/^.* USING /, '')}`),
        );
      expect(await indexed()).toEqual([]);
      const pending = await withPg(url, async (pg) =>
        (await pg.query('SELECT datahub_pending_partition_indexes(true) AS ddl')).rows.map((r) => r.ddl as string),
      );
      expect(pending).toEqual([
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_request_logs_p${day(-1)}_key_time ON request_logs_p${day(-1)} ("api_key_id", "timestamp")`,
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_request_logs_p${day(-1)}_api_time ON request_logs_p${day(-1)} ("api_id", "timestamp")`,
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_request_logs_default_key_time ON request_logs_default ("api_key_id", "timestamp")',
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_request_logs_default_api_time ON request_logs_default ("api_id", "timestamp")',
      ]);
      await withPg(url, async (pg) => {
        for (const ddl of pending) await pg.query(ddl);
      });
      expect(await indexed()).toEqual([
        'request_logs_default: btree (api_id, "timestamp")',
        'request_logs_default: btree (api_key_id, "timestamp")',
        `request_logs_p${day(-1)}: btree (api_id, "timestamp")`,
        `request_logs_p${day(-1)}: btree (api_key_id, "timestamp")`,
      ]);
      expect(
        await withPg(url, async (pg) => (await pg.query('SELECT datahub_pending_partition_indexes(true) AS ddl')).rows),
      ).toEqual([]);
    } else {
      // Hypertables: one-day chunks, and the key and API indexes on every chunk from the start.
      expect(
        await withPg(url, async (pg) =>
          (
            await pg.query(`SELECT hypertable_name, time_interval FROM timescaledb_information.dimensions ORDER BY 1`)
          ).rows.map((r) => [r.hypertable_name, r.time_interval.days]),
        ),
      ).toEqual([
        ['audit_events', 1],
        ['request_logs', 1],
      ]);
      expect(
        await withPg(url, async (pg) =>
          (
            await pg.query(
              `SELECT indexname FROM pg_indexes WHERE tablename = 'request_logs' AND indexname ~ '(key|api)_time$' ORDER BY 1`,
            )
          ).rows.map((r) => r.indexname),
        ),
      ).toEqual(['idx_request_logs_api_time', 'idx_request_logs_key_time']);
    }

    // The entities and the migrations describe the same schema.
    const dataSource = await new DataSource(
      buildDataSourceOptions(AppConfig.fromEnv({ DATABASE_URL: url, ...TEST_SECRETS }), url),
    ).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }

    expect((await migrate(url, 'run')).output).toContain('nothing to apply');
    expect((await migrate(url, 'show')).output).toMatch(
      /\[X\] InitialSchema\d+\n\[X\] TimeSeriesTables\d+\n\[X\] AccessTokenRevocations\d+\n\[X\] ApiKeyRotation\d+\n\[X\] LeanRequestLogs\d+\n\[X\] ClosedDayRequestLogIndexes\d+\n\[X\] UpstreamCredentials\d+\n\[X\] RequestLogMethodLength\d+\n\[X\] InstallationIdentity\d+\n\[X\] AuditOutbox\d+\n\[X\] KeyIpAllowLists\d+/,
    );
  });

  itOn('partitions')('partitions the time series by day and drops partitions past retention', async () => {
    await withPg(url, async (pg) => {
      const partitions = async () =>
        (
          await pg.query(
            `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'request_logs'`,
          )
        ).rows.map((r) => r.relname as string);
      expect((await partitions()).length).toBe(1 + 9); // default + yesterday..today+7
      await pg.query(`SELECT datahub_ensure_partitions('request_logs', 40, 7)`);
      await pg.query(`INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES
        ('GET', '/old', 200, 1, now() - interval '35 days'), ('GET', '/new', 200, 1, now())`);
      const [{ n }] = (await pg.query(`SELECT datahub_drop_partitions('request_logs', 30) AS n`)).rows;
      expect(n).toBeGreaterThanOrEqual(9);
      const left = await partitions();
      const oldest = left.filter((name) => /_p\d{8}$/.test(name)).sort()[0];
      const cutoff = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      expect(oldest.slice(-8) >= cutoff).toBe(true);
      expect((await pg.query('SELECT path FROM request_logs')).rows).toEqual([{ path: '/new' }]);
      // A row far outside the prepared range is still stored (default partition), never refused.
      await pg.query(
        `INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES ('GET', '/future', 200, 1, now() + interval '400 days')`,
      );
      expect((await pg.query(`SELECT count(*)::int AS n FROM request_logs_default`)).rows[0].n).toBe(1);
    });
  });

  itOn('timescaledb')('keeps the time series in one-day chunks and drops chunks past retention', async () => {
    await withPg(url, async (pg) => {
      await pg.query(`INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES
        ('GET', '/old', 200, 1, now() - interval '35 days'), ('GET', '/new', 200, 1, now()),
        ('GET', '/future', 200, 1, now() + interval '400 days')`);
      const chunks = async () => (await pg.query(`SELECT show_chunks('request_logs') AS c`)).rows.length;
      expect(await chunks()).toBe(3); // a row far in the past or future gets a chunk of its own, never refused
      const dropped = await pg.query(`SELECT drop_chunks('request_logs', older_than => interval '30 days')`);
      expect(dropped.rows).toHaveLength(1);
      expect(await chunks()).toBe(2);
      expect((await pg.query('SELECT path FROM request_logs ORDER BY "timestamp"')).rows).toEqual([
        { path: '/new' },
        { path: '/future' },
      ]);
    });
  });

  it('moves credentials out of upstream URLs into the write-only upstream authorization', async () => {
    expect((await migrate(url, 'revert')).output).toContain('reverted KeyIpAllowLists');
    expect((await migrate(url, 'revert')).output).toContain('reverted AuditOutbox');
    expect((await migrate(url, 'revert')).output).toContain('reverted InstallationIdentity');
    expect((await migrate(url, 'revert')).output).toContain('reverted RequestLogMethodLength');
    expect((await migrate(url, 'revert')).output).toContain('reverted UpstreamCredentials');
    await withPg(url, (pg) =>
      pg.query(
        `INSERT INTO apis (name, upstream_url) VALUES ('with-creds', 'https://svc%40corp:p%3Ass@payments.internal:8443/v1?x=1'), ('plain', 'http://plain.internal/v2')`,
      ),
    );
    expect((await migrate(url, 'run')).output).toMatch(
      /applied UpstreamCredentials[^]*applied RequestLogMethodLength[^]*applied InstallationIdentity[^]*applied AuditOutbox[^]*applied KeyIpAllowLists/,
    );
    const apis = await withPg(
      url,
      async (pg) =>
        (
          await pg.query(
            `SELECT name, upstream_url, upstream_authorization FROM apis WHERE name IN ('with-creds', 'plain') ORDER BY name`,
          )
        ).rows,
    );
    expect(apis).toEqual([
      { name: 'plain', upstream_url: 'http://plain.internal/v2', upstream_authorization: null },
      {
        name: 'with-creds',
        upstream_url: 'https://payments.internal:8443/v1?x=1',
        upstream_authorization: `Basic ${Buffer.from('svc@corp:p:ss').toString('base64')}`,
      },
    ]);
    await withPg(url, (pg) => pg.query(`DELETE FROM apis WHERE name IN ('with-creds', 'plain')`));
  });

  it('reverts one migration at a time, down to an empty schema', async () => {
    expect((await migrate(url, 'revert')).output).toContain('reverted KeyIpAllowLists');
    expect((await migrate(url, 'revert')).output).toContain('reverted AuditOutbox');
    expect((await migrate(url, 'revert')).output).toContain('reverted InstallationIdentity');
    expect((await migrate(url, 'revert')).output).toContain('reverted RequestLogMethodLength');
    expect((await migrate(url, 'revert')).output).toContain('reverted UpstreamCredentials');
    expect((await migrate(url, 'revert')).output).toContain('reverted ClosedDayRequestLogIndexes');
    const parentIndexes = await withPg(url, async (pg) =>
      (await pg.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'request_logs' ORDER BY 1`)).rows.map(
        (r) => r.indexname,
      ),
    );
    expect(parentIndexes).toEqual([
      'idx_request_logs_api_time',
      'idx_request_logs_key_time',
      'idx_request_logs_timestamp',
      'pk_request_logs',
    ]);
    expect((await migrate(url, 'revert')).output).toContain('reverted LeanRequestLogs');
    expect((await migrate(url, 'revert')).output).toContain('reverted ApiKeyRotation');
    expect((await migrate(url, 'revert')).output).toContain('reverted AccessTokenRevocations');
    expect(await tables(url)).toEqual([...ER_TABLES, 'audit_events', 'schema_migrations'].sort());
    expect((await migrate(url, 'revert')).output).toContain('reverted TimeSeriesTables');
    expect(await tables(url)).toEqual([...ER_TABLES.filter((t) => t !== 'request_logs'), 'schema_migrations'].sort());
    expect((await migrate(url, 'revert')).output).toContain('reverted InitialSchema');
    expect(await tables(url)).toEqual(['schema_migrations']);
    expect((await migrate(url, 'show')).output).toMatch(
      /\[ \] InitialSchema\d+\n\[ \] TimeSeriesTables\d+\n\[ \] AccessTokenRevocations\d+\n\[ \] ApiKeyRotation\d+\n\[ \] LeanRequestLogs\d+\n\[ \] ClosedDayRequestLogIndexes\d+\n\[ \] UpstreamCredentials\d+\n\[ \] RequestLogMethodLength\d+\n\[ \] InstallationIdentity\d+\n\[ \] AuditOutbox\d+/,
    );
  });
});
