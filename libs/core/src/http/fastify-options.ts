import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../errors/problem-details';
import { frameworkErrors } from './framework-errors';
import { requestIdOf } from './request-id';

/** Management bodies; the gateway route sets its own per-API limit. */
export const MANAGEMENT_BODY_LIMIT = 1024 * 1024;
export const MAX_HEADER_BYTES = 16 * 1024;

/** Errors that Node's HTTP parser raises before Fastify sees a request, answered as problems. */
function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'HEADERS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const detail =
    status === 431
      ? `Request headers exceed ${MAX_HEADER_BYTES} bytes`
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request is not valid HTTP/1.1';
  const body = JSON.stringify(buildProblem(status, code, detail, randomUUID()));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Node answers an `Expect` other than 100-continue itself (417, no body); ours is a problem. */
export function answerUnmetExpectation(req: IncomingMessage, res: ServerResponse): void {
  const requestId = requestIdOf(req);
  const body = JSON.stringify(
    buildProblem(417, 'EXPECTATION_FAILED', 'Only Expect: 100-continue is supported', requestId),
  );
  res.writeHead(417, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    connection: 'close',
  });
  res.end(body);
}

const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/**
 * A request target in absolute form (`GET http://host/path HTTP/1.1`, RFC 9112 §3.2.2)
 * becomes its origin form, so that routing, the gateway's upstream path and the logs all
 * see the same path; its authority replaces the Host field, as that section requires.
 */
function originFormUrl(req: IncomingMessage): string {
  const url = req.url ?? '/';
  if (url.charCodeAt(0) === 0x2f /* / */) return url;
  const prefix = ABSOLUTE_FORM.exec(url);
  if (!prefix) return url;
  const authority = prefix[0].slice(prefix[0].indexOf('//') + 2);
  if (authority) req.headers.host = authority;
  const rest = url.slice(prefix[0].length);
  return rest.charCodeAt(0) === 0x2f ? rest : `/${rest}`;
}

/** Fastify server options: the HTTP limits and timeouts (docs/security.md). */
export function fastifyServerOptions(trustedProxies: string[] = []): FastifyServerOptions {
  return {
    // X-Forwarded-For counts only when it comes from a configured proxy.
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    logger: false,
    bodyLimit: MANAGEMENT_BODY_LIMIT,
    genReqId: requestIdOf,
    // Node would otherwise wait forever for a slow body.
    requestTimeout: 60_000,
    // Longer than a load balancer's usual 60 s idle timeout, so the LB closes first.
    keepAliveTimeout: 72_000,
    http: { maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: 15_000, insecureHTTPParser: false },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Requests that arrive while the app closes are answered 503 as problems by our own
    // hook (LifecycleState.closing), not by Fastify's plain-JSON 503.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    clientErrorHandler,
    frameworkErrors,
    rewriteUrl: originFormUrl,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  } as FastifyServerOptions;
}
