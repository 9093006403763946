export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Bytes so far on stderr: redrawn in place on a terminal (at most every 100 ms), one line
 * per second otherwise, and a final line at the end.
 */
export class Progress {
  private bytes = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
    private readonly label: string,
    private readonly total?: number,
    private readonly now: () => number = Date.now,
  ) {}

  advance(bytes: number): void {
    this.bytes += bytes;
    const interval = this.stream.isTTY ? 100 : 1_000;
    if (this.now() - this.lastDraw < interval) return;
    this.lastDraw = this.now();
    this.stream.write(this.stream.isTTY ? `\r${this.line()}` : `${this.line()}\n`);
  }

  finish(): number {
    this.stream.write(`${this.stream.isTTY ? '\r' : ''}${this.line()} done\n`);
    return this.bytes;
  }

  private line(): string {
    const percent = this.total ? ` (${Math.floor((this.bytes / this.total) * 100)}%)` : '';
    return `${this.label}: ${formatBytes(this.bytes)}${percent}`;
  }
}
