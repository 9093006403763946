import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An upstream service registered behind `/gateway/{name}/*`. */
@Entity({ name: 'apis' })
export class Api {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** URL-safe slug, the `{apiName}` of the gateway path. */
  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** Never with credentials: those are in `upstreamAuthorization`. */
  @Column({ name: 'upstream_url', type: 'varchar', length: 2048 })
  upstreamUrl: string;

  /** Authorization header value sent to the upstream (write-only: no route returns it). */
  @Column({ name: 'upstream_authorization', type: 'varchar', length: 4096, nullable: true })
  upstreamAuthorization: string | null;

  /** Requests per minute per key for this API; null = only the key's tier applies. */
  @Column({ name: 'rate_limit', type: 'int', nullable: true })
  rateLimit: number | null;

  @Column({ name: 'auth_required', type: 'boolean', default: true })
  authRequired: boolean;

  @Column({ name: 'timeout_ms', type: 'int', default: 30_000 })
  timeoutMs: number;

  @Column({ name: 'max_body_bytes', type: 'int', default: 10 * 1024 * 1024 })
  maxBodyBytes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
