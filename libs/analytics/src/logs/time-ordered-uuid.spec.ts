import { nextRowSequence, timeOrderedUuid, writeTimeOrderedUuid } from './time-ordered-uuid';

describe('time-ordered row ids', () => {
  it('is a version 7 UUID carrying the millisecond its row was recorded in', () => {
    const ms = Date.UTC(2026, 10, 27, 12, 34, 56, 789);
    const id = timeOrderedUuid(ms, nextRowSequence());
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
  });

  it('is the same for the same row, every time, as bytes and as text', () => {
    const [ms, sequence] = [Date.now(), nextRowSequence()];
    const bytes = Buffer.alloc(20);
    writeTimeOrderedUuid(ms, sequence, bytes, 4);
    expect(timeOrderedUuid(ms, sequence)).toBe(timeOrderedUuid(ms, sequence));
    expect(bytes.subarray(4).toString('hex')).toBe(timeOrderedUuid(ms, sequence).replaceAll('-', ''));
  });

  it('keeps every bit of the sequence: numbers one apart, or far apart, never share an id', () => {
    const ms = 1_000_000_000_000;
    const sequences = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 41, 2 ** 52, 2 ** 53 - 1];
    for (let bit = 0; bit < 53; bit++) sequences.push(2 ** bit + 7);
    const ids = sequences.map((sequence) => timeOrderedUuid(ms, sequence));
    expect(new Set(ids).size).toBe(new Set(sequences).size);
  });

  it('sorts by time across milliseconds, and by sequence within one', () => {
    const ms = 1_000_000_000_001;
    expect(timeOrderedUuid(ms - 1, 2 ** 53 - 1) < timeOrderedUuid(ms, 0)).toBe(true);
    for (const sequence of [0, 41, 2 ** 32 - 1, 2 ** 35 - 1, 2 ** 41 - 1, 2 ** 44 - 1, 2 ** 52 + 5]) {
      expect(timeOrderedUuid(ms, sequence) < timeOrderedUuid(ms, sequence + 1)).toBe(true);
    }
    const first = nextRowSequence();
    expect(nextRowSequence()).toBe((first + 1) % 2 ** 53);
  });
});
