import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from './journal';

describe('Journal', () => {
  const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ndjson'));

  it('appends rows synchronously as NDJSON, and keeps a segment until its rows settle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new Journal(join(dir, 'journal'), 'rows');
    journal.recover(join(dir, 'spool'));
    journal.append({ n: 1 });
    journal.append({ n: 2 });
    const [segment] = files(join(dir, 'journal'));
    // On disk before append() returns: what a kill -9 right now would leave behind.
    expect(readFileSync(join(dir, 'journal', segment), 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    journal.settle(2);
    expect(files(join(dir, 'journal'))).toEqual([segment]); // the open segment is reused
    journal.discard();
    expect(files(join(dir, 'journal'))).toEqual([]);
  });

  it('hands the segments of a run that died to the spool at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const crashed = new Journal(join(dir, 'journal'), 'rows');
    crashed.recover(join(dir, 'spool'));
    crashed.append({ n: 1 });
    // ...the process is killed here: no settle, no discard.
    const next = new Journal(join(dir, 'journal'), 'rows');
    expect(next.recover(join(dir, 'spool'))).toBe(1);
    expect(files(join(dir, 'journal'))).toEqual([]);
    const [moved] = files(join(dir, 'spool'));
    expect(moved).toMatch(/^rows-.+-j000000\.ndjson$/);
    expect(readFileSync(join(dir, 'spool', moved), 'utf8')).toBe('{"n":1}\n');
  });
});
