import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimitError } from '@app/core';

/** Per-client-IP throttle on the open auth routes; refusals are our 429 problem with Retry-After. */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitError(detail.timeToBlockExpire, 'Too many requests from this address; wait before trying again');
  }
}
