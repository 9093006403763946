import fastifyCors from '@fastify/cors';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  answerUnmetExpectation,
  AppConfig,
  AppLogger,
  buildProblem,
  fastifyServerOptions,
  installJsonBodyParser,
  installRequestLogging,
  LifecycleState,
  PROBLEM_CONTENT_TYPE,
  ROOT_LOGGER,
} from '@app/core';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { consoleSecurityHeaders, isConsoleUrl, serveConsole } from './console-assets';
import { setupSwagger } from './swagger';

/** Headers a browser client may read from our responses. */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'RateLimit',
  'RateLimit-Policy',
];

/** Every method the management API and the gateway answer. */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const CLOSING_PROBLEM = (requestId: string) =>
  JSON.stringify(buildProblem(503, 'SHUTTING_DOWN', 'This node is shutting down; retry on another', requestId));

const securityHeaders = helmet({
  // Swagger UI at /docs needs inline styles and scripts; the API itself serves only JSON.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
    },
  },
});

/**
 * Builds the application exactly as production runs it; main.ts and the e2e tests both
 * call this, so tests exercise the real HTTP pipeline.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(fastifyServerOptions(config.trustedProxies)),
    {
      bufferLogs: true,
      abortOnError: false,
      // Nest's parsers would add form bodies (urlencoded) to every route; ours take JSON only.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(AppLogger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  installRequestLogging(fastify, app.get(ROOT_LOGGER));
  installJsonBodyParser(fastify);
  fastify.server.on('checkExpectation', answerUnmetExpectation);
  const lifecycle = app.get(LifecycleState);
  fastify.addHook('preClose', (done) => {
    lifecycle.beginClosing();
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (lifecycle.closing) {
      reply
        .status(503)
        .headers({ connection: 'close', 'retry-after': '1', 'content-type': PROBLEM_CONTENT_TYPE })
        .send(CLOSING_PROBLEM(request.id));
      return;
    }
    // Proxied answers are the upstream's own: no security headers of ours on them (and the
    // hot path does not pay for them).
    if (request.raw.url?.startsWith('/gateway/')) return done();
    const headers = isConsoleUrl(request.raw.url) ? consoleSecurityHeaders : securityHeaders;
    headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // Registered on Fastify itself, not through app.enableCors(): Nest's adapter would copy
  // the CORS headers onto the raw response for Nest middleware (there is none here), and
  // one header set there sends Node's writeHead down its slow path for every header of
  // the answer, about 9 µs of every gateway request.
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    methods: CORS_METHODS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  setupSwagger(app);
  await serveConsole(app);
  return app;
}
