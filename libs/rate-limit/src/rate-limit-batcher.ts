import type { RateLimitPolicy } from './rate-limit-policy';
import type { Decision } from './sliding-window';

/** One script call deciding `count` requests of `subject` under `policy`: its flat reply. */
export type ScriptCall = (subject: string, policy: RateLimitPolicy, count: number) => Promise<number[]>;

interface Pending {
  resolve(decision: Decision): void;
  reject(error: unknown): void;
}

/** One subject under one policy, while it has a call in flight. */
interface SubjectQueue {
  subject: string;
  policy: RateLimitPolicy;
  /** the map this queue sits in, to leave it once nothing is in flight */
  siblings: Map<string, SubjectQueue>;
  /** checks that arrived while a call for this subject was in flight */
  waiting: Pending[];
  inFlight: number;
}

/** Requests per script call, so that one call never holds Redis for long. */
const MAX_BATCH = 100;

/** Request `index` of a batch reply: allowed, then used/resetMs/retryMs per window. */
function decode(reply: number[], index: number, { specs }: RateLimitPolicy): Decision {
  const at = index * (1 + 3 * specs.length);
  return {
    allowed: reply[at] === 1,
    windows: specs.map((spec, i) => ({
      name: spec.name,
      limit: spec.limit,
      windowSeconds: (spec.bucketMs * spec.buckets) / 1000,
      used: reply[at + 1 + i * 3],
      resetMs: reply[at + 2 + i * 3],
      retryMs: reply[at + 3 + i * 3],
    })),
  };
}

/**
 * Coalesces concurrent checks of one subject under one policy. The checks of one
 * event-loop turn go out together at the end of that turn (setImmediate: no timer, so no
 * added latency when traffic is light); checks that arrive while a call is in flight wait
 * for it and then go out together. Each call is one script run that decides its checks in
 * order. Under load a key's requests cost Redis one script run per batch instead of one
 * each, and every decision is still exact and atomic.
 */
export class RateLimitBatcher {
  private readonly queues = new WeakMap<RateLimitPolicy, Map<string, SubjectQueue>>();
  private sent = 0;

  constructor(private readonly call: ScriptCall) {}

  /** Script calls made so far. */
  get calls(): number {
    return this.sent;
  }

  check(subject: string, policy: RateLimitPolicy): Promise<Decision> {
    return new Promise((resolve, reject) => {
      let bySubject = this.queues.get(policy);
      if (!bySubject) this.queues.set(policy, (bySubject = new Map()));
      const queue = bySubject.get(subject);
      if (queue) return void queue.waiting.push({ resolve, reject });
      const fresh: SubjectQueue = { subject, policy, siblings: bySubject, waiting: [{ resolve, reject }], inFlight: 0 };
      bySubject.set(subject, fresh);
      setImmediate(() => this.sendWaiting(fresh));
    });
  }

  /** What waits goes out now, in batches of MAX_BATCH. */
  private sendWaiting(queue: SubjectQueue): void {
    while (queue.waiting.length > 0) this.send(queue, queue.waiting.splice(0, MAX_BATCH));
  }

  private send(queue: SubjectQueue, batch: Pending[]): void {
    queue.inFlight++;
    this.sent++;
    let reply: Promise<number[]>;
    try {
      reply = this.call(queue.subject, queue.policy, batch.length);
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(
      (reply) => {
        for (let i = 0; i < batch.length; i++) batch[i].resolve(decode(reply, i, queue.policy));
        this.settled(queue);
      },
      (error: unknown) => {
        for (const pending of batch) pending.reject(error);
        this.settled(queue);
      },
    );
  }

  /** A call came back: what waited for it goes out now. */
  private settled(queue: SubjectQueue): void {
    queue.inFlight--;
    this.sendWaiting(queue);
    if (queue.inFlight === 0) queue.siblings.delete(queue.subject);
  }
}
