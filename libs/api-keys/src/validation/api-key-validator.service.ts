import { Injectable, Logger } from '@nestjs/common';
import { TieredCache, TieredCacheFactory } from '@app/cache';
import { AppConfig, AuthenticationError, DependencyUnavailableError, ForbiddenError } from '@app/core';
import { ApiPermissionLevel } from '@app/db';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { hashKey, hasValidFormat } from '../keys/key-format';
import { allowsMethod, ApiKeyRecord } from './api-key-record';
import { isAllowed } from './ip-allow-list';
import { LastUsedTracker } from './last-used-tracker.service';

interface KeyRow {
  id: string;
  user_id: string;
  prefix: string;
  rate_limit_tier: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  owner_deleted_at: Date | null;
  via_previous: boolean;
  previous_key_expires_at: Date | null;
  allowed_ips: string[] | null;
  permissions: Record<string, ApiPermissionLevel>;
}

const LOOKUP = `
  SELECT k.id, k.user_id, k.prefix, k.rate_limit_tier, k.expires_at, k.revoked_at, k.allowed_ips,
         u.deleted_at AS owner_deleted_at,
         (k.previous_key_hash IS NOT DISTINCT FROM $1) AS via_previous, k.previous_key_expires_at,
         COALESCE(json_object_agg(p.api_id, p.permission) FILTER (WHERE p.api_id IS NOT NULL), '{}') AS permissions
  FROM api_keys k
  JOIN users u ON u.id = k.user_id
  LEFT JOIN api_permissions p ON p.api_key_id = k.id
  WHERE k.key_hash = $1 OR k.previous_key_hash = $1
  GROUP BY k.id, u.deleted_at`;

const time = (date: Date | null) => (date ? date.getTime() : null);

function toRecord(row: KeyRow): ApiKeyRecord {
  let expiresAt = time(row.expires_at);
  if (row.via_previous) {
    const graceEnds = time(row.previous_key_expires_at) ?? 0;
    expiresAt = expiresAt === null ? graceEnds : Math.min(expiresAt, graceEnds);
  }
  return {
    id: row.id,
    userId: row.user_id,
    prefix: row.prefix,
    rateLimitTier: row.rate_limit_tier,
    expiresAt,
    revokedAt: time(row.revoked_at) ?? time(row.owner_deleted_at),
    permissions: row.permissions,
    allowedIps: row.allowed_ips,
  };
}

/**
 * The API Key Validation Flow: format (checksum) → HMAC hash → L1 → L2 → PostgreSQL →
 * revoked? expired? (evaluated now, never trusted from a cache entry's age) → permission
 * for this API and method. Unknown keys are cached as missing for 5 s.
 */
/** Keys a node keeps resolved in memory: their records (L1) and the hashes of the keys as presented. */
const KEYS_IN_MEMORY = 100_000;

@Injectable()
export class ApiKeyValidator {
  private readonly logger = new Logger(ApiKeyValidator.name);
  private readonly cache: TieredCache<ApiKeyRecord>;
  /**
   * The hashes of keys that recently resolved to a record, by the key as presented: a hit
   * skips the checksum and the HMAC, which Node 20's OpenSSL 3 sets up afresh every time
   * (6–8 µs of every gateway request in the profile).
   * A key's hash never changes, so revocation and expiry are unaffected (they are read from
   * the record every time). Like Kong's key-auth cache this holds presented keys in
   * memory, bounded; unknown keys never enter it, so guessing cannot evict real ones. As
   * large as the record cache: a key whose record is in memory never pays the HMAC again.
   */
  private readonly knownHashes = new LRUCache<string, string>({ max: KEYS_IN_MEMORY });

  constructor(
    caches: TieredCacheFactory,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly lastUsed: LastUsedTracker,
  ) {
    this.cache = caches.create<ApiKeyRecord>({
      name: 'key',
      // As long as in Redis: changes made through the API reach every node's memory at
      // once, and a node keeps each active key in memory between its requests.
      l1TtlMs: 600_000,
      l1Max: KEYS_IN_MEMORY,
      l2TtlSeconds: 600,
      negativeTtlMs: 5_000,
      // A record cached by a version without allow-lists would admit every address: reload it.
      isCurrent: (record) => record.allowedIps !== undefined,
    });
  }

  get stats() {
    return this.cache.stats;
  }

  hash(key: string): string {
    return hashKey(key, this.config.apiKeyPepper);
  }

  /**
   * Resolves a presented key to its record, or throws the 401/503 the flow prescribes.
   * Synchronous (no promise) when the in-process cache holds the key, as on the hot path.
   */
  resolve(key: string): ApiKeyRecord | Promise<ApiKeyRecord> {
    const known = this.knownHashes.get(key);
    const hash = known ?? this.checkedHash(key);
    const cached = this.cache.peek(hash);
    if (cached !== undefined) return this.found(key, hash, cached, known !== undefined);
    return this.cache
      .get(hash, () => this.load(hash))
      .then((record) => this.found(key, hash, record, known !== undefined));
  }

  private checkedHash(key: string): string {
    if (!hasValidFormat(key))
      throw new AuthenticationError(
        'API_KEY_INVALID_FORMAT',
        'This is not a DataHub API key (dh_…, checksum mismatch)',
      );
    return this.hash(key);
  }

  private found(key: string, hash: string, record: ApiKeyRecord | null, known: boolean): ApiKeyRecord {
    if (!record) throw new AuthenticationError('API_KEY_NOT_FOUND', 'No such API key');
    if (!known) this.knownHashes.set(key, hash);
    return record;
  }

  /**
   * Revoked? expired? from an allowed address? allowed on this API for this method? Then
   * counts as used. `client.ip` is read only for a key with an allow-list: behind trusted
   * proxies Fastify works it out from X-Forwarded-For on every read.
   */
  authorize(
    record: ApiKeyRecord,
    apiId: string,
    method: string,
    client: { readonly ip: string },
    now = Date.now(),
  ): void {
    if (record.revokedAt !== null && record.revokedAt <= now) {
      throw new AuthenticationError(
        'API_KEY_REVOKED',
        `The API key ${record.prefix}… was revoked at ${new Date(record.revokedAt).toISOString()}`,
      );
    }
    if (record.expiresAt !== null && record.expiresAt <= now) {
      throw new AuthenticationError(
        'API_KEY_EXPIRED',
        `The API key ${record.prefix}… expired at ${new Date(record.expiresAt).toISOString()}`,
      );
    }
    if (record.allowedIps?.length) {
      const ip = client.ip;
      if (!isAllowed(record.allowedIps, ip))
        throw new ForbiddenError(`The API key ${record.prefix}… may not be used from ${ip}`, 'IP_NOT_ALLOWED');
    }
    if (!allowsMethod(record.permissions[apiId], method)) {
      throw new ForbiddenError(`The API key ${record.prefix}… may not ${method} this API`);
    }
    this.lastUsed.touch(record.id, now);
  }

  /** Drops a key's entries (by hash) from L2 and every node's L1. */
  forget(hash: string): Promise<void> {
    return this.cache.invalidate(hash);
  }

  private async load(hash: string): Promise<ApiKeyRecord | null> {
    let rows: KeyRow[];
    try {
      rows = await this.dataSource.query(LOOKUP, [hash]);
    } catch (error) {
      this.logger.error(`API key lookup failed: ${(error as Error).message}`);
      throw new DependencyUnavailableError('Cannot verify API keys right now');
    }
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
