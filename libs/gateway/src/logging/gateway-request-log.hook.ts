import type { GatewayRequest } from '@app/api-keys';
import type { RequestLogWriter } from '@app/analytics';
import type { FastifyInstance } from 'fastify';
import { isGatewayUrl } from '../routing/gateway-body';
import { BYTES_IN } from '../proxy/gateway-proxy.service';

/**
 * Every gateway request, admitted or refused (401/403/404/429/5xx), becomes one request
 * log entry when its response is finished; the writer never makes the request wait.
 */
export function installGatewayRequestLog(fastify: FastifyInstance, writer: RequestLogWriter): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.raw.url;
    if (isGatewayUrl(url)) {
      const gateway = request as GatewayRequest;
      const queryAt = url!.indexOf('?');
      const bytesOut = reply.getHeader('content-length');
      writer.record({
        apiKeyId: gateway.apiKey?.id ?? null,
        apiId: gateway.gatewayApi?.id ?? null,
        method: request.method,
        path: (queryAt === -1 ? url! : url!.slice(0, queryAt)).slice(0, 2048),
        statusCode: reply.statusCode,
        latencyMs: Math.round(reply.elapsedTime),
        timestamp: Date.now(),
        requestId: request.id,
        ip: request.ip,
        bytesIn: (request.raw as { [BYTES_IN]?: number })[BYTES_IN] ?? 0,
        bytesOut: bytesOut === undefined ? null : Number(bytesOut),
      });
    }
    done();
  });
}
