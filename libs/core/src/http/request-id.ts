import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Fastify's genReqId: the client's `X-Request-Id` when it is sane (<= 128 of
 * [A-Za-z0-9._-]), otherwise a new UUID. Fastify calls it once per request and keeps the
 * result as `request.id`, which the response header, the request log and the problem
 * filter all read.
 */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
