import { UserRole } from '@app/db';

/** The signed-in user as guards and handlers see it (from the session cache, not the DB). */
export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** the access token's id and expiry, for logout */
  tokenId: string;
  tokenExpiresAt: number;
  /** the sign-in (refresh-token family) the access token was issued in; absent in older tokens */
  familyId?: string;
}
