import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BUILT_MAIN = resolve(__dirname, '../../dist/apps/gateway/src/main.js');
export const BUILT_MIGRATE = resolve(__dirname, '../../dist/apps/gateway/src/migrate.js');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  /** stdout and stderr so far */
  output(): string;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/**
 * Spawns a node script with ONLY the given variables (plus PATH), so the test's env cannot
 * leak in. `input`, when given, is written to its stdin (then closed).
 */
export function spawnNode(script: string, args: string[], env: Record<string, string>, input?: string): RunningProcess {
  // A data directory of its own unless the test names one: nodes never share a spool or a lock by accident.
  const scratch = mkdtempSync(join(tmpdir(), 'datahub-node-'));
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATAHUB_DATA_DIR: scratch, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(input);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      done(code);
    }),
  );
  return { child, output: () => out + err, stdout: () => out, stderr: () => err, exited };
}

/** Polls `url` until it answers `status` (or the time runs out). */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < timeoutMs) {
    try {
      last = (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
      if (last === status) return Date.now() - started;
    } catch {
      last = 0;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
