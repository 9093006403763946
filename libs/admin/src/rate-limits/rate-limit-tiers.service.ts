import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TieredCache, TieredCacheFactory } from '@app/cache';
import { auditEvent, AuditEventType } from '@app/audit';
import { ChangeContext, ConflictError, NotFoundError } from '@app/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
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
const FOREIGN_KEY_VIOLATION = '23503';
/** The tier of keys created without one. */
export const DEFAULT_TIER = 'free';

const limitsOf = ({ requestsPerMin, requestsPerHour, burstLimit }: RateLimit) => ({
  requestsPerMin,
  requestsPerHour,
  burstLimit,
});

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
    private readonly events: EventEmitter2,
  ) {
    this.cache = caches.create<TierRecord>({
      name: 'tier',
      l1TtlMs: 60_000,
      l1Max: 1_000,
      l2TtlSeconds: 600,
      negativeTtlMs: 5_000,
    });
  }

  /** Cached lookup for the rate limiter. */
  findByName(tierName: string): Promise<TierRecord | null> {
    return this.cache.get(tierName, async () => {
      const tier = await this.tiers.findOneBy({ tierName });
      return tier
        ? {
            tierName: tier.tierName,
            requestsPerMin: tier.requestsPerMin,
            requestsPerHour: tier.requestsPerHour,
            burstLimit: tier.burstLimit,
          }
        : null;
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

  async create(input: CreateRateLimitTierDto, change: ChangeContext): Promise<RateLimit> {
    try {
      const tier = await this.tiers.save(this.tiers.create(input));
      await this.cache.invalidate(tier.tierName);
      this.events.emit(
        AuditEventType.TierCreated,
        auditEvent(change.client, change.actorId, { tierName: tier.tierName, limits: limitsOf(tier) }),
      );
      return tier;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictError('NAME_TAKEN', `A tier named ${input.tierName} already exists`);
      throw error;
    }
  }

  async update(tierName: string, changes: UpdateRateLimitTierDto, change: ChangeContext): Promise<RateLimit> {
    const tier = await this.find(tierName);
    const before = limitsOf(tier);
    const updated = await this.tiers.save(this.tiers.merge(tier, changes));
    await this.cache.invalidate(tierName);
    const after = limitsOf(updated);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      this.events.emit(
        AuditEventType.TierUpdated,
        auditEvent(change.client, change.actorId, { tierName, from: before, to: after }),
      );
    }
    return updated;
  }

  /** Only a tier no key uses, and never the default tier of new keys. */
  async delete(tierName: string, change: ChangeContext): Promise<void> {
    const tier = await this.find(tierName);
    if (tierName === DEFAULT_TIER)
      throw new ConflictError(
        'TIER_IN_USE',
        `${DEFAULT_TIER} is the tier of keys created without one; it cannot be deleted`,
      );
    try {
      await this.tiers.delete({ tierName });
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
        throw new ConflictError('TIER_IN_USE', `API keys use ${tierName}; move them to another tier first`);
      throw error;
    }
    await this.cache.invalidate(tierName);
    this.events.emit(
      AuditEventType.TierDeleted,
      auditEvent(change.client, change.actorId, { tierName, limits: limitsOf(tier) }),
    );
  }

  private async find(tierName: string): Promise<RateLimit> {
    const tier = TIER_NAME.test(tierName) ? await this.tiers.findOneBy({ tierName }) : null;
    if (!tier) throw new NotFoundError(`No tier named ${tierName}`);
    return tier;
  }
}
