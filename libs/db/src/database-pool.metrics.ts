import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@app/metrics';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The PostgreSQL pools' connections (primary and each replica): total, idle, and callers waiting. */
@Injectable()
export class DatabasePoolMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: MetricsRegistry) {
    metrics.observe(
      'datahub_db_pool_connections',
      'PostgreSQL pool connections by pool and state (waiting = callers queued for one)',
      ['pool', 'state'],
      (set) => {
        if (!dataSource.isInitialized) return;
        const driver = dataSource.driver as PostgresDriver;
        const pools: Array<[string, Pool]> = [
          ['primary', driver.master as Pool],
          ...(driver.slaves as Pool[]).map((pool, i): [string, Pool] => [`replica${i + 1}`, pool]),
        ];
        for (const [name, pool] of pools) {
          set({ pool: name, state: 'total' }, pool.totalCount);
          set({ pool: name, state: 'idle' }, pool.idleCount);
          set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    );
  }
}
