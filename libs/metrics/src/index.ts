export { MetricsModule } from './metrics.module';
export { LATENCY_BUCKETS, MetricsRegistry } from './metrics.registry';
export { HistogramSeries, LatencyHistogram } from './latency-histogram';
