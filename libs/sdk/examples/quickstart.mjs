// npm run sdk:build && DATAHUB_EMAIL=... DATAHUB_PASSWORD=... node libs/sdk/examples/quickstart.mjs
// (the file imports the package by its own name, which Node resolves through libs/sdk/package.json)
import { DataHubClient, NotFoundError } from '@datahub/sdk';

const baseUrl = process.env.DATAHUB_URL ?? 'http://localhost:3000';
const client = new DataHubClient({ baseUrl, onTokenRefresh: () => console.log('(access token refreshed)') });

await client.auth.login({ email: process.env.DATAHUB_EMAIL, password: process.env.DATAHUB_PASSWORD });
const me = await client.auth.me();
console.log(`signed in as ${me.email} (${me.role})`);

// An API whose upstream is DataHub's own health endpoint, so the example needs nothing else.
const api = await client.apis.create({
  name: `quickstart-${Date.now().toString(36)}`,
  upstreamUrl: `${baseUrl}/health`,
});
const key = await client.apiKeys.create({ name: 'quickstart', permissions: [{ api: api.name, permission: 'read' }] });
console.log(`created API ${api.name} and key ${key.prefix}… (secret shown once: ${key.key.slice(0, 12)}…)`);

const caller = new DataHubClient({
  baseUrl,
  apiKey: key.key,
  onRateLimited: ({ retryAfterMs }) => console.log(`rate limited; retrying in ${retryAfterMs} ms`),
});
const res = await caller.gateway.request(api.name, '/live');
console.log(
  `GET /gateway/${api.name}/live → ${res.status}`,
  await res.json(),
  `remaining ${res.headers.get('x-ratelimit-remaining')}/${res.headers.get('x-ratelimit-limit')}`,
);

let count = 0;
for await (const k of client.apiKeys.listAll({ pageSize: 50 })) if (!k.revokedAt) count++;
console.log(`active keys: ${count}`);

try {
  await client.apiKeys.get('00000000-0000-4000-8000-000000000000');
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.log(`${error.name}: status ${error.status}, code ${error.code}, requestId ${error.requestId}`);
}

await client.apiKeys.revoke(key.id);
await client.apis.delete(api.id);
await client.auth.logout();
console.log('cleaned up and signed out');
