import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Rows the database refused for their own data (not because it was down): one NDJSON line
 * each, with when and why, in `<dir>/<name>.ndjson`. Kept for an operator to inspect and,
 * once fixed, load by hand; nothing replays them.
 */
export class DeadLetterFile {
  readonly path: string;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    name: string,
  ) {
    this.path = join(dir, `${name}.ndjson`);
  }

  append(row: unknown, reason: string): Promise<void> {
    const line = `${JSON.stringify({ deadLetteredAt: new Date().toISOString(), reason, row })}\n`;
    const write = this.chain.then(async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await appendFile(this.path, line, { mode: 0o600 });
    });
    this.chain = write.catch(() => undefined);
    return write;
  }
}

/**
 * A failure caused by the rows themselves: SQLSTATE class 22 (data exception: invalid
 * text, out-of-range values) or 23 (integrity constraint), or a row that could not even be
 * encoded. Anything else (connections, timeouts, a database shutting down) is transient.
 */
export function isDataError(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
