import type { FastifyInstance } from 'fastify';
import { LATENCY_BUCKETS, MetricsRegistry } from './metrics.registry';

const STATUS_LABELS = new Map<number, string>();

/** The status as a label value, without a new string per answer. */
function statusLabel(status: number): string {
  let label = STATUS_LABELS.get(status);
  if (label === undefined) STATUS_LABELS.set(status, (label = String(status)));
  return label;
}

/** Every answer's duration by route pattern (never the raw URL: bounded label values), method and status. */
export function installHttpMetrics(fastify: FastifyInstance, registry: MetricsRegistry): void {
  const duration = registry.histogram(
    'datahub_http_request_duration_seconds',
    'HTTP answers by route pattern, method and status',
    ['route', 'method', 'status'],
    LATENCY_BUCKETS,
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    duration
      .series(request.routeOptions.url ?? 'unmatched', request.method, statusLabel(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    done();
  });
}
