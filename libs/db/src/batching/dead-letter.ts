import { appendFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RowEncodingError } from './binary-copy';

/**
 * Rows the database refused for their own data (not because it was down): one NDJSON line
 * each, with when and why, in `<dir>/<name>.ndjson`. Kept for an operator to inspect and,
 * once fixed, load by hand; nothing replays them. At most `maxBytes`: past it, appends fail.
 */
export class DeadLetterFile {
  readonly path: string;
  private chain: Promise<unknown> = Promise.resolve();
  private bytes?: number;

  constructor(
    private readonly dir: string,
    name: string,
    private readonly maxBytes: number,
  ) {
    this.path = join(dir, `${name}.ndjson`);
  }

  append(row: unknown, reason: string): Promise<void> {
    const line = `${JSON.stringify({ deadLetteredAt: new Date().toISOString(), reason, row })}\n`;
    const write = this.chain.then(async () => {
      this.bytes ??= await stat(this.path).then(
        (s) => s.size,
        () => 0,
      );
      const size = Buffer.byteLength(line);
      if (this.bytes + size > this.maxBytes) throw new Error(`${this.path} holds ${this.maxBytes} bytes already`);
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await appendFile(this.path, line, { mode: 0o600 });
      this.bytes += size;
    });
    this.chain = write.catch(() => undefined);
    return write;
  }
}

/**
 * A failure caused by the rows themselves: SQLSTATE class 22 (data exception: invalid
 * text, out-of-range values), 23 (integrity constraint) or 54 (a row past a limit, such as
 * an index entry too large), or a row that could not even be encoded. Anything else
 * (connections, timeouts, a database shutting down) is transient.
 */
export function isDataError(error: unknown): boolean {
  if (error instanceof RowEncodingError) return true;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}
