import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../helpers/api-client';
import { BUILT_MAIN, freePort, RunningProcess, spawnNode, waitForStatus } from '../helpers/processes';
import { TEST_SECRETS } from '../helpers/test-env';
import { TestUpstream } from '../helpers/upstream';
import { PostgresReplication } from './postgres-replication';
import { RedisCluster } from './redis-cluster';

const ADMIN = { email: 'cluster-admin@example.com', password: 'cluster-admin-password' };

interface GatewayNode {
  process: RunningProcess;
  url: string;
  api: ApiClient;
}

/**
 * Issue 8's proof: three gateway processes behind no load balancer (the test spreads the
 * calls), on a 6-node Redis Cluster and a PostgreSQL primary with a streaming replica, all
 * real and started here on spare ports.
 */
describe('scale-out: three gateway nodes, Redis Cluster, PostgreSQL replica', () => {
  const postgres = new PostgresReplication();
  const redis = new RedisCluster();
  const upstream = new TestUpstream();
  const nodes: GatewayNode[] = [];
  let token: string;
  let apiName: string;

  async function startNode(extra: Record<string, string>): Promise<GatewayNode> {
    const port = await freePort();
    const process = spawnNode(BUILT_MAIN, [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: postgres.url(postgres.primaryPort),
      DATABASE_READ_URLS: postgres.url(postgres.replicaPort),
      REDIS_CLUSTER_NODES: redis.seeds,
      ...TEST_SECRETS,
      LOG_LEVEL: 'warn',
      SHUTDOWN_DRAIN_MS: '0',
      PASSWORD_HASH_COST: '4',
      RATE_LIMIT_FAILURE_MODE: 'closed',
      LOG_SPOOL_DIR: mkdtempSync(join(tmpdir(), 'datahub-spool-')),
      ...extra,
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForStatus(`${url}/health`, 200, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${process.output()}`);
    });
    return { process, url, api: new ApiClient(url) };
  }

  async function createKey(
    tier: { requestsPerMin: number; requestsPerHour: number; burstLimit: number },
    via = nodes[0],
  ) {
    const tierName = `t-${Math.random().toString(36).slice(2, 8)}`;
    expect((await via.api.post('/api/v1/admin/rate-limits', { tierName, ...tier }, { token })).status).toBe(201);
    const res = await via.api.post(
      '/api/v1/keys',
      { name: 'cluster', rateLimitTier: tierName, permissions: [{ api: apiName, permission: 'read' }] },
      { token },
    );
    expect(res.status).toBe(201);
    return res.body.data as { id: string; key: string };
  }

  const call = (node: GatewayNode, key: string, path = '/echo/cluster') =>
    fetch(`${node.url}/gateway/${apiName}${path}`, { headers: { 'x-api-key': key } }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });

  beforeAll(async () => {
    await Promise.all([postgres.start(), redis.start(), upstream.start()]);
    nodes.push(await startNode({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    nodes.push(
      ...(await Promise.all([startNode({ MIGRATIONS_RUN: 'false' }), startNode({ MIGRATIONS_RUN: 'false' })])),
    );
    token = (await nodes[0].api.post('/api/v1/auth/login', ADMIN)).body.accessToken;
    const api = await nodes[0].api.post(
      '/api/v1/admin/apis',
      { name: 'cluster-api', upstreamUrl: upstream.url },
      { token },
    );
    expect(api.status).toBe(201);
    apiName = api.body.data.name;
  }, 120_000);

  afterAll(async () => {
    for (const node of nodes) node.process.child.kill('SIGKILL');
    await Promise.all(nodes.map((node) => node.process.exited));
    await Promise.all([redis.stop(), postgres.stop(), upstream.stop()]);
  }, 60_000);

  it('holds a rate limit of L exactly across the three nodes under concurrent load', async () => {
    const { key } = await createKey({ requestsPerMin: 20, requestsPerHour: 1000, burstLimit: 1000 });
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => call(nodes[i % 3], key)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
  });

  it('refuses a key revoked through node 1 on nodes 2 and 3 within a second', async () => {
    const { id, key } = await createKey({ requestsPerMin: 1000, requestsPerHour: 10_000, burstLimit: 1000 });
    expect(await Promise.all(nodes.map((node) => call(node, key)))).toEqual([200, 200, 200]); // cached everywhere
    expect((await nodes[0].api.delete(`/api/v1/keys/${id}`, { token })).status).toBe(204);
    const revokedAt = Date.now();
    const refusedAfter = await Promise.all(
      nodes.slice(1).map(async (node) => {
        while ((await call(node, key)) !== 401) {
          if (Date.now() - revokedAt > 5_000) throw new Error(`${node.url} still admits the revoked key`);
          await new Promise((r) => setTimeout(r, 25));
        }
        return Date.now() - revokedAt;
      }),
    );
    for (const ms of refusedAfter) expect(ms).toBeLessThanOrEqual(1_000);
  });

  it('sees a write made a moment ago on another node: a new key, a new user signing in', async () => {
    const { key } = await createKey({ requestsPerMin: 1000, requestsPerHour: 10_000, burstLimit: 1000 }, nodes[0]);
    expect(await call(nodes[1], key)).toBe(200);
    const email = `new-${Date.now()}@example.com`;
    expect((await nodes[1].api.post('/api/v1/auth/register', { email, password: 'a-fresh-password-1' })).status).toBe(
      201,
    );
    expect((await nodes[2].api.post('/api/v1/auth/login', { email, password: 'a-fresh-password-1' })).status).toBe(200);
  });

  it('reads analytics from the replica, and from the primary once the replica is stopped', async () => {
    const { id, key } = await createKey({ requestsPerMin: 1000, requestsPerHour: 10_000, burstLimit: 1000 });
    for (let i = 0; i < 6; i++) expect(await call(nodes[i % 3], key)).toBe(200);
    // Each node writes its log rows within a second; the replica follows within moments.
    const summary = () => nodes[1].api.get(`/api/v1/analytics/summary?keyId=${id}`, { token });
    const started = Date.now();
    while ((await summary()).body.data?.totalRequests !== 6) {
      if (Date.now() - started > 10_000) throw new Error('the replica never showed the six requests');
      await new Promise((r) => setTimeout(r, 200));
    }
    postgres.stopReplica();
    const res = await summary();
    expect(res.status).toBe(200);
    expect(res.body.data.totalRequests).toBe(6);
  });

  it('recovers within 10 s without a restart when the Redis primary holding its limits is killed', async () => {
    const { id, key } = await createKey({ requestsPerMin: 100_000, requestsPerHour: 1_000_000, burstLimit: 100_000 });
    expect(await call(nodes[0], key)).toBe(200);
    await redis.killPrimary(redis.primaryFor(`{rl:${id}}`));
    const killedAt = Date.now();
    // Closed failure mode: 503 while the slot has no primary, 200 again after the failover.
    let statuses: number[] = [];
    while ((statuses = await Promise.all(nodes.map((node) => call(node, key)))).some((s) => s !== 200)) {
      if (Date.now() - killedAt > 10_000)
        throw new Error(
          `the gateway did not recover within 10 s (last answers ${statuses.join(', ')})\n${nodes[0].process.output().slice(-2000)}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(Date.now() - killedAt).toBeLessThanOrEqual(10_000);
    const after = await Promise.all(Array.from({ length: 30 }, (_, i) => call(nodes[i % 3], key)));
    expect(after.every((s) => s === 200)).toBe(true);
    expect(nodes.every((node) => node.process.child.exitCode === null)).toBe(true);
  }, 60_000);
});
