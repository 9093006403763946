import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

type WithRequestId = IncomingMessage & { id?: string };

/**
 * The request's id: the client's `X-Request-Id` when it is sane (<= 128 of [A-Za-z0-9._-]),
 * otherwise a new UUID. Memoised on the raw request so that Fastify, the request log and the
 * problem filter all see the same value.
 */
export function requestIdOf(req: IncomingMessage): string {
  const raw = req as WithRequestId;
  if (typeof raw.id === 'string') return raw.id;
  const sent = req.headers['x-request-id'];
  raw.id = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
  return raw.id;
}
