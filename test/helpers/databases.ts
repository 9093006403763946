import { Client } from 'pg';
import { assertTestDatabase, databaseUrl, PG_ADMIN_URL } from './test-env';

async function admin<T>(work: (client: Client) => Promise<T>, adminUrl = PG_ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a test database on the server of `adminUrl` (default: the main test server) and returns its URL. */
export async function createDatabase(name: string, adminUrl = PG_ADMIN_URL): Promise<string> {
  assertTestDatabase(name);
  await admin((client) => client.query(`CREATE DATABASE "${name}"`), adminUrl);
  return databaseUrl(name, adminUrl);
}

export async function dropDatabase(name: string, adminUrl = PG_ADMIN_URL): Promise<void> {
  assertTestDatabase(name);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), adminUrl);
}

/** Runs `work` with a plain pg client on `url`, for asserting rows. */
export async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
