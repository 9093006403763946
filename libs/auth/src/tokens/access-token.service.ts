import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import { UserRole } from '@app/db';

export const JWT_ISSUER = 'datahub';
export const JWT_AUDIENCE = 'datahub-api';
export const JWT_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  jti: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  /**
   * `iat` is never earlier than the user's tokens-valid-after stamp, so a token issued in
   * the same second as a role change or password change is not mistaken for an older one.
   */
  sign(userId: string, role: UserRole, tokensValidAfterMs: number): string {
    const iat = Math.max(Math.floor(Date.now() / 1000), Math.ceil(tokensValidAfterMs / 1000));
    return this.jwt.sign(
      { sub: userId, role, jti: randomUUID(), iat },
      { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: this.ttlSeconds },
    );
  }
}
