import { FakeServer, problem, sendJson } from '../../testing/fake-server';
import { DataHubClient, DataHubClientOptions } from '../client';
import {
  ConflictError,
  DataHubError,
  ForbiddenError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UpstreamError,
  ValidationError,
} from '../errors';
import type { RateLimitEvent } from './transport';

const KEY = { id: 'k1', name: 'key' };

describe('retries and errors (local HTTP server)', () => {
  const server = new FakeServer();
  let sleeps: number[];
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => (sleeps = []));

  /** A client that records its waits instead of sleeping; jitter fixed at one half. */
  const client = (options: Partial<DataHubClientOptions> = {}) =>
    new DataHubClient({
      baseUrl: server.url,
      accessToken: 'token',
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      ...options,
    });

  /** Answers `statuses` in turn, then 200 with a key. */
  function sequence(...answers: Array<[number, unknown, Record<string, string>?]>) {
    let i = 0;
    server.handle((_req, res) => {
      const [status, body, headers] = answers[i++] ?? [200, { data: KEY }];
      sendJson(res, status, body, headers);
    });
  }

  describe('5xx and network failures', () => {
    it('retries a GET after 503s with exponential backoff and full jitter', async () => {
      sequence([503, problem(503, 'DEPENDENCY_UNAVAILABLE')], [502, problem(502, 'UPSTREAM_UNAVAILABLE')]);
      await expect(client().apiKeys.get('k1')).resolves.toEqual(KEY);
      expect(server.requests).toHaveLength(3);
      expect(sleeps).toEqual([125, 250]); // 0.5 × 250 · 2^0, 0.5 × 250 · 2^1
    });

    it('gives up after maxRetries with the last answer as a typed error', async () => {
      sequence(
        ...Array.from(
          { length: 5 },
          () => [503, problem(503, 'DEPENDENCY_UNAVAILABLE', { requestId: 'r-503' })] as [number, unknown],
        ),
      );
      const error = await client({ maxRetries: 3 })
        .apiKeys.get('k1')
        .catch((e) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({
        status: 503,
        code: 'DEPENDENCY_UNAVAILABLE',
        requestId: 'r-503',
        title: 'Title 503',
      });
      expect(server.requests).toHaveLength(4);
      expect(sleeps).toEqual([125, 250, 500]);
    });

    it('honours a 503 Retry-After when it is longer than the backoff', async () => {
      sequence([503, problem(503, 'DEPENDENCY_UNAVAILABLE'), { 'retry-after': '2' }]);
      await client().apiKeys.get('k1');
      expect(sleeps).toEqual([2_000]);
    });

    it('does not repeat a POST that failed with 5xx', async () => {
      sequence([503, problem(503, 'DEPENDENCY_UNAVAILABLE')]);
      await expect(client().apiKeys.create({ name: 'x', permissions: [] })).rejects.toBeInstanceOf(UpstreamError);
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('repeats a POST that carries an idempotency key', async () => {
      sequence([500, problem(500, 'INTERNAL')], [201, { data: KEY }]);
      await expect(
        client().apiKeys.create({ name: 'x', permissions: [] }, { idempotencyKey: 'idem-1' }),
      ).resolves.toEqual(KEY);
      expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['idem-1', 'idem-1']);
    });

    it('retries a GET whose connection was closed before the answer', async () => {
      let calls = 0;
      server.handle((_req, res) => (calls++ === 0 ? res.socket!.destroy() : sendJson(res, 200, { data: KEY })));
      await expect(client().apiKeys.get('k1')).resolves.toEqual(KEY);
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([125]);
    });

    it('retries a GET whose body was cut off mid-way', async () => {
      let calls = 0;
      server.handle((_req, res) => {
        if (calls++ > 0) return sendJson(res, 200, { data: KEY });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"data":{"id"');
        setTimeout(() => res.socket!.destroy(), 10);
      });
      await expect(client().apiKeys.get('k1')).resolves.toEqual(KEY);
      expect(server.requests).toHaveLength(2);
    });

    it('throws NetworkError (no status) once retries of a closed socket run out', async () => {
      server.handle((_req, res) => res.socket!.destroy());
      const error = await client({ maxRetries: 1 })
        .apiKeys.get('k1')
        .catch((e) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: undefined });
      expect(error.message).toContain(`GET ${server.url}/api/v1/keys/k1 failed`);
      expect(server.requests).toHaveLength(2);
    });

    it('does not repeat a POST whose connection was closed', async () => {
      server.handle((_req, res) => res.socket!.destroy());
      await expect(client().apiKeys.create({ name: 'x', permissions: [] })).rejects.toBeInstanceOf(NetworkError);
      expect(server.requests).toHaveLength(1);
    });

    it('throws NetworkError when nothing listens', async () => {
      const closed = new FakeServer();
      await closed.start();
      await closed.stop();
      const error = await client({ baseUrl: closed.url, maxRetries: 0 })
        .auth.me()
        .catch((e) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.message).toContain('ECONNREFUSED');
    });
  });

  describe('429', () => {
    it('waits for Retry-After, tells onRateLimited, then retries', async () => {
      const events: RateLimitEvent[] = [];
      sequence([429, problem(429, 'RATE_LIMITED'), { 'retry-after': '2' }]);
      await expect(client({ onRateLimited: (e) => void events.push(e) }).apiKeys.get('k1')).resolves.toEqual(KEY);
      expect(sleeps).toEqual([2_000]);
      expect(events).toEqual([
        { method: 'GET', url: `${server.url}/api/v1/keys/k1`, retryAfterMs: 2_000, attempt: 1, willRetry: true },
      ]);
    });

    it('retries a POST too: a 429 means the request was not processed', async () => {
      sequence([429, problem(429, 'RATE_LIMITED'), { 'retry-after': '1' }], [201, { data: KEY }]);
      await expect(client().apiKeys.create({ name: 'x', permissions: [] })).resolves.toEqual(KEY);
      expect(server.requests).toHaveLength(2);
    });

    it('throws RateLimitError carrying the retry time after maxRetries', async () => {
      const events: RateLimitEvent[] = [];
      server.handle((_req, res) =>
        sendJson(res, 429, problem(429, 'RATE_LIMITED', { requestId: 'r-429' }), { 'retry-after': '3' }),
      );
      const before = Date.now();
      const error = await client({ maxRetries: 1, onRateLimited: (e) => void events.push(e) })
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', requestId: 'r-429', retryAfterMs: 3_000 });
      expect(error.retryAt.getTime()).toBeGreaterThanOrEqual(before + 3_000);
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([3_000]);
      expect(events.map((e) => [e.attempt, e.willRetry])).toEqual([
        [1, true],
        [2, false],
      ]);
    });

    it('does not wait when Retry-After exceeds the wait budget', async () => {
      server.handle((_req, res) => sendJson(res, 429, problem(429, 'RATE_LIMITED'), { 'retry-after': '3600' }));
      const error = await client({ retry: { maxWaitMs: 10_000 } })
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('waits at most maxWaitMs in total per call, five seconds by default', async () => {
      server.handle((_req, res) => sendJson(res, 429, problem(429, 'RATE_LIMITED'), { 'retry-after': '3' }));
      const error = await client({ maxRetries: 5 })
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ retryAfterMs: 3_000 });
      expect(sleeps).toEqual([3_000]);
      expect(server.requests).toHaveLength(2);
    });

    it('counts failure backoff against the same budget', async () => {
      server.handle((_req, res) => sendJson(res, 503, problem(503, 'DEPENDENCY_UNAVAILABLE'), { 'retry-after': '4' }));
      const error = await client({ maxRetries: 5 })
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toMatchObject({ status: 503 });
      expect(sleeps).toEqual([4_000]);
      expect(server.requests).toHaveLength(2);
    });

    it('keeps one budget for the whole call, the replay after a token refresh included', async () => {
      sequence(
        [429, problem(429, 'RATE_LIMITED'), { 'retry-after': '3' }],
        [401, problem(401, 'TOKEN_EXPIRED')],
        [200, { accessToken: 'fresh', refreshToken: 'r2', expiresIn: 900 }],
        [429, problem(429, 'RATE_LIMITED'), { 'retry-after': '3' }],
      );
      const error = await client({ refreshToken: 'r1' })
        .apiKeys.get('k1')
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(sleeps).toEqual([3_000]);
      expect(server.requests.map((r) => r.url)).toEqual([
        '/api/v1/keys/k1',
        '/api/v1/keys/k1',
        '/api/v1/auth/refresh',
        '/api/v1/keys/k1',
      ]);
    });

    it('backs off when Retry-After is missing, and stops when onRateLimited returns false', async () => {
      sequence([429, problem(429, 'RATE_LIMITED')]);
      await client().apiKeys.get('k1');
      expect(sleeps).toEqual([125]);
      server.handle((_req, res) => sendJson(res, 429, problem(429, 'RATE_LIMITED'), { 'retry-after': '1' }));
      await expect(client({ onRateLimited: () => false }).apiKeys.get('k1')).rejects.toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('errors that are thrown at once', () => {
    it.each([
      [400, 'VALIDATION_FAILED', ValidationError],
      [403, 'INSUFFICIENT_PERMISSIONS', ForbiddenError],
      [404, 'NOT_FOUND', NotFoundError],
      [409, 'NAME_TAKEN', ConflictError],
    ])('%i %s → %p', async (status, code, type) => {
      server.handle((_req, res) => sendJson(res, status, problem(status, code, { requestId: 'r-body' })));
      const error = await client()
        .apis.get('a')
        .catch((e) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(DataHubError);
      expect(error).toMatchObject({ status, code, requestId: 'r-body', detail: `detail of ${code}` });
      expect(server.requests).toHaveLength(1);
    });

    it('carries the field errors of a 400 and falls back to X-Request-Id', async () => {
      const body = problem(400, 'VALIDATION_FAILED', { errors: [{ field: 'name', message: 'name must be a string' }] });
      server.handle((_req, res) => sendJson(res, 400, body));
      const error = await client()
        .apis.create({ name: '', upstreamUrl: 'x' })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
      expect(error.requestId).toBe('req-from-header');
      expect(error.message).toBe('Title 400 (VALIDATION_FAILED): detail of VALIDATION_FAILED');
    });
  });

  describe('malformed answers', () => {
    it('rejects a 200 whose body is not JSON', async () => {
      server.handle((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-bad' }).end('{"data": [1, 2'),
      );
      const error = await client()
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error).toMatchObject({ status: 200, code: 'MALFORMED_RESPONSE', requestId: 'r-bad' });
    });

    it('maps an HTML error page to the status class with a fallback code', async () => {
      server.handle((_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<html>oops</html>'));
      const error = await client({ maxRetries: 0 })
        .apiKeys.list()
        .catch((e) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 500, code: 'INTERNAL', title: 'HTTP 500', problem: undefined });
    });
  });
});
