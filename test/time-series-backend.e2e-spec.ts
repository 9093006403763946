import { createDatabase, dropDatabase, withPg } from './helpers/databases';
import { spawnBuiltNode } from './helpers/built-node';
import { withTimeout } from './helpers/processes';
import { PG_ADMIN_URL, TIMESCALE_ADMIN_URL, uniqueName } from './helpers/test-env';

type Backend = 'auto' | 'timescaledb' | 'partitions';

/** Starts the built server on `url` with a TIMESERIES_BACKEND: ready (then stopped) or exited, with its output. */
async function start(url: string, backend: Backend): Promise<{ ready: boolean; output: string; metrics: string }> {
  const { server, port } = await spawnBuiltNode({ DATABASE_URL: url, TIMESERIES_BACKEND: backend });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    const ready = await readyOrExited(`http://127.0.0.1:${port}/health/ready`, () => exited);
    let metrics = '';
    if (ready) {
      metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      server.child.kill('SIGTERM');
      await withTimeout(server.exited, 30_000, 'shutdown');
    }
    return { ready, output: server.output(), metrics };
  } finally {
    if (!exited) server.child.kill('SIGKILL');
  }
}

/** Polls until the node is ready (true) or has exited (false); never outlives the process. */
async function readyOrExited(url: string, hasExited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !hasExited()) {
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (hasExited()) return false;
  throw new Error(`${url} not ready within 30 s`);
}

const relkind = (url: string) =>
  withPg(url, async (pg) => (await pg.query(`SELECT relkind FROM pg_class WHERE relname = 'request_logs'`)).rows[0]);

async function preloaded(adminUrl: string): Promise<boolean> {
  return withPg(adminUrl, async (pg) =>
    (await pg.query(`SHOW shared_preload_libraries`)).rows[0].shared_preload_libraries.includes('timescaledb'),
  ).catch(() => false);
}

/** Set by global-setup when both TimescaleDB servers are there; it says so once when they are not. */
const describeWithTimescale = process.env.DATAHUB_TEST_TIMESCALEDB === '1' ? describe : describe.skip;

describeWithTimescale('time-series backend (TIMESERIES_BACKEND)', () => {
  describe('on a server where TimescaleDB is installed but not preloaded', () => {
    const database = uniqueName('test');
    let url: string;
    beforeAll(async () => {
      const available = await withPg(
        PG_ADMIN_URL,
        async (pg) => (await pg.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`)).rowCount,
      );
      if (!available)
        throw new Error('TimescaleDB is not installed on the test server: run ../shared/tools/install-timescaledb.sh');
      url = await createDatabase(database);
    });
    afterAll(() => dropDatabase(database));

    it('TIMESERIES_BACKEND=timescaledb refuses to start, saying how to fix the server', async () => {
      const { ready, output } = await start(url, 'timescaledb');
      expect(ready).toBe(false);
      expect(output).toContain(
        'DataHub failed to start: TIMESERIES_BACKEND=timescaledb cannot be used: TimescaleDB is installed but not preloaded: add timescaledb to shared_preload_libraries',
      );
      expect(await relkind(url)).toBeUndefined(); // nothing half-made
    });

    it('auto uses native partitions and says why in one warning line', async () => {
      const { ready, output, metrics } = await start(url, 'auto');
      expect(ready).toBe(true);
      expect(metrics).toContain('datahub_timeseries_backend{backend="partitions"} 1');
      const warnings = output.split('\n').filter((line) => line.includes('Time series use native partitions'));
      expect(warnings).toHaveLength(1);
      expect(JSON.parse(warnings[0])).toMatchObject({ level: 40, msg: expect.stringContaining('not preloaded') });
      expect(await relkind(url)).toEqual({ relkind: 'p' });
    });

    it('explains a later TIMESERIES_BACKEND that names the other backend', async () => {
      const { ready, output } = await start(url, 'timescaledb');
      expect(ready).toBe(false);
      expect(output).toContain(
        'TIMESERIES_BACKEND=timescaledb, but this database keeps its time series in native partitions, chosen when it was installed',
      );
    });
  });

  describe('on a server with TimescaleDB preloaded', () => {
    const database = uniqueName('test');
    let url: string;
    beforeAll(async () => {
      if (!(await preloaded(TIMESCALE_ADMIN_URL)))
        throw new Error(`No TimescaleDB at ${TIMESCALE_ADMIN_URL}: run ../shared/tools/install-timescaledb.sh`);
      url = await createDatabase(database, TIMESCALE_ADMIN_URL);
    });
    afterAll(() => dropDatabase(database, TIMESCALE_ADMIN_URL));

    it('auto creates hypertables with one-day chunks', async () => {
      const { ready, output, metrics } = await start(url, 'auto');
      expect(ready).toBe(true);
      expect(output).toContain('Time series: TimescaleDB hypertables');
      expect(metrics).toContain('datahub_timeseries_backend{backend="timescaledb"} 1');
      const hypertables = await withPg(url, async (pg) =>
        (
          await pg.query(
            `SELECT hypertable_name, d.time_interval FROM timescaledb_information.hypertables h
               JOIN timescaledb_information.dimensions d USING (hypertable_name) ORDER BY 1`,
          )
        ).rows.map((r) => [r.hypertable_name, r.time_interval.days]),
      );
      expect(hypertables).toEqual([
        ['audit_events', 1],
        ['request_logs', 1],
      ]);
    });

    it('refuses TIMESERIES_BACKEND=partitions on an installation made with hypertables', async () => {
      const { ready, output } = await start(url, 'partitions');
      expect(ready).toBe(false);
      expect(output).toContain('but this database keeps its time series in TimescaleDB hypertables');
    });
  });
});
