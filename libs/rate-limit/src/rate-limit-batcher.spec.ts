import { RateLimitBatcher } from './rate-limit-batcher';
import { PolicyCache } from './rate-limit-policy';

const policy = new PolicyCache().get(
  { name: 't', requestsPerMin: 10, requestsPerHour: 100, burstLimit: 3 } as never,
  { id: 'a', name: 'a', rateLimit: null } as never,
)!;

/** A script stand-in: records each call's size; the test settles calls by hand. */
function scriptCalls() {
  const calls: Array<{ subject: string; count: number; settle(allowed: number[]): void; fail(error: Error): void }> =
    [];
  const call = (subject: string, _policy: unknown, count: number) =>
    new Promise<number[]>((resolve, reject) =>
      calls.push({
        subject,
        count,
        // per request: allowed, then used/reset/retry for burst, minute, hour
        settle: (allowed) =>
          resolve(allowed.flatMap((a, i) => [a, i + 1, 100, a ? 0 : 50, i + 1, 1000, 0, i + 1, 60000, 0])),
        fail: reject,
      }),
    );
  return { calls, call };
}

describe('RateLimitBatcher', () => {
  it('sends the checks of one event-loop turn as one call, and those that arrive meanwhile as the next', async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const first = [batcher.check('k', policy), batcher.check('k', policy)];
    expect(calls).toHaveLength(0);
    await new Promise(setImmediate);
    expect(calls.map((c) => c.count)).toEqual([2]);
    const waiting = [batcher.check('k', policy), batcher.check('k', policy), batcher.check('k', policy)];
    await new Promise(setImmediate);
    expect(calls).toHaveLength(1);

    calls[0].settle([1, 1]);
    expect((await Promise.all(first)).map((d) => d.allowed)).toEqual([true, true]);
    expect(calls.map((c) => c.count)).toEqual([2, 3]);
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
    expect(batcher.calls).toBe(2);
  });

  it('keeps subjects apart', async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    void batcher.check('k1', policy);
    void batcher.check('k2', policy);
    await new Promise(setImmediate);
    expect(calls.map((c) => [c.subject, c.count])).toEqual([
      ['k1', 1],
      ['k2', 1],
    ]);
  });

  it("rejects a failed call's checks, then serves the next ones normally", async () => {
    const { calls, call } = scriptCalls();
    const batcher = new RateLimitBatcher(call);
    const first = batcher.check('k', policy);
    await new Promise(setImmediate);
    const second = batcher.check('k', policy);
    calls[0].fail(new Error('Command timed out'));
    await expect(first).rejects.toThrow('Command timed out');
    calls[1].settle([1]);
    expect((await second).allowed).toBe(true);
    await new Promise(setImmediate);

    // nothing in flight any more: the next check goes out on its own
    void batcher.check('k', policy);
    await new Promise(setImmediate);
    expect(calls.map((c) => c.count)).toEqual([1, 1, 1]);
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
