import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig, AuthenticationError, DependencyUnavailableError, UUID } from '@app/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../rbac/auth-user';
import { CLOCK_TOLERANCE_SECONDS, SessionLookup, SessionStore, UserSession } from '../sessions/session-store.service';
import { UsersService } from '../users/users.service';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './access-token.service';

const REQUIRED_CLAIMS = ['sub', 'role', 'jti', 'sv', 'iat', 'exp'] as const;

/**
 * Only tokens we issue verify, but the claims are still checked for shape: a token signed
 * with a leaked or shared secret must be a 401, not a database error on its `sub`.
 */
function hasValidClaims(claims: AccessTokenClaims): boolean {
  if (REQUIRED_CLAIMS.some((claim) => claims[claim] === undefined)) return false;
  if (claims.fam !== undefined && !(typeof claims.fam === 'string' && UUID.test(claims.fam))) return false;
  return (
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    typeof claims.jti === 'string' &&
    UUID.test(claims.jti) &&
    Number.isSafeInteger(claims.sv)
  );
}

/**
 * Bearer JWT from the Authorization header only (never the query string), HS256 only,
 * issuer and audience pinned, 5 s clock tolerance. Then: blacklist (logout) and the user's
 * tokens-valid-after stamp, from the Redis session cache in one round trip when warm.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly logger = new Logger(JwtStrategy.name);

  constructor(
    config: AppConfig,
    private readonly sessions: SessionStore,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser> {
    if (!hasValidClaims(claims))
      throw new AuthenticationError('TOKEN_INVALID', 'The access token lacks required claims or they are malformed');
    const { session, revoked } = await this.lookup(claims);
    if (revoked) throw new AuthenticationError('TOKEN_REVOKED', 'The access token was revoked (logged out)');
    if (!session) throw new AuthenticationError('TOKEN_REVOKED', 'The user of this token no longer exists');
    if (claims.sv !== session.tokensValidAfter) {
      throw new AuthenticationError(
        'TOKEN_REVOKED',
        'The access token predates a change to this account; sign in again',
      );
    }
    return {
      id: session.id,
      email: session.email,
      name: session.name,
      role: session.role,
      tokenId: claims.jti,
      tokenExpiresAt: claims.exp * 1000,
      familyId: claims.fam,
    };
  }

  /** Redis when it answers; PostgreSQL when it does not; 503 when neither does (fail closed). */
  private async lookup(claims: AccessTokenClaims): Promise<{ session?: UserSession; revoked: boolean }> {
    let cached: SessionLookup | undefined;
    try {
      cached = await this.sessions.lookup(claims.sub, claims.jti, claims.fam);
    } catch (error) {
      this.logger.warn(`Session cache unavailable, checking PostgreSQL: ${(error as Error).message}`);
    }
    if (cached?.revoked) return { revoked: true };
    if (cached?.session) return { session: cached.session, revoked: false };
    try {
      const revoked = cached ? false : await this.sessions.isRevokedInDatabase(claims.jti, claims.fam);
      if (revoked) return { revoked: true };
      const session = await this.users.loadSession(claims.sub);
      if (session) await this.sessions.store(session);
      return { session, revoked: false };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      this.logger.error(`Cannot check the access token: ${(error as Error).message}`);
      throw new DependencyUnavailableError('Cannot verify the access token right now');
    }
  }
}
