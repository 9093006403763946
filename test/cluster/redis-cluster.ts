import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/processes';

interface ClusterNode {
  port: number;
  child: ChildProcess;
}

/** A child killed by a signal has a null exitCode: look at both. */
const running = (node: ClusterNode) => node.child.exitCode === null && node.child.signalCode === null;

const cli = (port: number, ...args: string[]) =>
  spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A real Redis Cluster on spare ports: 3 primaries and 3 replicas (`redis-server
 * --cluster-enabled yes` and `redis-cli --cluster create`), in a temporary directory.
 */
export class RedisCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'datahub-redis-cluster-'));
  readonly nodes: ClusterNode[] = [];

  /** `host:port,...` as REDIS_CLUSTER_NODES takes it. */
  get seeds(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  async start(): Promise<this> {
    for (let i = 0; i < 6; i++) {
      const port = await freePort();
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          // A replica of a freshly created, idle cluster counts as stale and would refuse to be
          // promoted; 0 = always fail over (a real cluster sees writes all the time).
          '--cluster-node-timeout',
          '2000',
          '--cluster-replica-validity-factor',
          '0',
          '--dir',
          this.dir,
          '--logfile',
          `redis-${port}.log`,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      this.nodes.push({ port, child });
    }
    await until(() => this.nodes.every((n) => cli(n.port, 'ping') === 'PONG'), 10_000, 'the nodes to start');
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...this.nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    await until(
      () => this.nodes.every((n) => cli(n.port, 'cluster', 'info').includes('cluster_state:ok')),
      30_000,
      'cluster_state:ok',
    );
    // Replicas must have synced before a failover test can promote one.
    await until(
      () => this.nodes.filter((n) => cli(n.port, 'role').startsWith('slave')).length === 3,
      30_000,
      'three replicas',
    );
    return this;
  }

  /** Ports of the nodes that are primaries now. */
  primaries(): number[] {
    return this.nodes.filter((n) => running(n) && cli(n.port, 'role').startsWith('master')).map((n) => n.port);
  }

  /** The primary that serves `key`'s slot, from CLUSTER NODES (`id addr flags master ping pong epoch state slots...`). */
  primaryFor(key: string): number {
    const [port] = this.primaries();
    const slot = Number(cli(port, 'cluster', 'keyslot', key));
    for (const line of cli(port, 'cluster', 'nodes').split('\n')) {
      const fields = line.split(' ');
      if (!fields[2]?.includes('master') || fields[2].includes('fail')) continue;
      const serves = fields.slice(8).some((range) => {
        const [from, to = from] = range.split('-').map(Number);
        return slot >= from && slot <= to;
      });
      if (serves) return Number(fields[1].split('@')[0].split(':')[1]);
    }
    throw new Error(`no primary serves slot ${slot}`);
  }

  /** kill -9 of one primary; the cluster promotes its replica (about node-timeout later). */
  async killPrimary(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port)!;
    const exited = new Promise((resolve) => node.child.once('exit', resolve));
    node.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map((n) => {
        if (!running(n)) return undefined;
        const exited = new Promise((resolve) => n.child.once('exit', resolve));
        n.child.kill('SIGKILL');
        return exited;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
