import type { RateLimitPolicy } from './rate-limit-policy';
import type { Decision, WindowResult } from './sliding-window';

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** The window closest to refusing: it drives X-RateLimit-* and RateLimit. */
export function tightest(decision: Decision): WindowResult {
  return decision.windows.reduce((a, b) => (b.limit - b.used < a.limit - a.used ? b : a));
}

/**
 * `X-RateLimit-Limit/Remaining/Reset` for the tightest window, and the IETF draft's
 * `RateLimit-Policy` (every window) and `RateLimit` (the tightest) fields.
 */
export function rateLimitHeaders(decision: Decision, policy: RateLimitPolicy): Record<string, string> {
  const tight = tightest(decision);
  const remaining = Math.max(0, tight.limit - tight.used);
  const reset = seconds(decision.allowed ? tight.resetMs : Math.max(tight.resetMs, tight.retryMs));
  return {
    'x-ratelimit-limit': String(tight.limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'ratelimit-policy': policy.policyField,
    ratelimit: `"${tight.name}";r=${remaining};t=${reset}`,
  };
}

/** The windows that refused, with their own wait, for the 429 problem body. */
export function violatedPolicies(decision: Decision) {
  return decision.windows
    .filter((w) => w.retryMs > 0)
    .map((w) => ({
      policy: w.name,
      limit: w.limit,
      windowSeconds: w.windowSeconds,
      retryAfterSeconds: seconds(w.retryMs),
    }));
}

/** Whole seconds, at least the longest wait among the violated windows. */
export function retryAfterSeconds(decision: Decision): number {
  return Math.max(1, ...decision.windows.map((w) => seconds(w.retryMs)));
}
