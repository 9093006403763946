import type { ApiRecord, TierRecord } from '@app/admin';
import { API_MINUTE, BURST, HOUR, MINUTE, WindowSpec } from './sliding-window';

/** The windows one request is checked against, with what every check of them reuses. */
export interface RateLimitPolicy {
  specs: WindowSpec[];
  /** the policy in the script's ARGV: its number of windows, then id, limit, bucketMs, buckets per window */
  scriptArgs: Array<string | number>;
  /** the `RateLimit-Policy` field: every window, as the IETF draft writes them */
  policyField: string;
}

/** A key's tier (burst, minute, hour) and the API's own per-minute limit; null when neither applies. */
export function buildPolicy(tier: TierRecord | undefined, api: ApiRecord): RateLimitPolicy | null {
  const specs: WindowSpec[] = [];
  if (tier) {
    specs.push(
      { ...BURST, limit: tier.burstLimit },
      { ...MINUTE, limit: tier.requestsPerMin },
      { ...HOUR, limit: tier.requestsPerHour },
    );
  }
  if (api.rateLimit !== null) specs.push({ ...API_MINUTE, id: `api:${api.id}`, limit: api.rateLimit });
  if (specs.length === 0) return null;
  return {
    specs,
    scriptArgs: [
      specs.length,
      ...specs.flatMap((spec) => [spec.id ?? spec.name, spec.limit, spec.bucketMs, spec.buckets]),
    ],
    policyField: specs
      .map((spec) => `"${spec.name}";q=${spec.limit};w=${(spec.bucketMs * spec.buckets) / 1000}`)
      .join(', '),
  };
}

const NO_TIER = {};

/**
 * Policies memoised per (tier record, API record) object pair. The registries hand out a
 * new record when a tier or an API changes, so a change is picked up without any
 * invalidation, and records no longer cached anywhere are collected with their policies.
 */
export class PolicyCache {
  private readonly byTier = new WeakMap<object, WeakMap<ApiRecord, RateLimitPolicy | null>>();

  get(tier: TierRecord | undefined, api: ApiRecord): RateLimitPolicy | null {
    const tierKey = tier ?? NO_TIER;
    let byApi = this.byTier.get(tierKey);
    if (!byApi) this.byTier.set(tierKey, (byApi = new WeakMap()));
    let policy = byApi.get(api);
    if (policy === undefined) byApi.set(api, (policy = buildPolicy(tier, api)));
    return policy;
  }
}
