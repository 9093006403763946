import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';
import { HTTP_REQUEST, RateLimitError } from '@app/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../rbac/auth-user';
import { RouteMetadata } from '../rbac/route-metadata';

/** Throttler names: every /api/v1 request of a user, and each expensive route of theirs. */
export const MANAGEMENT_THROTTLER = 'management';
export const EXPENSIVE_THROTTLER = 'expensive';

const EXPENSIVE = 'datahub:expensive-route';
/** A route that costs the database much (scans, streams, hashing): its own, lower limit per user. */
export const ExpensiveRoute = () => SetMetadata(EXPENSIVE, true);

const MANAGEMENT_PREFIX = '/api/v1/';
const GATEWAY_PREFIX = '/gateway/';

interface Window {
  name: string;
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
}

/** The windows counted so far for one request, to answer with the tightest. */
const WINDOWS = Symbol('datahub.managementWindows');
type CountedRequest = FastifyRequest & { [WINDOWS]?: Window[]; user?: AuthUser };

/**
 * Rate limits of the management API (`/api/v1/*`): one budget per signed-in user (per client
 * IP for the open routes) across every route, and a lower one per expensive route. Counted
 * in Redis by @nestjs/throttler's storage, so the limits hold across nodes. Answers carry the
 * same headers as the gateway's, and a refusal is the same 429 problem.
 */
@Injectable()
export class ManagementThrottler extends ThrottlerGuard {
  private expensive?: RouteMetadata<boolean>;

  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    blockDuration,
  }: ThrottlerRequest): Promise<boolean> {
    const name = throttler.name!;
    if (name !== MANAGEMENT_THROTTLER && name !== EXPENSIVE_THROTTLER) return true;
    if (name === EXPENSIVE_THROTTLER && !this.isExpensive(context)) return true;
    const request = context.switchToHttp().getRequest<CountedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const tracker = request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
    const key =
      name === MANAGEMENT_THROTTLER ? tracker : `${tracker}:${context.getClass().name}.${context.getHandler().name}`;
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      name,
    );

    const windowSeconds = Math.round(ttl / 1000);
    const windows = (request[WINDOWS] ??= []);
    windows.push({
      name,
      limit,
      remaining: Math.max(0, limit - totalHits),
      resetSeconds: isBlocked ? timeToBlockExpire : timeToExpire,
      windowSeconds,
    });
    const tight = windows.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    reply.headers({
      'x-ratelimit-limit': String(tight.limit),
      'x-ratelimit-remaining': String(tight.remaining),
      'x-ratelimit-reset': String(tight.resetSeconds),
      'ratelimit-policy': windows.map((w) => `"${w.name}";q=${w.limit};w=${w.windowSeconds}`).join(', '),
      ratelimit: `"${tight.name}";r=${tight.remaining};t=${tight.resetSeconds}`,
    });
    if (isBlocked) {
      throw new RateLimitError(timeToBlockExpire, 'Too many requests to the management API; slow down', {
        policies: [{ policy: name, limit, windowSeconds, retryAfterSeconds: Math.max(1, timeToBlockExpire) }],
      });
    }
    return true;
  }

  private isExpensive(context: ExecutionContext): boolean {
    this.expensive ??= new RouteMetadata(this.reflector as Reflector, EXPENSIVE);
    return this.expensive.of(context) === true;
  }
}

/** Global: the management throttler for /api/v1/*; synchronous and free for everything else (the gateway above all). */
@Injectable()
export class ManagementThrottlerGuard implements CanActivate {
  constructor(private readonly throttler: ManagementThrottler) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.getArgByIndex<FastifyRequest>(HTTP_REQUEST);
    // The hot path first, without building Fastify's routeOptions object.
    if (request.url.startsWith(GATEWAY_PREFIX)) return true;
    // The route as matched, not the URL as sent: `/%61pi/v1/keys` is routed to /api/v1/keys.
    const route = request.routeOptions.url;
    if (route === undefined || !route.startsWith(MANAGEMENT_PREFIX)) return true;
    return this.throttler.canActivate(context);
  }
}
