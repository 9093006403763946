import type { GatewayRequest } from '@app/api-keys';
import { nextRowSequence, type RequestLogEntry, type RequestLogWriter } from '@app/analytics';
import { observeFrameworkErrors } from '@app/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isGatewayUrl, pathOf } from '../routing/gateway-body';
import { BYTES_IN } from '../proxy/gateway-proxy.service';

/** The row journaled before the answer left (only with LOG_JOURNAL). */
const JOURNALED = Symbol('datahub.journaledRow');

type LoggedRequest = GatewayRequest & { [JOURNALED]?: RequestLogEntry | null };

function entryOf(request: FastifyRequest, reply: FastifyReply): RequestLogEntry {
  const gateway = request as GatewayRequest;
  const bytesOut = reply.getHeader('content-length');
  return {
    sequence: nextRowSequence(),
    apiKeyId: gateway.apiKey?.id ?? null,
    apiId: gateway.gatewayApi?.id ?? null,
    method: request.method,
    path: pathOf(request.raw.url!).slice(0, 2048),
    statusCode: reply.statusCode,
    latencyMs: Math.round(reply.elapsedTime),
    timestamp: Date.now(),
    requestId: request.id,
    ip: request.ip,
    bytesIn: (request.raw as { [BYTES_IN]?: number })[BYTES_IN] ?? 0,
    bytesOut: bytesOut === undefined ? null : Number(bytesOut),
  };
}

/**
 * Every gateway request, admitted or refused (401/403/404/429/5xx), becomes one request
 * log entry when its response is finished; the writer never makes the request wait. With
 * LOG_JOURNAL, a copy is journaled just before the answer is sent, so that a node killed
 * right after answering still has it on disk (its latency then ends at the headers).
 */
export function installGatewayRequestLog(fastify: FastifyInstance, writer: RequestLogWriter): void {
  if (writer.journaling) {
    fastify.decorateRequest(JOURNALED, null); // declared: request objects keep one shape
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (isGatewayUrl(request.raw.url))
        (request as LoggedRequest)[JOURNALED] = writer.journalAhead(entryOf(request, reply));
      done(null, payload);
    });
  }
  fastify.addHook('onResponse', (request, reply, done) => {
    if (isGatewayUrl(request.raw.url))
      writer.record(entryOf(request, reply), (request as LoggedRequest)[JOURNALED] ?? undefined);
    done();
  });
  observeFrameworkErrors(fastify, (request, reply) => {
    if (isGatewayUrl(request.raw.url)) writer.record(entryOf(request, reply));
  });
}
