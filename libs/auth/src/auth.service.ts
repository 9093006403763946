import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { auditEvent, AuditEventType } from '@app/audit';
import { AuthenticationError, ClientContext } from '@app/core';
import { User } from '@app/db';
import { TokenPairDto } from './dto/auth-responses.dto';
import { PasswordHasher } from './passwords/password-hasher.service';
import type { AuthUser } from './rbac/auth-user';
import { SessionStore } from './sessions/session-store.service';
import { LoginThrottle } from './throttling/login-throttle.service';
import { AccessTokenService } from './tokens/access-token.service';
import { IssuedRefreshToken, RefreshTokenService } from './tokens/refresh-token.service';
import { toSession, UsersService } from './users/users.service';

/** The JWT Authentication Sequence: login, refresh (rotation), logout. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly events: EventEmitter2,
  ) {}

  async login(email: string, password: string, client: ClientContext): Promise<TokenPairDto> {
    await this.throttle.assertAllowed(email, client.ip).catch((error: unknown) => {
      this.events.emit(AuditEventType.LoginThrottled, auditEvent(client, null, { email: email.toLowerCase() }));
      throw error;
    });
    const user = await this.users.findByEmailWithPassword(email);
    const valid = user
      ? await this.hasher.verify(password, user.passwordHash)
      : await this.hasher.verifyAgainstDummy(password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, client.ip);
      this.events.emit(
        AuditEventType.LoginFailure,
        auditEvent(client, user?.id ?? null, { reason: user ? 'wrong_password' : 'unknown_email' }),
      );
      throw new AuthenticationError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.throttle.recordSuccess(email);
    const refresh = await this.refreshTokens.issue(user.id);
    await this.sessions.store(toSession(user));
    this.events.emit(AuditEventType.LoginSuccess, auditEvent(client, user.id, { familyId: refresh.familyId }));
    return this.tokenPair(user, refresh);
  }

  async refresh(token: string, client: ClientContext): Promise<TokenPairDto> {
    const rotated = await this.refreshTokens.rotate(token).catch((error: unknown) => {
      if (error instanceof AuthenticationError && error.code === 'REFRESH_TOKEN_REUSED') {
        this.events.emit(AuditEventType.TokenRefresh, auditEvent(client, null, { outcome: 'reuse_detected' }));
      }
      throw error;
    });
    const user = await this.users.findById(rotated.userId);
    if (!user) throw new AuthenticationError('TOKEN_REVOKED', 'The user of this token no longer exists');
    this.events.emit(
      AuditEventType.TokenRefresh,
      auditEvent(client, user.id, { familyId: rotated.familyId, outcome: 'rotated' }),
    );
    return this.tokenPair(user, rotated);
  }

  /** Ends the sign-in of this access token: the token, its siblings from refreshes, and the sign-ins of `refreshTokens`. */
  async logout(user: AuthUser, refreshTokens: readonly string[], client: ClientContext): Promise<void> {
    await this.sessions.revokeToken(user.id, user.tokenId, user.tokenExpiresAt);
    if (user.familyId) {
      await this.sessions.revokeFamily(user.id, user.familyId);
      await this.refreshTokens.revokeFamilyById(user.familyId, user.id);
    }
    for (const token of refreshTokens) await this.refreshTokens.revokeFamilyOf(token, user.id);
    this.events.emit(
      AuditEventType.Logout,
      auditEvent(client, user.id, { jti: user.tokenId, refreshTokenRevoked: refreshTokens.length > 0 }),
    );
  }

  /**
   * A new password ends every sign-in of the user, this one included; the answer is a new
   * token pair, so the caller goes on without signing in again.
   */
  async changePassword(
    user: AuthUser,
    currentPassword: string,
    newPassword: string,
    client: ClientContext,
  ): Promise<TokenPairDto> {
    // A stolen access token must not make a password oracle: the sign-in throttle applies.
    await this.throttle.assertAllowed(user.email, client.ip);
    const stored = await this.users.findByEmailWithPassword(user.email);
    if (!stored || !(await this.hasher.verify(currentPassword, stored.passwordHash))) {
      await this.throttle.recordFailure(user.email, client.ip);
      this.events.emit(
        AuditEventType.LoginFailure,
        auditEvent(client, user.id, { reason: 'wrong_password', during: 'password_change' }),
      );
      throw new AuthenticationError('INVALID_CREDENTIALS', 'The current password is wrong');
    }
    await this.users.changePassword(user.id, await this.hasher.hash(newPassword));
    this.events.emit(AuditEventType.PasswordChanged, auditEvent(client, user.id, { userId: user.id }));
    const refreshed = (await this.users.findById(user.id))!;
    const refresh = await this.refreshTokens.issue(user.id);
    await this.sessions.store(toSession(refreshed));
    return this.tokenPair(refreshed, refresh);
  }

  private tokenPair(user: User, refresh: IssuedRefreshToken): TokenPairDto {
    return {
      accessToken: this.accessTokens.sign(user.id, user.role, user.tokensValidAfter.getTime(), refresh.familyId),
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
    };
  }
}
