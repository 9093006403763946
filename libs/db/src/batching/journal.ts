import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const ROWS_PER_SEGMENT = 50_000;

interface Segment {
  name: string;
  fd: number | null;
  appended: number;
  settled: number;
}

/**
 * A write-ahead journal of rows not yet in the database, so that even `kill -9` loses
 * none: each row is appended with a synchronous write (in the kernel's page cache before
 * the caller goes on), in NDJSON segments. Rows settle in the order they were appended
 * (written to the database, moved to the spool, or dropped); a segment whose rows have all
 * settled is deleted. Segments left by a process that died are handed to the spool at the
 * next start, which replays them.
 */
export class Journal {
  private readonly instance = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly segments: Segment[] = [];
  private sequence = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Moves segments of an earlier run into `spoolDir` (where they are replayed). */
  recover(spoolDir: string): number {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
    const left = readdirSync(this.dir).filter((name) => name.startsWith(`${this.prefix}-`) && name.endsWith('.ndjson'));
    for (const name of left) renameSync(join(this.dir, name), join(spoolDir, name));
    return left.length;
  }

  append(row: unknown): void {
    let segment = this.segments.at(-1);
    if (!segment || segment.fd === null || segment.appended >= ROWS_PER_SEGMENT) {
      if (segment && segment.fd !== null) this.close(segment);
      const name = `${this.prefix}-${this.instance}-j${String(this.sequence++).padStart(6, '0')}.ndjson`;
      segment = { name, fd: openSync(join(this.dir, name), 'a', 0o600), appended: 0, settled: 0 };
      this.segments.push(segment);
    }
    writeSync(segment.fd!, JSON.stringify(row) + '\n');
    segment.appended++;
  }

  /** The oldest `rows` rows no longer need the journal. */
  settle(rows: number): void {
    while (rows > 0 && this.segments.length > 0) {
      const segment = this.segments[0];
      const taken = Math.min(rows, segment.appended - segment.settled);
      segment.settled += taken;
      rows -= taken;
      const full = segment.fd === null || segment.appended >= ROWS_PER_SEGMENT;
      if (segment.settled === segment.appended && (full || this.segments.length > 1)) {
        this.close(segment);
        unlinkSync(join(this.dir, segment.name));
        this.segments.shift();
      } else if (taken === 0) {
        break;
      }
    }
  }

  /** A clean stop, once every row is in the database or the spool: the journal goes. */
  discard(): void {
    for (const segment of this.segments) {
      this.close(segment);
      unlinkSync(join(this.dir, segment.name));
    }
    this.segments.length = 0;
  }

  private close(segment: Segment): void {
    if (segment.fd !== null) closeSync(segment.fd);
    segment.fd = null;
  }
}
