import { DomainError } from '@app/core';

export class UpstreamUnavailableError extends DomainError {
  readonly status = 502;
  readonly title = 'Upstream unavailable';
  constructor(detail: string) {
    super('UPSTREAM_UNAVAILABLE', detail);
  }
}

/** The circuit is open: fail fast, come back later. */
export class UpstreamCircuitOpenError extends DomainError {
  readonly status = 503;
  readonly title = 'Upstream unavailable';
  constructor(retryAfterSeconds: number) {
    super(
      'UPSTREAM_UNAVAILABLE',
      'The upstream failed repeatedly; requests are paused briefly',
      { retryAfter: retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}

export class UpstreamTimeoutError extends DomainError {
  readonly status = 504;
  readonly title = 'Upstream timeout';
  constructor(timeoutMs: number) {
    super('UPSTREAM_TIMEOUT', `The upstream did not answer within ${timeoutMs} ms`);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly title = 'Payload too large';
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `This API accepts request bodies of at most ${limit} bytes`);
  }
}

export class ApiNotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  constructor(name: string) {
    super('API_NOT_FOUND', `No API is registered as ${name}`);
  }
}

/** nginx's 499: the client closed the connection before the upstream answered (logged, never sent). */
export class ClientClosedRequestError extends DomainError {
  readonly status = 499;
  readonly title = 'Client closed request';
  constructor() {
    super('CLIENT_CLOSED_REQUEST', 'The client closed the connection before the upstream answered');
  }
}
