import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { Permission } from './permissions';
import { ApiProblem } from '@app/core';

export const REQUIRED_PERMISSIONS = 'datahub:permissions';

/**
 * A signed-in route, optionally needing permissions; also declares the bearer scheme, the
 * 401/403 problems and the permissions (`x-required-permissions`) in the OpenAPI document.
 */
export function Auth(...permissions: Permission[]) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth('bearer'),
    ApiProblem(401, ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED']),
    ...(permissions.length
      ? [ApiProblem(403, ['INSUFFICIENT_PERMISSIONS']), ApiExtension('x-required-permissions', permissions)]
      : []),
  );
}

/** `@CurrentUser() user: AuthUser` */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<FastifyRequest & { user: AuthUser }>().user,
);
