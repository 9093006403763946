import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/processes';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL tool as the postgres user (the server refuses to run as root). */
function asPostgres(tool: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : join(BIN, tool);
  const argv = asRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : args;
  const run = spawnSync(command, argv, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stdout}${run.stderr}`);
  return run.stdout;
}

/**
 * A throwaway PostgreSQL primary and a streaming replica of it (pg_basebackup -R) on spare
 * ports, in a temporary directory owned by postgres: the real thing, started and stopped here.
 */
export class PostgresReplication {
  private readonly dir = mkdtempSync(join(tmpdir(), 'datahub-pg-replication-'));
  primaryPort = 0;
  replicaPort = 0;

  url(port: number): string {
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  async start(): Promise<this> {
    if (process.getuid?.() === 0) {
      const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      const gr = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      chownSync(this.dir, Number(pw), Number(gr));
    }
    chmodSync(this.dir, 0o700);
    this.primaryPort = await freePort();
    this.replicaPort = await freePort();
    const primary = join(this.dir, 'primary');
    const replica = join(this.dir, 'replica');
    asPostgres('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const conf = [
      "listen_addresses = '127.0.0.1'",
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      'fsync = off',
      'synchronous_commit = off',
      "unix_socket_directories = '" + this.dir + "'",
    ];
    // pg_basebackup copies this file: the replica gets the same settings (and standby.signal from -R).
    appendFileSync(join(primary, 'postgresql.conf'), '\n' + conf.join('\n') + '\n');
    asPostgres('pg_ctl', [
      '-D',
      primary,
      '-o',
      `-p ${this.primaryPort}`,
      '-l',
      join(this.dir, 'primary.log'),
      '-w',
      'start',
    ]);
    asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
    ]);
    asPostgres('pg_ctl', [
      '-D',
      replica,
      '-o',
      `-p ${this.replicaPort}`,
      '-l',
      join(this.dir, 'replica.log'),
      '-w',
      'start',
    ]);
    return this;
  }

  /** Stops the replica (fast shutdown), as an outage would. */
  stopReplica(): void {
    asPostgres('pg_ctl', ['-D', join(this.dir, 'replica'), '-m', 'immediate', '-w', 'stop']);
  }

  async stop(): Promise<void> {
    for (const node of ['replica', 'primary']) {
      try {
        asPostgres('pg_ctl', ['-D', join(this.dir, node), '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
