import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LockHeldError, ProcessLock } from './process-lock';

describe('ProcessLock', () => {
  const path = () => join(mkdtempSync(join(tmpdir(), 'process-lock-')), 'x.lock');

  it('refuses a lock a live process holds, naming it and its details', () => {
    const file = path();
    const lock = ProcessLock.acquire(file, { port: 3000 });
    lock.describe({ port: 3001 });
    const refused = (() => {
      try {
        ProcessLock.acquire(file);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(LockHeldError);
    expect((refused as LockHeldError).holder).toMatchObject({ pid: process.pid, host: hostname(), port: 3001 });
    lock.release();
    ProcessLock.acquire(file).release();
  });

  it('takes over a lock left by a process that is gone, or by an earlier life of this pid', () => {
    const file = path();
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: 'earlier' }));
    const lock = ProcessLock.acquire(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    // A restarted container is pid 1 again: its own pid in a lock it does not hold is stale.
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), since: 'an earlier life' }));
    ProcessLock.acquire(file).release();
  });

  it('takes over an unreadable lock file once it has sat for a while, not while it may be mid-write', () => {
    const file = path();
    writeFileSync(file, 'not json');
    expect(() => ProcessLock.acquire(file)).toThrow(/is being written or is not a lock file/);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(file, aMinuteAgo, aMinuteAgo);
    ProcessLock.acquire(file).release();
  });

  it("takes another host's lock only once its holder has stopped touching it", () => {
    const file = path();
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: 'elsewhere', since: 'now' }));
    expect(() => ProcessLock.acquire(file)).toThrow(LockHeldError);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(file, aMinuteAgo, aMinuteAgo);
    const lock = ProcessLock.acquire(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('releases only a lock that still names it', () => {
    const file = path();
    const lock = ProcessLock.acquire(file);
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: 'a takeover' }));
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8')).since).toBe('a takeover');
  });

  it('leaves no draft files behind', () => {
    const file = path();
    ProcessLock.acquire(file).release();
    expect(readdirSync(dirname(file))).toEqual([]);
  });
});
