import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MetricsRegistry } from '@app/metrics';
import { LRUCache } from 'lru-cache';
import { Pool } from 'undici';
import { CircuitBreaker } from './circuit-breaker';

export interface Upstream {
  pool: Pool;
  breaker: CircuitBreaker;
}

/** Connect timeout (docs/security.md); the response timeout is per API. */
const CONNECT_TIMEOUT_MS = 5_000;

/** One keep-alive undici pool and one circuit breaker per upstream origin. */
@Injectable()
export class UpstreamPools implements OnApplicationShutdown {
  private readonly upstreams = new LRUCache<string, Upstream>({
    max: 1_000,
    dispose: (upstream) => void upstream.pool.close().catch(() => undefined),
    noDisposeOnSet: true,
  });

  constructor(metrics: MetricsRegistry) {
    metrics.observe(
      'datahub_circuit_breaker_state',
      'Per-upstream circuit breaker: 1 for its current state',
      ['upstream', 'state'],
      (set) => {
        for (const [upstream, state] of Object.entries(this.breakerStates())) set({ upstream, state }, 1);
      },
    );
  }

  get(origin: string): Upstream {
    let upstream = this.upstreams.get(origin);
    if (!upstream) {
      upstream = {
        pool: new Pool(origin, {
          connections: 128,
          pipelining: 1,
          keepAliveTimeout: 30_000,
          connect: { timeout: CONNECT_TIMEOUT_MS },
        }),
        breaker: new CircuitBreaker(),
      };
      this.upstreams.set(origin, upstream);
    }
    return upstream;
  }

  breakerStates(): Record<string, string> {
    return Object.fromEntries(
      [...this.upstreams.entries()].map(([origin, upstream]) => [origin, upstream.breaker.state]),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const pools = [...this.upstreams.values()].map((upstream) => upstream.pool);
    this.upstreams.clear();
    // The HTTP server has drained by now: whatever an upstream still holds is abandoned.
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
  }
}
