import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** One spooled file being replayed: its rows, and how to settle it. */
export interface SpoolFile {
  name: string;
  rows: unknown[];
  /** lines that did not parse (a torn write at a crash): counted as lost */
  unreadable: number;
  /** all rows are in the database: the file goes */
  done(): Promise<void>;
  /** only `remaining` rows are still to write: the file keeps just those */
  keep(remaining: unknown[]): Promise<void>;
}

/**
 * Rows that could not reach the database yet, as NDJSON files on local disk: appended
 * while PostgreSQL is down or the memory queue is full, replayed oldest first when it is
 * back. One spool directory belongs to one node. Appends run one after another.
 */
export class Spool {
  private readonly instance = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private sequence = 0;
  private current?: { name: string; bytes: number };
  private chain: Promise<unknown> = Promise.resolve();
  private bytesOnDisk = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly maxBytes: number,
  ) {}

  /** Bytes and rows already waiting from an earlier run (replayed like new ones). */
  async open(): Promise<{ rows: number }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    let rows = 0;
    for (const name of await this.files()) {
      const content = await readFile(join(this.dir, name), 'utf8');
      this.bytesOnDisk += Buffer.byteLength(content);
      rows += content.split('\n').filter(Boolean).length;
    }
    return { rows };
  }

  /** Appends rows; resolves false (nothing written) when the spool is full or the disk fails. */
  append(rows: unknown[]): Promise<boolean> {
    const next = this.chain.then(async () => {
      const text = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
      const bytes = Buffer.byteLength(text);
      if (this.bytesOnDisk + bytes > this.maxBytes) return false;
      if (!this.current || this.current.bytes + bytes > MAX_FILE_BYTES) {
        this.current = {
          name: `${this.prefix}-${this.instance}-${String(this.sequence++).padStart(6, '0')}.ndjson`,
          bytes: 0,
        };
      }
      await appendFile(join(this.dir, this.current.name), text, { mode: 0o600 });
      this.current.bytes += bytes;
      this.bytesOnDisk += bytes;
      return true;
    });
    this.chain = next.catch(() => false);
    return next;
  }

  /** Waits for appends in progress. */
  settled(): Promise<unknown> {
    return this.chain;
  }

  /** The oldest file, closed to further appends, or undefined when the spool is empty. */
  async oldest(): Promise<SpoolFile | undefined> {
    await this.chain;
    const [name] = await this.files();
    if (!name) return undefined;
    if (this.current?.name === name) this.current = undefined;
    const path = join(this.dir, name);
    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    const rows: unknown[] = [];
    let unreadable = 0;
    for (const line of lines) {
      try {
        rows.push(JSON.parse(line));
      } catch {
        unreadable++;
      }
    }
    const { size } = await stat(path);
    return {
      name,
      rows,
      unreadable,
      done: async () => {
        await unlink(path);
        this.bytesOnDisk -= size;
      },
      keep: async (remaining) => {
        const text = remaining.map((row) => JSON.stringify(row)).join('\n') + '\n';
        await writeFile(`${path}.tmp`, text, { mode: 0o600 });
        await rename(`${path}.tmp`, path);
        this.bytesOnDisk -= size - Buffer.byteLength(text);
      },
    };
  }

  private async files(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    // Names sort by creation: instance starts with its start time, then the sequence.
    return names.filter((n) => n.startsWith(`${this.prefix}-`) && n.endsWith('.ndjson')).sort();
  }
}
