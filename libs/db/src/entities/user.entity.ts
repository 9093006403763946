import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApiKey } from './api-key.entity';
import type { RefreshToken } from './refresh-token.entity';

export enum UserRole {
  Admin = 'admin',
  Developer = 'developer',
  Viewer = 'viewer',
}

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased: emails compare case-insensitively. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role', default: UserRole.Viewer })
  role: UserRole;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /** Access tokens issued before this instant are refused (role change, deletion). */
  @Column({ name: 'tokens_valid_after', type: 'timestamptz', default: () => 'now()' })
  tokensValidAfter: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('ApiKey', (key: ApiKey) => key.user)
  apiKeys?: ApiKey[];

  @OneToMany('RefreshToken', (token: RefreshToken) => token.user)
  refreshTokens?: RefreshToken[];
}
