import type { ApiKey, ApiKeyWithSecret, ApiPermissionLevel, DataHubClient, KeyPermission } from '@datahub/sdk';
import { Command } from 'commander';
import { action, positiveInt, UUID } from '../command-kit';
import type { CliIo } from '../io';
import { CliError, UsageError } from '../io';
import { details, table, when } from '../output';

const LEVELS: ApiPermissionLevel[] = ['read', 'write', 'admin'];

/** `payments:write` → { api: 'payments', permission: 'write' } */
export function parsePermission(value: string, previous: KeyPermission[] = []): KeyPermission[] {
  const [api, permission] = value.split(':');
  if (!api || !LEVELS.includes(permission as ApiPermissionLevel)) {
    throw new UsageError(`--permission ${value}: expected <api>:<${LEVELS.join('|')}>`);
  }
  return [...previous, { api, permission: permission as ApiPermissionLevel }];
}

function status(key: ApiKey): string {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

const permissions = (key: ApiKey) => key.permissions.map((p) => `${p.api}:${p.permission}`).join(', ');
const allowedIps = (key: ApiKey) => (key.allowedIps.length ? key.allowedIps.join(', ') : 'any');
const collect = (value: string, previous: string[] = []) => [...previous, value];

function secretShownOnce(key: ApiKeyWithSecret, verb: string): string {
  return [
    `${verb} key ${key.id} (${key.name}, tier ${key.rateLimitTier})`,
    '',
    `  ${key.key}`,
    '',
    'This secret is shown once: store it now.',
  ].join('\n');
}

export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description('API keys');

  keys
    .command('list')
    .description('your keys (every key, for an admin)')
    .action(
      action(io, async ({ client, out }) => {
        const all: ApiKey[] = [];
        for await (const key of client.apiKeys.listAll({ pageSize: 200 })) all.push(key);
        out.result(all, () =>
          table(
            ['ID', 'NAME', 'PREFIX', 'TIER', 'PERMISSIONS', 'STATUS', 'EXPIRES', 'LAST USED'],
            all.map((k) => [
              k.id,
              k.name,
              k.prefix,
              k.rateLimitTier,
              permissions(k),
              status(k),
              when(k.expiresAt),
              when(k.lastUsedAt),
            ]),
          ),
        );
      }),
    );

  keys
    .command('create')
    .description('issue a key; its secret is shown once')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--permission <api:level>', 'read, write or admin on an API (repeatable)', parsePermission, [])
    .option('--tier <tier>', 'rate-limit tier (default free)')
    .option('--expires <iso-date>', 'expiry, e.g. 2027-01-01T00:00:00Z')
    .option('--allow-ip <cidr>', 'an address or CIDR range the key may be used from (repeatable; default any)', collect)
    .action(
      action(io, async ({ client, out }, options) => {
        const key = await client.apiKeys.create({
          name: options.name,
          permissions: options.permission,
          rateLimitTier: options.tier,
          expiresAt: options.expires,
          allowedIps: options.allowIp,
        });
        out.result(key, () => secretShownOnce(key, 'Created'));
      }),
    );

  keys
    .command('update <id>')
    .description('change a key: only the options given change')
    .option('--name <name>', 'what the key is for')
    .option('--tier <tier>', 'rate-limit tier')
    .option('--expires <iso-date>', 'expiry, e.g. 2027-01-01T00:00:00Z, or "never"')
    .option('--allow-ip <cidr>', 'replaces the IP allow-list with these ranges (repeatable)', collect)
    .option('--any-ip', 'clears the IP allow-list: any address may use the key')
    .action(
      action(io, async ({ client, out }, options, [id]) => {
        if (options.allowIp && options.anyIp) throw new UsageError('--allow-ip and --any-ip exclude each other');
        const key = await client.apiKeys.update(id, {
          name: options.name,
          rateLimitTier: options.tier,
          expiresAt: options.expires === 'never' ? null : options.expires,
          allowedIps: options.anyIp ? [] : options.allowIp,
        });
        out.result(key, () => `Updated key ${key.id} (${key.name}); allowed IPs: ${allowedIps(key)}`);
      }),
    );

  keys
    .command('revoke <id-or-prefix>')
    .description(
      'revoke a key, by its id or its prefix as `keys list` shows it (effective on every gateway node within a second)',
    )
    .action(
      action(io, async ({ client, out }, _options, [idOrPrefix]) => {
        const id = UUID.test(idOrPrefix) ? idOrPrefix : await keyIdByPrefix(client, idOrPrefix);
        await client.apiKeys.revoke(id);
        out.result({ id, revoked: true }, () => `Revoked key ${id}`);
      }),
    );

  keys
    .command('rotate <id>')
    .description('issue a new secret for a key; the old one stops working')
    .option('--grace <seconds>', 'keep the old secret working this long', positiveInt)
    .action(
      action(io, async ({ client, out }, options, [id]) => {
        const key = await client.apiKeys.rotate(
          id,
          options.grace === undefined ? {} : { gracePeriodSeconds: options.grace },
        );
        out.result(key, () => secretShownOnce(key, 'Rotated'));
      }),
    );

  keys
    .command('show <id>')
    .description('one key')
    .action(
      action(io, async ({ client, out }, _options, [id]) => {
        const k = await client.apiKeys.get(id);
        out.result(k, () =>
          details([
            ['id', k.id],
            ['name', k.name],
            ['prefix', k.prefix],
            ['tier', k.rateLimitTier],
            ['permissions', permissions(k)],
            ['allowed IPs', allowedIps(k)],
            ['status', status(k)],
            ['expires', when(k.expiresAt)],
            ['last used', when(k.lastUsedAt)],
            ['created', when(k.createdAt)],
          ]),
        );
      }),
    );

  return keys;
}

/** The one key (of those the caller sees) with this display prefix. */
async function keyIdByPrefix(client: DataHubClient, prefix: string): Promise<string> {
  const found: string[] = [];
  for await (const key of client.apiKeys.listAll()) if (key.prefix === prefix) found.push(key.id);
  if (found.length === 1) return found[0];
  throw new CliError(
    found.length === 0
      ? `no key has the prefix ${prefix}`
      : `${found.length} keys have the prefix ${prefix}: revoke one by its id`,
  );
}
