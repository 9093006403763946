import { Module } from '@nestjs/common';

/** Sign-in, tokens and RBAC guards (issue: identity). */
@Module({})
export class AuthModule {}
