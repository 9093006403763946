import { Logger } from '@nestjs/common';
import { backoffCeiling, LockHeldError, ProcessLock } from '@app/core';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DeadLetterFile, isDataError } from './dead-letter';
import { Journal } from './journal';
import { Spool } from './spool';

/** Marks a row whose copy is already in the journal (a symbol: JSON never serialises it). */
const JOURNALED = Symbol('journaled');

export interface BatchWriterOptions {
  name: string;
  flushIntervalMs: number;
  maxBatch: number;
  /** rows kept in memory; past it they go to the spool (or, without one, are dropped and counted) */
  maxBuffered: number;
  /** `owner`: the database the rows belong to; only its files are replayed */
  spool?: { dir: string; maxBytes: number; owner: () => Promise<string> };
  /** write-ahead: every row is journaled (synchronously) under the spool dir before it is queued */
  journal?: boolean;
  /** backoff between failed writes */
  retry?: { minMs: number; maxMs: number };
}

/**
 * The reconciliation an operator reads: every row received is written, still buffered in
 * memory, waiting in the spool on disk, dead-lettered, or dropped (counted, logged).
 * Nothing else.
 */
export interface BatchWriterStats {
  received: number;
  written: number;
  buffered: number;
  spooled: number;
  dropped: number;
  /** refused by the database for their own data, and kept in the dead-letter file */
  deadLettered: number;
  /** consecutive failed writes (0 = the database is taking rows) */
  failures: number;
}

/**
 * Rows written in multi-row batches off the request path: a bounded in-memory queue,
 * flushed on a timer, when a batch fills, and on shutdown. A failed batch stays queued and
 * is retried with exponential backoff; past the bound, rows are appended to a local spool
 * and replayed once the database takes rows again. `insert` must be idempotent (rows carry
 * their own ids) because a replay interrupted by a crash writes some rows twice.
 *
 * A batch the database refuses for its data (one row with text PostgreSQL cannot store,
 * say) is split in halves until the refused rows stand alone: every other row is written
 * and each refused one goes to the dead-letter file, so one poisoned row never blocks the
 * rows behind it, from the queue or from the spool after a restart.
 */
export class BatchWriter<Row> {
  private readonly logger: Logger;
  private spool?: Spool;
  private journal?: Journal;
  private deadLetters?: DeadLetterFile;
  private lock?: ProcessLock;
  private buffer: Row[] = [];
  /** rows at the head of the buffer that an insert is writing now */
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  /** drains run one after another, never two at once (they would insert the same rows) */
  private queue: Promise<void> = Promise.resolve();
  private fullBatchScheduled = false;
  private pending = 0;
  private retryAt = 0;
  private journalFailures = 0;
  private counts = { received: 0, written: 0, spooled: 0, dropped: 0, deadLettered: 0, failures: 0 };

  constructor(
    private readonly options: BatchWriterOptions,
    private readonly insert: (rows: Row[]) => Promise<unknown>,
  ) {
    this.logger = new Logger(options.name);
  }

  get stats(): BatchWriterStats {
    return { ...this.counts, buffered: this.buffer.length };
  }

  /** Rows by state, for a metrics gauge: received = written + buffered + spooled + deadLettered + dropped. */
  *byState(): Iterable<[string, number]> {
    const stats = this.stats;
    for (const state of ['received', 'written', 'buffered', 'spooled', 'dropped'] as const) yield [state, stats[state]];
    yield ['dead_lettered', stats.deadLettered];
  }

  /**
   * Takes the spool directory (its lock, and only the files of this database: their names
   * carry its installation id), hands a crashed run's journal to the spool and replays it.
   */
  async start(): Promise<void> {
    if (this.options.spool) await this.openSpool(this.options.spool);
    if (this.journal) {
      const recovered = this.journal.recover(this.options.spool!.dir);
      if (recovered)
        this.logger.warn(`${recovered} journal segments of a run that did not stop cleanly go to the spool for replay`);
    }
    if (this.spool) {
      const { rows } = await this.spool.open();
      this.counts.spooled += rows;
      this.counts.received += rows;
      if (rows) this.logger.warn(`${rows} rows from an earlier run wait in the spool; replaying them`);
    }
    // A tick while a write is still running (a slow or absent database) adds nothing to wait on.
    this.timer = setInterval(
      () => this.pending === 0 && Date.now() >= this.retryAt && void this.flush(),
      this.options.flushIntervalMs,
    );
    this.timer.unref();
  }

