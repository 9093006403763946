import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, DependencyUnavailableError } from '@app/core';
import { MetricsRegistry } from '@app/metrics';
import { hashSlot, RATE_LIMIT_COMMAND, REDIS, RedisClient } from '@app/redis';
import { LRUCache } from 'lru-cache';
import { RateLimitBatcher } from './rate-limit-batcher';
import { RATE_LIMIT_SCRIPT } from './redis-rate-limit.script';
import type { RateLimitPolicy } from './rate-limit-policy';
import { BucketCounts, Decision, decide } from './sliding-window';

type ScriptingClient = RedisClient & { [RATE_LIMIT_COMMAND]: (...args: Array<string | number>) => Promise<number[]> };

const WARN_EVERY_MS = 10_000;

/** Where a subject's windows live: one key, its own hash tag. */
export const limitKey = (subject: string) => `{rl:${subject}}`;

export interface RateLimiterStats {
  allowed: number;
  refused: number;
  /** decisions taken by the per-node fallback because Redis did not answer */
  fallback: number;
}

/**
 * Checks and counts every window of a request in ONE Redis round trip (EVALSHA of the
 * sliding-window script, one key per subject); concurrent requests share that round trip,
 * whichever keys they use (RateLimitBatcher). If Redis does not answer:
 * RATE_LIMIT_FAILURE_MODE=open falls back to the same algorithm per node (limits divided
 * by RATE_LIMIT_FALLBACK_NODES), closed answers 503. Either way a warning and a counter.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly batcher: RateLimitBatcher;
  private readonly local = new LRUCache<string, BucketCounts>({ max: 100_000, ttl: 2 * 60 * 60 * 1000 });
  private lastWarning = 0;
  readonly stats: RateLimiterStats = { allowed: 0, refused: 0, fallback: 0 };

  constructor(
    @Inject(REDIS) redis: RedisClient,
    private readonly config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    metrics.observeTotal(
      'datahub_rate_limit_decisions_total',
      'Rate-limit decisions (fallback = taken per node while Redis did not answer)',
      ['decision'],
      (set) => {
        set({ decision: 'allowed' }, this.stats.allowed);
        set({ decision: 'refused' }, this.stats.refused);
        set({ decision: 'fallback' }, this.stats.fallback);
      },
    );
    metrics.observeTotal(
      'datahub_rate_limit_redis_calls_total',
      'Rate-limit script runs in Redis (concurrent checks share a run)',
      [],
      (set) => set({}, this.batcher.calls),
    );
    metrics.observeTotal(
      'datahub_rate_limit_redis_checks_total',
      'Rate-limit checks sent to Redis (divided by the runs: checks per run)',
      [],
      (set) => set({}, this.batcher.checked),
    );
    if (!(RATE_LIMIT_COMMAND in redis)) redis.defineCommand(RATE_LIMIT_COMMAND, { lua: RATE_LIMIT_SCRIPT });
    const scripting = redis as ScriptingClient;
    this.batcher = new RateLimitBatcher(
      (subjects, args) => scripting[RATE_LIMIT_COMMAND](subjects.length, ...subjects.map(limitKey), ...args),
      // A script's keys must share a hash slot in a cluster (the slot of the key as sent,
      // prefix included); one Redis takes any mix.
      config.redis.mode === 'cluster' ? (subject) => hashSlot(config.redis.keyPrefix + limitKey(subject)) : undefined,
    );
  }

  /** `subject` names whose budget this is (a key id, or `ip:<addr>`); the policy, its windows. */
  check(subject: string, policy: RateLimitPolicy): Promise<Decision> {
    if (this.config.redis.mode === 'memory') {
      // Embedded single node: the in-process store's Lua (fengari, 32-bit integers) cannot
      // run the script, and there is no other node to share with: count here, exactly.
      return Promise.resolve(this.counted(this.decideLocally(subject, policy, 1)));
    }
    // then() rather than an async function: one promise less per gateway request.
    return this.batcher.check(subject, policy).then(
      (decision) => this.counted(decision),
      (error: Error) => this.counted(this.fallback(subject, policy, error)),
    );
  }

  private counted(decision: Decision): Decision {
    if (decision.allowed) this.stats.allowed++;
    else this.stats.refused++;
    return decision;
  }

  private fallback(subject: string, policy: RateLimitPolicy, error: Error): Decision {
    this.stats.fallback++;
    const { failureMode, fallbackNodes } = this.config.rateLimit;
    const now = Date.now();
    if (now - this.lastWarning > WARN_EVERY_MS) {
      this.lastWarning = now;
      this.logger.warn(`Redis unavailable for rate limiting (${error.message}); failing ${failureMode}`);
    }
    if (failureMode === 'closed') throw new DependencyUnavailableError('Rate limits cannot be checked right now');
    return this.decideLocally(subject, policy, fallbackNodes);
  }

  /** The same algorithm in this process, each limit divided among `nodes`. */
  private decideLocally(subject: string, { specs }: RateLimitPolicy, nodes: number): Decision {
    const now = Date.now();
    const shares = specs.map((spec) => ({ ...spec, limit: Math.max(1, Math.floor(spec.limit / nodes)) }));
    const states = shares.map((spec) => {
      const key = `${subject}:${spec.id ?? spec.name}`;
      let counts = this.local.get(key);
      if (!counts) this.local.set(key, (counts = new Map()));
      return counts;
    });
    return decide(states, shares, now);
  }
}
