import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TieredCache, TieredCacheFactory } from '@app/cache';
import { auditEvent, AuditEventType } from '@app/audit';
import { ChangeContext, ConflictError, NotFoundError, PaginationQueryDto } from '@app/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Api } from '@app/db';
import { In, Repository } from 'typeorm';
import { ApiDto, CreateApiDto, UpdateApiDto } from './api.dto';

/** What the gateway needs to route to an API; cached by name. */
export interface ApiRecord {
  id: string;
  name: string;
  upstreamUrl: string;
  /** sent upstream as the Authorization header, replacing the caller's */
  upstreamAuthorization: string | null;
  rateLimit: number | null;
  authRequired: boolean;
  timeoutMs: number;
  maxBodyBytes: number;
}

const UNIQUE_VIOLATION = '23505';

/** An upstream URL for the audit trail: query values may be credentials (`?api_key=`), so only their names stay. */
function auditedUrl(upstreamUrl: string): string {
  const url = new URL(upstreamUrl);
  for (const name of new Set(url.searchParams.keys())) url.searchParams.set(name, 'redacted');
  return url.toString();
}

/** An API's settings as the audit trail records them: no secret, upstream credentials only as set or not. */
function auditedSettings(api: Api): Record<string, unknown> {
  const { name, description, rateLimit, authRequired, timeoutMs, maxBodyBytes } = api;
  return {
    name,
    description,
    upstreamUrl: auditedUrl(api.upstreamUrl),
    upstreamAuthorization: api.upstreamAuthorization ? 'set' : 'unset',
    rateLimit,
    authRequired,
    timeoutMs,
    maxBodyBytes,
  };
}

/** Each setting that changed, from and to; replaced upstream credentials show as `replaced`. */
function changedSettings(before: Api, after: Api): Record<string, { from: unknown; to: unknown }> {
  const [from, to] = [auditedSettings(before), auditedSettings(after)];
  const changed = Object.fromEntries(
    Object.keys(to)
      .filter((key) => from[key] !== to[key])
      .map((key) => [key, { from: from[key], to: to[key] }]),
  );
  if (
    before.upstreamAuthorization &&
    after.upstreamAuthorization &&
    before.upstreamAuthorization !== after.upstreamAuthorization
  ) {
    changed.upstreamAuthorization = { from: 'set', to: 'replaced' };
  }
  return changed;
}

function toRecord(api: Api): ApiRecord {
  const { id, name, upstreamUrl, upstreamAuthorization, rateLimit, authRequired, timeoutMs, maxBodyBytes } = api;
  return { id, name, upstreamUrl, upstreamAuthorization, rateLimit, authRequired, timeoutMs, maxBodyBytes };
}

/** The API registry: upstreams behind `/gateway/{name}/*`. Every change reaches all nodes' caches. */
@Injectable()
export class ApiRegistryService {
  private readonly cache: TieredCache<ApiRecord>;

  constructor(
    @InjectRepository(Api) private readonly apis: Repository<Api>,
    caches: TieredCacheFactory,
    private readonly events: EventEmitter2,
  ) {
    this.cache = caches.create<ApiRecord>({
      name: 'api',
      l1TtlMs: 60_000,
      l1Max: 10_000,
      l2TtlSeconds: 600,
      negativeTtlMs: 5_000,
    });
  }

  /** Cached lookup for the gateway: null when no API has this name. */
  findByName(name: string): Promise<ApiRecord | null> {
    return this.cache.get(name, async () => {
      const api = await this.apis.findOneBy({ name });
      return api ? toRecord(api) : null;
    });
  }

  /** Synchronous L1 peek for the hot path (undefined = not in L1). */
  peekByName(name: string): ApiRecord | null | undefined {
    return this.cache.peek(name);
  }

  findByNames(names: string[]): Promise<Api[]> {
    return names.length ? this.apis.findBy({ name: In(names) }) : Promise.resolve([]);
  }

  findByIds(ids: string[]): Promise<Api[]> {
    return ids.length ? this.apis.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async list(page: PaginationQueryDto): Promise<{ apis: Api[]; total: number }> {
    const [apis, total] = await this.apis.findAndCount({ order: { name: 'ASC' }, take: page.limit, skip: page.offset });
    return { apis, total };
  }

  async get(id: string): Promise<Api> {
    const api = await this.apis.findOneBy({ id });
    if (!api) throw new NotFoundError('No API with this id');
    return api;
  }

  async create(input: CreateApiDto, change: ChangeContext): Promise<Api> {
    const api = await this.saveUnique(
      this.apis.create({
        authRequired: true,
        rateLimit: null,
        description: null,
        upstreamAuthorization: null,
        ...input,
      }),
    );
    await this.cache.invalidate(api.name);
    this.events.emit(
      AuditEventType.ApiCreated,
      auditEvent(change.client, change.actorId, { apiId: api.id, name: api.name, settings: auditedSettings(api) }),
    );
    return api;
  }

  async update(id: string, changes: UpdateApiDto, change: ChangeContext): Promise<Api> {
    const api = await this.get(id);
    const before = { ...api };
    const updated = await this.saveUnique(this.apis.merge(api, changes));
    await this.cache.invalidate(before.name);
    if (updated.name !== before.name) await this.cache.invalidate(updated.name);
    const changed = changedSettings(before, updated);
    if (Object.keys(changed).length > 0) {
      this.events.emit(
        AuditEventType.ApiUpdated,
        auditEvent(change.client, change.actorId, { apiId: id, name: updated.name, changes: changed }),
      );
    }
    return updated;
  }

  async delete(id: string, change: ChangeContext): Promise<void> {
    const api = await this.get(id);
    await this.apis.delete({ id });
    await this.cache.invalidate(api.name);
    this.events.emit(
      AuditEventType.ApiDeleted,
      auditEvent(change.client, change.actorId, { apiId: id, name: api.name, settings: auditedSettings(api) }),
    );
  }

  private async saveUnique(api: Api): Promise<Api> {
    try {
      return await this.apis.save(api);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictError('NAME_TAKEN', `An API named ${api.name} already exists`);
      throw error;
    }
  }
}

/** An API as a caller may see it: its upstream's address and settings only `withUpstream` (apis:write), its credentials never. */
export function toApiDto(api: Api, withUpstream: boolean): ApiDto {
  const { id, name, description, rateLimit, authRequired } = api;
  const dates = { createdAt: api.createdAt.toISOString(), updatedAt: api.updatedAt.toISOString() };
  if (!withUpstream) return { id, name, description, rateLimit, authRequired, ...dates };
  const { upstreamUrl, timeoutMs, maxBodyBytes } = api;
  return {
    id,
    name,
    description,
    rateLimit,
    authRequired,
    upstreamUrl,
    upstreamAuthorizationSet: api.upstreamAuthorization !== null,
    timeoutMs,
    maxBodyBytes,
    ...dates,
  };
}
