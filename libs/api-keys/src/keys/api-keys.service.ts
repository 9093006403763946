import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ApiRegistryService, DEFAULT_TIER, RateLimitTiersService } from '@app/admin';
import { auditEvent, AuditEventType } from '@app/audit';
import { AuthUser, hasPermission, Permission, USER_DELETED_EVENT } from '@app/auth';
import {
  ClientContext,
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  PaginationQueryDto,
  ValidationError,
} from '@app/core';
import { ApiKey, ApiPermission, ApiPermissionLevel, UserRole } from '@app/db';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, Repository } from 'typeorm';
import {
  ApiKeyDto,
  ApiKeyWithSecretDto,
  CreateApiKeyDto,
  KeyPermissionDto,
  RotateApiKeyDto,
  UpdateApiKeyDto,
} from '../dto/api-key.dto';
import { ApiKeyValidator } from '../validation/api-key-validator.service';
import { canonicalCidr } from '../validation/ip-allow-list';
import { generateKey } from './key-format';

/** The stored form of an allow-list (validated by the DTO): canonical ranges, no repeats; null = any address. */
function allowList(entries: string[] | null | undefined): string[] | null {
  if (!entries?.length) return null;
  return [...new Set(entries.map((entry) => canonicalCidr(entry)!))];
}

function toDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    userId: key.userId,
    name: key.name,
    prefix: key.prefix,
    rateLimitTier: key.rateLimitTier,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    allowedIps: key.allowedIps ?? [],
    permissions: (key.permissions ?? [])
      .map((p) => ({ api: p.api!.name, permission: p.permission }))
      .sort((a, b) => a.api.localeCompare(b.api)),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

