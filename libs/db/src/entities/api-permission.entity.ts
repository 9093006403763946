import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Api } from './api.entity';
import { ApiKey } from './api-key.entity';

/** read: GET, HEAD, OPTIONS; write: every method; admin: write plus the API's admin paths. */
export enum ApiPermissionLevel {
  Read = 'read',
  Write = 'write',
  Admin = 'admin',
}

@Entity({ name: 'api_permissions' })
@Index('uq_api_permissions_key_api', ['apiKeyId', 'apiId'], { unique: true })
@Index('idx_api_permissions_api_id', ['apiId'])
export class ApiPermission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'api_key_id', type: 'uuid' })
  apiKeyId: string;

  @ManyToOne(() => ApiKey, (key) => key.permissions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_key_id' })
  apiKey?: ApiKey;

  @Column({ name: 'api_id', type: 'uuid' })
  apiId: string;

  @ManyToOne(() => Api, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_id' })
  api?: Api;

  @Column({ type: 'enum', enum: ApiPermissionLevel, enumName: 'api_permission_level' })
  permission: ApiPermissionLevel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
