import { DataHubClient, type Me } from '@datahub/sdk';

/**
 * The console's one client. The access token stays in this page's memory; the refresh
 * token is an httpOnly cookie the page never sees (`refreshCookie`), so a reload signs
 * back in with a refresh and nothing readable by script outlives the tab.
 */
export const client = new DataHubClient({
  baseUrl: window.location.origin,
  refreshCookie: true,
  // Errors are shown as they come (a 429 with its retry time), not retried behind the user's back.
  maxRetries: 0,
});

export type Session = Me;

/** The signed-in user after a reload, from the refresh cookie; null when there is none (or it expired). */
export async function resume(): Promise<Session | null> {
  try {
    await client.auth.refresh();
    return await client.auth.me();
  } catch {
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  await client.auth.login({ email, password });
  return client.auth.me();
}

export async function signOut(): Promise<void> {
  await client.auth.logout().catch(() => undefined);
}

export const isAdmin = (session: Session) => session.role === 'admin';
export const can = (session: Session, permission: Session['permissions'][number]) =>
  session.permissions.includes(permission);
