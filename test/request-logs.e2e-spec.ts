import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestLogWriter } from '@app/analytics';
import { PartitionMaintenanceService, UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { createApi, createKey, createTier } from './helpers/gateway-fixtures';
import { startBuiltNode } from './helpers/built-node';
import { withTimeout } from './helpers/processes';
import { signIn, SignedIn } from './helpers/session';
import { TcpProxy } from './helpers/tcp-proxy';
import { startTestApp, TestApp } from './helpers/test-app';
import { itOn, PG_ADMIN_URL } from './helpers/test-env';
import { TestUpstream } from './helpers/upstream';
import { until } from './helpers/wait';

const DATABASE_URL = () => process.env.DATABASE_URL!;

async function rowsFor(apiId: string): Promise<number> {
  return withPg(
    DATABASE_URL(),
    async (pg) => (await pg.query('SELECT count(*)::int AS n FROM request_logs WHERE api_id = $1', [apiId])).rows[0].n,
  );
}

/** An API with a key whose limits no load test reaches (these tests are about logs). */
async function provisionApiAndKey(upstreamUrl: string) {
  const setup = await startTestApp();
  try {
    const api = new ApiClient(setup.url);
    const admin = await signIn(setup, UserRole.Admin);
    const target = await createApi(api, admin, { upstreamUrl });
    const rateLimitTier = await createTier(api, admin, {
      requestsPerMin: 1_000_000,
      requestsPerHour: 10_000_000,
      burstLimit: 100_000,
    });
    const { key } = await createKey(api, admin, {
      rateLimitTier,
      permissions: [{ api: target.name, permission: 'read' }],
    });
    return { target, key };
  } finally {
    await setup.close();
  }
}

/** `workers` loops sending gateway requests until `stop()`; counts what was answered. */
function drive(url: string, key: string, workers: number) {
  let running = true;
  const statuses: number[] = [];
  const requestIds: string[] = [];
  const statusOf = new Map<string, number>();
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      try {
        const res = await fetch(url, { headers: { 'x-api-key': key } });
        await res.arrayBuffer();
        statuses.push(res.status);
        const requestId = res.headers.get('x-request-id');
        if (requestId) {
          requestIds.push(requestId);
          statusOf.set(requestId, res.status);
        }
      } catch {
        await new Promise((r) => setTimeout(r, 20)); // refused while the server goes away
      }
    }
  });
  return {
    statuses,
    /** answers that carry a request id: every answer of the gateway's, the 503s of its closing window too */
    traced: () => requestIds.length,
    requestIds,
    statusOf,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** ANALYTICS issue's faults: nothing lost when PostgreSQL goes away or the process stops. */
describe('request logs: durable under faults', () => {
  const upstream = new TestUpstream();
  beforeAll(() => upstream.start());
  afterAll(() => upstream.stop());

  describe('PostgreSQL stopped under load', () => {
    const postgres = new TcpProxy(Number(new URL(PG_ADMIN_URL).port || 5432));
    let spoolDir: string;
    let t: TestApp;
    let admin: SignedIn;
    let target: { id: string; name: string };
    let key: string;

    beforeAll(async () => {
      const url = new URL(DATABASE_URL());
      url.port = String(await postgres.start());
      spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
      // A small memory queue so that the outage exercises the disk spool too.
      t = await startTestApp({ DATABASE_URL: url.toString(), LOG_QUEUE_MAX_ROWS: '50', LOG_SPOOL_DIR: spoolDir });
      const api = new ApiClient(t.url);
      admin = await signIn(t, UserRole.Admin);
      target = await createApi(api, admin, { upstreamUrl: upstream.url });
      // Limits no load test reaches: this suite is about logs, not rate limiting.
      const rateLimitTier = await createTier(api, admin, {
        requestsPerMin: 1_000_000,
        requestsPerHour: 10_000_000,
        burstLimit: 100_000,
      });
      ({ key } = await createKey(api, admin, {
        rateLimitTier,
        permissions: [{ api: target.name, permission: 'read' }],
      }));
    });
    afterAll(async () => {
      postgres.restore();
      await t?.close();
      await postgres.stop();
    });

    it('keeps serving for 10 s without PostgreSQL, spools the rows and writes every one once it is back', async () => {
      const writer = t.app.get(RequestLogWriter);
      const gateway = `${t.url}/gateway/${target.name}/echo/outage`;
      expect((await fetch(gateway, { headers: { 'x-api-key': key } })).status).toBe(200); // caches warm
      await writer.flush();

      postgres.cut();
      const load = drive(gateway, key, 4);
      await new Promise((r) => setTimeout(r, 10_000));
      await load.stop();
      expect(load.statuses.length).toBeGreaterThan(200);
      expect([...new Set(load.statuses)]).toEqual([200]);
      const during = writer.stats;
      expect(during.spooled).toBeGreaterThan(0);
      expect(during.failures).toBeGreaterThan(0);
      expect(readdirSync(spoolDir).some((f) => f.startsWith('request-logs.') && f.endsWith('.ndjson'))).toBe(true);

      postgres.restore();
      await until(() => writer.stats.spooled === 0 && writer.stats.buffered === 0, 30_000, 'the spool to drain');
      expect(await rowsFor(target.id)).toBe(load.statuses.length + 1);
      expect(writer.stats).toMatchObject({ dropped: 0, failures: 0 });
      expect(readdirSync(spoolDir).filter((f) => f.startsWith('request-logs.') && f.endsWith('.ndjson'))).toEqual([]);

      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      const gauge = (state: string) =>
        Number(new RegExp(`^datahub_request_log_rows\\{state="${state}"\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
      expect(gauge('received')).toBe(writer.stats.received);
      expect(gauge('written')).toBe(gauge('received'));
      expect(gauge('dropped')).toBe(0);
    }, 60_000);

    it('spools what it could not write at shutdown, and the next start replays it', async () => {
      postgres.cut();
      const before = await rowsFor(target.id);
      const statuses = [];
      for (let i = 0; i < 20; i++)
        statuses.push(
          (await fetch(`${t.url}/gateway/${target.name}/echo/shutdown`, { headers: { 'x-api-key': key } })).status,
        );
      expect(statuses.every((s) => s === 200)).toBe(true);
      await t.close();
      expect(readdirSync(spoolDir).some((f) => f.startsWith('request-logs.') && f.endsWith('.ndjson'))).toBe(true);

      postgres.restore();
      t = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
      const writer = t.app.get(RequestLogWriter);
      expect(writer.stats.spooled).toBeGreaterThanOrEqual(20);
      await until(() => writer.stats.spooled === 0, 30_000, 'the replay');
      expect(await rowsFor(target.id)).toBe(before + 20);
    }, 60_000);
  });

  it('SIGTERM under load: every answered request has its row after the process exits', async () => {
    const { target, key } = await provisionApiAndKey(upstream.url);

    const { server, port } = await startBuiltNode({
      SHUTDOWN_DRAIN_MS: '500',
      LOG_SPOOL_DIR: mkdtempSync(join(tmpdir(), 'datahub-spool-')),
    });
    const load = drive(`http://127.0.0.1:${port}/gateway/${target.name}/echo/sigterm`, key, 8);
    await new Promise((r) => setTimeout(r, 2_000));
    server.child.kill('SIGTERM');
    expect(await withTimeout(server.exited, 30_000, 'graceful shutdown')).toBe(0);
    await load.stop();
    expect(load.traced()).toBeGreaterThan(100);
    // Answers of the closing window (503 SHUTTING_DOWN) have rows too, before the API is resolved.
    const logged = await withPg(DATABASE_URL(), async (pg) =>
      (
        await pg.query(`SELECT metadata->>'requestId' AS id FROM request_logs WHERE path = $1`, [
          `/gateway/${target.name}/echo/sigterm`,
        ])
      ).rows.map((r) => r.id as string),
    );
    expect(logged.length).toBe(load.traced());
    expect(new Set(logged)).toEqual(new Set(load.requestIds));
  }, 60_000);

  it('kill -9 under load: the journal gives every answered request its row at the next start', async () => {
    const { target, key } = await provisionApiAndKey(upstream.url);

    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    const node = () => startBuiltNode({ LOG_SPOOL_DIR: spoolDir, LOG_JOURNAL: 'true' });

    const first = await node();
    const load = drive(`http://127.0.0.1:${first.port}/gateway/${target.name}/echo/kill`, key, 8);
    await new Promise((r) => setTimeout(r, 1_500));
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    await load.stop();
    expect(load.traced()).toBeGreaterThan(100);

    const second = await node();
    try {
      await until(async () => (await rowsFor(target.id)) >= load.traced(), 30_000, 'the replayed journal').catch(
        async (error: Error) => {
          // Which answers have no row under this API, what they were, and any row they do have.
          const missing = await withPg(DATABASE_URL(), async (pg) => {
            const ids = (
              await pg.query(`SELECT metadata->>'requestId' AS id FROM request_logs WHERE api_id = $1`, [target.id])
            ).rows.map((r) => r.id as string);
            const unlogged = load.requestIds.filter((id) => !ids.includes(id));
            const elsewhere = (
              await pg.query(
                `SELECT metadata->>'requestId' AS id, api_id, status_code, path FROM request_logs WHERE metadata->>'requestId' = ANY($1)`,
                [unlogged],
              )
            ).rows;
            return unlogged.map((id) => ({
              id,
              status: load.statusOf.get(id),
              rows: elsewhere.filter((r) => r.id === id),
            }));
          });
          throw new Error(
            `${error.message}: ${await rowsFor(target.id)} of ${load.traced()} rows; missing ${JSON.stringify(missing)}; the restarted node said:\n${second.server.output().slice(-3000)}`,
          );
        },
      );
      // Every answer the clients received has its row; at most the requests in flight at
      // the kill (journaled, never received) come on top.
      const logged = await withPg(DATABASE_URL(), async (pg) =>
        (
          await pg.query(`SELECT metadata->>'requestId' AS id FROM request_logs WHERE api_id = $1`, [target.id])
        ).rows.map((r) => r.id as string),
      );
      const loggedIds = new Set(logged);
      expect(load.requestIds.filter((id) => !loggedIds.has(id))).toEqual([]);
      expect(logged.length - load.traced()).toBeLessThanOrEqual(8);
      expect(new Set(logged).size).toBe(logged.length);
    } finally {
      second.server.child.kill('SIGTERM');
      await second.server.exited;
    }
  }, 60_000);

  itOn('partitions')(
    'retention drops whole partitions past REQUEST_LOG_RETENTION_DAYS and keeps recent rows',
    async () => {
      const t = await startTestApp({ REQUEST_LOG_RETENTION_DAYS: '30' });
      try {
        const old = new Date(Date.now() - 45 * 86_400_000);
        const oldPartition = `request_logs_p${old.toISOString().slice(0, 10).replace(/-/g, '')}`;
        await withPg(DATABASE_URL(), async (pg) => {
          await pg.query(`SELECT datahub_ensure_partitions('request_logs', 46, 0)`);
          await pg.query(
            `INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES ('GET', '/retention-old', 200, 1, $1), ('GET', '/retention-new', 200, 1, now())`,
            [old],
          );
        });
        // Other nodes of this run share the database: one of them may hold the maintenance lock
        // (this round then skips) or drop the partition first.
        const maintenance = t.app.get(PartitionMaintenanceService);
        const partitionGone = () =>
          withPg(
            DATABASE_URL(),
            async (pg) => (await pg.query(`SELECT to_regclass($1) AS t`, [oldPartition])).rows[0].t === null,
          );
        await until(
          async () => (await maintenance.maintain(), partitionGone()),
          10_000,
          'the old partition to be dropped',
        );
        await withPg(DATABASE_URL(), async (pg) => {
          const paths = (await pg.query(`SELECT path FROM request_logs WHERE path LIKE '/retention-%'`)).rows.map(
            (r) => r.path,
          );
          expect(paths).toEqual(['/retention-new']);
          // Inside the retention: 30 days of partitions remain.
          const kept = (
            await pg.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname ~ '^request_logs_p[0-9]{8}$'`)
          ).rows[0].n;
          expect(kept).toBeGreaterThanOrEqual(31);
        });
      } finally {
        await t.close();
      }
    },
  );

  itOn('timescaledb')(
    'retention drops whole chunks past REQUEST_LOG_RETENTION_DAYS and keeps recent rows',
    async () => {
      const t = await startTestApp({ REQUEST_LOG_RETENTION_DAYS: '30' });
      try {
        await withPg(DATABASE_URL(), (pg) =>
          pg.query(
            `INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES ('GET', '/retention-old', 200, 1, now() - interval '45 days'), ('GET', '/retention-new', 200, 1, now())`,
          ),
        );
        const oldChunks = () =>
          withPg(
            DATABASE_URL(),
            async (pg) =>
              (await pg.query(`SELECT show_chunks('request_logs', older_than => interval '30 days') AS c`)).rows.length,
          );
        expect(await oldChunks()).toBeGreaterThan(0);
        const maintenance = t.app.get(PartitionMaintenanceService);
        await until(
          async () => (await maintenance.maintain(), (await oldChunks()) === 0),
          10_000,
          'the old chunk to be dropped',
        );
        const paths = await withPg(DATABASE_URL(), async (pg) =>
          (await pg.query(`SELECT path FROM request_logs WHERE path LIKE '/retention-%'`)).rows.map((r) => r.path),
        );
        expect(paths).toEqual(['/retention-new']);
      } finally {
        await t.close();
      }
    },
  );

  itOn('partitions')(
    'builds the key and API indexes of a closed day, replacing one a failed build left invalid',
    async () => {
      const day = (offset: number) =>
        `request_logs_p${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')}`;
      const yesterday = day(-1);
      const indexesOf = (pg: import('pg').Client, table: string) =>
        pg
          .query(
            `SELECT ic.relname AS name, x.indisvalid AS valid, pg_get_indexdef(x.indexrelid) AS def
           FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid WHERE x.indrelid = $1::regclass AND ic.relname ~ '(key|api)_time$' ORDER BY 1`,
            [table],
          )
          .then((r) =>
            r.rows.map((row) => ({
              name: row.name,
              valid: row.valid,
              columns: (row.def as string).replace(/^.*USING btree /, ''),
            })),
          );
      await withPg(DATABASE_URL(), async (pg) => {
        await pg.query(`SELECT datahub_ensure_partitions('request_logs', 1, 0)`);
        await pg.query(`DROP INDEX IF EXISTS idx_${yesterday}_key_time, idx_${yesterday}_api_time`);
        // A concurrent build that fails (here a unique index over duplicates) leaves its index
        // behind, invalid, under the name the next build would use.
        await pg.query(
          `INSERT INTO request_logs (method, path, status_code, latency_ms, "timestamp") VALUES ('GET', '/late', 200, 1, now() - interval '1 day'), ('GET', '/late', 200, 1, now() - interval '1 day')`,
        );
        await expect(
          pg.query(`CREATE UNIQUE INDEX CONCURRENTLY idx_${yesterday}_api_time ON ${yesterday} (method)`),
        ).rejects.toThrow(/could not create unique index/);
        expect(await indexesOf(pg, yesterday)).toEqual([
          { name: `idx_${yesterday}_api_time`, valid: false, columns: '(method)' },
        ]);
      });

      // Built by the node's maintenance (at start-up, or by this call when the start-up run is
      // already done), concurrently: the late rows of that day kept going in meanwhile.
      const t = await startTestApp();
      try {
        await t.app.get(PartitionMaintenanceService).maintain();
        await withPg(DATABASE_URL(), async (pg) => {
          await until(
            async () => (await pg.query('SELECT datahub_pending_partition_indexes(true)')).rows.length === 0,
            15_000,
            'the indexes of closed days',
          );
          expect(await indexesOf(pg, yesterday)).toEqual([
            { name: `idx_${yesterday}_api_time`, valid: true, columns: '(api_id, "timestamp")' },
            { name: `idx_${yesterday}_key_time`, valid: true, columns: '(api_key_id, "timestamp")' },
          ]);
          // The day being written has none: its rows take no insertion into them.
          expect(await indexesOf(pg, day(0))).toEqual([]);
          expect((await pg.query(`SELECT count(*)::int AS n FROM ${yesterday} WHERE path = '/late'`)).rows[0].n).toBe(
            2,
          );
        });
      } finally {
        await t.close();
      }
    },
    30_000,
  );
});
