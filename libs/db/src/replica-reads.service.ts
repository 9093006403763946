import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** After a replica fails, reads stay on the primary this long before trying it again. */
const REPLICA_RETRY_MS = 30_000;

/** True for errors of reaching a server (refused, reset, timed out, shutting down), not of a query. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || code.startsWith('57P');
  return true;
}

export type ReadConnection = { client: PoolClient; release: (error?: Error) => void; replica: boolean };

/**
 * Reads that may lag (analytics) go to a read replica when DATABASE_READ_URLS is set; when
 * the replica cannot be reached they go to the primary, which is then used for 30 s before
 * the replica is tried again. Everything else reads the primary (TypeORM's default mode is
 * set to master), so a login right after a registration never misses its row.
 */
@Injectable()
export class ReplicaReads {
  private readonly logger = new Logger(ReplicaReads.name);
  private replicaDownUntil = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed where they are mapped
  async query(sql: string, params: unknown[]): Promise<any[]> {
    const { client, release, replica } = await this.connect();
    try {
      const result = await client.query(sql, params);
      release();
      return result.rows;
    } catch (error) {
      const broken = isConnectionError(error);
      // A broken connection must not go back to the pool; a failed query leaves it usable.
      release(broken ? (error as Error) : undefined);
      if (!broken || !replica) throw error;
      // The replica went away under the query: once more, on the primary.
      this.replicaFailed(error as Error);
      return this.query(sql, params);
    }
  }

  /** A pooled connection for a long read (a cursor); hand it back with `release`. */
  async connect(): Promise<ReadConnection> {
    const driver = this.dataSource.driver as PostgresDriver;
    if (driver.slaves.length > 0 && Date.now() >= this.replicaDownUntil) {
      try {
        const [client, release] = await driver.obtainSlaveConnection();
        return { client, release: release as ReadConnection['release'], replica: true };
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        this.replicaFailed(error as Error);
      }
    }
    const [client, release] = await driver.obtainMasterConnection();
    return { client, release: release as ReadConnection['release'], replica: false };
  }

  private replicaFailed(error: Error): void {
    this.replicaDownUntil = Date.now() + REPLICA_RETRY_MS;
    this.logger.warn(
      `Read replica unreachable (${error.message}); reading from the primary for ${REPLICA_RETRY_MS / 1000} s`,
    );
  }
}
