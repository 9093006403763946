export { RateLimitModule } from './rate-limit.module';
export { RateLimitGuard } from './rate-limit.guard';
export { RateLimitHitReporter } from './rate-limit-hit.reporter';
export { RateLimiter, type RateLimiterStats } from './rate-limiter.service';
export { decide, type Decision, type WindowSpec } from './sliding-window';
