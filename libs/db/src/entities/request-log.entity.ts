import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Api } from './api.entity';
import { ApiKey } from './api-key.entity';

/**
 * One gateway request. A time series: partitioned by `timestamp` (or a TimescaleDB
 * hypertable), which is why the primary key is (id, timestamp). The relations to the key
 * and the API have no database constraint (see the LeanRequestLogs migration), and the
 * timestamp index is BRIN, which TypeORM cannot declare: it leaves that one alone.
 */
@Entity({ name: 'request_logs' })
@Index('idx_request_logs_timestamp', { synchronize: false })
@Index('idx_request_logs_key_time', ['apiKeyId', 'timestamp'])
@Index('idx_request_logs_api_time', ['apiId', 'timestamp'])
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

  @Column({ type: 'varchar', length: 10 })
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
