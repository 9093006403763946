import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

const logger = new Logger('Errors');

type FrameworkErrorObserver = (request: FastifyRequest, reply: FastifyReply) => void;

const observers = new WeakMap<FastifyInstance, FrameworkErrorObserver[]>();

/**
 * Answers to framework errors run no route hooks (onResponse included): whoever records
 * every answer, as the gateway's request log does, registers here as well.
 */
export function observeFrameworkErrors(fastify: FastifyInstance, observer: FrameworkErrorObserver): void {
  observers.set(fastify, [...(observers.get(fastify) ?? []), observer]);
}

/** Errors Fastify raises while routing, before any hook or handler runs. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, detail]: [number, string, string | undefined] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'URI_TOO_LONG', 'A path segment is too long']
      : error.code === 'FST_ERR_BAD_URL'
        ? [400, 'MALFORMED_URL', 'The path is not valid percent-encoded UTF-8']
        : [500, 'INTERNAL', undefined];
  if (status === 500) logger.error({ err: error, requestId: request.id }, 'Routing failed');
  reply.raw.once('finish', () => {
    for (const observe of observers.get(request.server) ?? []) observe(request, reply);
  });
  reply
    .status(status)
    .header('x-request-id', request.id)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(buildProblem(status, code, detail, request.id)));
}
