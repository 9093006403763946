import type { Cluster, Redis } from 'ioredis';

/** Injection token of the shared command connection (single node, cluster, or in-process). */
export const REDIS = Symbol('REDIS');

/** A Redis command client: single node, Redis Cluster or the in-process store share this API. */
export type RedisClient = Redis | Cluster;

/**
 * The rate limiter's script command. It batches concurrent checks itself (RateLimitBatcher),
 * so it skips ioredis' auto-pipelining, whose extra tick and pipeline objects would only
 * add cost to every gateway request.
 */
export const RATE_LIMIT_COMMAND = 'slidingWindow';
