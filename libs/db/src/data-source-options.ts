import type { AppConfig } from '@app/core';
import type { DataSourceOptions } from 'typeorm';
import { EMBEDDED_POOL_SIZE } from './embedded/embedded-postgres';
import { entities } from './entities';
import { migrations } from './migrations';
import { ReadableNamingStrategy } from './naming.strategy';
import { CountingQueryLogger } from './query-counter';

/** Statement timeout for application queries: a stuck query answers 503 instead of hanging. */
const STATEMENT_TIMEOUT_MS = 10_000;

/**
 * The one definition of the TypeORM options, shared by the Nest module, the migration CLI
 * and `ormconfig.ts`. `url` is the primary (or the embedded server's address).
 */
export function buildDataSourceOptions(config: AppConfig, url: string): DataSourceOptions {
  const embedded = config.embeddedDatabase;
  const extra = {
    // pg waits forever for a connection by default; a request should get its 503 within 2 s.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    application_name: 'datahub',
    ...(embedded ? {} : { statement_timeout: STATEMENT_TIMEOUT_MS }),
  };
  const replicas = embedded ? [] : config.database.readUrls;
  return {
    type: 'postgres',
    // Replicas serve only the reads that ask for them (ReplicaReads): TypeORM would otherwise
    // send every SELECT there, and a row written a moment ago might not be found.
    ...(replicas.length > 0
      ? {
          replication: {
            master: { url },
            slaves: replicas.map((replica) => ({ url: replica })),
            defaultMode: 'master' as const,
          },
        }
      : { url }),
    entities,
    migrations: migrations({ timeSeriesBackend: config.timeSeriesBackend }),
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    namingStrategy: new ReadableNamingStrategy(),
    poolSize: embedded ? EMBEDDED_POOL_SIZE : config.database.poolMax,
    extra,
    logger: new CountingQueryLogger(),
    maxQueryExecutionTime: 1_000,
  };
}
