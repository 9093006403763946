import { UserRole } from '@app/db';
import { hasPermission, Permission, ROLE_PERMISSIONS } from './permissions';

describe('RBAC permission graph', () => {
  it('is exactly the role table of docs/api.md', () => {
    expect(ROLE_PERMISSIONS).toEqual({
      admin: [
        'users:read',
        'users:write',
        'keys:read',
        'keys:write',
        'keys:revoke',
        'apis:read',
        'apis:write',
        'analytics:read',
        'analytics:export',
        'rate-limits:write',
      ],
      developer: ['keys:read', 'keys:write', 'apis:read', 'analytics:read', 'analytics:export'],
      viewer: ['keys:read', 'apis:read', 'analytics:read'],
    });
  });

  it('answers per role and permission', () => {
    expect(hasPermission(UserRole.Developer, Permission.KeysWrite)).toBe(true);
    expect(hasPermission(UserRole.Developer, Permission.KeysRevoke)).toBe(false);
    expect(hasPermission(UserRole.Viewer, Permission.AnalyticsExport)).toBe(false);
    expect(hasPermission(UserRole.Admin, Permission.RateLimitsWrite)).toBe(true);
  });
});
