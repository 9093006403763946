import { RateLimitBatcher } from './rate-limit-batcher';
import { PolicyCache } from './rate-limit-policy';

const tier = { name: 't', requestsPerMin: 10, requestsPerHour: 100, burstLimit: 3 } as never;
const policies = new PolicyCache();
/** burst, minute, hour */
const policy = policies.get(tier, { id: 'a', name: 'a', rateLimit: null } as never)!;
/** burst, minute, hour and the API's own window */
const apiPolicy = policies.get(tier, { id: 'b', name: 'b', rateLimit: 5 } as never)!;

/** A script stand-in: records each call; the test settles calls by hand. */
function scriptCalls() {
  const calls: Array<{
    subjects: string[];
    args: Array<string | number>;
    /** per request: allowed, then used/reset/retry per window (`windows` of them) */
    settle(allowed: number[], windows?: number): void;
    settleWith(reply: number[]): void;
    fail(error: Error): void;
  }> = [];
  const call = (subjects: string[], args: Array<string | number>) =>
    new Promise<number[]>((resolve, reject) =>
      calls.push({
        subjects,
        args,
        settle: (allowed, windows = 3) =>
          resolve(
            allowed.flatMap((a, i) => [
              a,
              ...Array.from({ length: windows }, (_, w) => [i + 1, 100 * 10 ** w, a ? 0 : 50]).flat(),
            ]),
          ),
        settleWith: resolve,
        fail: reject,
      }),
    );
  /** The entries of a call's ARGV: [subject, policy index, requests]. */
  const entries = (c: (typeof calls)[number]) => {
    let at = 1;
    for (let p = 0; p < Number(c.args[0]); p++) at += 1 + 4 * Number(c.args[at]);
    const found: Array<[string, number, number]> = [];
    for (let e = 0; e < Number(c.args[at]); e++) {
      const [key, policyIndex, count] = c.args.slice(at + 1 + e * 3, at + 4 + e * 3).map(Number);
      found.push([c.subjects[key - 1], policyIndex, count]);
    }
    return found;
  };
  return { calls, call, entries };
}

