import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ApiPermission } from './api-permission.entity';
import { RateLimit } from './rate-limit.entity';
import { User } from './user.entity';

@Entity({ name: 'api_keys' })
@Index('idx_api_keys_user_id', ['userId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, (user) => user.apiKeys, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** HMAC-SHA-256(API_KEY_PEPPER, key) in hex; the plaintext is never stored. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64, unique: true, select: false })
  keyHash: string;

  /** After a rotation with a grace period: the old secret's hash, accepted until `previousKeyExpiresAt`. */
  @Column({ name: 'previous_key_hash', type: 'varchar', length: 64, nullable: true, unique: true, select: false })
  previousKeyHash: string | null;

  @Column({ name: 'previous_key_expires_at', type: 'timestamptz', nullable: true })
  previousKeyExpiresAt: Date | null;

  /** Short display prefix (e.g. `dh_3kfA9`), safe to show and log. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'rate_limit_tier', type: 'varchar', length: 50 })
  rateLimitTier: string;

  @ManyToOne(() => RateLimit, { onUpdate: 'CASCADE', onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rate_limit_tier', referencedColumnName: 'tierName' })
  tier?: RateLimit;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** canonical CIDR ranges the key may be used from; null = any address */
  @Column({ name: 'allowed_ips', type: 'text', array: true, nullable: true })
  allowedIps: string[] | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @OneToMany('ApiPermission', (permission: ApiPermission) => permission.apiKey)
  permissions?: ApiPermission[];
}
