import { Logger } from '@nestjs/common';
import type { RedisClient } from '@app/redis';

/**
 * Atomic hit counter (one script per hit): count, window expiry set on the first hit, and
 * a block key set once the count passes the limit. Returns [hits, windowMsLeft, blockMsLeft].
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local window = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, window, blocked}`;

/** Read-only peek at several counters' blocks: [blockMsLeft...] (-2 = none). */
const PEEK_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('PTTL', key) end
return out`;

export interface HitResult {
  hits: number;
  windowMsLeft: number;
  /** > 0 when blocked */
  blockMsLeft: number;
}

interface LocalCounter {
  hits: number;
  windowEndsAt: number;
  blockedUntil: number;
}

type ScriptingClient = RedisClient & {
  authHit(
    counterKey: string,
    blockKey: string,
    windowMs: number,
    limit: number,
    blockMs: number,
  ): Promise<[number, number, number]>;
  authPeek(...keysAndCount: [number, ...string[]]): Promise<number[]>;
};

/**
 * Counters shared by every node through Redis. When Redis does not answer, a per-node
 * in-memory counter takes over, so throttling still holds (fails closed, per node). With
 * the embedded in-process store (one node; its Lua engine differs from Redis') the
 * in-memory counter is the store.
 */
export class RedisCounters {
  private readonly logger = new Logger('Throttle');
  private readonly local = new Map<string, LocalCounter>();
  private readonly redis: ScriptingClient;

  constructor(
    redis: RedisClient,
    private readonly inProcess = false,
  ) {
    if (!('authHit' in redis)) {
      redis.defineCommand('authHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
      redis.defineCommand('authPeek', { lua: PEEK_SCRIPT });
    }
    this.redis = redis as ScriptingClient;
  }

  async hit(key: string, windowMs: number, limit: number, blockMs: number): Promise<HitResult> {
    if (this.inProcess) return this.hitLocally(key, windowMs, limit, blockMs);
    try {
      const [hits, windowMsLeft, blockMsLeft] = await this.redis.authHit(
        key,
        `${key}:blocked`,
        windowMs,
        limit,
        blockMs,
      );
      return { hits, windowMsLeft, blockMsLeft };
    } catch (error) {
      this.logger.warn(`Redis unavailable for throttling, counting on this node: ${(error as Error).message}`);
      return this.hitLocally(key, windowMs, limit, blockMs);
    }
  }

  /** The longest block among `keys`, in ms (0 = none). */
  async blockedFor(keys: string[]): Promise<number> {
    if (this.inProcess) return this.blockedLocally(keys);
    try {
      const left = await this.redis.authPeek(keys.length, ...keys.map((key) => `${key}:blocked`));
      return Math.max(0, ...left);
    } catch {
      return this.blockedLocally(keys);
    }
  }

  private blockedLocally(keys: string[]): number {
    const now = Date.now();
    return Math.max(0, ...keys.map((key) => (this.local.get(key)?.blockedUntil ?? 0) - now));
  }

  async reset(key: string): Promise<void> {
    this.local.delete(key);
    await this.redis.del(key).catch(() => undefined);
  }

  private hitLocally(key: string, windowMs: number, limit: number, blockMs: number): HitResult {
    const now = Date.now();
    let counter = this.local.get(key);
    if (!counter || counter.windowEndsAt <= now) {
      counter = { hits: 0, windowEndsAt: now + windowMs, blockedUntil: counter?.blockedUntil ?? 0 };
      this.local.set(key, counter);
    }
    counter.hits++;
    if (counter.blockedUntil <= now && counter.hits > limit) counter.blockedUntil = now + blockMs;
    if (this.local.size > 100_000) this.sweep(now);
    return {
      hits: counter.hits,
      windowMsLeft: counter.windowEndsAt - now,
      blockMsLeft: Math.max(0, counter.blockedUntil - now),
    };
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.local)
      if (counter.windowEndsAt <= now && counter.blockedUntil <= now) this.local.delete(key);
  }
}
