/** Where request_logs and audit_events live: TimescaleDB hypertables or native daily partitions. */
export type TimeSeriesBackend = 'timescaledb' | 'partitions';
/** TIMESERIES_BACKEND: `auto` takes TimescaleDB only when it can be created here. */
export type TimeSeriesSetting = 'auto' | TimeSeriesBackend;

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TimeSeriesChoice {
  backend: TimeSeriesBackend;
  /** Why not TimescaleDB, when `auto` fell back to partitions. */
  fallbackReason?: string;
}

/** What this PostgreSQL server offers: the extension installed, and loaded at server start. */
async function timescaleState(q: Queryable): Promise<{ available: boolean; preloaded: boolean; creatable: boolean }> {
  const [row] = await q.query(`
    SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available,
           'timescaledb' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ',')) AS preloaded,
           EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
             OR has_database_privilege(current_database(), 'CREATE') AS creatable`);
  return { available: Boolean(row.available), preloaded: Boolean(row.preloaded), creatable: Boolean(row.creatable) };
}

/**
 * The backend a new installation gets. TimescaleDB can only be created when it is both
 * installed and preloaded (`shared_preload_libraries`); a server with the package installed
 * but the configuration not yet changed is common, and gets partitions under `auto`.
 */
export async function chooseTimeSeriesBackend(q: Queryable, setting: TimeSeriesSetting): Promise<TimeSeriesChoice> {
  if (setting === 'partitions') return { backend: 'partitions' };
  const { available, preloaded, creatable } = await timescaleState(q);
  if (available && preloaded && creatable) return { backend: 'timescaledb' };
  const why = !available
    ? 'TimescaleDB is not installed on this PostgreSQL server'
    : !preloaded
      ? 'TimescaleDB is installed but not preloaded: add timescaledb to shared_preload_libraries in postgresql.conf and restart PostgreSQL'
      : "this database user may not create the extension: run CREATE EXTENSION timescaledb as the database's owner first";
  if (setting === 'timescaledb') throw new Error(`TIMESERIES_BACKEND=timescaledb cannot be used: ${why}`);
  return { backend: 'partitions', fallbackReason: why };
}

/** The backend an existing installation uses, read from the catalog; undefined before the tables exist. */
export async function detectTimeSeriesBackend(q: Queryable): Promise<TimeSeriesBackend | undefined> {
  const [row] = await q.query(`
    SELECT c.relkind,
           EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS timescale
      FROM pg_class c WHERE c.oid = to_regclass('request_logs')`);
  if (!row) return undefined;
  if (row.relkind === 'p') return 'partitions';
  if (!row.timescale) return undefined;
  const [hyper] = await q.query(
    `SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'request_logs'`,
  );
  return hyper ? 'timescaledb' : undefined;
}
