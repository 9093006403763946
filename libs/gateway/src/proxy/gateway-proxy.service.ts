import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { ApiRecord } from '@app/admin';
import type { GatewayRequest } from '@app/api-keys';
import { BadRequestError } from '@app/core';
import { LATENCY_BUCKETS, MetricsRegistry } from '@app/metrics';
import type { FastifyReply } from 'fastify';
import { errors as undiciErrors } from 'undici';
import { GATEWAY_PREFIX, originalContentType } from '../routing/gateway-body';
import { normaliseRestPath, upstreamPath } from '../routing/upstream-path';
import {
  ClientClosedRequestError,
  PayloadTooLargeError,
  UpstreamCircuitOpenError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './gateway-errors';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';
import { UpstreamPools } from './upstream-pools.service';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE', 'TRACE']);

/**
 * Tells undici that the client went away, so that it aborts the upstream request. undici
 * takes an EventEmitter with `aborted` and an `abort` event as its signal; an
 * AbortController, with its listener added and removed, costs about 6 µs per request on
 * Node 20, this about 0.2.
 */
class ClientGone extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}

/** Bytes of request body streamed so far, for the request log. */
export const BYTES_IN = Symbol('datahub.bytesIn');

/** The client's body stream failed (the client went away mid-body): not the upstream's fault. */
class ClientBodyError extends Error {}

/** Streams the body through, failing once more than `limit` bytes have passed. */
async function* limitedBody(stream: IncomingMessage & { [BYTES_IN]?: number }, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  const chunks = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = (await chunks.next()) as IteratorResult<Buffer>;
    } catch (error) {
      throw new ClientBodyError((error as Error).message);
    }
    if (next.done) return;
    seen += next.value.length;
    stream[BYTES_IN] = seen;
    if (seen > limit) throw new PayloadTooLargeError(limit);
    yield next.value;
  }
}

/** The rest of the body will not be read: close the connection after the 413 (as nginx does). */
function refuseBody(reply: FastifyReply, limit: number): PayloadTooLargeError {
  reply.header('connection', 'close');
  return new PayloadTooLargeError(limit);
}

/** undici refuses what it cannot send as asked: the request's doing, a 400. */
function isUnforwardableRequest(error: unknown): boolean {
  return (
    error instanceof undiciErrors.InvalidArgumentError ||
    error instanceof undiciErrors.NotSupportedError ||
    error instanceof undiciErrors.RequestContentLengthMismatchError
  );
}

function toGatewayError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError)
    return new UpstreamTimeoutError(timeoutMs);
  if (error instanceof undiciErrors.ConnectTimeoutError)
    return new UpstreamUnavailableError('Could not connect to the upstream in time');
  if (isUnforwardableRequest(error))
    return new BadRequestError(
      'REQUEST_NOT_FORWARDABLE',
      `The request cannot be forwarded: ${(error as Error).message}`,
    );
  const code = (error as { code?: string }).code ?? '';
  return new UpstreamUnavailableError(`The upstream refused or dropped the connection${code ? ` (${code})` : ''}`);
}

/** The part of the path after `/gateway/{api}`, as it was sent (the name may have been percent-encoded). */
function restOfPath(pathname: string): string {
  const slash = pathname.indexOf('/', GATEWAY_PREFIX.length);
  return slash === -1 ? '' : pathname.slice(slash);
}

/**
 * Forwards a gateway request to its API's upstream over a keep-alive pool and streams the
 * answer back: method, normalised path, query, headers (hop-by-hop and our credential
 * stripped, X-Forwarded-* added) and body, neither buffered. Upstream 4xx/5xx pass through.
 */
@Injectable()
export class GatewayProxy {
  private readonly upstreamLatency;
  private readonly bases = new WeakMap<ApiRecord, { origin: string; pathname: string }>();

  constructor(
    private readonly pools: UpstreamPools,
    metrics: MetricsRegistry,
  ) {
    this.upstreamLatency = metrics.histogram(
      'datahub_upstream_response_seconds',
      "Time to the upstream's response headers, by API",
      ['api'],
      LATENCY_BUCKETS,
    );
  }

