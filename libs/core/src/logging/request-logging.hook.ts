import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One `request completed` line per management request (pino-http's shape: req, res,
 * responseTime). Gateway traffic is recorded in request_logs instead, and health probes
 * would only be noise.
 */
export function installRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.raw.url ?? '/';
    if (url.startsWith('/gateway/') || url.startsWith('/health')) return done();
    const status = reply.statusCode;
    logger[status >= 500 ? 'error' : 'info'](
      {
        req: { id: request.id, method: request.method, path: url.split('?')[0], remoteAddress: request.ip },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}
