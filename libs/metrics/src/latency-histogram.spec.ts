import { Histogram, Registry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram';

const BUCKETS = [0.001, 0.01, 0.1, 1];

/** The same observations through prom-client's Histogram and ours, rendered by a registry each. */
async function renderBoth(observations: Array<[string, string, number]>): Promise<[string, string]> {
  const reference = new Registry();
  const theirs = new Histogram({
    name: 'latency_seconds',
    help: 'Latency',
    labelNames: ['route', 'status'],
    buckets: BUCKETS,
    registers: [reference],
  });
  const registry = new Registry();
  const ours = new LatencyHistogram('latency_seconds', 'Latency', ['route', 'status'], BUCKETS);
  registry.registerMetric(ours.asMetric());
  for (const [route, status, value] of observations) {
    theirs.observe({ route, status }, value);
    ours.series(route, status).observe(value);
  }
  return [await reference.metrics(), await registry.metrics()];
}

describe('LatencyHistogram', () => {
  it('renders exactly what prom-client renders for the same observations', async () => {
    const [expected, actual] = await renderBoth([
      ['/a', '200', 0.0005],
      ['/a', '200', 0.001], // on a bound: counted in that bucket (le)
      ['/a', '200', 0.05],
      ['/a', '500', 2], // above every bound: +Inf only
      ['/b "quoted"\\', '200', 0.2], // label values are escaped by the registry
    ]);
    expect(actual).toBe(expected);
    expect(actual).toContain('latency_seconds_bucket{le="0.001",route="/a",status="200"} 2');
    expect(actual).toContain('latency_seconds_bucket{le="+Inf",route="/a",status="500"} 1');
    expect(actual).toContain('latency_seconds_count{route="/a",status="200"} 3');
  });

  it('keeps one series per label combination, and starts over on reset', async () => {
    const histogram = new LatencyHistogram('h', 'h', ['api'], BUCKETS);
    expect(histogram.series('x')).toBe(histogram.series('x'));
    histogram.series('x').observe(0.5);
    expect(histogram.get().values.find((v) => v.metricName === 'h_count')?.value).toBe(1);
    histogram.reset();
    expect(histogram.get().values).toEqual([]);
  });

  it('refuses the wrong number of label values', () => {
    const histogram = new LatencyHistogram('h', 'h', ['route', 'method'], BUCKETS);
    expect(() => histogram.series('/only-route')).toThrow(TypeError);
  });
});
