import { randomUUID } from 'node:crypto';
import { UserRole } from '@app/db';
import { ApiClient } from '../helpers/api-client';
import { createApi, createKey, createTier } from '../helpers/gateway-fixtures';
import { freePort } from '../helpers/processes';
import { PASSWORD, signIn, SignedIn } from '../helpers/session';
import type { TestApp } from '../helpers/test-app';
import { TestUpstream } from '../helpers/upstream';

export type Role = UserRole.Admin | UserRole.Viewer;

interface Api {
  id: string;
  name: string;
}

const GENEROUS = { requestsPerMin: 1_000_000, requestsPerHour: 10_000_000, burstLimit: 100_000 };

/**
 * What the fuzzer points requests at: its own users, APIs, keys and tier (never the signed-in
 * admin, never the seeded tiers other test files use), fresh ones for deletions, and
 * everything the fuzz run itself created, deleted again at the end.
 */
export class Fixtures {
  /** in every name the run creates */
  readonly tag = `fz-${randomUUID().slice(0, 6)}`;
  readonly upstream = new TestUpstream();
  private readonly created = { users: new Set<string>(), apis: new Set<string>(), keys: new Set<string>() };
  private client!: ApiClient;
  private t!: TestApp;

  sessions!: Record<Role, SignedIn>;
  /** signs in with PASSWORD in login bodies (failed attempts may lock it: 429 is declared) */
  loginUser!: SignedIn;
  /** the target of user GET/PATCH */
  user!: string;
  /** the target of API GET/PATCH (renamed freely) */
  pathApi!: Api;
  /** the target of key GET/PATCH/rotate */
  pathKey!: string;
  /** the target of tier PATCH */
  tier!: string;
  /** tiers the run did not create: never a PATCH target */
  foreignTiers: string[] = [];
  /** APIs that draw the gateway's own answers: 413 (tiny), 429 (limited), 502/503 (dead), 504 (slow) */
  gateway!: {
    open: Api;
    tiny: Api;
    limited: Api;
    dead: Api;
    slow: Api;
    writeKey: string;
    readKey: string;
    revokedKey: string;
  };

  async setUp(t: TestApp): Promise<void> {
    this.t = t;
    this.client = new ApiClient(t.url);
    await this.upstream.start();
    const [admin, viewer, loginUser] = await Promise.all([
      signIn(t, UserRole.Admin),
      signIn(t, UserRole.Viewer),
      signIn(t, UserRole.Viewer),
    ]);
    this.sessions = { [UserRole.Admin]: admin, [UserRole.Viewer]: viewer } as Record<Role, SignedIn>;
    this.loginUser = loginUser;
    const tiers = await this.client.get('/api/v1/admin/rate-limits', { token: admin.accessToken });
    this.foreignTiers = (tiers.body?.data ?? []).map((tier: { tierName: string }) => tier.tierName);
    this.tier = await createTier(this.client, admin, GENEROUS);
    const gatewayTier = await createTier(this.client, admin, GENEROUS);
    this.user = await this.freshUser();
    this.pathApi = await this.api({});
    this.pathKey = await this.freshKey();

    const open = await this.api({});
    const tiny = await this.api({ maxBodyBytes: 1024 });
    const limited = await this.api({ rateLimit: 1 });
    const dead = await this.api({ upstreamUrl: `http://127.0.0.1:${await freePort()}/` });
    const slow = await this.api({ timeoutMs: 100 });
    const all = [open, tiny, limited, dead, slow];
    const keyFor = async (permission: string) => {
      const key = await createKey(this.client, admin, {
        name: this.tag,
        rateLimitTier: gatewayTier,
        permissions: all.map((api) => ({ api: api.name, permission })),
      });
      this.created.keys.add(key.id);
      return key.key;
    };
    const [writeKey, readKey] = await Promise.all([keyFor('write'), keyFor('read')]);
    const revoked = await createKey(this.client, admin, {
      name: this.tag,
      permissions: [{ api: open.name, permission: 'write' }],
    });
    await this.client.delete(`/api/v1/keys/${revoked.id}`, { token: admin.accessToken });
    this.gateway = { open, tiny, limited, dead, slow, writeKey, readKey, revokedKey: revoked.key };
  }

  get admin(): SignedIn {
    return this.sessions[UserRole.Admin];
  }

  async freshUser(): Promise<string> {
    const res = await this.client.post(
      '/api/v1/admin/users',
      { email: `${this.tag}-${randomUUID().slice(0, 8)}@example.com`, password: PASSWORD, role: 'viewer' },
      { token: this.admin.accessToken },
    );
    if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.created.users.add(res.body.data.id);
    return res.body.data.id;
  }

  async freshApi(): Promise<string> {
    return (await this.api({})).id;
  }

  async freshKey(): Promise<string> {
    const key = await createKey(this.client, this.admin, { name: this.tag, permissions: [] });
    this.created.keys.add(key.id);
    return key.id;
  }

  /** A new sign-in (logout and refresh end theirs); its user is deleted at the end. */
  async freshSession(role: Role): Promise<SignedIn> {
    const session = await signIn(this.t, role, `${this.tag}-${randomUUID().slice(0, 8)}@example.com`);
    this.created.users.add(session.id);
    return session;
  }

  /** Remembers what a fuzzed request created, to delete it at the end. */
  track(method: string, path: string, status: number, body: string): void {
    if (method !== 'POST' || status !== 201) return;
    let id: unknown;
    try {
      id = JSON.parse(body)?.data?.id;
    } catch {
      return;
    }
    if (typeof id !== 'string') return;
    if (path === '/api/v1/admin/users' || path === '/api/v1/auth/register') this.created.users.add(id);
    if (path === '/api/v1/admin/apis') this.created.apis.add(id);
    if (path === '/api/v1/keys') this.created.keys.add(id);
  }

  async cleanUp(): Promise<void> {
    const token = this.admin.accessToken;
    const gone = [
      ...[...this.created.keys].map((id) => `/api/v1/keys/${id}`),
      ...[...this.created.apis].map((id) => `/api/v1/admin/apis/${id}`),
      ...[...this.created.users].filter((id) => id !== this.admin.id).map((id) => `/api/v1/admin/users/${id}`),
    ];
    for (const path of gone) await this.client.delete(path, { token });
    await this.upstream.stop();
  }

  private async api(body: Record<string, unknown>): Promise<Api> {
    const api = await createApi(this.client, this.admin, {
      name: `${this.tag}-${randomUUID().slice(0, 8)}`,
      upstreamUrl: `${this.upstream.url}/base/`,
      ...body,
    });
    this.created.apis.add(api.id);
    return api;
  }
}
