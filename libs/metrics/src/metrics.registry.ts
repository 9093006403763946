import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** The process's Prometheus registry: Node's default metrics plus what modules register. */
@Injectable()
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this, prefix: 'datahub_' });
  }

  /** A gauge read at scrape time from `read` (no bookkeeping on the hot path). */
  observe<L extends string>(name: string, help: string, labelNames: readonly L[], read: (set: (labels: Record<L, string>, value: number) => void) => void): void {
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
}
