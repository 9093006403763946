import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * PostgreSQL mirror of the Redis access-token blacklist (logout), so that revocation
 * fails closed when Redis is down. Rows are useless once the token would have expired.
 */
@Entity({ name: 'revoked_access_tokens' })
@Index('idx_revoked_access_tokens_expires_at', ['expiresAt'])
export class RevokedAccessToken {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
