import { backoffCeiling } from '@app/core';
import { Client } from 'pg';

/** Failures that waiting can cure: the server is not there yet, starting, or full. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);
/** pg's own words for a connection that timed out or was cut before it answered. */
const TRANSIENT_MESSAGES = /timeout|Connection terminated/i;

/** A probe's failure, saying whether trying again later may succeed. */
export class PostgresUnreachableError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Connects once, briefly, so that start-up fails with one clear line (not a TypeORM retry
 * loop and a stack trace) when PostgreSQL is unreachable or refuses us.
 */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const retryable = e.code ? TRANSIENT_CODES.has(e.code) : TRANSIENT_MESSAGES.test(e.message);
    throw new PostgresUnreachableError(
      `cannot reach PostgreSQL at ${describePostgres(url)}: ${e.code ? `${e.code} ` : ''}${e.message}`.trim(),
      retryable,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Probes until PostgreSQL answers, backing off up to five seconds between tries, for at most
 * `timeoutMs` in all: containers started together need not start in order. A failure that
 * waiting cannot cure (authentication, a missing database, TLS settings) fails at once.
 */
export async function waitForPostgres(
  url: string,
  timeoutMs: number,
  onRetry: (error: Error, delayMs: number) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let failures = 1; ; failures++) {
    try {
      return await probePostgres(url, Math.max(1_000, Math.min(3_000, deadline - Date.now())));
    } catch (error) {
      const left = deadline - Date.now();
      const retryable = error instanceof PostgresUnreachableError && error.retryable;
      if (!retryable || left <= 0) throw error;
      const delay = Math.min(backoffCeiling(failures, 500, 5_000), left);
      onRetry(error as Error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** host:port/database, never the password. */
export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
