import type { DataHubClient, User, UserRole } from '@datahub/sdk';
import { Command } from 'commander';
import { action, UUID } from '../command-kit';
import type { CliIo } from '../io';
import { CliError, UsageError } from '../io';
import { table, when } from '../output';
import { readPassword } from '../secrets';

const ROLES: UserRole[] = ['admin', 'developer', 'viewer'];

function role(value: string): UserRole {
  if (!ROLES.includes(value as UserRole)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
  return value as UserRole;
}

async function resolveUser(client: DataHubClient, idOrEmail: string): Promise<User> {
  if (UUID.test(idOrEmail)) return client.users.get(idOrEmail);
  const [user] = (await client.users.list({ email: idOrEmail })).data;
  if (!user) throw new CliError(`no user with email ${idOrEmail}`);
  return user;
}

const HEAD = ['ID', 'EMAIL', 'NAME', 'ROLE', 'CREATED'];
const row = (u: User) => [u.id, u.email, u.name, u.role, when(u.createdAt)];

export function usersCommand(io: CliIo): Command {
  const users = new Command('users').description('user accounts (admins)');

  users
    .command('list')
    .description('accounts')
    .option('--role <role>', 'only this role', role)
    .option('--email <email>', 'only this email')
    .action(
      action(io, async ({ client, out }, options) => {
        const all: User[] = [];
        for await (const user of client.users.listAll({ role: options.role, email: options.email }, { pageSize: 200 }))
          all.push(user);
        out.result(all, () => table(HEAD, all.map(row)));
      }),
    );

  users
    .command('create')
    .description('create an account with a role')
    .requiredOption('--email <email>', 'email')
    .requiredOption('--role <role>', ROLES.join(' | '), role)
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from stdin (or set DATAHUB_NEW_USER_PASSWORD)')
    .action(
      action(io, async ({ client, out }, options) => {
        const password = await readPassword(
          io,
          options.passwordStdin,
          'DATAHUB_NEW_USER_PASSWORD',
          'Password for the new user: ',
        );
        const user = await client.users.create({
          email: options.email,
          password,
          name: options.name,
          role: options.role,
        });
        out.result(user, () => table(HEAD, [row(user)]));
      }),
    );

  users
    .command('set-role <id-or-email> <role>')
    .description("change a user's role (ends their current sessions' access tokens)")
    .action(
      action(io, async ({ client, out }, _options, [idOrEmail, newRole]) => {
        const user = await client.users.update((await resolveUser(client, idOrEmail)).id, { role: role(newRole) });
        out.result(user, () => `${user.email} is now ${user.role}`);
      }),
    );

  return users;
}
