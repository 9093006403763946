import { ApiPermissionLevel } from '@app/db';

/** A key as the gateway checks it, cached in L1/L2 under the key's hash. Times are epoch ms. */
export interface ApiKeyRecord {
  id: string;
  userId: string;
  prefix: string;
  rateLimitTier: string;
  /** the earlier of the key's expiry and, for a rotated-out secret, its grace deadline */
  expiresAt: number | null;
  /** set when the key was revoked or its owner deleted */
  revokedAt: number | null;
  /** api id → level */
  permissions: Record<string, ApiPermissionLevel>;
  /** canonical CIDR ranges the key may be used from; null = any address */
  allowedIps: string[] | null;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** read: GET, HEAD, OPTIONS; write and admin: every method (no API declares admin paths yet). */
export function allowsMethod(level: ApiPermissionLevel | undefined, method: string): boolean {
  if (!level) return false;
  return level !== ApiPermissionLevel.Read || READ_METHODS.has(method);
}
