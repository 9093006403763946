import { Logger } from '@nestjs/common';
import type { RedisClient } from '@app/redis';
import { LRUCache } from 'lru-cache';
import type { InvalidationBus } from './invalidation-bus.service';
import { monotonicMs } from './monotonic-clock';

export interface TieredCacheOptions<T = unknown> {
  /** names the L2 keys and the invalidation messages */
  name: string;
  l1TtlMs: number;
  l1Max: number;
  l2TtlSeconds: number;
  /** lifetime of a "does not exist" answer in both layers */
  negativeTtlMs: number;
  /**
   * Whether a value read from L2 has this version's shape. One written by an older version
   * (during a rolling upgrade) counts as absent: it is loaded again and rewritten.
   */
  isCurrent?: (value: T) => boolean;
}

/** L1 lifetime while invalidations cannot be heard. */
const DEGRADED_L1_TTL_MS = 1_000;
const NEGATIVE = '\u0000missing';

/** A value, and when it was read (monotonicMs): an entry read before the invalidation channel was last lost is not trusted. */
type Slot<T> = { value: T | null; at: number };

/** How long an eviction is remembered, to refuse a value whose read was overtaken by it. */
const EVICTION_MEMORY_MS = 60_000;

export interface CacheStats {
  l1: number;
  l2: number;
  source: number;
}

/**
 * Three tiers: L1 in-process LRU, L2 Redis, L3 the loader (PostgreSQL),
 * with misses cached briefly too. Redis failures only skip L2; loader failures propagate.
 * Values must be JSON-serialisable.
 */
export class TieredCache<T> {
  private readonly logger: Logger;
  private readonly l1: LRUCache<string, Slot<T>>;
  /** id → when its last eviction arrived: a read that started earlier may hold the old value */
  private readonly evicted = new LRUCache<string, number>({ max: 10_000, ttl: EVICTION_MEMORY_MS });
  readonly stats: CacheStats = { l1: 0, l2: 0, source: 0 };

  get name(): string {
    return this.options.name;
  }

  constructor(
    private readonly options: TieredCacheOptions<T>,
    private readonly redis: RedisClient,
    private readonly bus: InvalidationBus,
  ) {
    this.logger = new Logger(`Cache:${options.name}`);
    this.l1 = new LRUCache<string, Slot<T>>({ max: options.l1Max, ttl: options.l1TtlMs, ttlAutopurge: false });
    bus.register(options.name, (id) => {
      this.l1.delete(id);
      this.evicted.set(id, monotonicMs());
    });
  }

  /** The L1 entry if present: `undefined` = not cached, `null` = cached as missing. Synchronous. */
  peek(id: string): T | null | undefined {
    const slot = this.trusted(id);
    if (slot) this.stats.l1++;
    return slot?.value;
  }

  async get(id: string, load: () => Promise<T | null>): Promise<T | null> {
    const local = this.trusted(id);
    if (local) {
      this.stats.l1++;
      return local.value;
    }
    const readAt = monotonicMs();
    const remote = await this.readL2(id);
    if (remote !== undefined) {
      this.stats.l2++;
      this.remember(id, remote, readAt);
      return remote;
    }
    this.stats.source++;
    const value = await load();
    if (this.remember(id, value, readAt)) await this.writeL2(id, value);
    return value;
  }

  /**
   * The L1 entry, unless it was cached before the invalidation channel was last lost: it
   * may have missed an eviction while this node could not hear them.
   */
  private trusted(id: string): Slot<T> | undefined {
    const slot = this.l1.get(id);
    if (slot === undefined || slot.at > this.bus.lostAt) return slot;
    this.l1.delete(id);
    return undefined;
  }

  /** Drops the entry from L2 and from every node's L1. */
  async invalidate(id: string): Promise<void> {
    await this.redis
      .del(this.l2Key(id))
      .catch((error: Error) => this.logger.warn(`L2 delete of ${id} failed: ${error.message}`));
    await this.bus.publish(this.options.name, id);
  }

  /**
   * Caches what a read that started at `readAt` found, unless an eviction of this id arrived
   * since: then the value may be the one the eviction was about, and it is only returned.
   */
  private remember(id: string, value: T | null, readAt: number): boolean {
    if ((this.evicted.get(id) ?? -Infinity) >= readAt) return false;
    const ttl = Math.min(
      value === null ? this.options.negativeTtlMs : this.options.l1TtlMs,
      this.bus.degraded ? DEGRADED_L1_TTL_MS : Infinity,
    );
    this.l1.set(id, { value, at: readAt }, { ttl });
    return true;
  }

  private async readL2(id: string): Promise<T | null | undefined> {
    try {
      const raw = await this.redis.get(this.l2Key(id));
      if (raw === null) return undefined;
      if (raw === NEGATIVE) return null;
      const value = JSON.parse(raw) as T;
      return this.options.isCurrent && !this.options.isCurrent(value) ? undefined : value;
    } catch {
      return undefined;
    }
  }

  private async writeL2(id: string, value: T | null): Promise<void> {
    const ttlMs = value === null ? this.options.negativeTtlMs : this.options.l2TtlSeconds * 1000;
    await this.redis
      .set(this.l2Key(id), value === null ? NEGATIVE : JSON.stringify(value), 'PX', ttlMs)
      .catch(() => undefined);
  }

  private l2Key(id: string): string {
    return `cache:${this.options.name}:${id}`;
  }
}
