import type { ClientContext } from '@app/core';

/** Every audit event type (docs/api.md "Audit events"). Event names on the bus are these strings. */
export enum AuditEventType {
  LoginSuccess = 'auth.login.success',
  LoginFailure = 'auth.login.failure',
  TokenRefresh = 'auth.token.refresh',
  Logout = 'auth.logout',
  KeyCreated = 'key.created',
  KeyRevoked = 'key.revoked',
  KeyRotated = 'key.rotated',
  PermissionChanged = 'permission.changed',
  RateLimitHit = 'ratelimit.hit',
  LoginThrottled = 'auth.login.throttled',
  PasswordChanged = 'auth.password.changed',
  SessionsEnded = 'auth.sessions.ended',
  AdminBootstrapped = 'admin.bootstrapped',
  UserCreated = 'user.created',
  UserDeleted = 'user.deleted',
  ApiCreated = 'api.created',
  ApiUpdated = 'api.updated',
  ApiDeleted = 'api.deleted',
  TierCreated = 'tier.created',
  TierUpdated = 'tier.updated',
  TierDeleted = 'tier.deleted',
}

/** What a module emits; the Audit module adds id and timestamp and records it. */
export interface AuditEventPayload {
  actorUserId: string | null;
  apiKeyId: string | null;
  client: ClientContext | null;
  metadata: Record<string, unknown>;
}

export function auditEvent(
  client: ClientContext | null,
  actorUserId: string | null,
  metadata: Record<string, unknown> = {},
  apiKeyId: string | null = null,
): AuditEventPayload {
  return { actorUserId, apiKeyId, client, metadata };
}
