import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { REDIS, RedisClient } from '@app/redis';
import { Cluster } from 'ioredis';

type Handler = (id: string) => void;

interface InvalidationMessage {
  cache: string;
  id: string;
}

/**
 * Cluster-wide cache eviction over Redis pub/sub: a change on any node reaches every
 * node's in-process L1 within milliseconds. While the subscription is down, `degraded`
 * is true and caches shorten their L1 lifetime to about a second, so a node that cannot
 * hear invalidations never serves a revoked key for long; and what they cached before
 * `lostAt` is not trusted again, since it may have missed an eviction meanwhile.
 */
@Injectable()
export class InvalidationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly channel: string;
  private subscriber?: RedisClient;
  private subscribed = false;
  private lost = 0;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    // ioredis prefixes keys, not channels: scope the channel to this deployment's prefix.
    this.channel = `${config.redis.keyPrefix}cache-invalidation`;
  }

  get degraded(): boolean {
    return !this.subscribed;
  }

  /** When the channel was last lost (epoch ms; 0 if never): entries cached earlier may have missed evictions. */
  get lostAt(): number {
    return this.lost;
  }

  onModuleInit(): void {
    // This class subscribes again on every 'ready' itself. ioredis' own resubscription
    // would race it and, when the connection drops again meanwhile, reject unhandled. A
    // cluster keeps ioredis' own: a node's reconnection emits no 'ready' on the cluster.
    const subscriber =
      this.redis instanceof Cluster ? this.redis.duplicate() : this.redis.duplicate({ autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, raw: string) => channel === this.channel && this.deliver(raw));
    const subscribe = () =>
      subscriber.subscribe(this.channel).then(
        () => {
          if (!this.subscribed) this.logger.log('Listening for cache invalidations');
          this.subscribed = true;
        },
        (error: Error) => this.logger.warn(`Cannot subscribe to cache invalidations: ${error.message}`),
      );
    const channelLost = () => {
      if (!this.subscribed) return;
      this.logger.warn('Cache invalidation channel lost; L1 lifetimes shortened until it is back');
      this.subscribed = false;
      this.lost = Date.now();
    };
    subscriber.on('ready', () => void subscribe());
    subscriber.on('close', channelLost);
    subscriber.on('error', channelLost);
    if ((subscriber as { status?: string }).status === 'ready') void subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscribed = false;
    this.subscriber?.disconnect();
  }

  register(cache: string, handler: Handler): void {
    this.handlers.set(cache, handler);
  }

  /** Evicts locally at once, then tells every other node. Never throws. */
  async publish(cache: string, id: string): Promise<void> {
    this.handlers.get(cache)?.(id);
    const message: InvalidationMessage = { cache, id };
    await this.redis.publish(this.channel, JSON.stringify(message)).catch((error: Error) => {
      this.logger.warn(`Invalidation of ${cache}:${id} not broadcast (${error.message}); other nodes expire it by TTL`);
    });
  }

  private deliver(raw: string): void {
    try {
      const { cache, id } = JSON.parse(raw) as InvalidationMessage;
      this.handlers.get(cache)?.(id);
    } catch {
      this.logger.warn('Ignored a malformed invalidation message');
    }
  }
}
