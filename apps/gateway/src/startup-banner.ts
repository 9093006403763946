import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InitialAdmin } from '@app/auth';
import { AppConfig } from '@app/core';
import { describePostgres } from '@app/db';
import type { Logger } from 'pino';

export interface BannerFacts {
  config: AppConfig;
  /** The port the server listens on (PORT=0 picks one). */
  port: number;
  initialAdmin?: InitialAdmin;
}

interface Banner {
  /** Label and value, e.g. ['API', 'http://localhost:3000/api/v1']. */
  rows: [string, string][];
  /** What the reader should do next, if anything. */
  notes: string[];
}

/** One look tells where everything is and how this node runs: a block on a terminal, one log line otherwise. */
export function printStartupBanner(facts: BannerFacts, logger: Logger): void {
  const { rows, notes } = startupBanner(facts);
  if (facts.config.logFormat === 'pretty') {
    const lines = rows.map(([label, value]) => `  ${label.padEnd(9)} ${value}`);
    process.stdout.write(
      ['', 'DataHub is ready', ...lines, ...notes.map((n) => (n ? `  ${n}` : '')), '', ''].join('\n'),
    );
    return;
  }
  logger.info(Object.fromEntries(rows.map(([label, value]) => [label.toLowerCase(), value])), 'DataHub is ready');
  if (notes.length) logger.warn(notes.filter(Boolean).join(' '));
}

export function startupBanner({ config, port, initialAdmin }: BannerFacts): Banner {
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    rows: [
      ['Console', `${base}/console`],
      ['API', `${base}/api/v1`],
      ['Docs', `${base}/docs  (OpenAPI: ${base}/docs-json)`],
      ['Gateway', `${base}/gateway/{api}/...`],
      ['Metrics', `${base}/metrics`],
      ['Health', `${base}/health/live  ${base}/health/ready`],
      ['Database', database(config)],
      ['Store', store(config)],
    ],
    notes: adminNotes(config, initialAdmin),
  };
}

function database(config: AppConfig): string {
  if (config.embeddedDatabase) return `embedded PostgreSQL in ${config.embeddedPostgresDir}`;
  const replicas = config.database.readUrls.length;
  return `PostgreSQL at ${describePostgres(config.database.url!)}${replicas ? ` (+${replicas} read replicas)` : ''}`;
}

function store(config: AppConfig): string {
  const { mode, url, clusterNodes } = config.redis;
  if (mode === 'memory') return 'in-process (one node only: set REDIS_URL to run more than one)';
  if (mode === 'cluster') return `Redis Cluster (${clusterNodes.map((n) => `${n.host}:${n.port}`).join(', ')})`;
  const parsed = new URL(url!);
  return `Redis at ${parsed.hostname}:${parsed.port || 6379}`;
}

function adminNotes(config: AppConfig, initialAdmin?: InitialAdmin): string[] {
  if (initialAdmin) {
    return [
      '',
      `Created the initial admin: ${initialAdmin.email} / ${initialAdmin.password} (kept in ${initialAdmin.file}).`,
      'Sign in (the console at /console, or POST /api/v1/auth/login), change the password, then delete the file.',
    ];
  }
  const file = join(config.dataDir, 'initial-admin.txt');
  if (config.embeddedDatabase && existsSync(file)) return ['', `The initial admin's password is in ${file}.`];
  return [];
}
