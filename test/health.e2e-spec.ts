import { ChildProcess, spawn } from 'node:child_process';
import { freePort, waitForStatus } from './helpers/processes';
import { startTestApp, TestApp } from './helpers/test-app';
import { json } from './helpers/http';

/** A private redis-server on a spare port, so this test can stop it without touching the shared one. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
      probe.on('exit', (code) => resolve(code === 0));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('health checks', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let t: TestApp;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${redisPort}` });
  });
  afterAll(async () => {
    await t.close();
    if (redis.exitCode === null) await stopRedis(redis);
  });

  it('reports PostgreSQL and Redis up in the terminus shape', async () => {
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
    await stopRedis(redis);

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

    redis = await startRedis(redisPort);
    await waitForStatus(`${t.url}/health/ready`, 200, 10_000);
  });
});
