import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { REDIS, RedisClient } from '@app/redis';
import { Cluster } from 'ioredis';
import { monotonicMs } from './monotonic-clock';

type Handler = (id: string) => void;

/** Every node publishes a heartbeat this often, and hears its own. */
const HEARTBEAT_MS = 2_000;
/** Nothing heard for this long, not even our own heartbeat: the channel is lost. */
const SILENCE_MS = 5_000;
/** The `cache` of a heartbeat message: no cache registers this name. */
const HEARTBEAT = '';

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
 *
 * A lost connection is not the only way to miss messages: a Redis Cluster subscriber moves
 * to another node on its own and says nothing, and a half-open connection says nothing
 * either. So every node also publishes a heartbeat and listens for it: silence counts as a
 * loss too, found within SILENCE_MS.
 */
@Injectable()
export class InvalidationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly channel: string;
  private subscriber?: RedisClient;
  private subscribed = false;
  /** no message heard for SILENCE_MS although subscribed */
  private silent = false;
  private lastHeard = 0;
  private lost = 0;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    // ioredis prefixes keys, not channels: scope the channel to this deployment's prefix.
    this.channel = `${config.redis.keyPrefix}cache-invalidation`;
  }

  get degraded(): boolean {
    return !this.subscribed || this.silent;
  }

  /** When the channel was last found lost (monotonicMs; 0 if never): entries cached earlier may have missed evictions. */
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
          this.lastHeard = monotonicMs();
        },
        (error: Error) => this.logger.warn(`Cannot subscribe to cache invalidations: ${error.message}`),
      );
    const channelLost = () => {
      if (!this.subscribed) return;
      this.markLost('Cache invalidation channel lost');
      this.subscribed = false;
    };
    subscriber.on('ready', () => void subscribe());
    subscriber.on('close', channelLost);
    subscriber.on('error', channelLost);
    if ((subscriber as { status?: string }).status === 'ready') void subscribe();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Publishes this node's heartbeat, and finds out whether the channel has gone silent. */
  beat(now = monotonicMs()): void {
    const message: InvalidationMessage = { cache: HEARTBEAT, id: '' };
    this.redis.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
    if (this.subscribed && !this.silent && now - this.lastHeard > SILENCE_MS) {
      this.markLost(`No cache invalidation message heard for ${SILENCE_MS / 1000} s`);
      this.silent = true;
    }
  }

  private markLost(reason: string): void {
    if (!this.degraded) this.logger.warn(`${reason}; L1 lifetimes shortened until it is back`);
    this.lost = monotonicMs();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
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
    this.lastHeard = monotonicMs();
    if (this.silent) {
      this.silent = false;
      this.logger.log('Cache invalidation messages heard again');
    }
    try {
      const { cache, id } = JSON.parse(raw) as InvalidationMessage;
      this.handlers.get(cache)?.(id);
    } catch {
      this.logger.warn('Ignored a malformed invalidation message');
    }
  }
}
