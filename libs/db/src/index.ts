export { DatabaseModule } from './database.module';
export * from './entities';
export { migrations } from './migrations';
export { buildDataSourceOptions } from './data-source-options';
export { EmbeddedPostgres } from './embedded/embedded-postgres';
export { runMigrations, revertLastMigration, migrationStatus, type MigrationStatus } from './schema-migrator';
export { PartitionMaintenanceService } from './partition-maintenance.service';
export { probePostgres } from './postgres-probe';
export { CountingQueryLogger } from './query-counter';
