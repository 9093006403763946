import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '@app/core';
import helmet from 'helmet';

/** Where `npm run build` puts the console: next to the compiled server, or in dist/ when run from source. */
const CANDIDATES = [join(__dirname, '../../../console'), join(__dirname, '../../../dist/console')];

const CONSOLE_PREFIX = '/console';

/** The console runs only its own bundled code, talks only to this origin, and is never framed. */
export const consoleSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
});

export function isConsoleUrl(url: string | undefined): boolean {
  return (
    url !== undefined &&
    (url === CONSOLE_PREFIX || url.startsWith(`${CONSOLE_PREFIX}/`) || url.startsWith(`${CONSOLE_PREFIX}?`))
  );
}

/**
 * Serves the web console at /console: hashed assets cached for a year, and index.html (never
 * cached, so a new release is picked up at once) for every other path under it, where the
 * console's own router takes over. Without a build it answers 503 with how to make one.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const root = CANDIDATES.find((dir) => existsSync(join(dir, 'index.html')));
  if (!root) {
    const notBuilt = (request: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(503)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify(
            buildProblem(503, 'CONSOLE_NOT_BUILT', 'The console is not built: run `npm run build`', request.id),
          ),
        );
    fastify.get(CONSOLE_PREFIX, notBuilt);
    fastify.get(`${CONSOLE_PREFIX}/*`, notBuilt);
    return;
  }
  const index = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: `${CONSOLE_PREFIX}/assets/`,
    decorateReply: false,
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'public, max-age=31536000, immutable'),
  });
  // Static handles /console/assets/* (a missing asset is its 404, never the page).
  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  fastify.get(CONSOLE_PREFIX, page);
  fastify.get(`${CONSOLE_PREFIX}/*`, page);
}
