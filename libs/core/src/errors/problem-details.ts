import { STATUS_CODES } from 'node:http';
import { DomainError } from './domain-errors';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_CONTENT_TYPE = `${PROBLEM_MEDIA_TYPE}; charset=utf-8`;
export const PROBLEM_TYPE_BASE = 'https://datahub.dev/problems/';

/** RFC 9457 problem details plus DataHub's stable `code` and `requestId`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
  /** true when the error was not anticipated: the stack belongs in the log */
  unexpected: boolean;
}

/** Fallback code for a bare HTTP status, when no more specific code is known. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  500: 'INTERNAL',
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'DEPENDENCY_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/**
 * Fastify's body-parser errors reach Nest's filters re-wrapped as HttpException(message,
 * status), so the parser's code is gone; the message is all that tells them apart.
 */
const MALFORMED_JSON_MESSAGE = /JSON|forbidden prototype property|constructor/i;

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export function problemTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function buildProblem(
  status: number,
  code: string,
  detail: string | undefined,
  requestId: string | undefined,
  extensions: Record<string, unknown> = {},
  title = problemTitle(status),
): ProblemDetails {
  return { type: problemType(code), title, status, ...(detail ? { detail } : {}), code, requestId, ...extensions };
}

interface HttpLikeError {
  getStatus(): number;
  getResponse(): string | object;
}

function isHttpLike(error: unknown): error is HttpLikeError {
  return (
    typeof (error as HttpLikeError)?.getStatus === 'function' &&
    typeof (error as HttpLikeError)?.getResponse === 'function'
  );
}

function isDependencyFailure(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string };
  if (!e || typeof e !== 'object') return false;
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P03', '53300'].includes(
      e.code ?? '',
    )
  ) {
    return true;
  }
  const message = e.message ?? '';
  return (
    /Connection terminated|timeout exceeded when trying to connect|Connection is closed|Stream isn't writeable|Command timed out|the database system is (starting up|shutting down)/i.test(
      message,
    ) || e.name === 'MaxRetriesPerRequestError'
  );
}

/** Maps any thrown value to the problem response the client sees. Never leaks internals. */
export function toProblemResponse(error: unknown, requestId: string | undefined): ProblemResponse {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      headers: error.headers,
      body: buildProblem(error.status, error.code, error.detail, requestId, error.extensions, error.title),
      unexpected: false,
    };
  }
  if (isHttpLike(error)) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
    const headers: Record<string, string> = {};
    if (status === 429) headers['retry-after'] = '60';
    const malformedJson = status === 400 && detail !== undefined && MALFORMED_JSON_MESSAGE.test(detail);
    const code = malformedJson
      ? 'MALFORMED_JSON'
      : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'));
    return {
      status,
      headers,
      body: buildProblem(status, code, status >= 500 ? undefined : detail, requestId),
      unexpected: status >= 500,
    };
  }
  const statusCode = (error as { statusCode?: number })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      headers: {},
      body: buildProblem(statusCode, CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', undefined, requestId),
      unexpected: false,
    };
  }
  if (isDependencyFailure(error)) {
    return {
      status: 503,
      headers: { 'retry-after': '2' },
      body: buildProblem(503, 'DEPENDENCY_UNAVAILABLE', 'A backing service is unavailable; retry shortly', requestId),
      unexpected: true,
    };
  }
  return {
    status: 500,
    headers: {},
    body: buildProblem(
      500,
      'INTERNAL',
      'An unexpected error occurred; quote the requestId when reporting it',
      requestId,
    ),
    unexpected: true,
  };
}
