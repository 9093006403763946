import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RateLimitTiersService, type TierRecord } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { clientContextOf, HTTP_REPLY, HTTP_REQUEST, RateLimitError } from '@app/core';
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

  /** Synchronous when nothing limits the request; otherwise one promise, settled by Redis' answer. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.getArgByIndex<GatewayRequest>(HTTP_REQUEST);
    const reply = context.getArgByIndex<FastifyReply>(HTTP_REPLY);
    const key = request.apiKey;
    if (!key) return this.limit(request, reply, undefined);
    const tier = this.tiers.peekByName(key.rateLimitTier);
    if (tier !== undefined) return this.limit(request, reply, tier ?? undefined);
    return this.tiers.findByName(key.rateLimitTier).then((loaded) => this.limit(request, reply, loaded ?? undefined));
  }

  private limit(
    request: GatewayRequest,
    reply: FastifyReply,
    tier: TierRecord | undefined,
  ): boolean | Promise<boolean> {
    const api = request.gatewayApi!;
    const policy = this.policies.get(tier, api);
    if (!policy) return true;
    const key = request.apiKey;
    const subject = key ? key.id : `ip:${request.ip}`;
    return this.limiter.check(subject, policy).then((decision) => {
      reply.headers(rateLimitHeaders(decision, policy));
      if (decision.allowed) return true;
      this.hits.record(subject, key?.id ?? null, api.name, clientContextOf(request));
      throw new RateLimitError(retryAfterSeconds(decision), 'Rate limit exceeded', {
        policies: violatedPolicies(decision),
      });
    });
  }
}
