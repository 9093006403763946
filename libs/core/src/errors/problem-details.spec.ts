import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AuthenticationError, DependencyUnavailableError, RateLimitError, ValidationError } from './domain-errors';
import { toProblemResponse } from './problem-details';

describe('toProblemResponse', () => {
  it('renders a domain error with its code, title, extensions and headers', () => {
    const problem = toProblemResponse(
      new AuthenticationError('API_KEY_REVOKED', 'The API key dh_3kf was revoked'),
      'req-1',
    );
    expect(problem).toEqual({
      status: 401,
      headers: {},
      unexpected: false,
      body: {
        type: 'https://datahub.dev/problems/api-key-revoked',
        title: 'Authentication failed',
        status: 401,
        detail: 'The API key dh_3kf was revoked',
        code: 'API_KEY_REVOKED',
        requestId: 'req-1',
      },
    });
  });

  it('lists field errors for validation failures', () => {
    const problem = toProblemResponse(
      new ValidationError([{ field: 'email', message: 'email must be an email' }]),
      'r',
    );
    expect(problem.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'email', message: 'email must be an email' }],
    });
  });

  it('puts Retry-After on rate-limit and dependency errors, in whole seconds', () => {
    expect(toProblemResponse(new RateLimitError(1.2), 'r').headers).toEqual({ 'retry-after': '2' });
    expect(toProblemResponse(new DependencyUnavailableError(), 'r')).toMatchObject({
      status: 503,
      headers: { 'retry-after': '2' },
    });
  });

  it('maps framework HTTP exceptions and re-wrapped body-parser errors', () => {
    expect(toProblemResponse(new NotFoundException('Cannot GET /x'), 'r').body).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'Cannot GET /x',
    });
    const badJson = new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400);
    expect(toProblemResponse(badJson, 'r').body.code).toBe('MALFORMED_JSON');
    expect(
      toProblemResponse(new HttpException('Object contains forbidden prototype property', 400), 'r').body.code,
    ).toBe('MALFORMED_JSON');
    expect(toProblemResponse(new HttpException('Request body is too large', 413), 'r').body.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(toProblemResponse(new HttpException('Unsupported Media Type', 415), 'r').body.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(toProblemResponse(new BadRequestException('Validation failed (uuid is expected)'), 'r').body.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE for connection failures, never leaking the message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const problem = toProblemResponse(refused, 'r');
    expect(problem).toMatchObject({ status: 503, unexpected: true, body: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect(JSON.stringify(problem.body)).not.toContain('10.0.0.5');
  });

  it('hides everything about an unknown error behind 500 INTERNAL', () => {
    const error = new Error('relation "users" does not exist at /srv/app/dist/x.js:10');
    const problem = toProblemResponse(error, 'r');
    expect(problem.status).toBe(500);
    expect(problem.unexpected).toBe(true);
    expect(problem.body.code).toBe('INTERNAL');
    expect(JSON.stringify(problem.body)).not.toMatch(/relation|\/srv|x\.js/);
  });
});
