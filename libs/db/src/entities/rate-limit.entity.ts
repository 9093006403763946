import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A rate-limit tier (free, pro, enterprise...) that API keys refer to by name. */
@Entity({ name: 'rate_limits' })
export class RateLimit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tier_name', type: 'varchar', length: 50, unique: true })
  tierName: string;

  @Column({ name: 'requests_per_min', type: 'int' })
  requestsPerMin: number;

  @Column({ name: 'requests_per_hour', type: 'int' })
  requestsPerHour: number;

  /** The most requests admitted in any one second. */
  @Column({ name: 'burst_limit', type: 'int' })
  burstLimit: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
