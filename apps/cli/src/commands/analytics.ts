import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { UsageBucket, UsageInterval } from '@datahub/sdk';
import { Command } from 'commander';
import { barChart } from '../chart';
import { action, Options } from '../command-kit';
import type { CliIo } from '../io';
import { UsageError } from '../io';
import { details, table, when } from '../output';
import { Progress } from '../progress';

const INTERVALS: UsageInterval[] = ['minute', 'hour', 'day'];

function withFilters(command: Command): Command {
  return command
    .option('--from <iso-date>', 'start (default: 24 hours ago)')
    .option('--to <iso-date>', 'end (default: now)')
    .option('--api <name>', 'only this API')
    .option('--key <id>', 'only this key');
}

const filters = (options: Options) => ({ from: options.from, to: options.to, api: options.api, keyId: options.key });
const ms = (value: number | null) => (value === null ? '-' : `${value} ms`);
const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** Bucket labels as short as the interval allows. */
function bucketLabel(bucket: string, interval: UsageInterval): string {
  const text = when(bucket);
  return interval === 'day' ? text.slice(0, 10) : text.slice(5, 16);
}

function usageView(buckets: UsageBucket[], interval: UsageInterval): string {
  const rows = buckets.map((b) => [
    bucketLabel(b.bucket, interval),
    b.requests,
    b.errors,
    ms(b.p50LatencyMs),
    ms(b.p95LatencyMs),
    ms(b.p99LatencyMs),
  ]);
  const chart = barChart(buckets.map((b) => ({ label: bucketLabel(b.bucket, interval), value: b.requests })));
  return `${table(['BUCKET', 'REQUESTS', 'ERRORS', 'P50', 'P95', 'P99'], rows)}\n\nrequests per ${interval}\n${chart}`;
}

export function analyticsCommand(io: CliIo): Command {
  const analytics = new Command('analytics').description('traffic of your keys (every key, for an admin)');

  withFilters(
    analytics.command('summary').description('totals, error rate, latency percentiles, top APIs and keys'),
  ).action(
    action(io, async ({ client, out }, options) => {
      const s = await client.analytics.summary(filters(options));
      out.result(s, () =>
        [
          details([
            ['from', when(s.from)],
            ['to', when(s.to)],
            ['requests', s.totalRequests],
            ['errors', `${s.errorRequests} (${percent(s.errorRate)})`],
            [
              'status classes',
              Object.entries(s.statusClasses)
                .map(([k, v]) => `${k} ${v}`)
                .join('  '),
            ],
            ['latency', `p50 ${ms(s.p50LatencyMs)}  p95 ${ms(s.p95LatencyMs)}  p99 ${ms(s.p99LatencyMs)}`],
          ]),
          '',
          table(
            ['TOP API', 'REQUESTS'],
            s.topApis.map((a) => [a.api, a.requests]),
          ),
          '',
          table(
            ['TOP KEY', 'PREFIX', 'REQUESTS'],
            s.topKeys.map((k) => [k.keyId, k.prefix, k.requests]),
          ),
        ].join('\n'),
      );
    }),
  );

  withFilters(analytics.command('usage').description('requests, errors and latency per time bucket, with a chart'))
    .option('--interval <interval>', INTERVALS.join(' | '), 'hour')
    .action(
      action(io, async ({ client, out }, options) => {
        const interval = options.interval as UsageInterval;
        if (!INTERVALS.includes(interval)) throw new UsageError(`--interval must be one of ${INTERVALS.join(', ')}`);
        const buckets = await client.analytics.usage({ ...filters(options), interval });
        out.result(buckets, () => usageView(buckets, interval));
      }),
    );

  withFilters(analytics.command('export').description('download request logs as CSV or NDJSON'))
    .requiredOption('--out <file>', 'where to write them')
    .option('--format <format>', 'csv | ndjson', 'csv')
    .action(
      action(io, async ({ client, out }, options) => {
        if (!['csv', 'ndjson'].includes(options.format)) throw new UsageError('--format must be csv or ndjson');
        const exported = await client.analytics.export({ ...filters(options), format: options.format });
        const file = createWriteStream(options.out);
        const progress = new Progress(io.stderr, `exporting to ${options.out}`, exported.contentLength);
        try {
          for await (const chunk of exported.body as unknown as AsyncIterable<Uint8Array>) {
            if (!file.write(chunk)) await once(file, 'drain');
            progress.advance(chunk.byteLength);
          }
        } finally {
          file.end();
          await once(file, 'close');
        }
        const bytes = progress.finish();
        out.result(
          { file: options.out, bytes, format: options.format },
          () => `Wrote ${bytes} bytes to ${options.out}`,
        );
      }),
    );

  return analytics;
}