describe('RateLimitBatcher', () => {
  it('sends the checks of one event-loop turn as one run, and those that arrive meanwhile as the next', async () => {
    const { calls, call, entries } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const first = [batcher.check('k', policy), batcher.check('k', policy)];
    expect(calls).toHaveLength(0);
    await new Promise(setImmediate);
    expect(calls.map(entries)).toEqual([[['k', 1, 2]]]);
    expect(calls[0].args.slice(0, 14)).toEqual([
      1,
      3,
      'burst',
      3,
      100,
      10,
      'minute',
      10,
      1000,
      60,
      'hour',
      100,
      60000,
      60,
    ]);
    const waiting = [batcher.check('k', policy), batcher.check('k', policy), batcher.check('k', policy)];
    await new Promise(setImmediate);
    expect(calls).toHaveLength(1);

    calls[0].settle([1, 1]);
    expect((await Promise.all(first)).map((d) => d.allowed)).toEqual([true, true]);
    expect(calls.map(entries)).toEqual([[['k', 1, 2]], [['k', 1, 3]]]);
    calls[1].settle([1, 1, 0]);
    const decisions = await Promise.all(waiting);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(decisions[2].windows[0]).toEqual({
      name: 'burst',
      limit: 3,
      windowSeconds: 1,
      used: 3,
      resetMs: 100,
      retryMs: 50,
    });
    expect(decisions[2].windows[1].resetMs).toBe(1000);
    expect(batcher.calls).toBe(2);
    expect(batcher.checked).toBe(5);
  });

  it('decides different subjects and policies in one run, each subject read once', async () => {
    const { calls, call, entries } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const [a, b, c, d] = [
      batcher.check('k1', policy),
      batcher.check('k2', apiPolicy),
      batcher.check('k1', apiPolicy),
      batcher.check('k1', policy),
    ];
    await new Promise(setImmediate);
    expect(calls).toHaveLength(1);
    expect(calls[0].subjects).toEqual(['k1', 'k2']);
    expect(calls[0].args[0]).toBe(2);
    // k1's checks together, each policy's in arrival order
    expect(entries(calls[0])).toEqual([
      ['k1', 1, 2],
      ['k1', 2, 1],
      ['k2', 2, 1],
    ]);
    // the reply in that order: k1 under policy ×2 (3 windows), k1 under apiPolicy (4), k2 under apiPolicy (4)
    const windows = (allowed: number, used: number, count: number, retry = 0) => [
      allowed,
      ...Array.from({ length: count }, (_, w) => [used, w, retry]).flat(),
    ];
    const reply = [...windows(1, 1, 3), ...windows(0, 2, 3, 7), ...windows(1, 3, 4), ...windows(0, 5, 4)];
    calls[0].settleWith(reply);
    const [first, second, third, fourth] = await Promise.all([a, b, c, d]);
    expect([first.allowed, fourth.allowed, third.allowed, second.allowed]).toEqual([true, false, true, false]);
    expect(fourth.windows[0]).toMatchObject({ used: 2, retryMs: 7 });
    expect(third.windows.map((w) => w.name)).toEqual(['burst', 'minute', 'hour', 'api']);
    expect(third.windows[3]).toMatchObject({ used: 3, resetMs: 3 });
    expect(second.windows[3]).toMatchObject({ name: 'api', used: 5, limit: 5 });
  });

  it('keeps groups apart: one run per group, each with its own turn', async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call, (subject) => (subject.startsWith('a') ? 1 : 2));
    void batcher.check('a1', policy);
    void batcher.check('b1', policy);
    void batcher.check('a2', policy);
    await new Promise(setImmediate);
    expect(calls.map((c) => c.subjects)).toEqual([['a1', 'a2'], ['b1']]);
    // group 2 in flight does not hold group 1 back
    calls[0].settle([1, 1]);
    await new Promise(setImmediate);
    void batcher.check('a3', policy);
    await new Promise(setImmediate);
    expect(calls.map((c) => c.subjects)).toEqual([['a1', 'a2'], ['b1'], ['a3']]);
  });

  it("rejects a failed run's checks, then serves the next ones normally", async () => {
    const { calls, call, entries } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const first = batcher.check('k', policy);
    await new Promise(setImmediate);
    const second = batcher.check('k2', policy);
    calls[0].fail(new Error('Command timed out'));
    await expect(first).rejects.toThrow('Command timed out');
    calls[1].settle([1]);
    expect((await second).allowed).toBe(true);
    await new Promise(setImmediate);

    // nothing in flight any more: the next check goes out on its own
    void batcher.check('k', policy);
    await new Promise(setImmediate);
    expect(calls.map(entries)).toEqual([[['k', 1, 1]], [['k2', 1, 1]], [['k', 1, 1]]]);
  });

  it('splits a long queue into runs of bounded size, sent together', async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const decisions = Array.from({ length: 300 }, (_, i) => batcher.check(`k${i}`, policy));
    await new Promise(setImmediate);
    expect(calls.map((c) => c.subjects.length)).toEqual([128, 128, 44]);
    for (const c of calls) c.settle(c.subjects.map(() => 1));
    expect((await Promise.all(decisions)).every((d) => d.allowed)).toBe(true);
  });

  it('rejects every check of a run whose reply has the wrong length, then serves the next ones', async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const checks = [batcher.check('k1', policy), batcher.check('k2', policy)];
    await new Promise(setImmediate);
    calls[0].settleWith([1, 1, 100, 0]);
    for (const check of checks) await expect(check).rejects.toThrow('answered 4 figures, 20 expected');
    const next = batcher.check('k1', policy);
    await new Promise(setImmediate);
    calls[1].settle([1]);
    expect((await next).allowed).toBe(true);
  });

  it('survives a script call that throws instead of rejecting', async () => {
    let throwing = true;
    const batcher = new RateLimitBatcher(() => {
      if (throwing) throw new Error('Connection is closed');
      return Promise.resolve([1, 1, 100, 0, 1, 1000, 0, 1, 60000, 0]);
    });
    await expect(batcher.check('k', policy)).rejects.toThrow('Connection is closed');
    throwing = false;
    expect((await batcher.check('k', policy)).allowed).toBe(true);
  });
});
