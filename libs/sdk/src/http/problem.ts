import {
  AuthenticationError,
  ConflictError,
  DataHubError,
  DataHubErrorInit,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ProblemDetails,
  RateLimitError,
  ServerError,
  UpstreamError,
  ValidationError,
} from '../errors';
import { parseRetryAfter } from './retry-after';

/** Used when the body is not a problem document (a proxy's HTML page, an empty body). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'DEPENDENCY_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

type ErrorClass = new (init: DataHubErrorInit) => DataHubError;

function errorClass(status: number): ErrorClass {
  if (status === 400) return ValidationError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return ForbiddenError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 413) return PayloadTooLargeError;
  if (status === 429) return RateLimitError;
  if (status === 502 || status === 503 || status === 504) return UpstreamError;
  if (status >= 500) return ServerError;
  return DataHubError;
}

/** The body as a problem document, or undefined when it is not one (HTML, truncated JSON). */
export function parseProblem(text: string): ProblemDetails | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/** Maps an error answer to the typed error; code and requestId from the body, else the status and X-Request-Id. */
export function errorFromResponse(status: number, headers: Headers, bodyText: string): DataHubError {
  const problem = parseProblem(bodyText);
  const init: DataHubErrorInit & { retryAfterMs?: number } = {
    status,
    code:
      typeof problem?.code === 'string'
        ? problem.code
        : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR')),
    title: typeof problem?.title === 'string' ? problem.title : `HTTP ${status}`,
    detail: typeof problem?.detail === 'string' ? problem.detail : undefined,
    requestId:
      (typeof problem?.requestId === 'string' ? problem.requestId : undefined) ??
      headers.get('x-request-id') ??
      undefined,
    problem,
  };
  if (status === 429) init.retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  return new (errorClass(status))(init);
}
