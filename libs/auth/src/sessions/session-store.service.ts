import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RevokedAccessToken, UserRole } from '@app/db';
import { REDIS, RedisClient } from '@app/redis';
import { In, MoreThan, Repository } from 'typeorm';
import { AppConfig } from '@app/core';

/** What authenticating a request needs about its user, cached in Redis at login. */
export interface UserSession {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** epoch ms; access tokens carrying another stamp (`sv`) are refused */
  tokensValidAfter: number;
}

export interface SessionLookup {
  /** undefined = not cached */
  session?: UserSession;
  revoked: boolean;
}

const SESSION_TTL_SECONDS = 15 * 60;
/** The JWT check's clock tolerance: a token lives this much past its `exp`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** One hash tag per user keeps the session and its token blacklist in one cluster slot (one MGET). */
const sessionKey = (userId: string) => `{u:${userId}}:session`;
const revokedKey = (userId: string, jti: string) => `{u:${userId}}:revoked:${jti}`;

/**
 * The Redis side of authentication: the user-session cache and the access-token blacklist,
 * with PostgreSQL as the source of truth for revocations (revoked_access_tokens). After
 * Redis comes back from an outage, cached sessions are dropped and the blacklist is
 * reloaded from PostgreSQL, so nothing decided while Redis was down is forgotten.
 */
@Injectable()
export class SessionStore implements OnModuleInit {
  private readonly logger = new Logger(SessionStore.name);
  private redisLost = false;
  private readonly accessTokenTtlSeconds: number;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @InjectRepository(RevokedAccessToken) private readonly revocations: Repository<RevokedAccessToken>,
    config: AppConfig,
  ) {
    this.accessTokenTtlSeconds = config.auth.accessTokenTtlSeconds;
  }

  onModuleInit(): void {
    // A connection that closes may come back before any error is seen: 'close' counts too.
    const lost = () => (this.redisLost = true);
    this.redis.on('error', lost);
    this.redis.on('close', lost);
    this.redis.on('ready', () => {
      if (this.redisLost) void this.resyncAfterOutage();
    });
  }

  /**
   * One Redis round trip; throws when Redis is unavailable, or back but not yet resynced
   * (its blacklist may miss logouts made during the outage): the caller then asks PostgreSQL.
   */
  async lookup(userId: string, jti: string, familyId?: string): Promise<SessionLookup> {
    if (this.redisLost) throw new Error('Redis blacklist not yet resynchronised after an outage');
    const keys = familyId
      ? [sessionKey(userId), revokedKey(userId, jti), revokedKey(userId, familyId)]
      : [sessionKey(userId), revokedKey(userId, jti)];
    const [session, ...revoked] = await this.redis.mget(...keys);
    return {
      session: session ? (JSON.parse(session) as UserSession) : undefined,
      revoked: revoked.some((entry) => entry !== null),
    };
  }

  /** The token, or its whole sign-in, is on the PostgreSQL blacklist. */
  async isRevokedInDatabase(jti: string, familyId?: string): Promise<boolean> {
    return (await this.revocations.countBy({ jti: familyId ? In([jti, familyId]) : jti })) > 0;
  }

  /** Best effort: a cache write that fails only costs a database read later. */
  async store(session: UserSession): Promise<void> {
    await this.redis
      .set(sessionKey(session.id), JSON.stringify(session), 'EX', SESSION_TTL_SECONDS)
      .catch(() => undefined);
  }

  async invalidate(userId: string): Promise<void> {
    await this.redis.del(sessionKey(userId)).catch((error: Error) => {
      this.logger.warn(`Session of ${userId} not invalidated in Redis (${error.message}); dropped on reconnect`);
    });
  }

  /**
   * Blacklists an access token until it expires: PostgreSQL first (the record that survives
   * a Redis outage; a failure here fails the logout), then Redis (best effort).
   */
  async revokeToken(userId: string, jti: string, expiresAtMs: number): Promise<void> {
    const ttlMs = expiresAtMs - Date.now();
    if (ttlMs <= 0) return;
    await this.revocations.upsert({ jti, userId, expiresAt: new Date(expiresAtMs) }, ['jti']);
    await this.redis.set(revokedKey(userId, jti), '1', 'PX', ttlMs).catch(() => undefined);
  }

  /**
   * Ends every access token of one sign-in (refresh-token family) for as long as any of
   * them can live. Blacklisted under the family's id, next to single tokens' ids.
   */
  async revokeFamily(userId: string, familyId: string): Promise<void> {
    await this.revokeToken(
      userId,
      familyId,
      Date.now() + (this.accessTokenTtlSeconds + CLOCK_TOLERANCE_SECONDS) * 1000,
    );
  }

  async purgeExpiredRevocations(): Promise<number> {
    const result = await this.revocations.createQueryBuilder().delete().where('expires_at < now()').execute();
    return result.affected ?? 0;
  }

  private async resyncAfterOutage(): Promise<void> {
    try {
      const rows = await this.revocations.find({ where: { expiresAt: MoreThan(new Date()) } });
      for (const row of rows) {
        await this.redis.set(
          revokedKey(row.userId, row.jti),
          '1',
          'PX',
          Math.max(1, row.expiresAt.getTime() - Date.now()),
        );
      }
      const dropped = await this.dropCachedSessions();
      this.redisLost = false;
      this.logger.log(`Redis back: ${rows.length} revocations reloaded, ${dropped} cached sessions dropped`);
    } catch (error) {
      this.logger.error(
        `Resync after Redis outage failed, retrying on the next reconnect: ${(error as Error).message}`,
      );
    }
  }

  private async dropCachedSessions(): Promise<number> {
    const prefix = (this.redis.options as { keyPrefix?: string }).keyPrefix ?? '';
    const nodes = 'nodes' in this.redis ? this.redis.nodes('master') : [this.redis];
    let dropped = 0;
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}{u:*}:session`, 'COUNT', 500);
        cursor = next;
        // SCAN returns full names; DEL through the prefixing client needs them without it.
        if (keys.length) dropped += await this.redis.del(...keys.map((key) => key.slice(prefix.length)));
      } while (cursor !== '0');
    }
    return dropped;
  }
}
