import { AuditWriter } from '@app/audit';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { withPg } from './helpers/databases';
import { PASSWORD, signIn, SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

const AUTH = '/api/v1/auth';

/** Password change, sign-out everywhere, and an admin ending a user's sessions. */
describe('session control', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    api = new ApiClient(t.url);
    admin = await signIn(t, UserRole.Admin);
  });
  afterAll(() => t.close());

  /** A second sign-in of the same user, as from another device. */
  const secondSignIn = async (user: SignedIn) =>
    (await api.post(`${AUTH}/login`, { email: user.email, password: user.password })).body as {
      accessToken: string;
      refreshToken: string;
    };

  async function expectEnded(session: { accessToken: string; refreshToken: string }): Promise<void> {
    const me = await api.get(`${AUTH}/me`, { token: session.accessToken });
    expect([me.status, me.body.code]).toEqual([401, 'TOKEN_REVOKED']);
    const refresh = await api.post(`${AUTH}/refresh`, { refreshToken: session.refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([401, 'TOKEN_REVOKED']);
  }

  async function audited(type: string, userId: string) {
    await t.app.get(AuditWriter).flush();
    return withPg(
      process.env.DATABASE_URL!,
      async (pg) =>
        (
          await pg.query(
            `SELECT actor_user_id, metadata FROM audit_events WHERE type = $1 AND metadata->>'userId' = $2`,
            [type, userId],
          )
        ).rows,
    );
  }

  it('changes the password: the current one is checked, every sign-in ends, a new pair comes back', async () => {
    const user = await signIn(t, UserRole.Developer);
    const other = await secondSignIn(user);
    const wrong = await api.post(
      `${AUTH}/password`,
      { currentPassword: 'not the password at all', newPassword: 'a brand new passphrase' },
      { token: user.accessToken },
    );
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    const weak = await api.post(
      `${AUTH}/password`,
      { currentPassword: PASSWORD, newPassword: 'short' },
      { token: user.accessToken },
    );
    expect([weak.status, weak.body.errors?.[0]?.field]).toEqual([400, 'newPassword']);

    const changed = await api.post(
      `${AUTH}/password`,
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      { token: user.accessToken },
    );
    expect(changed.status).toBe(200);
    expect((await api.get(`${AUTH}/me`, { token: changed.body.accessToken })).status).toBe(200);
    await expectEnded(user);
    await expectEnded(other);
    expect((await api.post(`${AUTH}/login`, { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await api.post(`${AUTH}/login`, { email: user.email, password: 'a brand new passphrase' })).status).toBe(
      200,
    );
    expect(await audited('auth.password.changed', user.id)).toEqual([
      { actor_user_id: user.id, metadata: { userId: user.id } },
    ]);
  });

  it('throttles wrong current passwords like failed sign-ins: a stolen token is no password oracle', async () => {
    const user = await signIn(t, UserRole.Viewer);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await api.post(
            `${AUTH}/password`,
            { currentPassword: `guess number ${i}`, newPassword: 'a brand new passphrase' },
            { token: user.accessToken },
          )
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('signs out everywhere', async () => {
    const user = await signIn(t, UserRole.Viewer);
    const other = await secondSignIn(user);
    expect((await api.post(`${AUTH}/logout-all`, {}, { token: user.accessToken })).status).toBe(204);
    await expectEnded(user);
    await expectEnded(other);
    expect((await api.post(`${AUTH}/login`, { email: user.email, password: PASSWORD })).status).toBe(200);
    expect(await audited('auth.sessions.ended', user.id)).toEqual([
      { actor_user_id: user.id, metadata: { userId: user.id, by: 'user' } },
    ]);
  });

  it('lets an admin end every sign-in of a user, and nobody else', async () => {
    const user = await signIn(t, UserRole.Developer);
    const other = await secondSignIn(user);
    const path = `/api/v1/admin/users/${user.id}/sessions`;
    expect((await api.delete(path, { token: user.accessToken })).status).toBe(403);
    expect(
      (
        await api.delete(`/api/v1/admin/users/7c8e3f53-2f0a-4a4a-9d4c-2b1f6f3a9a10/sessions`, {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(404);
    expect((await api.delete(path, { token: admin.accessToken })).status).toBe(204);
    await expectEnded(user);
    await expectEnded(other);
    expect(await audited('auth.sessions.ended', user.id)).toEqual([
      { actor_user_id: admin.id, metadata: { userId: user.id, by: 'admin' } },
    ]);
  });
});
