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
  /** the user's tokens-valid-after stamp (epoch ms) when the token was issued */
  sv: number;
  /** the sign-in (refresh-token family) it was issued in: revoking the family ends it */
  fam?: string;
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
   * The token carries the user's tokens-valid-after stamp (`sv`): bumping the stamp (role
   * change, deletion) ends every older token at once. Exact, unlike `iat`, whose one-second
   * precision cannot order a login and a role change within the same second. It also
   * carries its sign-in (`fam`): a detected refresh-token reuse or a logout ends the whole
   * sign-in, access tokens included.
   */
  sign(userId: string, role: UserRole, tokensValidAfterMs: number, familyId: string): string {
    return this.jwt.sign(
      { sub: userId, role, jti: randomUUID(), sv: tokensValidAfterMs, fam: familyId },
      { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: this.ttlSeconds },
    );
  }
}
