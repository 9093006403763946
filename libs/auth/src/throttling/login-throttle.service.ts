import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, RateLimitError } from '@app/core';
import { REDIS, RedisClient } from '@app/redis';
import { RedisCounters } from './redis-counters';

const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins per account and per client IP. Only failures count, so a user who types
 * the password right is never throttled; past the limit both answer 429 with Retry-After
 * until the window ends, whatever the password.
 */
@Injectable()
export class LoginThrottle {
  private readonly counters: RedisCounters;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    this.counters = new RedisCounters(redis, config.redis.mode === 'memory');
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const blockedMs = await this.counters.blockedFor([this.emailKey(email), this.ipKey(ip)]);
    if (blockedMs > 0) throw new RateLimitError(blockedMs / 1000, 'Too many failed sign-ins; wait before trying again');
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { maxFailuresPerEmail, maxFailuresPerIp } = this.config.auth;
    // Blocked from the N-th failure on: the (N+1)-th attempt is refused.
    await Promise.all([
      this.counters.hit(this.emailKey(email), FAILURE_WINDOW_MS, maxFailuresPerEmail - 1, FAILURE_WINDOW_MS),
      this.counters.hit(this.ipKey(ip), FAILURE_WINDOW_MS, maxFailuresPerIp - 1, FAILURE_WINDOW_MS),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counters.reset(this.emailKey(email));
  }

  /** Emails are hashed so that Redis holds no personal data. */
  private emailKey(email: string): string {
    return `{auth}:fail:email:${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32)}`;
  }

  private ipKey(ip: string): string {
    return `{auth}:fail:ip:${ip}`;
  }
}
