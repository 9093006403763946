/**
 * Sliding windows kept as per-bucket counters: a limit of L per window W admits a request
 * only if the buckets that overlap the last W hold fewer than L requests. Counting the
 * oldest, partly-overlapping bucket whole makes it an exact upper bound: never more than
 * L in ANY window of length W (a fixed window admits 2L across a boundary), at the cost
 * of refusing up to one bucket (1/60 of the window) early. Refused requests count nowhere.
 *
 * This file is the reference implementation (used by the per-node fallback); the Redis
 * script in redis-rate-limit.script.ts is the same algorithm.
 */
export interface WindowSpec {
  /** policy name in headers: burst, minute, hour, api */
  name: string;
  /** where its counters live, when several windows share a name (default: name) */
  id?: string;
  limit: number;
  bucketMs: number;
  /** buckets per window; window = bucketMs × buckets */
  buckets: number;
}

export interface WindowResult {
  name: string;
  limit: number;
  windowSeconds: number;
  /** requests counted in the window, including this one when admitted */
  used: number;
  /** ms until the oldest counted bucket leaves the window (0 when empty) */
  resetMs: number;
  /** when refused by this window: ms until enough leaves for one more request */
  retryMs: number;
}

export interface Decision {
  allowed: boolean;
  windows: WindowResult[];
}

export const BURST: Omit<WindowSpec, 'limit'> = { name: 'burst', bucketMs: 100, buckets: 10 };
export const MINUTE: Omit<WindowSpec, 'limit'> = { name: 'minute', bucketMs: 1_000, buckets: 60 };
export const HOUR: Omit<WindowSpec, 'limit'> = { name: 'hour', bucketMs: 60_000, buckets: 60 };
export const API_MINUTE: Omit<WindowSpec, 'limit'> = { name: 'api', bucketMs: 1_000, buckets: 60 };

export type BucketCounts = Map<number, number>;

/** Decides and, when admitted, counts in every window: all or nothing. Mutates `states`. */
export function decide(states: BucketCounts[], specs: WindowSpec[], now: number): Decision {
  let allowed = true;
  const partial = specs.map((spec, i) => {
    const counts = states[i];
    const current = Math.floor(now / spec.bucketMs);
    const first = current - spec.buckets;
    let used = 0;
    let oldest: number | undefined;
    for (const [bucket, count] of counts) {
      if (bucket < first) counts.delete(bucket);
      else {
        used += count;
        if (oldest === undefined || bucket < oldest) oldest = bucket;
      }
    }
    let retryMs = 0;
    if (used + 1 > spec.limit) {
      allowed = false;
      const need = used + 1 - spec.limit;
      let freed = 0;
      retryMs = (current + 1) * spec.bucketMs - now;
      for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
        freed += counts.get(bucket)!;
        if (freed >= need) {
          retryMs = (bucket + spec.buckets + 1) * spec.bucketMs - now;
          break;
        }
      }
    }
    return { spec, counts, current, used, oldest, retryMs };
  });
  const windows = partial.map(({ spec, counts, current, used, oldest, retryMs }) => {
    if (allowed) {
      counts.set(current, (counts.get(current) ?? 0) + 1);
      used += 1;
      oldest ??= current;
    }
    return {
      name: spec.name,
      limit: spec.limit,
      windowSeconds: (spec.bucketMs * spec.buckets) / 1000,
      used,
      resetMs: oldest === undefined ? 0 : (oldest + spec.buckets + 1) * spec.bucketMs - now,
      retryMs,
    };
  });
  return { allowed, windows };
}
