import { randomUUID } from 'node:crypto';
import { ApiClient } from './api-client';
import type { SignedIn } from './session';

export function uniqueApiName(tag = 'api'): string {
  return `${tag}-${randomUUID().slice(0, 8)}`;
}

export async function createApi(api: ApiClient, admin: SignedIn, body: Record<string, unknown>) {
  const res = await api.post('/api/v1/admin/apis', { name: uniqueApiName(), ...body }, { token: admin.accessToken });
  if (res.status !== 201) throw new Error(`create API failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: string; name: string; upstreamUrl: string };
}

export async function createTier(
  api: ApiClient,
  admin: SignedIn,
  limits: { requestsPerMin: number; requestsPerHour: number; burstLimit: number },
) {
  const tierName = `t-${randomUUID().slice(0, 8)}`;
  const res = await api.post('/api/v1/admin/rate-limits', { tierName, ...limits }, { token: admin.accessToken });
  if (res.status !== 201) throw new Error(`create tier failed: ${res.status} ${JSON.stringify(res.body)}`);
  return tierName;
}

export async function createKey(api: ApiClient, owner: SignedIn, body: Record<string, unknown>) {
  const res = await api.post('/api/v1/keys', { name: 'test key', ...body }, { token: owner.accessToken });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: string; key: string; prefix: string; userId: string };
}
