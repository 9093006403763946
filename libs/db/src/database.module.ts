import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { DataSource } from 'typeorm';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { ReplicaReads } from './replica-reads.service';
import { buildDataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded/embedded-postgres';
import { PartitionMaintenanceService } from './partition-maintenance.service';
import { runMigrations } from './schema-migrator';
import { TimeSeriesStore } from './time-series/time-series-store';

/** The embedded PostgreSQL, or null when DATABASE_URL points at a real server. */
export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<EmbeddedPostgres | null> => {
        if (!config.embeddedDatabase) return null;
        const embedded = await EmbeddedPostgres.start(config.embeddedPostgresDir, config.embeddedPostgresPort);
        new Logger('Database').log(
          `Embedded PostgreSQL (PGlite) at ${embedded.url}, data in ${config.embeddedPostgresDir}`,
        );
        return embedded;
      },
    },
  ],
  exports: [EMBEDDED_POSTGRES],
})
class EmbeddedPostgresModule implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop().catch(() => undefined);
  }
}

/** Applies pending migrations before the app serves (unless MIGRATIONS_RUN=false), then checks the time-series backend. */
@Injectable()
class StartupMigrations implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly timeSeries: TimeSeriesStore,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.migrationsRun) {
      const applied = await runMigrations(this.dataSource);
      this.logger.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date');
    }
    const backend = await this.timeSeries.verifySetting();
    this.logger.log(`Time series: ${backend === 'timescaledb' ? 'TimescaleDB hypertables' : 'native partitions'}`);
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedPostgresModule],
      inject: [AppConfig, EMBEDDED_POSTGRES],
      useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
        ...buildDataSourceOptions(config, embedded?.url ?? config.database.url!),
        retryAttempts: 1,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [StartupMigrations, TimeSeriesStore, PartitionMaintenanceService, DatabasePoolMetrics, ReplicaReads],
  exports: [TypeOrmModule, TimeSeriesStore, PartitionMaintenanceService, ReplicaReads],
})
export class DatabaseModule {}
