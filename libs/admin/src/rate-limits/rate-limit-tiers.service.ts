import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TieredCache, TieredCacheFactory } from '@app/cache';
import { ConflictError, NotFoundError } from '@app/core';
import { RateLimit } from '@app/db';
import { Repository } from 'typeorm';
import { CreateRateLimitTierDto, RateLimitTierDto, TIER_NAME, UpdateRateLimitTierDto } from './rate-limit-tier.dto';

/** The limits of a tier, as the rate limiter applies them; cached by tier name. */
export interface TierRecord {
  tierName: string;
  requestsPerMin: number;
  requestsPerHour: number;
  burstLimit: number;
}

const UNIQUE_VIOLATION = '23505';

export function toTierDto(tier: RateLimit): RateLimitTierDto {
  return {
    id: tier.id,
    tierName: tier.tierName,
    requestsPerMin: tier.requestsPerMin,
    requestsPerHour: tier.requestsPerHour,
    burstLimit: tier.burstLimit,
    createdAt: tier.createdAt.toISOString(),
    updatedAt: tier.updatedAt.toISOString(),
  };
}

@Injectable()
export class RateLimitTiersService {
  private readonly cache: TieredCache<TierRecord>;

  constructor(
    @InjectRepository(RateLimit) private readonly tiers: Repository<RateLimit>,
    caches: TieredCacheFactory,
  ) {
    this.cache = caches.create<TierRecord>({ name: 'tier', l1TtlMs: 60_000, l1Max: 1_000, l2TtlSeconds: 600, negativeTtlMs: 5_000 });
  }

  /** Cached lookup for the rate limiter. */
  findByName(tierName: string): Promise<TierRecord | null> {
    return this.cache.get(tierName, async () => {
      const tier = await this.tiers.findOneBy({ tierName });
      return tier ? { tierName: tier.tierName, requestsPerMin: tier.requestsPerMin, requestsPerHour: tier.requestsPerHour, burstLimit: tier.burstLimit } : null;
    });
  }

  peekByName(tierName: string): TierRecord | null | undefined {
    return this.cache.peek(tierName);
  }

  async exists(tierName: string): Promise<boolean> {
    return (await this.findByName(tierName)) !== null;
  }

  async list(): Promise<RateLimit[]> {
    return this.tiers.find({ order: { requestsPerMin: 'ASC', tierName: 'ASC' } });
  }

  async create(input: CreateRateLimitTierDto): Promise<RateLimit> {
    try {
      const tier = await this.tiers.save(this.tiers.create(input));
      await this.cache.invalidate(tier.tierName);
      return tier;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictError('NAME_TAKEN', `A tier named ${input.tierName} already exists`);
      throw error;
    }
  }

  async update(tierName: string, changes: UpdateRateLimitTierDto): Promise<RateLimit> {
    const tier = TIER_NAME.test(tierName) ? await this.tiers.findOneBy({ tierName }) : null;
    if (!tier) throw new NotFoundError(`No tier named ${tierName}`);
    const updated = await this.tiers.save(this.tiers.merge(tier, changes));
    await this.cache.invalidate(tierName);
    return updated;
  }
}