/**
 * API keys: issue (the secret is shown once), list, change, revoke, rotate, with the contract's
 * ownership rules: non-admins see only their own keys, and another user's key is a 404.
 * Every change drops the key from every node's cache before it returns.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ApiRegistryService,
    private readonly tiers: RateLimitTiersService,
    private readonly validator: ApiKeyValidator,
    private readonly events: EventEmitter2,
  ) {}

  async create(owner: AuthUser, input: CreateApiKeyDto, client: ClientContext): Promise<ApiKeyWithSecretDto> {
    const tier = input.rateLimitTier ?? DEFAULT_TIER;
    this.assertFuture(input.expiresAt);
    const [permissions] = await Promise.all([this.resolvePermissions(owner, input.permissions), this.assertTier(tier)]);
    const { key, prefix } = generateKey();
    const keyHash = this.validator.hash(key);
    const id = await this.dataSource.transaction(async (tx) => {
      const { identifiers } = await tx.insert(ApiKey, {
        userId: owner.id,
        keyHash,
        prefix,
        name: input.name,
        rateLimitTier: tier,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        allowedIps: allowList(input.allowedIps),
      });
      const keyId = identifiers[0].id as string;
      await this.replacePermissions(tx, keyId, permissions);
      return keyId;
    });
    // A lookup of this very key may have been cached as "missing" moments ago.
    await this.validator.forget(keyHash);
    this.events.emit(
      AuditEventType.KeyCreated,
      auditEvent(
        client,
        owner.id,
        {
          name: input.name,
          prefix,
          tier,
          permissions: input.permissions,
          allowedIps: allowList(input.allowedIps) ?? [],
        },
        id,
      ),
    );
    return { ...toDto(await this.load(id)), key };
  }

  async list(user: AuthUser, page: PaginationQueryDto): Promise<{ keys: ApiKeyDto[]; total: number }> {
    const [keys, total] = await this.keys.findAndCount({
      where: this.scope(user),
      relations: { permissions: { api: true } },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { keys: keys.map(toDto), total };
  }

  async get(user: AuthUser, id: string): Promise<ApiKeyDto> {
    return toDto(await this.findVisible(user, id));
  }

  async update(user: AuthUser, id: string, changes: UpdateApiKeyDto, client: ClientContext): Promise<ApiKeyDto> {
    const key = await this.findVisible(user, id);
    if (changes.rateLimitTier !== undefined) await this.assertTier(changes.rateLimitTier);
    this.assertFuture(changes.expiresAt);
    const permissions = changes.permissions ? await this.resolvePermissions(user, changes.permissions) : undefined;
    const columns = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.rateLimitTier !== undefined ? { rateLimitTier: changes.rateLimitTier } : {}),
      ...(changes.expiresAt !== undefined
        ? { expiresAt: changes.expiresAt === null ? null : new Date(changes.expiresAt) }
        : {}),
      ...(changes.allowedIps !== undefined ? { allowedIps: allowList(changes.allowedIps) } : {}),
    };
    await this.dataSource.transaction(async (tx) => {
      if (Object.keys(columns).length > 0) await tx.update(ApiKey, { id }, columns);
      if (permissions) await this.replacePermissions(tx, id, permissions);
    });
    await this.forgetKey(id);
    if (changes.permissions) {
      this.events.emit(
        AuditEventType.PermissionChanged,
        auditEvent(
          client,
          user.id,
          { subject: 'api_key', keyId: id, from: toDto(key).permissions, to: changes.permissions },
          id,
        ),
      );
    }
    if (changes.allowedIps !== undefined) {
      const to = allowList(changes.allowedIps) ?? [];
      const from = key.allowedIps ?? [];
      if (JSON.stringify(from) !== JSON.stringify(to))
        this.events.emit(
          AuditEventType.PermissionChanged,
          auditEvent(client, user.id, { subject: 'api_key_ips', keyId: id, from, to }, id),
        );
    }
    return toDto(await this.load(id));
  }

  /** Owners may revoke their own keys; `keys:revoke` may revoke anyone's. Idempotent. */
  async revoke(user: AuthUser, id: string, client: ClientContext): Promise<void> {
    const key = await this.findVisible(user, id);
    if (key.userId !== user.id && !hasPermission(user.role, Permission.KeysRevoke))
      throw new NotFoundError('No API key with this id');
    if (key.revokedAt) return;
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.forgetKey(id);
    this.events.emit(
      AuditEventType.KeyRevoked,
      auditEvent(client, user.id, { prefix: key.prefix, ownerId: key.userId }, id),
    );
  }

  /** A new secret for the same key; the old one stops at once or after the grace period. */
  async rotate(
    user: AuthUser,
    id: string,
    input: RotateApiKeyDto,
    client: ClientContext,
  ): Promise<ApiKeyWithSecretDto> {
    const key = await this.findVisible(user, id);
    if (key.revokedAt) throw new ConflictError('API_KEY_REVOKED', 'A revoked key cannot be rotated; create a new one');
    const hashes = await this.hashesOf(id);
    const grace = input.gracePeriodSeconds ?? 0;
    const { key: secret, prefix } = generateKey();
    const keyHash = this.validator.hash(secret);
    await this.keys.update(
      { id },
      {
        keyHash,
        prefix,
        previousKeyHash: grace > 0 ? hashes.keyHash : null,
        previousKeyExpiresAt: grace > 0 ? new Date(Date.now() + grace * 1000) : null,
      },
    );
    await Promise.all([...hashes.all, keyHash].map((hash) => this.validator.forget(hash)));
    this.events.emit(
      AuditEventType.KeyRotated,
      auditEvent(client, user.id, { oldPrefix: key.prefix, prefix, gracePeriodSeconds: grace }, id),
    );
    return { ...toDto(await this.load(id)), key: secret };
  }

  /** Keys of a deleted user were revoked in SQL; their cached entries go now. */
  @OnEvent(USER_DELETED_EVENT)
  async onUserDeleted(userId: string): Promise<void> {
    const keys = await this.keys.find({ where: { userId }, select: { id: true } });
    await Promise.all(keys.map((key) => this.forgetKey(key.id)));
  }

  private scope(user: AuthUser): FindOptionsWhere<ApiKey> {
    return user.role === UserRole.Admin ? {} : { userId: user.id };
  }

  /** Another user's key answers 404, never 403: no existence oracle. */
  private async findVisible(user: AuthUser, id: string): Promise<ApiKey> {
    const key = await this.keys.findOne({
      where: { id, ...this.scope(user) },
      relations: { permissions: { api: true } },
    });
    if (!key) throw new NotFoundError('No API key with this id');
    return key;
  }

  private async load(id: string): Promise<ApiKey> {
    return this.keys.findOneOrFail({ where: { id }, relations: { permissions: { api: true } } });
  }

  private async hashesOf(id: string): Promise<{ keyHash: string; all: string[] }> {
    const row = await this.keys.findOneOrFail({
      where: { id },
      select: { id: true, keyHash: true, previousKeyHash: true },
    });
    return {
      keyHash: row.keyHash,
      all: [row.keyHash, row.previousKeyHash].filter((hash): hash is string => Boolean(hash)),
    };
  }

  private async forgetKey(id: string): Promise<void> {
    const { all } = await this.hashesOf(id);
    await Promise.all(all.map((hash) => this.validator.forget(hash)));
  }

  /**
   * The level `admin` marks the keys of an API's operators. It allows what `write` allows,
   * and only users who may change APIs (apis:write) may grant it.
   */
  private async resolvePermissions(
    user: AuthUser,
    requested: KeyPermissionDto[],
  ): Promise<Array<{ apiId: string; permission: KeyPermissionDto['permission'] }>> {
    if (
      requested.some((p) => p.permission === ApiPermissionLevel.Admin) &&
      !hasPermission(user.role, Permission.ApisWrite)
    ) {
      throw new ForbiddenError('Only users who may change APIs (apis:write) may grant the admin level on an API');
    }
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    requested.forEach((p, i) => {
      if (seen.has(p.api)) problems.push({ field: `permissions.${i}.api`, message: `${p.api} is listed twice` });
      seen.add(p.api);
    });
    const apis = await this.registry.findByNames([...seen]);
    const idByName = new Map(apis.map((api) => [api.name, api.id]));
    requested.forEach((p, i) => {
      if (!idByName.has(p.api)) problems.push({ field: `permissions.${i}.api`, message: `no API is named ${p.api}` });
    });
    if (problems.length) throw new ValidationError(problems);
    return requested.map((p) => ({ apiId: idByName.get(p.api)!, permission: p.permission }));
  }

  private async replacePermissions(
    tx: EntityManager,
    apiKeyId: string,
    permissions: Array<{ apiId: string; permission: KeyPermissionDto['permission'] }>,
  ) {
    await tx.delete(ApiPermission, { apiKeyId });
    if (permissions.length)
      await tx.insert(
        ApiPermission,
        permissions.map((p) => ({ apiKeyId, ...p })),
      );
  }

  private async assertTier(tier: string): Promise<void> {
    if (!(await this.tiers.exists(tier)))
      throw new ValidationError([{ field: 'rateLimitTier', message: `no rate-limit tier is named ${tier}` }]);
  }

  private assertFuture(expiresAt: string | null | undefined): void {
    if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
      throw new ValidationError([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
    }
  }
}
