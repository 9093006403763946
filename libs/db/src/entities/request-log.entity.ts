import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Api } from './api.entity';
import { ApiKey } from './api-key.entity';

/**
 * One gateway request. A time series: partitioned by `timestamp` (or a TimescaleDB
 * hypertable), which is why the primary key is (id, timestamp). The relations to the key
 * and the API have no database constraint (see the LeanRequestLogs migration). The
 * timestamp index is BRIN and the key and API indexes are built per daily partition once
 * its day has closed (the ClosedDayRequestLogIndexes migration): TypeORM can declare
 * neither, so it leaves them alone.
 */
@Entity({ name: 'request_logs' })
@Index('idx_request_logs_timestamp', { synchronize: false })
// (api_key_id, timestamp) and (api_id, timestamp): on a TimescaleDB hypertable, under these
// names; on plain PostgreSQL, per closed day's partition.
@Index('idx_request_logs_key_time', { synchronize: false })
@Index('idx_request_logs_api_time', { synchronize: false })
export class RequestLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @ManyToOne(() => ApiKey, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'api_key_id' })
  apiKey?: ApiKey;

  @Column({ name: 'api_id', type: 'uuid', nullable: true })
  apiId: string | null;

  @ManyToOne(() => Api, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'api_id' })
  api?: Api;

  @Column({ type: 'varchar', length: 16 })
  method: string;

  @Column({ type: 'varchar', length: 2048 })
  path: string;

  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  @Column({ name: 'latency_ms', type: 'int' })
  latencyMs: number;

  @PrimaryColumn({ type: 'timestamptz', default: () => 'now()' })
  timestamp: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Record<string, unknown>;
}
