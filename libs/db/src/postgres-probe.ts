import { Client } from 'pg';

/**
 * Connects once, briefly, so that start-up fails with one clear line (not a TypeORM retry
 * loop and a stack trace) when PostgreSQL is unreachable or refuses us.
 */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  const target = describeTarget(url);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(`cannot reach PostgreSQL at ${target}: ${e.code ? `${e.code} ` : ''}${e.message}`.trim());
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** host:port/database, never the password. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
