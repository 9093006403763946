import type { RateLimitPolicy } from './rate-limit-policy';
import type { Decision } from './sliding-window';

/** One script run: the subjects it reads (each once) and its ARGV; resolves to the flat reply. */
export type ScriptCall = (subjects: string[], args: Array<string | number>) => Promise<number[]>;

interface Check {
  subject: string;
  policy: RateLimitPolicy;
  resolve(decision: Decision): void;
  reject(error: unknown): void;
}

/** The checks that may share a script run (in a cluster: one hash slot), and its call in flight. */
interface Group {
  id: number;
  waiting: Check[];
  busy: boolean;
}

/** Checks per script run, so that one run never holds Redis for long. */
const MAX_BATCH = 128;

/** Request `index` of a reply from `at`: allowed, then used/resetMs/retryMs per window. */
function decode(reply: number[], at: number, { specs }: RateLimitPolicy): Decision {
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
 * A batch as the script takes it: each subject and policy once, checks grouped by (subject,
 * policy). One subject's checks under one policy keep their order; checks of one subject
 * under different policies (two APIs) were concurrent, and any order of them is one they
 * could have arrived in.
 */
function encode(batch: Check[]): { subjects: string[]; args: Array<string | number>; ordered: Check[] } {
  const subjects = new Map<string, number>();
  const policies = new Map<RateLimitPolicy, number>();
  const entries = new Map<string, Map<RateLimitPolicy, Check[]>>();
  for (const check of batch) {
    if (!subjects.has(check.subject)) subjects.set(check.subject, subjects.size + 1);
    if (!policies.has(check.policy)) policies.set(check.policy, policies.size + 1);
    let byPolicy = entries.get(check.subject);
    if (!byPolicy) entries.set(check.subject, (byPolicy = new Map()));
    const same = byPolicy.get(check.policy);
    if (same) same.push(check);
    else byPolicy.set(check.policy, [check]);
  }
  const args: Array<string | number> = [policies.size];
  for (const policy of policies.keys()) args.push(...policy.scriptArgs);
  const ordered: Check[] = [];
  const entryArgs: number[] = [];
  for (const [subject, byPolicy] of entries) {
    for (const [policy, checks] of byPolicy) {
      entryArgs.push(subjects.get(subject)!, policies.get(policy)!, checks.length);
      ordered.push(...checks);
    }
  }
  args.push(entryArgs.length / 3, ...entryArgs);
  return { subjects: [...subjects.keys()], args, ordered };
}

/**
 * Coalesces concurrent rate-limit checks into script runs. The checks of one event-loop
 * turn go out together at the end of that turn (setImmediate: no timer, so no added latency
 * when traffic is light); checks that arrive while a run is in flight wait for it and then go
 * out together. A run decides checks of any number of subjects, in arrival order per
 * subject and policy, so Redis' work per request shrinks as traffic grows, whether it comes
 * from one key or from a hundred thousand, and every decision is still exact and atomic.
 *
 * `groupOf` names which subjects may share a run: all of them on one Redis, those whose keys
 * share a hash slot in a cluster (a script's keys must).
 */
export class RateLimitBatcher {
  private readonly groups = new Map<number, Group>();
  private runs = 0;
  private checks = 0;

  constructor(
    private readonly call: ScriptCall,
    private readonly groupOf: (subject: string) => number = () => 0,
  ) {}

  /** Script runs made so far. */
  get calls(): number {
    return this.runs;
  }

  /** Checks sent so far (their ratio to `calls` is the batching achieved). */
  get checked(): number {
    return this.checks;
  }

  check(subject: string, policy: RateLimitPolicy): Promise<Decision> {
    return new Promise((resolve, reject) => {
      const id = this.groupOf(subject);
      let group = this.groups.get(id);
      if (!group) this.groups.set(id, (group = { id, waiting: [], busy: false }));
      group.waiting.push({ subject, policy, resolve, reject });
      if (group.waiting.length === 1 && !group.busy) setImmediate(() => this.sendWaiting(group));
    });
  }

  /** What waits goes out now, MAX_BATCH checks per run; the group is busy until the last run returns. */
  private sendWaiting(group: Group): void {
    if (group.waiting.length === 0) {
      this.groups.delete(group.id);
      return;
    }
    const batches: Check[][] = [];
    while (group.waiting.length > 0) batches.push(group.waiting.splice(0, MAX_BATCH));
    group.busy = true;
    let pending = batches.length;
    const settled = () => {
      if (--pending > 0) return;
      group.busy = false;
      this.sendWaiting(group);
    };
    for (const batch of batches) this.send(batch, settled);
  }

  private send(batch: Check[], settled: () => void): void {
    this.runs++;
    this.checks += batch.length;
    const { subjects, args, ordered } = encode(batch);
    let reply: Promise<number[]>;
    try {
      reply = this.call(subjects, args);
    } catch (error) {
      reply = Promise.reject(error);
    }
    const expected = ordered.reduce((length, check) => length + 1 + 3 * check.policy.specs.length, 0);
    reply
      .then((reply) => {
        if (!Array.isArray(reply) || reply.length !== expected)
          throw new Error(`Rate-limit script answered ${String(reply?.length)} figures, ${expected} expected`);
        let at = 0;
        return ordered.map((check) => {
          const decision = decode(reply, at, check.policy);
          at += 1 + 3 * check.policy.specs.length;
          return decision;
        });
      })
      .then(
        (decisions) => decisions.forEach((decision, i) => ordered[i].resolve(decision)),
        (error: unknown) => ordered.forEach((check) => check.reject(error)),
      )
      .finally(settled);
  }
}
