import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A security event (docs/api.md "Audit events"). A time series like request_logs; it has no
 * foreign keys on purpose: the trail outlives the users and keys it mentions.
 */
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_timestamp', ['timestamp'])
@Index('idx_audit_events_type_time', ['type', 'timestamp'])
@Index('idx_audit_events_actor_time', ['actorUserId', 'timestamp'])
@Index('idx_audit_events_undelivered', ['timestamp', 'id'], { where: '"siem_delivered_at" IS NULL' })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @PrimaryColumn({ type: 'timestamptz', default: () => 'now()' })
  timestamp: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Record<string, unknown>;

  /** When the SIEM webhook took the event (null: not yet, or no webhook). */
  @Column({ name: 'siem_delivered_at', type: 'timestamptz', nullable: true, select: false })
  siemDeliveredAt?: Date | null;
}
