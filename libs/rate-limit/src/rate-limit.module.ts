import { Module } from '@nestjs/common';
import { AdminModule } from '@app/admin';
import { RateLimitHitReporter } from './rate-limit-hit.reporter';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter.service';

/** Distributed sliding-window rate limiting: one Redis round trip per request. */
@Module({
  imports: [AdminModule],
  providers: [RateLimiter, RateLimitGuard, RateLimitHitReporter],
  exports: [RateLimiter, RateLimitGuard, RateLimitHitReporter],
})
export class RateLimitModule {}
