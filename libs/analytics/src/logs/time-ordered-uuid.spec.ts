import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID carrying the millisecond it was made in', () => {
    const ms = Date.UTC(2026, 10, 27, 12, 34, 56, 789);
    const id = timeOrderedUuid(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
  });

  it('sorts by time across milliseconds and never repeats within one', () => {
    const earlier = timeOrderedUuid(1_000_000_000_000);
    const sameMs = Array.from({ length: 10_000 }, () => timeOrderedUuid(1_000_000_000_001));
    expect(new Set(sameMs).size).toBe(sameMs.length);
    expect(sameMs.every((id) => id > earlier)).toBe(true);
    expect(timeOrderedUuid(1_000_000_000_002) > sameMs.reduce((a, b) => (a > b ? a : b))).toBe(true);
  });
});
