import type { FastifyInstance, FastifyRequest } from 'fastify';

export const GATEWAY_PREFIX = '/gateway/';
const PASSTHROUGH_TYPE = 'application/x-datahub-gateway-stream';
const ORIGINAL_CONTENT_TYPE = Symbol('datahub.originalContentType');

type TaggedRequest = FastifyRequest & { [ORIGINAL_CONTENT_TYPE]?: string | null };

export const isGatewayUrl = (url: string | undefined) => url !== undefined && url.startsWith(GATEWAY_PREFIX);

/** The path of a request URL, without its query string (which may carry secrets). */
export function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/**
 * Fastify parses bodies by content type for every route; gateway bodies must stream to the
 * upstream untouched instead. For /gateway/* requests the content type is swapped for one
 * whose parser reads nothing (the body stays in the raw request), and the original is
 * given back when the request is forwarded.
 */
export function installGatewayBodyPassthrough(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(PASSTHROUGH_TYPE, (_request, _payload, done) => done(null));
  // Kept on Fastify's request, declared up front: Node's IncomingMessage keeps its own shape.
  fastify.decorateRequest(ORIGINAL_CONTENT_TYPE, null);
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (isGatewayUrl(request.raw.url)) {
      const headers = request.raw.headers;
      (request as TaggedRequest)[ORIGINAL_CONTENT_TYPE] = headers['content-type'] ?? null;
      headers['content-type'] = PASSTHROUGH_TYPE;
    }
    done();
  });
}

export function originalContentType(request: FastifyRequest): string | undefined {
  return (request as TaggedRequest)[ORIGINAL_CONTENT_TYPE] ?? undefined;
}
