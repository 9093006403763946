import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is calling, for audit events and throttles: never taken from an untrusted header. */
export interface ClientContext {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export function clientContextOf(request: FastifyRequest): ClientContext {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: userAgent ? userAgent.slice(0, 512) : null, requestId: request.id };
}

/** `@Client() client: ClientContext`: the caller's IP (trusted proxies only), user agent and request id. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext) =>
  clientContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
