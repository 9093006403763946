import { randomUUID } from 'node:crypto';
import { UsersService } from '@app/auth';
import { UserRole } from '@app/db';
import { ApiClient } from './api-client';
import type { TestApp } from './test-app';

export interface SignedIn {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  accessToken: string;
  refreshToken: string;
}

export const PASSWORD = 'correct horse battery staple';

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * Seeds a user with `role` (through the app's own UsersService, as an admin would) and
 * signs them in over HTTP.
 */
export async function signIn(
  t: TestApp,
  role: UserRole = UserRole.Viewer,
  email = uniqueEmail(role),
): Promise<SignedIn> {
  const user = await t.app.get(UsersService).create({ email, password: PASSWORD, role });
  const login = await new ApiClient(t.url).post('/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    id: user.id,
    email,
    password: PASSWORD,
    role,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}
