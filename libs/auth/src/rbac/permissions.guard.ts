import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@app/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { REQUIRED_PERMISSIONS } from './decorators';
import { hasPermission, Permission } from './permissions';
import { RouteMetadata } from './route-metadata';

/** Global, after JwtAuthGuard: the role must grant every permission the route names. */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly requiredPermissions: RouteMetadata<Permission[]>;

  constructor(reflector: Reflector) {
    this.requiredPermissions = new RouteMetadata(reflector, REQUIRED_PERMISSIONS);
  }

  canActivate(context: ExecutionContext): boolean {
    const required = this.requiredPermissions.of(context);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user;
    const missing = required.filter((permission) => !user || !hasPermission(user.role, permission));
    if (missing.length) throw new ForbiddenError(`Your role lacks ${missing.join(', ')}`);
    return true;
  }
}
