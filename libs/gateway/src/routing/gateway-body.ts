import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const GATEWAY_PREFIX = '/gateway/';
const PASSTHROUGH_TYPE = 'application/x-datahub-gateway-stream';
const ORIGINAL_CONTENT_TYPE = Symbol('datahub.originalContentType');

type TaggedMessage = IncomingMessage & { [ORIGINAL_CONTENT_TYPE]?: string };

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
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (isGatewayUrl(request.raw.url)) {
      const raw = request.raw as TaggedMessage;
      raw[ORIGINAL_CONTENT_TYPE] = raw.headers['content-type'];
      raw.headers['content-type'] = PASSTHROUGH_TYPE;
    }
    done();
  });
}

export function originalContentType(raw: IncomingMessage): string | undefined {
  return (raw as TaggedMessage)[ORIGINAL_CONTENT_TYPE];
}
