export { DatabaseModule } from './database.module';
export * from './entities';
export { migrations } from './migrations';
export { TimeSeriesStore } from './time-series/time-series-store';
export {
  chooseTimeSeriesBackend,
  detectTimeSeriesBackend,
  type TimeSeriesBackend,
  type TimeSeriesSetting,
} from './time-series/time-series-backend';
export { buildDataSourceOptions } from './data-source-options';
export { EmbeddedPostgres } from './embedded/embedded-postgres';
export { lockDataDir } from './embedded/data-dir-lock';
export { runMigrations, revertLastMigration, migrationStatus, type MigrationStatus } from './schema-migrator';
export { PartitionMaintenanceService } from './partition-maintenance.service';
export { describePostgres, probePostgres, waitForPostgres } from './postgres-probe';
export { CountingQueryLogger } from './query-counter';
export { BinaryCopy, parseUuid, RowEncodingError } from './batching/binary-copy';
export { BatchWriter, type BatchWriterOptions, type BatchWriterStats } from './batching/batch-writer';
export { installationId } from './installation-id';
export { ReplicaReads, type ReadConnection } from './replica-reads.service';
