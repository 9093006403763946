import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { Permission } from './permissions';

export const REQUIRED_PERMISSIONS = 'datahub:permissions';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

/**
 * A signed-in route, optionally needing permissions; also declares the bearer scheme and
 * the 401/403 problems in the OpenAPI document.
 */
export function Auth(...permissions: Permission[]) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked access token', schema: PROBLEM }),
    ...(permissions.length ? [ApiForbiddenResponse({ description: `Needs ${permissions.join(', ')}`, schema: PROBLEM })] : []),
  );
}

/** `@CurrentUser() user: AuthUser` */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest & { user: AuthUser }>().user,
);