  /** Parsed once per API record (a changed API is a new record). */
  private upstreamBase(api: ApiRecord): { origin: string; pathname: string } {
    let base = this.bases.get(api);
    if (!base) {
      const url = new URL(api.upstreamUrl);
      this.bases.set(api, (base = { origin: url.origin, pathname: url.pathname }));
    }
    return base;
  }

  async forward(request: GatewayRequest, reply: FastifyReply, api: ApiRecord): Promise<void> {
    const raw = request.raw;
    const url = raw.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const rest = normaliseRestPath(restOfPath(pathname));
    if (rest === null)
      throw new BadRequestError(
        'PATH_NOT_ALLOWED',
        'The path leaves the API, or has encoded separators, double-encoded dots or dot segments with parameters',
      );

    const declaredLength = Number(raw.headers['content-length'] ?? 0);
    if (declaredLength > api.maxBodyBytes) throw refuseBody(reply, api.maxBodyBytes);
    const hasBody =
      !BODYLESS.has(request.method) || declaredLength > 0 || raw.headers['transfer-encoding'] !== undefined;

    const base = this.upstreamBase(api);
    const upstream = this.pools.get(base.origin);
    const waitMs = upstream.breaker.admit();
    if (waitMs > 0) throw new UpstreamCircuitOpenError(Math.ceil(waitMs / 1000));

    const clientGone = new ClientGone();
    const onClientGone = () => !reply.raw.writableFinished && clientGone.abort();
    reply.raw.once('close', onClientGone);

    const headers = upstreamRequestHeaders(raw.headers, {
      clientAddress: raw.socket.remoteAddress ?? request.ip,
      protocol: request.protocol,
      host: raw.headers.host,
      requestId: request.id,
      keyId: request.apiKey?.id,
      dropAuthorization: request.apiKeyInAuthorization === true,
    });
    // Truthy, not non-null: a record cached by an older node has no such field.
    if (api.upstreamAuthorization) headers.authorization = api.upstreamAuthorization;
    const contentType = originalContentType(request);
    if (contentType === undefined) delete headers['content-type'];
    else headers['content-type'] = contentType;

    let response;
    const started = performance.now();
    try {
      response = await upstream.pool.request({
        path: upstreamPath(base.pathname, rest, queryAt === -1 ? '' : url.slice(queryAt + 1)),
        method: request.method as 'GET',
        headers,
        body: hasBody ? Readable.from(limitedBody(raw, api.maxBodyBytes), { objectMode: false }) : undefined,
        signal: clientGone,
        headersTimeout: api.timeoutMs,
        bodyTimeout: api.timeoutMs,
      });
    } catch (error) {
      reply.raw.off('close', onClientGone);
      if (error instanceof PayloadTooLargeError) throw refuseBody(reply, api.maxBodyBytes);
      // The client went away: nobody to answer, and not the upstream's fault.
      if (clientGone.aborted || error instanceof ClientBodyError) throw new ClientClosedRequestError();
      // Everything else is the upstream's failure (refused, reset, timed out, a malformed or
      // TLS-broken answer) and counts against its circuit; a request that cannot be sent
      // must not pause the upstream for every other client.
      if (!isUnforwardableRequest(error)) upstream.breaker.failure();
      throw toGatewayError(error, api.timeoutMs);
    }
    upstream.breaker.success();
    this.upstreamLatency.series(api.name).observe((performance.now() - started) / 1000);

    const returned = downstreamResponseHeaders(response.headers);
    // Our rate-limit fields win over an upstream's own; Vary keeps the reasons of both.
    for (const name of Object.keys(returned)) {
      if (!reply.hasHeader(name)) continue;
      if (name === 'vary') reply.header('vary', `${reply.getHeader('vary') as string}, ${returned.vary as string}`);
      delete returned[name];
    }
    response.body.once('error', () => reply.raw.destroy());
    reply.raw.once('finish', () => reply.raw.off('close', onClientGone));
    return reply.status(response.statusCode).headers(returned).send(response.body);
  }
}
