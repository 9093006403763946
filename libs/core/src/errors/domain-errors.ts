/** One invalid field in a request, as reported in a problem's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every error the product answers on purpose. The global filter turns it into
 * RFC 9457 problem details: `type` is derived from `code`, `title` from the subclass.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;

  constructor(
    readonly code: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly title = 'Request validation failed';
  constructor(errors: FieldError[], detail = 'One or more fields are invalid', code = 'VALIDATION_FAILED') {
    super(code, detail, { errors });
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly title = 'Bad request';
}

export class AuthenticationError extends DomainError {
  readonly status = 401;
  readonly title = 'Authentication failed';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
  constructor(detail = 'You do not have the permission this action needs', code = 'INSUFFICIENT_PERMISSIONS') {
    super(code, detail);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  constructor(detail = 'The resource does not exist', code = 'NOT_FOUND') {
    super(code, detail);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

export class RateLimitError extends DomainError {
  readonly status = 429;
  readonly title = 'Too many requests';
  constructor(retryAfterSeconds: number, detail = 'Rate limit exceeded', extensions: Record<string, unknown> = {}) {
    const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
    super('RATE_LIMITED', detail, { retryAfter, ...extensions }, { 'retry-after': String(retryAfter) });
  }
}

/** PostgreSQL or Redis cannot answer: 503 quickly instead of a hang or a 500. */
export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Dependency unavailable';
  constructor(detail = 'A backing service is unavailable; retry shortly', retryAfterSeconds = 2) {
    super('DEPENDENCY_UNAVAILABLE', detail, {}, { 'retry-after': String(retryAfterSeconds) });
  }
}
