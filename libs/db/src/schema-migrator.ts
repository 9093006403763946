import type { DataSource, Migration } from 'typeorm';

/** Serialises migrations across gateway nodes that start at the same time. */
const MIGRATION_LOCK_ID = 7_431_001;

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations, each in its own transaction, recording each in schema_migrations. */
export function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  return withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

/** Reverts the most recently applied migration. */
export function revertLastMigration(dataSource: DataSource): Promise<void> {
  return withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

export interface MigrationStatus {
  name: string;
  applied: boolean;
}

export async function migrationStatus(dataSource: DataSource): Promise<MigrationStatus[]> {
  const [{ exists }] = await dataSource.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  const applied = new Set<string>(
    exists
      ? (await dataSource.query('SELECT name FROM schema_migrations')).map((row: { name: string }) => row.name)
      : [],
  );
  return dataSource.migrations.map((migration) => ({ name: migration.name!, applied: applied.has(migration.name!) }));
}
