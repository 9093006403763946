import { UserRole } from '@app/db';

/** The RBAC graph of the design, exactly. */
export enum Permission {
  UsersRead = 'users:read',
  UsersWrite = 'users:write',
  KeysRead = 'keys:read',
  KeysWrite = 'keys:write',
  KeysRevoke = 'keys:revoke',
  ApisRead = 'apis:read',
  ApisWrite = 'apis:write',
  AnalyticsRead = 'analytics:read',
  AnalyticsExport = 'analytics:export',
  RateLimitsWrite = 'rate-limits:write',
}

export const ROLE_PERMISSIONS: Readonly<Record<UserRole, readonly Permission[]>> = {
  [UserRole.Admin]: Object.values(Permission),
  [UserRole.Developer]: [
    Permission.KeysRead,
    Permission.KeysWrite,
    Permission.ApisRead,
    Permission.AnalyticsRead,
    Permission.AnalyticsExport,
  ],
  [UserRole.Viewer]: [Permission.KeysRead, Permission.ApisRead, Permission.AnalyticsRead],
};

export function hasPermission(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
