import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@app/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { REQUIRED_PERMISSIONS } from './decorators';
import { hasPermission, Permission } from './permissions';

/** Global, after JwtAuthGuard: the role must grant every permission the route names. */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user;
    const missing = required.filter((permission) => !user || !hasPermission(user.role, permission));
    if (missing.length) throw new ForbiddenError(`Your role lacks ${missing.join(', ')}`);
    return true;
  }
}
