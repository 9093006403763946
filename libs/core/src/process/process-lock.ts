import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a lock: written into the lock file, shown to whoever finds it taken. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Whatever else the owner wants a refused process to read, e.g. the port it serves. */
  [detail: string]: unknown;
}

/** The lock is held by a live process; `holder` says which. */
export class LockHeldError extends Error {
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {
    super(`${path} is held by process ${holder.pid}`);
  }
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
 * A lock file naming its holder, like PostgreSQL's postmaster.pid. A live process on this
 * host keeps it; one left by a process that is gone, by an earlier life of this process id
 * (a restarted container), or by another host (which cannot be asked) is taken over.
 */
export class ProcessLock {
  private constructor(
    readonly path: string,
    private holder: LockHolder,
  ) {}

  /** Takes the lock at `path` or throws LockHeldError naming the live holder. */
  static acquire(path: string, details: Record<string, unknown> = {}): ProcessLock {
    const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...details };
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = ProcessLock.holderOf(path);
      const live =
        holder !== undefined &&
        holder.host === me.host &&
        (holder.pid === process.pid ? heldHere.has(path) : alive(holder.pid));
      if (live) throw new LockHeldError(path, holder);
      writeFileSync(path, JSON.stringify(me), { mode: 0o600 });
    }
    heldHere.add(path);
    return new ProcessLock(path, me);
  }

  /** Adds details learnt after acquiring, e.g. the port once the server listens. */
  describe(details: Record<string, unknown>): void {
    this.holder = { ...this.holder, ...details };
    writeFileSync(this.path, JSON.stringify(this.holder), { mode: 0o600 });
  }

  release(): void {
    heldHere.delete(this.path);
    try {
      unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }

  private static holderOf(path: string): LockHolder | undefined {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    } catch {
      return undefined;
    }
  }
}
