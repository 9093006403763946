import { Logger } from '@nestjs/common';

export interface BatchWriterOptions {
  name: string;
  flushIntervalMs: number;
  maxBatch: number;
  /** past this many waiting rows, new rows are dropped and counted */
  maxBuffered: number;
}

export interface BatchWriterStats {
  buffered: number;
  written: number;
  dropped: number;
}

/**
 * Rows written in multi-row batches off the request path: a bounded in-memory queue,
 * flushed on a timer, when a batch fills, and on shutdown. A failed batch stays queued and
 * is retried on the next tick; drops past the bound are counted, never silent.
 */
export class BatchWriter<Row> {
  private readonly logger: Logger;
  private buffer: Row[] = [];
  private timer?: NodeJS.Timeout;
  /** drains run one after another, never two at once (they would insert the same rows) */
  private queue: Promise<void> = Promise.resolve();
  private fullBatchScheduled = false;
  private pending = 0;
  private written = 0;
  private dropped = 0;

  constructor(
    private readonly options: BatchWriterOptions,
    private readonly insert: (rows: Row[]) => Promise<unknown>,
  ) {
    this.logger = new Logger(options.name);
  }

  get stats(): BatchWriterStats {
    return { buffered: this.buffer.length, written: this.written, dropped: this.dropped };
  }

  start(): void {
    // A tick while a write is still running (a slow or absent database) adds nothing to wait on.
    this.timer = setInterval(() => this.pending === 0 && void this.flush(), this.options.flushIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length) this.logger.error(`${this.buffer.length} rows could not be written before exit`);
  }

  enqueue(row: Row): void {
    if (this.buffer.length >= this.options.maxBuffered) {
      if (this.dropped++ % 1000 === 0) this.logger.error(`Queue full (${this.options.maxBuffered}): dropping rows (${this.dropped} so far)`);
      return;
    }
    this.buffer.push(row);
    if (this.buffer.length >= this.options.maxBatch && !this.fullBatchScheduled) {
      this.fullBatchScheduled = true;
      void this.schedule(this.options.maxBatch).then(() => (this.fullBatchScheduled = false));
    }
  }

  /** Writes everything queued so far. */
  flush(): Promise<void> {
    return this.schedule(1);
  }

  private schedule(minimum: number): Promise<void> {
    this.pending++;
    this.queue = this.queue.then(() => this.drain(minimum)).finally(() => this.pending--);
    return this.queue;
  }

  /** Writes batches while at least `minimum` rows wait (full batches only, between ticks). */
  private async drain(minimum: number): Promise<void> {
    while (this.buffer.length >= minimum) {
      const batch = this.buffer.slice(0, this.options.maxBatch);
      try {
        await this.insert(batch);
      } catch (error) {
        this.logger.warn(`Batch of ${batch.length} not written yet: ${(error as Error).message}`);
        return;
      }
      this.buffer.splice(0, batch.length);
      this.written += batch.length;
    }
  }
}
