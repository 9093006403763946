import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RateLimitTiersService, TierRecord } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { RateLimitError } from '@app/core';
import type { FastifyReply } from 'fastify';
import { rateLimitHeaders, retryAfterSeconds, violatedPolicies } from './rate-limit-headers';
import { RateLimitHitReporter } from './rate-limit-hit.reporter';
import { RateLimiter } from './rate-limiter.service';
import { API_MINUTE, BURST, HOUR, MINUTE, WindowSpec } from './sliding-window';

/**
 * After the key check (so 401/403 never consume budget): the key's tier (burst, minute,
 * hour) and the API's own per-minute limit, in one atomic step. Keyless APIs with a
 * `rateLimit` are limited per client IP.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly tiers: RateLimitTiersService,
    private readonly hits: RateLimitHitReporter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const api = request.gatewayApi!;
    const key = request.apiKey;
    const specs: WindowSpec[] = [];
    if (key) {
      const tier = this.tiers.peekByName(key.rateLimitTier) ?? (await this.tiers.findByName(key.rateLimitTier));
      if (tier) specs.push(...tierWindows(tier));
    }
    if (api.rateLimit !== null) specs.push({ ...API_MINUTE, id: `api:${api.id}`, limit: api.rateLimit });
    if (specs.length === 0) return true;

    const subject = key ? key.id : `ip:${request.ip}`;
    const decision = await this.limiter.check(subject, specs);
    context.switchToHttp().getResponse<FastifyReply>().headers(rateLimitHeaders(decision));
    if (decision.allowed) return true;
    this.hits.record(subject, key?.id ?? null, api.name);
    throw new RateLimitError(retryAfterSeconds(decision), 'Rate limit exceeded', { policies: violatedPolicies(decision) });
  }
}

function tierWindows(tier: TierRecord): WindowSpec[] {
  return [
    { ...BURST, limit: tier.burstLimit },
    { ...MINUTE, limit: tier.requestsPerMin },
    { ...HOUR, limit: tier.requestsPerHour },
  ];
}
