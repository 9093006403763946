import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { RateLimitError } from '@app/core';

export const REGISTRATION_THROTTLER = 'per-ip';

/** Per-client-IP throttle on the open auth routes; refusals are our 429 problem with Retry-After. */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  /** Only the per-IP throttler; the management API's throttlers are ManagementThrottlerGuard's. */
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === REGISTRATION_THROTTLER ? super.handleRequest(request) : Promise.resolve(true);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitError(detail.timeToBlockExpire, 'Too many requests from this address; wait before trying again');
  }
}
