import type { ApiRequester, CallOptions } from '../http/api-requester';
import type { CreateRateLimitTierInput, Envelope, Page, RateLimitTier, UpdateRateLimitTierInput } from '../types';

const BASE = '/api/v1/admin/rate-limits';

/** `/api/v1/admin/rate-limits`: the tiers keys are assigned to. */
export class RateLimitsResource {
  constructor(private readonly http: ApiRequester) {}

  list(options?: CallOptions): Promise<Page<RateLimitTier>> {
    return this.http.json<Page<RateLimitTier>>('GET', BASE, options);
  }

  async create(input: CreateRateLimitTierInput, options?: CallOptions): Promise<RateLimitTier> {
    return (await this.http.json<Envelope<RateLimitTier>>('POST', BASE, { ...options, body: input })).data;
  }

  async update(tierName: string, input: UpdateRateLimitTierInput, options?: CallOptions): Promise<RateLimitTier> {
    return (
      await this.http.json<Envelope<RateLimitTier>>('PATCH', `${BASE}/${encodeURIComponent(tierName)}`, {
        ...options,
        body: input,
      })
    ).data;
  }

  /** Only a tier no key uses, and not the default one (409 TIER_IN_USE otherwise). */
  async delete(tierName: string, options?: CallOptions): Promise<void> {
    await this.http.json<void>('DELETE', `${BASE}/${encodeURIComponent(tierName)}`, options);
  }
}
