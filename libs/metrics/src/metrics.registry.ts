import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram';

type Read<L extends string> = (set: (labels: Record<L, string>, value: number) => void) => void;

/**
 * The process's Prometheus registry: Node's default metrics plus what modules register.
 * Modules that already count something (caches, limiters, writers) expose it read at
 * scrape time, so the hot path does no extra bookkeeping.
 */
@Injectable()
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this, prefix: 'datahub_' });
  }

  /** A gauge whose values are read when Prometheus scrapes. */
  observe<L extends string>(name: string, help: string, labelNames: readonly L[], read: Read<L>): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this],
      collect() {
        this.reset();
        read((labels, value) => this.set(labels, value));
      },
    });
  }

  /** A counter whose running totals are read when Prometheus scrapes. */
  observeTotal<L extends string>(name: string, help: string, labelNames: readonly L[], read: Read<L>): void {
    new Counter<L>({
      name,
      help,
      labelNames,
      registers: [this],
      collect() {
        this.reset();
        read((labels, value) => this.inc(labels, value));
      },
    });
  }

  /** A histogram observed on the hot path (see LatencyHistogram). */
  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: readonly number[],
  ): LatencyHistogram<L> {
    const histogram = new LatencyHistogram<L>(name, help, labelNames, buckets);
    this.registerMetric(histogram.asMetric());
    return histogram;
  }
}

/** Seconds: from 1 ms (a cached proxy hop) to 30 s (the default upstream timeout). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
