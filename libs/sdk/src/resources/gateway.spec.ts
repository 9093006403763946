import { FakeServer, sendJson } from '../../testing/fake-server';
import { DataHubClient } from '../client';
import { RateLimitError } from '../errors';

describe('client.gateway.request', () => {
  const server = new FakeServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('sends the API key (not the bearer token) to /gateway/{api}/{path} and returns the upstream answer as is', async () => {
    server.handle((_req, res) => sendJson(res, 404, { upstream: 'not here' }));
    const client = new DataHubClient({ baseUrl: `${server.url}/`, apiKey: 'dh_key', accessToken: 'jwt' });
    const res = await client.gateway.request('payments', '/v1/items?a=1', {
      method: 'POST',
      body: 'hello',
      query: { b: 2 },
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ upstream: 'not here' });
    const [seen] = server.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/gateway/payments/v1/items?a=1&b=2', body: 'hello' });
    expect(seen.headers['x-api-key']).toBe('dh_key');
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('throws RateLimitError when 429s outlast the retries', async () => {
    server.handle((_req, res) =>
      sendJson(res, 429, { code: 'RATE_LIMITED', status: 429, title: 'Too many requests' }, { 'retry-after': '1' }),
    );
    const client = new DataHubClient({
      baseUrl: server.url,
      apiKey: 'dh_key',
      maxRetries: 1,
      sleep: async () => undefined,
    });
    const error = await client.gateway.request('payments', 'x').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(1_000);
    expect(server.requests).toHaveLength(2);
  });
});