  private async openSpool({ dir, maxBytes, owner }: NonNullable<BatchWriterOptions['spool']>): Promise<void> {
    const prefix = `${this.options.name}.${await owner()}`;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.lock = lockSpool(dir, this.options.name);
    this.spool = new Spool(dir, prefix, maxBytes);
    if (this.options.journal) this.journal = new Journal(join(dir, 'journal'), prefix);
    this.deadLetters = new DeadLetterFile(join(dir, 'dead-letter'), this.options.name, maxBytes);
    const folders = [dir, join(dir, 'journal')].filter((folder) => existsSync(folder));
    // Files of versions before installation ids were replayed by whichever node found them:
    // adopted once, as they were then.
    const legacy = `${this.options.name}-`;
    for (const folder of folders) {
      for (const file of readdirSync(folder).filter((name) => name.startsWith(legacy) && name.endsWith('.ndjson'))) {
        renameSync(join(folder, file), join(folder, `${prefix}-${file.slice(legacy.length)}`));
        this.logger.warn(`Adopted ${file}, spooled by an earlier version, for this database`);
      }
    }
    const foreign = folders
      .flatMap((folder) => readdirSync(folder))
      .filter(
        (file) => file.startsWith(this.options.name) && file.endsWith('.ndjson') && !file.startsWith(`${prefix}-`),
      );
    if (foreign.length) {
      this.logger.warn(
        `${foreign.length} spool files in ${dir} belong to another database and are left alone: ${foreign.slice(0, 3).join(', ')}`,
      );
    }
  }

  /** Writes what it can; what the database does not take goes to the spool, never lost silently. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.retryAt = 0;
    // Until the database fails or nothing is left: rows may still arrive while it writes.
    do await this.flush();
    while (this.buffer.length > 0 && this.counts.failures === 0);
    await this.queue;
    const droppedBefore = this.counts.dropped;
    const left = this.buffer.splice(0);
    if (left.length) await this.toSpool(left);
    await this.spool?.settled();
    // Everything is in the database or the spool now: the journal has served its purpose.
    // (If the spool refused rows, the journal keeps them for the next start instead.)
    if (this.counts.dropped === droppedBefore) this.journal?.discard();
    if (left.length)
      this.logger.warn(
        `${left.length} rows not written before exit (${this.counts.spooled} in the spool for the next start)`,
      );
    this.lock?.release();
  }

  /**
   * Whether rows are journaled, known from the options before start() opens the journal:
   * the gateway decides at module init, before bootstrap, whether to journal each row
   * before its answer leaves.
   */
  get journaling(): boolean {
    return this.options.journal === true && this.options.spool !== undefined;
  }

  /**
   * Journals a row ahead of its final version (e.g. before an answer leaves, when its
   * latency is not known yet). Complete that same object and `enqueue` it: a row already
   * journaled is not journaled again. After a crash the journaled copy is what is replayed.
   */
  journalAhead(row: Row): void {
    if (!this.journal) return;
    try {
      this.journal.append(row);
      (row as { [JOURNALED]?: true })[JOURNALED] = true;
    } catch (error) {
      // The row still goes to the database; only its protection against a crash is lost.
      if (this.journalFailures++ % 1000 === 0)
        this.logger.error(`Journal write failed (${this.journalFailures} so far): ${(error as Error).message}`);
    }
  }

  enqueue(row: Row): void {
    this.counts.received++;
    if (!(row as { [JOURNALED]?: true })[JOURNALED]) this.journalAhead(row);
    this.buffer.push(row);
    if (this.buffer.length >= this.options.maxBuffered) {
      void this.toSpool(this.buffer.splice(this.inFlight));
      return;
    }
    if (this.buffer.length >= this.options.maxBatch && !this.fullBatchScheduled && Date.now() >= this.retryAt) {
      this.fullBatchScheduled = true;
      void this.schedule(this.options.maxBatch).then(() => (this.fullBatchScheduled = false));
    }
  }

  /** Writes everything queued so far, then replays the spool if the database took it. */
  flush(): Promise<void> {
    return this.schedule(1, true);
  }

  private schedule(minimum: number, replay = false): Promise<void> {
    this.pending++;
    this.queue = this.queue
      .then(async () => {
        const ok = await this.drain(minimum);
        if (ok && replay) await this.replaySpool();
      })
      .finally(() => this.pending--);
    return this.queue;
  }

  /**
   * Writes the rows queued when it starts, in batches of at least `minimum`; false when a
   * write failed. Rows that arrive meanwhile wait for the next tick or a full batch: under
   * load, draining until empty would chase them with a stream of small batches (a commit,
   * a WAL flush, each).
   */
  private async drain(minimum: number): Promise<boolean> {
    let remaining = this.buffer.length;
    while (remaining > 0 && this.buffer.length >= minimum) {
      const batch = this.buffer.slice(0, Math.min(this.options.maxBatch, remaining));
      remaining -= batch.length;
      const written = await this.write(batch);
      if (written === null) return false;
      this.buffer.splice(0, batch.length);
      this.counts.written += written;
      this.settleJournal(batch);
    }
    return true;
  }

