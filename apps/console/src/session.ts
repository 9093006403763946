import { AuthenticationError, DataHubClient, type Me } from '@datahub/sdk';

/**
 * Refreshes of every tab of this origin, one at a time: they share one cookie, and two
 * tabs presenting the same refresh token at once would look like a stolen token to the
 * server, which then ends the sign-in everywhere.
 */
async function fetchOneRefreshAtATime(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.endsWith('/api/v1/auth/refresh') || !navigator.locks) return fetch(input, init);
  let response: Response | undefined;
  await navigator.locks.request('datahub-refresh', async () => {
    response = await fetch(input, init);
  });
  return response!;
}

/**
 * The console's one client. The access token stays in this page's memory; the refresh
 * token is an httpOnly cookie the page never sees (`refreshCookie`), so a reload signs
 * back in with a refresh and nothing readable by script outlives the tab.
 */
export const client = new DataHubClient({
  baseUrl: window.location.origin,
  refreshCookie: true,
  fetch: fetchOneRefreshAtATime,
  // Errors are shown as they come (a 429 with its retry time), not retried behind the user's back.
  maxRetries: 0,
});

export type Session = Me;

/** Answers that mean the sign-in is over (as opposed to a wrong password, or a server that is down). */
const SESSION_OVER = new Set([
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'REFRESH_TOKEN_REUSED',
  'REFRESH_TOKEN_MISSING',
]);

let sessionEnded: () => void = () => undefined;

/** Called when any call finds the sign-in over: the app goes back to the sign-in page. */
export function onSessionEnd(listener: () => void): void {
  sessionEnded = listener;
}

/** Tells the app when an error means the sign-in has ended. */
export function noticeSessionEnd(error: unknown): void {
  if (error instanceof AuthenticationError && SESSION_OVER.has(error.code)) sessionEnded();
}

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

/** Ends the sign-in on the server (which also clears the cookie); throws when it could not. */
export async function signOut(): Promise<void> {
  // After a failed attempt the SDK has dropped the access token: the cookie gets a new one.
  if (!client.tokens.accessToken) await client.auth.refresh();
  await client.auth.logout();
}

export const isAdmin = (session: Session) => session.role === 'admin';
export const can = (session: Session, permission: Session['permissions'][number]) =>
  session.permissions.includes(permission);
