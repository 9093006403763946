import { ValidationError } from '@app/core';
import type { Interval } from '../dto/analytics-query.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The widest range each bucket width may span: at most ~10,000 buckets in one answer. */
export const MAX_SPAN_MS: Record<Interval | 'summary' | 'export' | 'audit', number> = {
  minute: 7 * DAY_MS,
  hour: 90 * DAY_MS,
  day: 3660 * DAY_MS,
  summary: 400 * DAY_MS,
  export: 400 * DAY_MS,
  audit: 3660 * DAY_MS,
};

/** The same limits in whole days, as the API documents them. */
export const MAX_SPAN_DAYS = Object.fromEntries(
  Object.entries(MAX_SPAN_MS).map(([name, ms]) => [name, Math.round(ms / DAY_MS)]),
) as Record<keyof typeof MAX_SPAN_MS, number>;

export const INTERVAL_SQL: Record<Interval, string> = { minute: '1 minute', hour: '1 hour', day: '1 day' };

export interface TimeRange {
  from: Date;
  to: Date;
}

/** `from`/`to` as validated dates: default the last 24 hours, `from < to`, at most `maxSpanMs` apart. */
export function resolveRange(query: { from?: string; to?: string }, maxSpanMs: number, what: string): TimeRange {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (!(from < to))
    throw new ValidationError(
      [{ field: 'from', message: 'from must be before to' }],
      'The time range is empty or reversed',
    );
  if (to.getTime() - from.getTime() > maxSpanMs) {
    const days = Math.round(maxSpanMs / DAY_MS);
    throw new ValidationError(
      [{ field: 'from', message: `${what} spans at most ${days} days` }],
      `The time range is too wide for ${what}`,
    );
  }
  return { from, to };
}