  /**
   * Writes a batch: how many of its rows went in (the rest the database refused for their
   * own data, and they were dead-lettered), or null when the database did not take it (the
   * caller keeps the rows and retries).
   */
  private async write(batch: Row[]): Promise<number | null> {
    this.inFlight = batch.length;
    try {
      const refused = await this.insert(batch).then(
        () => [],
        (error: unknown) => {
          if (!isDataError(error)) throw error;
          return this.isolate(batch, error);
        },
      );
      // Only now that the whole batch is settled: a transient failure part-way through the
      // bisection retries the batch, and its refused rows must not be set aside twice.
      for (const { row, reason } of refused) await this.deadLetter(row, reason);
      if (this.counts.failures)
        this.logger.log(`Database takes rows again after ${this.counts.failures} failed writes`);
      this.counts.failures = 0;
      this.retryAt = 0;
      return batch.length - refused.length;
    } catch (error) {
      const failures = ++this.counts.failures;
      const { minMs, maxMs } = this.options.retry ?? { minMs: 250, maxMs: 10_000 };
      this.retryAt = Date.now() + backoffCeiling(failures, minMs, maxMs) * (0.5 + Math.random() / 2);
      if (failures === 1 || failures % 20 === 0) {
        this.logger.warn(
          `Batch of ${batch.length} not written (${failures} failures in a row, retrying with backoff): ${(error as Error).message}`,
        );
      }
      return null;
    } finally {
      this.inFlight = 0;
    }
  }

  /**
   * Bisects a batch the database refused for its data: halves that go in are written,
   * halves that are refused again are split further; returns the rows refused alone, with
   * why. A transient failure on the way throws, and the caller retries the whole batch
   * later (inserts are idempotent, so the halves already written are not doubled).
   */
  private async isolate(batch: Row[], error: unknown): Promise<Array<{ row: Row; reason: string }>> {
    if (batch.length === 1) return [{ row: batch[0], reason: (error as Error)?.message ?? String(error) }];
    const middle = Math.ceil(batch.length / 2);
    const refused: Array<{ row: Row; reason: string }> = [];
    for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
      await this.insert(half).then(
        () => undefined,
        async (halfError: unknown) => {
          if (!isDataError(halfError)) throw halfError;
          refused.push(...(await this.isolate(half, halfError)));
        },
      );
    }
    return refused;
  }

  /** A row that reaches the dead-letter file is accounted for; only if that fails is it dropped. */
  private async deadLetter(row: Row, reason: string): Promise<void> {
    if (!this.deadLetters) return this.drop(1, `refused by the database and no dead-letter file: ${reason}`);
    if (
      !(await this.deadLetters.append(row, reason).then(
        () => true,
        () => false,
      ))
    ) {
      return this.drop(1, `refused by the database (${reason}) and the dead-letter file is full or not writable`);
    }
    const count = ++this.counts.deadLettered;
    // The first, then one line per hundred: a stream of bad rows cannot flood the log.
    if (count === 1 || count % 100 === 0)
      this.logger.error(
        `Rows the database refused go to ${this.deadLetters.path} (${reason}); ${count} dead-lettered in all`,
      );
  }

  private settleJournal(batch: Row[]): void {
    if (!this.journal) return;
    let journaled = 0;
    for (const row of batch) if ((row as { [JOURNALED]?: true })[JOURNALED]) journaled++;
    this.journal.settle(journaled);
  }

  /** One spool file per call, so that new rows are not starved behind a long replay. */
  private async replaySpool(): Promise<void> {
    if (!this.spool || this.counts.spooled === 0) return;
    const file = await this.spool.oldest();
    if (!file) return;
    if (file.unreadable) this.drop(file.unreadable, `unreadable lines in spool file ${file.name}`);
    const rows = file.rows as Row[];
    for (let offset = 0; offset < rows.length; offset += this.options.maxBatch) {
      const batch = rows.slice(offset, offset + this.options.maxBatch);
      const written = await this.write(batch);
      if (written === null) {
        await file.keep(rows.slice(offset));
        return;
      }
      this.counts.spooled -= batch.length;
      this.counts.written += written;
      this.journal?.settle(batch.length);
    }
    await file.done();
    this.logger.log(`Replayed ${rows.length} spooled rows from ${file.name}`);
  }

  private async toSpool(rows: Row[]): Promise<void> {
    if (!rows.length) return;
    if (!this.spool) return this.drop(rows.length, 'queue full and no spool');
    this.counts.spooled += rows.length;
    const written = await this.spool.append(rows).catch((error: Error) => {
      this.logger.error(`Spool write failed: ${error.message}`);
      return false;
    });
    if (!written) {
      this.counts.spooled -= rows.length;
      this.drop(rows.length, 'spool full or not writable');
    } else if (this.counts.spooled === rows.length) {
      this.logger.warn(
        `Memory queue full (${this.options.maxBuffered} rows): spooling to disk until the database catches up`,
      );
    }
  }

  private drop(rows: number, why: string): void {
    const before = this.counts.dropped;
    this.counts.dropped += rows;
    // One line per thousand dropped rows: loud, but an outage cannot flood the log.
    if (Math.floor(before / 1000) !== Math.floor(this.counts.dropped / 1000) || before === 0) {
      this.logger.error(`Dropped ${rows} rows (${why}); ${this.counts.dropped} dropped in all`);
    }
  }
}

/** One writer of one process owns a spool directory's files of its kind: two would replay (and delete) the same files. */
function lockSpool(dir: string, name: string): ProcessLock {
  try {
    return ProcessLock.acquire(join(dir, `${name}.lock`));
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    const { pid, since } = error.holder;
    const who = pid === process.pid ? `${pid} (this one)` : String(pid);
    throw new Error(`${dir} is the spool of process ${who} since ${since}: give every node its own LOG_SPOOL_DIR`);
  }
}
