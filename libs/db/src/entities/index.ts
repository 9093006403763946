import { Api } from './api.entity';
import { ApiKey } from './api-key.entity';
import { ApiPermission } from './api-permission.entity';
import { AuditEvent } from './audit-event.entity';
import { RateLimit } from './rate-limit.entity';
import { RefreshToken } from './refresh-token.entity';
import { RequestLog } from './request-log.entity';
import { RevokedAccessToken } from './revoked-access-token.entity';
import { User } from './user.entity';

export { Api, ApiKey, ApiPermission, AuditEvent, RateLimit, RefreshToken, RequestLog, RevokedAccessToken, User };
export { UserRole } from './user.entity';
export { ApiPermissionLevel } from './api-permission.entity';

/** Explicit list (no globs: they break under bundlers and in monorepo builds). */
export const entities = [
  User,
  ApiKey,
  Api,
  ApiPermission,
  RequestLog,
  RateLimit,
  RefreshToken,
  AuditEvent,
  RevokedAccessToken,
];
