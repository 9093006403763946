import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Locks this process holds: a lock naming this pid but not held here is a previous life's (a restarted container is pid 1 again). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer of one process owns a spool directory's files of its kind: two would replay
 * (and delete) the same files. The lock is a file naming its holder. A live process on this
 * host keeps it; one left by a process that is gone, by an earlier life of this process id
 * (a restarted container), or by another host (which cannot be asked) is taken over.
 */
export class SpoolLock {
  private constructor(private readonly path: string) {}

  static acquire(dir: string, name: string): SpoolLock {
    const path = join(dir, `${name}.lock`);
    const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = SpoolLock.holder(path);
      const live =
        holder !== undefined &&
        holder.host === me.host &&
        (holder.pid === process.pid ? heldHere.has(path) : alive(holder.pid));
      if (live) {
        throw new Error(
          `${dir} is the spool of process ${holder.pid}${holder.pid === process.pid ? ' (this one)' : ''} since ${holder.since}: give every node its own LOG_SPOOL_DIR`,
        );
      }
      writeFileSync(path, JSON.stringify(me), { mode: 0o600 });
    }
    heldHere.add(path);
    return new SpoolLock(path);
  }

  release(): void {
    heldHere.delete(this.path);
    try {
      unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }

  private static holder(path: string): Holder | undefined {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Holder;
    } catch {
      return undefined;
    }
  }
}
