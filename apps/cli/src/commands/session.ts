import { AuthenticationError } from '@datahub/sdk';
import { Command } from 'commander';
import { action } from '../command-kit';
import type { CliIo } from '../io';
import { CliError, UsageError } from '../io';
import { details } from '../output';
import { readPassword } from '../secrets';

export function sessionCommands(io: CliIo): Command[] {
  const login = new Command('login')
    .description('sign in; the tokens are kept in your config directory (mode 0600)')
    .option('--email <email>', 'account email (or DATAHUB_EMAIL)')
    .option('--password-stdin', 'read the password from stdin (or set DATAHUB_PASSWORD)')
    .action(
      action(io, async ({ client, store, url, out }, options) => {
        const email = options.email ?? io.env.DATAHUB_EMAIL;
        if (!email) throw new UsageError('no email: pass --email or set DATAHUB_EMAIL');
        const password = await readPassword(io, options.passwordStdin, 'DATAHUB_PASSWORD');
        const tokens = await client.auth.login({ email, password });
        store.save(url, { email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
        const me = await client.auth.me();
        out.result({ url, email: me.email, role: me.role }, () => `Signed in to ${url} as ${me.email} (${me.role})`);
      }),
    );

  const logout = new Command('logout').description('end the session on the server and forget the tokens').action(
    action(io, async ({ client, store, url, out }) => {
      if (!client.tokens.accessToken) {
        out.result({ url, signedOut: false }, () => `Not signed in to ${url}`);
        return;
      }
      let ended = true;
      try {
        await client.auth.logout();
      } catch (error) {
        // A session the server has already ended (revoked, expired refresh) is signed out all the same.
        if (!(error instanceof AuthenticationError)) throw error;
        ended = false;
      } finally {
        store.remove(url);
      }
      out.result({ url, signedOut: true }, () =>
        ended ? `Signed out of ${url}` : `Signed out of ${url} (the server had already ended the session)`,
      );
    }),
  );

  const whoami = new Command('whoami').description('show the signed-in user').action(
    action(io, async ({ client, url, out }) => {
      if (!client.tokens.accessToken) throw new CliError(`not signed in to ${url}: run datahub login`);
      const me = await client.auth.me();
      out.result(me, () =>
        details([
          ['server', url],
          ['id', me.id],
          ['email', me.email],
          ['name', me.name],
          ['role', me.role],
          ['permissions', me.permissions.join(', ')],
        ]),
      );
    }),
  );

  const password = new Command('password')
    .description('change your password; every other sign-in of yours ends')
    .action(
      action(io, async ({ client, store, url, out }) => {
        if (!client.tokens.accessToken) throw new CliError(`not signed in to ${url}: run datahub login`);
        const current = await readPassword(io, false, 'DATAHUB_PASSWORD', 'Current password: ');
        const next = await readPassword(io, false, 'DATAHUB_NEW_PASSWORD', 'New password: ');
        // Typed blind at a prompt: asked twice, as passwd does. From the environment it is what it is.
        if (!io.env.DATAHUB_NEW_PASSWORD && next !== (await readPassword(io, false, '', 'Repeat the new password: ')))
          throw new UsageError('the two new passwords differ: nothing changed');
        const tokens = await client.auth.changePassword(current, next);
        const saved = store.load(url);
        store.save(url, { email: saved?.email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
        out.result({ url, passwordChanged: true }, () => 'Password changed; your other sign-ins have ended');
      }),
    );

  return [login, logout, whoami, password];
}
