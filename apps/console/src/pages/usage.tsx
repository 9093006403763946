import type { UsageInterval } from '@datahub/sdk';
import { useMemo, useState } from 'preact/hooks';
import { TimeChart } from '../chart';
import { client, isAdmin, type Session } from '../session';
import { Empty, Field, formatMs, formatNumber, ProblemNotice, useLoad } from '../ui';

const WINDOWS: Record<string, { label: string; ms: number; interval: UsageInterval }> = {
  '1h': { label: 'last hour', ms: 3_600_000, interval: 'minute' },
  '24h': { label: 'last 24 hours', ms: 86_400_000, interval: 'hour' },
  '7d': { label: 'last 7 days', ms: 7 * 86_400_000, interval: 'day' },
  '30d': { label: 'last 30 days', ms: 30 * 86_400_000, interval: 'day' },
};

const REFRESH_MS = 5_000;

export function UsagePage({ session }: { session: Session }) {
  const initial = new URLSearchParams(window.location.search);
  const [window_, setWindow] = useState('1h');
  const [api, setApi] = useState(initial.get('api') ?? '');
  const [keyId, setKeyId] = useState(initial.get('keyId') ?? '');
  const [live, setLive] = useState(true);
  const apis = useLoad(() => client.apis.list({ limit: 200 }), []);
  const keys = useLoad(() => client.apiKeys.list({ limit: 200 }), []);
  const query = () => {
    const { ms, interval } = WINDOWS[window_];
    const to = new Date();
    return { from: new Date(to.getTime() - ms), to, interval, api: api || undefined, keyId: keyId || undefined };
  };
  const usage = useLoad(
    async () => {
      const q = query();
      const { interval: _perBucket, ...range } = q;
      const [buckets, summary] = await Promise.all([client.analytics.usage(q), client.analytics.summary(range)]);
      return { buckets, summary };
    },
    [window_, api, keyId],
    live ? REFRESH_MS : undefined,
  );
  const chart = useMemo(() => {
    const buckets = usage.data?.buckets ?? [];
    return {
      times: buckets.map((b) => Date.parse(b.bucket) / 1000),
      traffic: [
        { label: 'requests', values: buckets.map((b) => b.requests), color: '#2563eb' },
        { label: 'errors', values: buckets.map((b) => b.errors), color: '#dc2626' },
      ],
      latency: [
        { label: 'p50', values: buckets.map((b) => b.p50LatencyMs), color: '#16a34a' },
        { label: 'p95', values: buckets.map((b) => b.p95LatencyMs), color: '#ca8a04' },
        { label: 'p99', values: buckets.map((b) => b.p99LatencyMs), color: '#dc2626' },
      ],
    };
  }, [usage.data]);
  const summary = usage.data?.summary;
  const keyName = (id: string) => keys.data?.data.find((k) => k.id === id)?.name ?? id;

  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Window">
          <select value={window_} onChange={(e) => setWindow(e.currentTarget.value)}>
            {Object.entries(WINDOWS).map(([id, w]) => (
              <option key={id} value={id}>
                {w.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="API">
          <select value={api} onChange={(e) => setApi(e.currentTarget.value)}>
            <option value="">all</option>
            {apis.data?.data.map((a) => (
              // `selected` as well: the options arrive after the select has taken its value.
              <option key={a.id} value={a.name} selected={a.name === api}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Key">
          <select value={keyId} onChange={(e) => setKeyId(e.currentTarget.value)}>
            <option value="">{isAdmin(session) ? 'all' : 'all of mine'}</option>
            {keys.data?.data.map((k) => (
              <option key={k.id} value={k.id} selected={k.id === keyId}>
                {k.name} ({k.prefix}…)
              </option>
            ))}
          </select>
        </Field>
        <label class="check">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} /> Refresh every{' '}
          {REFRESH_MS / 1000} s
        </label>
      </form>
      <ProblemNotice error={usage.error} />
      {summary && (
        <>
          <dl class="figures" aria-live="polite">
            <div>
              <dt>Requests</dt>
              <dd data-figure="requests">{formatNumber(summary.totalRequests)}</dd>
            </div>
            <div>
              <dt>Errors</dt>
              <dd>
                {formatNumber(summary.errorRequests)} ({(summary.errorRate * 100).toFixed(1)} %)
              </dd>
            </div>
            <div>
              <dt>Latency p50 / p95 / p99</dt>
              <dd>
                {formatMs(summary.p50LatencyMs)} / {formatMs(summary.p95LatencyMs)} / {formatMs(summary.p99LatencyMs)}
              </dd>
            </div>
            <div>
              <dt>Status mix</dt>
              <dd>
                {Object.entries(summary.statusClasses)
                  .map(([status, n]) => `${status}: ${formatNumber(n)}`)
                  .join(', ')}
              </dd>
            </div>
          </dl>
          {summary.totalRequests === 0 ? (
            <Empty>No requests in this window. Call the gateway with a key and they appear here within seconds.</Empty>
          ) : (
            <>
              <TimeChart title="Requests and errors" times={chart.times} series={chart.traffic} unit="requests" />
              <TimeChart title="Latency" times={chart.times} series={chart.latency} unit="ms" />
            </>
          )}
          {isAdmin(session) && (
            <div class="columns">
              <table>
                <caption>Top APIs</caption>
                <thead>
                  <tr>
                    <th scope="col">API</th>
                    <th scope="col">Requests</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.topApis.map((t) => (
                    <tr key={t.api}>
                      <td>{t.api}</td>
                      <td>{formatNumber(t.requests)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table>
                <caption>Top keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Requests</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.topKeys.map((t) => (
                    <tr key={t.keyId}>
                      <td>{keyName(t.keyId)}</td>
                      <td>{formatNumber(t.requests)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
