import type { IncomingHttpHeaders } from 'node:http';

/** Hop-by-hop fields (RFC 9110 §7.6.1) and friends: never forwarded in either direction. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'transfer-encoding',
  'upgrade',
  'trailer',
  'proxy-authenticate',
  'proxy-authorization',
];
/**
 * Our own credential and fields we set ourselves; `host` becomes the upstream's. `Expect`
 * is answered here, not forwarded (undici refuses it): Node sends the client its 100
 * Continue as the request arrives, and the body then streams to the upstream like any other.
 */
const NOT_FORWARDED_UPSTREAM = new Set([
  ...HOP_BY_HOP,
  'host',
  'expect',
  'x-api-key',
  'x-http-method-override',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-datahub-key-id',
  'x-request-id',
]);
const NOT_RETURNED_DOWNSTREAM = new Set(HOP_BY_HOP);

type HeaderValue = string | string[] | undefined;

/** Fields named by `Connection` are hop-by-hop too. */
function namedByConnection(connection: HeaderValue): Set<string> {
  const value = Array.isArray(connection) ? connection.join(',') : (connection ?? '');
  return new Set(
    value
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
}

export interface ForwardContext {
  clientAddress: string;
  protocol: string;
  host: string | undefined;
  requestId: string;
  keyId: string | undefined;
  /** the API key came in Authorization: do not forward our own credential */
  dropAuthorization: boolean;
}

export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  context: ForwardContext,
): Record<string, string | string[]> {
  const extra = namedByConnection(incoming.connection);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || NOT_FORWARDED_UPSTREAM.has(name) || extra.has(name)) continue;
    if (name === 'authorization' && context.dropAuthorization) continue;
    headers[name] = value;
  }
  const forwardedFor = incoming['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor
    ? `${Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor}, ${context.clientAddress}`
    : context.clientAddress;
  headers['x-forwarded-proto'] = context.protocol;
  if (context.host) headers['x-forwarded-host'] = context.host;
  headers['x-request-id'] = context.requestId;
  if (context.keyId) headers['x-datahub-key-id'] = context.keyId;
  return headers;
}

export function downstreamResponseHeaders(upstream: Record<string, HeaderValue>): Record<string, string | string[]> {
  const extra = namedByConnection(upstream.connection);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined || NOT_RETURNED_DOWNSTREAM.has(name) || extra.has(name)) continue;
    headers[name] = value;
  }
  return headers;
}
