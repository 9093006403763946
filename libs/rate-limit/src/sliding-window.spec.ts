import { BucketCounts, decide, MINUTE, WindowSpec } from './sliding-window';

const minute = (limit: number): WindowSpec => ({ ...MINUTE, limit });
const fresh = (n: number): BucketCounts[] => Array.from({ length: n }, () => new Map());

describe('sliding-window decision', () => {
  it('admits exactly L requests, then refuses without counting the refusals', () => {
    const state = fresh(1);
    const results = Array.from({ length: 20 }, () => decide(state, [minute(5)], 1_000_000).allowed);
    expect(results.filter(Boolean)).toHaveLength(5);
    expect([...state[0].values()].reduce((a, b) => a + b)).toBe(5);
  });

  it('never admits more than L in any window across a boundary (a fixed window would admit 2L)', () => {
    const state = fresh(1);
    const start = 60_000 * 100;
    let admitted: number[] = [];
    // L requests at the very end of one minute, then a burst at the start of the next.
    for (let i = 0; i < 10; i++) if (decide(state, [minute(10)], start + 59_900).allowed) admitted.push(start + 59_900);
    for (let i = 0; i < 10; i++) if (decide(state, [minute(10)], start + 60_100).allowed) admitted.push(start + 60_100);
    expect(admitted).toHaveLength(10);
    // Once the old bucket has left the window, a new one may pass.
    admitted = admitted.filter(Boolean);
    expect(decide(state, [minute(10)], start + 59_900 + 61_000).allowed).toBe(true);
  });

  it('is all or nothing across windows: a refusal by one consumes no budget in the others', () => {
    const state = fresh(2);
    const specs = [minute(100), { name: 'burst', limit: 2, bucketMs: 100, buckets: 10 }];
    const outcomes = Array.from({ length: 5 }, () => decide(state, specs, 5_000_000).allowed);
    expect(outcomes).toEqual([true, true, false, false, false]);
    expect([...state[0].values()].reduce((a, b) => a + b)).toBe(2);
  });

  it('reports remaining budget, reset and a retry time that admits the next request', () => {
    const state = fresh(1);
    const now = 7_000_500;
    for (let i = 0; i < 3; i++) decide(state, [minute(3)], now);
    const refused = decide(state, [minute(3)], now);
    expect(refused.allowed).toBe(false);
    const { retryMs, resetMs, used } = refused.windows[0];
    expect(used).toBe(3);
    expect(resetMs).toBe(retryMs);
    expect(retryMs).toBeGreaterThan(60_000);
    expect(retryMs).toBeLessThanOrEqual(61_000);
    expect(decide(state, [minute(3)], now + retryMs - 1).allowed).toBe(false);
    expect(decide(state, [minute(3)], now + retryMs).allowed).toBe(true);
  });
});
