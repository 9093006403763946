/** One invalid field of a request, as listed in a problem's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as DataHub answers them (docs/api.md "Errors"). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface DataHubErrorInit {
  status?: number;
  code: string;
  title?: string;
  detail?: string;
  requestId?: string;
  problem?: ProblemDetails;
  cause?: unknown;
}

/** Base of every error the SDK throws. `status` is absent when no HTTP answer arrived. */
export class DataHubError extends Error {
  readonly status?: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly requestId?: string;
  /** The server's problem document, when it sent one. */
  readonly problem?: ProblemDetails;

  constructor(init: DataHubErrorInit) {
    const title = init.title ?? init.code;
    super(
      init.detail ? `${title} (${init.code}): ${init.detail}` : `${title} (${init.code})`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.title = title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.problem = init.problem;
  }
}

/** 400: VALIDATION_FAILED (with `errors`), MALFORMED_JSON, ... */
export class ValidationError extends DataHubError {
  get errors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** 401: bad credentials, expired/revoked tokens, missing or invalid API keys. */
export class AuthenticationError extends DataHubError {}

/** 403: INSUFFICIENT_PERMISSIONS. */
export class ForbiddenError extends DataHubError {}

/** 404: NOT_FOUND, API_NOT_FOUND. */
export class NotFoundError extends DataHubError {}

/** 409: EMAIL_TAKEN, NAME_TAKEN. */
export class ConflictError extends DataHubError {}

/** 413: PAYLOAD_TOO_LARGE. */
export class PayloadTooLargeError extends DataHubError {}

/** 429: RATE_LIMITED, after the SDK's own retries (if any) ran out. */
export class RateLimitError extends DataHubError {
  /** How long the server asked to wait, in milliseconds (from `Retry-After`), when it said. */
  readonly retryAfterMs?: number;
  /** When a retry may succeed: now + retryAfterMs. */
  readonly retryAt?: Date;

  constructor(init: DataHubErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
    this.retryAt = init.retryAfterMs === undefined ? undefined : new Date(Date.now() + init.retryAfterMs);
  }
}

/** 502 / 503 / 504: UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, DEPENDENCY_UNAVAILABLE. */
export class UpstreamError extends DataHubError {}

/** 500 and any other status the contract does not name. */
export class ServerError extends DataHubError {}

/** No HTTP answer: connection refused or reset, DNS failure, socket closed mid-body. */
export class NetworkError extends DataHubError {}

/** The server answered, but not with the JSON it promised. */
export class MalformedResponseError extends DataHubError {}
