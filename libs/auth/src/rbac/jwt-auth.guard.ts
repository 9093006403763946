import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthenticationError, IS_PUBLIC } from '@app/core';
import { RouteMetadata } from './route-metadata';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="datahub", error="invalid_token"' };

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(reflector: Reflector) {
    super();
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
  }

  override canActivate(context: ExecutionContext) {
    if (this.isPublic.of(context)) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(
    error: unknown,
    user: TUser,
    info: { name?: string; message?: string } | undefined,
  ): TUser {
    if (error) throw error;
    if (user) return user;
    if (info?.name === 'TokenExpiredError') {
      throw new AuthenticationError('TOKEN_EXPIRED', 'The access token has expired; refresh it', {}, CHALLENGE);
    }
    if (!info || info.message === 'No auth token') {
      throw new AuthenticationError(
        'TOKEN_MISSING',
        'Send an access token: Authorization: Bearer <token>',
        {},
        { 'www-authenticate': 'Bearer realm="datahub"' },
      );
    }
    throw new AuthenticationError(
      'TOKEN_INVALID',
      'The access token is malformed or its signature is invalid',
      {},
      CHALLENGE,
    );
  }
}
