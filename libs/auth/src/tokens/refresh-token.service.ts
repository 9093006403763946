import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AppConfig, AuthenticationError } from '@app/core';
import { RefreshToken } from '@app/db';
import { DataSource, IsNull, Repository } from 'typeorm';
import { SessionStore } from '../sessions/session-store.service';

/** `dhr_` + 256 random bits: recognisable by secret scanners. */
const PREFIX = 'dhr_';
const FORMAT = /^dhr_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
}

export interface RotatedRefreshToken extends IssuedRefreshToken {
  userId: string;
}

/**
 * Opaque refresh tokens stored only as SHA-256 hashes. Every login starts a family; every
 * refresh uses the presented token up (one conditional UPDATE: exactly one concurrent
 * caller wins) and issues its child. Presenting a used token revokes the whole family and
 * blacklists the family's access tokens.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sessions: SessionStore,
  ) {}

  async issue(
    userId: string,
    familyId: string = randomUUID(),
    parentId: string | null = null,
    repo = this.tokens,
  ): Promise<IssuedRefreshToken> {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    await repo.insert({ userId, tokenHash: hashToken(token), familyId, parentId, expiresAt });
    return { token, familyId };
  }

  async rotate(token: string): Promise<RotatedRefreshToken> {
    if (!FORMAT.test(token)) throw new AuthenticationError('TOKEN_INVALID', 'Not a DataHub refresh token');
    const tokenHash = hashToken(token);
    const rotated = await this.dataSource.transaction(async (tx) => {
      const [rows] = await tx.query(
        `UPDATE refresh_tokens SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         RETURNING id, user_id, family_id`,
        [tokenHash],
      );
      const used = rows[0] as { id: string; user_id: string; family_id: string } | undefined;
      if (!used) return undefined;
      const child = await this.issue(used.user_id, used.family_id, used.id, tx.getRepository(RefreshToken));
      return { ...child, userId: used.user_id };
    });
    if (rotated) return rotated;
    throw await this.explainRefusal(tokenHash);
  }

  /** Revokes the token's whole family (logout); unknown or foreign tokens are ignored. */
  async revokeFamilyOf(token: string, userId: string): Promise<void> {
    if (!FORMAT.test(token)) return;
    const found = await this.tokens.findOne({
      where: { tokenHash: hashToken(token), userId },
      select: { familyId: true },
    });
    if (found) await this.revokeFamily(found.familyId);
  }

  /** Revokes a sign-in's refresh tokens by its family id (from the access token), for its own user only. */
  async revokeFamilyById(familyId: string, userId: string): Promise<void> {
    await this.tokens.update({ familyId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async explainRefusal(tokenHash: string): Promise<AuthenticationError> {
    const token = await this.tokens.findOne({
      where: { tokenHash },
      select: { id: true, userId: true, familyId: true, usedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!token) return new AuthenticationError('TOKEN_INVALID', 'Unknown refresh token');
    if (token.usedAt) {
      // A stolen token, or its rightful owner after a thief: end the whole sign-in, the
      // access tokens already issued in it included.
      await this.revokeFamily(token.familyId);
      await this.sessions.revokeFamily(token.userId, token.familyId);
      return new AuthenticationError(
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; every token of this sign-in is now revoked',
      );
    }
    if (token.revokedAt) return new AuthenticationError('TOKEN_REVOKED', 'The refresh token was revoked');
    return new AuthenticationError('TOKEN_EXPIRED', 'The refresh token has expired; sign in again');
  }
}
