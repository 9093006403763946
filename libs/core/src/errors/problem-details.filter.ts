import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblemResponse } from './problem-details';

/** The one place where a thrown error becomes an HTTP answer (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(
      reply,
      error,
      request?.id,
      this.logger,
      request ? `${request.method} ${request.url.split('?')[0]}` : undefined,
    );
  }
}

export function sendProblem(
  reply: FastifyReply,
  error: unknown,
  requestId: string | undefined,
  logger: Logger,
  route?: string,
): void {
  const problem = toProblemResponse(error, requestId);
  if (problem.unexpected) {
    logger.error(
      { err: error, requestId, route, status: problem.status },
      `Unhandled error answered ${problem.status}`,
    );
  }
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  reply
    .status(problem.status)
    .headers(problem.headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.body));
}
