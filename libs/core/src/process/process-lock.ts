import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
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
    super(`${path} is held by process ${holder.pid} on ${holder.host}`);
  }
}

/** The holder touches its lock this often; a lock from another host untouched for STALE_MS is abandoned. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 3 * HEARTBEAT_MS;

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

interface Found {
  text: string;
  holder?: LockHolder;
  ageMs: number;
}

function read(path: string): Found | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const ageMs = Date.now() - statSync(path).mtimeMs;
    try {
      return { text, ageMs, holder: JSON.parse(text) as LockHolder };
    } catch {
      return { text, ageMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A lock file naming its holder, like PostgreSQL's postmaster.pid, created atomically (a
 * complete file is linked into place) and touched every few seconds while held.
 * - On this host the holder's process id decides: alive, the lock is held (if a reboot gave
 *   that id to another program, the refusal says which file to delete); gone, or an earlier
 *   life of this very id (a restarted container), it is taken over.
 * - From another host (a shared volume) it is held while it is being touched, and taken over
 *   once it has not been for half a minute.
 */
export class ProcessLock {
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    readonly path: string,
    private holder: LockHolder,
  ) {
    this.heartbeat = setInterval(() => this.touch(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Takes the lock at `path` or throws LockHeldError naming the live holder. */
  static acquire(path: string, details: Record<string, unknown> = {}): ProcessLock {
    const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...details };
    const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, JSON.stringify(me), { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          linkSync(draft, path);
          heldHere.add(path);
          return new ProcessLock(path, me);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const found = read(path);
        if (!found) continue;
        if (ProcessLock.held(found, path, me.host)) {
          if (found.holder) throw new LockHeldError(path, found.holder);
          throw new Error(`${path} is being written or is not a lock file: if nothing holds it, delete it`);
        }
        ProcessLock.removeAbandoned(path, found);
      }
      throw new Error(`${path}: could not take the lock (others are taking it at the same time)`);
    } finally {
      unlinkSync(draft);
    }
  }

  private static held(found: Found, path: string, host: string): boolean {
    const { holder, ageMs } = found;
    // Unreadable: written by something else, or mid-write by an older version. Give it a moment.
    if (!holder || typeof holder.pid !== 'number') return ageMs < 5_000;
    if (holder.host !== host) return ageMs < STALE_MS;
    return holder.pid === process.pid ? heldHere.has(path) : alive(holder.pid);
  }

  /** Moves the abandoned lock aside atomically; puts it back if another process's fresh lock was moved instead. */
  private static removeAbandoned(path: string, abandoned: Found): void {
    const aside = `${path}.abandoned.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (read(aside)?.text !== abandoned.text) {
      try {
        linkSync(aside, path);
      } catch {
        // a third process linked its own meanwhile: the next round looks at that one
      }
    }
    unlinkSync(aside);
  }

  /** Adds details learnt after acquiring, e.g. the port once the server listens. */
  describe(details: Record<string, unknown>): void {
    if (!this.mine()) return;
    this.holder = { ...this.holder, ...details };
    const draft = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, JSON.stringify(this.holder), { mode: 0o600 });
    renameSync(draft, this.path);
  }

  release(): void {
    clearInterval(this.heartbeat);
    heldHere.delete(this.path);
    if (!this.mine()) return;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }

  private touch(): void {
    if (!this.mine()) return;
    const now = new Date();
    try {
      utimesSync(this.path, now, now);
    } catch {
      // gone: the next acquire by anyone starts afresh
    }
  }

  /** The file still names this holder (nobody took it over). */
  private mine(): boolean {
    const holder = read(this.path)?.holder;
    return holder?.pid === this.holder.pid && holder.host === this.holder.host && holder.since === this.holder.since;
  }
}
