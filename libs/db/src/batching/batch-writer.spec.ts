import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriter } from './batch-writer';
import { RowEncodingError } from './binary-copy';
import { isDataError } from './dead-letter';

interface Row {
  id: number;
  bad?: boolean;
}

/** A stand-in database: refuses bad rows as PostgreSQL does (22P02), drops the connection on cue. */
function database() {
  const stored = new Set<number>();
  const state = { resetsLeft: 0 };
  const insert = async (rows: Row[]) => {
    if (state.resetsLeft > 0 && rows.length < 4) {
      state.resetsLeft--;
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    }
    if (rows.some((row) => row.bad))
      throw Object.assign(new Error('invalid input syntax for type json'), { code: '22P02' });
    for (const row of rows) stored.add(row.id);
  };
  return { stored, state, insert };
}

function writer(insert: (rows: Row[]) => Promise<void>, dir = mkdtempSync(join(tmpdir(), 'batch-writer-'))) {
  const batchWriter = new BatchWriter<Row>(
    {
      name: 'rows',
      flushIntervalMs: 60_000,
      maxBatch: 16,
      maxBuffered: 1_000,
      spool: { dir, maxBytes: 1_000_000, owner: async () => 'test-db' },
      retry: { minMs: 0, maxMs: 0 },
    },
    insert,
  );
  const deadLetters = () =>
    readFileSync(join(dir, 'dead-letter', 'rows.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).row.id as number);
  return { batchWriter, deadLetters, dir };
}

describe('BatchWriter with rows the database refuses', () => {
  it('writes every good row, dead-letters each bad one once, and the counts add up', async () => {
    const db = database();
    const { batchWriter, deadLetters } = writer(db.insert);
    await batchWriter.start();
    for (let id = 0; id < 8; id++) batchWriter.enqueue({ id, bad: id === 2 || id === 5 });
    await batchWriter.flush();
    expect([...db.stored].sort()).toEqual([0, 1, 3, 4, 6, 7]);
    expect(deadLetters()).toEqual([2, 5]);
    expect(batchWriter.stats).toMatchObject({
      received: 8,
      written: 6,
      deadLettered: 2,
      buffered: 0,
      dropped: 0,
      failures: 0,
    });
    await batchWriter.stop();
  });

  it('retries the whole batch after a transient failure during the bisection, without dead-lettering twice', async () => {
    const db = database();
    const { batchWriter, deadLetters } = writer(db.insert);
    await batchWriter.start();
    for (let id = 0; id < 8; id++) batchWriter.enqueue({ id, bad: id === 0 });
    db.state.resetsLeft = 1;
    await batchWriter.flush();
    expect(batchWriter.stats).toMatchObject({ written: 0, buffered: 8, deadLettered: 0, failures: 1 });
    await batchWriter.flush();
    expect(deadLetters()).toEqual([0]);
    expect(batchWriter.stats).toMatchObject({ received: 8, written: 7, deadLettered: 1, buffered: 0, failures: 0 });
    await batchWriter.stop();
  });

  it("takes only SQLSTATE classes 22, 23 and 54 and unencodable rows for the data's fault", () => {
    for (const code of ['22P02', '22001', '23502', '54000'])
      expect(isDataError(Object.assign(new Error(code), { code }))).toBe(true);
    for (const code of ['57P01', '08006', 'ECONNRESET', '53300', '40001'])
      expect(isDataError(Object.assign(new Error(code), { code }))).toBe(false);
    expect(isDataError(new RowEncodingError('not a UUID'))).toBe(true);
    expect(isDataError(new RangeError('Maximum call stack size exceeded'))).toBe(false);
  });
});

describe('BatchWriter spool ownership', () => {
  it('refuses a spool directory another writer of its kind holds, and frees it on stop', async () => {
    const { batchWriter, dir } = writer(database().insert);
    await batchWriter.start();
    const second = writer(database().insert, dir).batchWriter;
    await expect(second.start()).rejects.toThrow(/is the spool of process \d+ \(this one\).*own LOG_SPOOL_DIR/);
    await batchWriter.stop();
    await second.start();
    await second.stop();
  });
  it('says it journals from construction, before start() opens the journal, so callers can journal ahead', () => {
    const options = {
      name: 'rows',
      flushIntervalMs: 60_000,
      maxBatch: 16,
      maxBuffered: 1_000,
      spool: { dir: mkdtempSync(join(tmpdir(), 'batch-writer-')), maxBytes: 1_000_000, owner: async () => 'test-db' },
    };
    expect(new BatchWriter<Row>({ ...options, journal: true }, async () => undefined).journaling).toBe(true);
    expect(new BatchWriter<Row>(options, async () => undefined).journaling).toBe(false);
  });
});
