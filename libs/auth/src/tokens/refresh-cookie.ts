import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenPairDto } from '../dto/auth-responses.dto';

/**
 * The refresh token as a browser should hold it: an httpOnly cookie that script cannot
 * read, sent only to the auth routes (its path) and never on a cross-site request
 * (SameSite=Strict), Secure whenever the request came over https. API clients keep the
 * token in the JSON body; a browser opts in with `refreshCookie: true` at sign-in, and
 * from then on every answer that rotates the token rotates the cookie instead.
 */
const REFRESH_COOKIE = 'datahub_refresh';
const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * A refresh from the cookie must carry this header. A page of another origin (a sibling
 * subdomain is same-site, so SameSite alone does not stop it) cannot add a custom header
 * without a CORS preflight, which DataHub never grants with credentials.
 */
export const REFRESH_COOKIE_HEADER = 'x-datahub-refresh-cookie';

const attributes = (request: FastifyRequest): SerializeOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: request.protocol === 'https',
  path: REFRESH_COOKIE_PATH,
});

export function asksForRefreshCookie(request: FastifyRequest): boolean {
  return request.headers[REFRESH_COOKIE_HEADER] === '1';
}

/** Read here, not parsed by a hook on every request: the gateway's requests never need it. */
export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parse(header)[REFRESH_COOKIE] || undefined;
}

/** Moves the pair's refresh token into the cookie: the body then carries only the access token. */
export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  pair: TokenPairDto,
  ttlDays: number,
): TokenPairDto {
  reply.header(
    'set-cookie',
    serialize(REFRESH_COOKIE, pair.refreshToken!, { ...attributes(request), maxAge: ttlDays * 86_400 }),
  );
  const { refreshToken: _inCookie, ...rest } = pair;
  return rest;
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(
    'set-cookie',
    serialize(REFRESH_COOKIE, '', { ...attributes(request), maxAge: 0, expires: new Date(0) }),
  );
}
