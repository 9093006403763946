import type { FastifyInstance } from 'fastify';
import { LATENCY_BUCKETS, MetricsRegistry } from './metrics.registry';

/** Every answer's duration by route pattern (never the raw URL: bounded label values), method and status. */
export function installHttpMetrics(fastify: FastifyInstance, registry: MetricsRegistry): void {
  const duration = registry.histogram(
    'datahub_http_request_duration_seconds',
    'HTTP answers by route pattern, method and status',
    ['route', 'method', 'status'],
    LATENCY_BUCKETS,
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    duration.observe({ route: request.routeOptions.url ?? 'unmatched', method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
