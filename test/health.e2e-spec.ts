import { waitForStatus } from './helpers/processes';
import { RedisServer } from './helpers/redis-server';
import { startTestApp, TestApp } from './helpers/test-app';
import { json } from './helpers/http';

describe('health checks', () => {
  const redis = new RedisServer();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('reports PostgreSQL and Redis up in the terminus shape', async () => {
    // A loaded CI machine may need a moment for the first pool connection.
    await waitForStatus(`${t.url}/health`, 200, 10_000);
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up', latencyMs: expect.any(Number) } },
      error: {},
      details: { database: { status: 'up' }, redis: { status: 'up', latencyMs: expect.any(Number) } },
    });
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
  });

  it('turns ready 503 when Redis dies, stays live, and recovers when Redis returns', async () => {
    await redis.stop();

    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(503);
    const body = await json(ready);
    expect(body.status).toBe('error');
    expect(body.info.database).toEqual({ status: 'up' });
    expect(body.error.redis.status).toBe('down');
    expect((await fetch(`${t.url}/health`)).status).toBe(503);

    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    expect((await json(live)).status).toBe('ok');

    await redis.start();
    await waitForStatus(`${t.url}/health/ready`, 200, 10_000);
  });
});
