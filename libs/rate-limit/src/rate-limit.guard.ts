import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RateLimitTiersService } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { RateLimitError } from '@app/core';
import type { FastifyReply } from 'fastify';
import { rateLimitHeaders, retryAfterSeconds, violatedPolicies } from './rate-limit-headers';
import { RateLimitHitReporter } from './rate-limit-hit.reporter';
import { PolicyCache } from './rate-limit-policy';
import { RateLimiter } from './rate-limiter.service';

/**
 * After the key check (so 401/403 never consume budget): the key's tier (burst, minute,
 * hour) and the API's own per-minute limit, in one atomic step. Keyless APIs with a
 * `rateLimit` are limited per client IP.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly policies = new PolicyCache();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly tiers: RateLimitTiersService,
    private readonly hits: RateLimitHitReporter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const api = request.gatewayApi!;
    const key = request.apiKey;
    const tier = key ? (this.tiers.peekByName(key.rateLimitTier) ?? (await this.tiers.findByName(key.rateLimitTier)) ?? undefined) : undefined;
    const policy = this.policies.get(tier, api);
    if (!policy) return true;

    const subject = key ? key.id : `ip:${request.ip}`;
    const decision = await this.limiter.check(subject, policy);
    context.switchToHttp().getResponse<FastifyReply>().headers(rateLimitHeaders(decision, policy));
    if (decision.allowed) return true;
    this.hits.record(subject, key?.id ?? null, api.name);
    throw new RateLimitError(retryAfterSeconds(decision), 'Rate limit exceeded', { policies: violatedPolicies(decision) });
  }
}
