import { LockHeldError, ProcessLock } from '@app/core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'datahub.lock';

/**
 * One process at a time owns an embedded installation: two would each open the database
 * files, each keep its own in-process store (a key revoked on one answering on the other),
 * and overwrite each other's writes. The second is refused at once, told who holds it.
 */
export function lockDataDir(dataDir: string, details: { port?: number; command?: string }): ProcessLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return ProcessLock.acquire(join(dataDir, LOCK_FILE), details);
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    const { pid, port, command } = error.holder;
    const what = port !== undefined ? `port ${port}` : String(command ?? 'another command');
    throw new Error(
      `another DataHub process (pid ${pid}, ${what}) is using the data directory ${dataDir}. ` +
        'Stop it first, or give this one its own DATAHUB_DATA_DIR (and PORT). ' +
        `If no DataHub runs there (a reboot gave that pid to another program), delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}
