import type { Span } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import type { GatewayRequest } from '@app/api-keys';
import type { Tracing } from '@app/tracing';
import type { FastifyInstance } from 'fastify';
import { isGatewayUrl, pathOf } from '../routing/gateway-body';

const SPAN = Symbol('datahub.span');

type TracedRequest = GatewayRequest & { [SPAN]?: Span };

/**
 * With tracing on, every gateway request is one server span, refused ones included. The
 * caller's `traceparent` is replaced by the span's own before the request is forwarded,
 * so the upstream's spans hang under ours in the same trace.
 */
export function installGatewayTracing(fastify: FastifyInstance, tracing: Tracing): void {
  if (!tracing.enabled) return;
  fastify.addHook('onRequest', (request, _reply, done) => {
    const url = request.raw.url;
    if (!isGatewayUrl(url)) return done();
    const span = tracing.startServerSpan(`${request.method} /gateway/{api}`, request.headers, {
      'http.request.method': request.method,
      'http.route': '/gateway/{api}/*',
      'url.path': pathOf(url!),
      'client.address': request.ip,
      'datahub.request_id': request.id,
    });
    if (span) {
      (request as TracedRequest)[SPAN] = span;
      delete request.raw.headers.tracestate;
      tracing.inject(span, request.raw.headers as Record<string, string>);
    }
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const traced = request as TracedRequest;
    const span = traced[SPAN];
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (traced.gatewayApi) span.setAttribute('datahub.api', traced.gatewayApi.name);
      if (traced.apiKey) span.setAttribute('datahub.api_key_id', traced.apiKey.id);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
