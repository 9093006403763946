import type { Api, DataHubClient, UpdateApiInput } from '@datahub/sdk';
import { Command } from 'commander';
import { action, Options, positiveInt, UUID } from '../command-kit';
import type { CliIo } from '../io';
import { CliError, UsageError } from '../io';
import { table, when } from '../output';

/** Commands take an API's id or its name. */
async function resolveApi(client: DataHubClient, idOrName: string): Promise<Api> {
  if (UUID.test(idOrName)) return client.apis.get(idOrName);
  for await (const api of client.apis.listAll({ pageSize: 200 })) if (api.name === idOrName) return api;
  throw new CliError(`no API named ${idOrName}`);
}

/** Commander turns a parser's null into '', so 'none' stays a word until the body is built. */
function rateLimit(value: string): number | 'none' {
  return value === 'none' ? value : positiveInt(value);
}

/** The options given, as an update body (commander leaves absent options undefined). */
function settings(options: Options): UpdateApiInput {
  const body: UpdateApiInput = {};
  if (options.upstream !== undefined) body.upstreamUrl = options.upstream;
  if (options.rateLimit !== undefined) body.rateLimit = options.rateLimit === 'none' ? null : options.rateLimit;
  if (options.authRequired !== undefined) body.authRequired = options.authRequired;
  if (options.timeout !== undefined) body.timeoutMs = options.timeout;
  if (options.maxBody !== undefined) body.maxBodyBytes = options.maxBody;
  return body;
}

const row = (a: Api) => [
  a.id,
  a.name,
  a.upstreamUrl ?? '—',
  a.rateLimit ?? 'tier',
  a.authRequired ? 'key' : 'none',
  a.timeoutMs ?? '—',
  when(a.createdAt),
];
const HEAD = ['ID', 'NAME', 'UPSTREAM', 'RATE/MIN', 'AUTH', 'TIMEOUT MS', 'CREATED'];

function withSettings(command: Command): Command {
  return command
    .option('--rate-limit <n|none>', 'requests per minute per key for this API', rateLimit)
    .option('--auth-required', 'require an API key (default)')
    .option('--no-auth-required', 'let anyone call it')
    .option('--timeout <ms>', 'upstream response timeout', positiveInt)
    .option('--max-body <bytes>', 'largest proxied request body', positiveInt);
}

export function apisCommand(io: CliIo): Command {
  const apis = new Command('apis').description('the APIs behind /gateway/{name}');

  apis
    .command('list')
    .description('registered APIs')
    .action(
      action(io, async ({ client, out }) => {
        const all: Api[] = [];
        for await (const api of client.apis.listAll({ pageSize: 200 })) all.push(api);
        out.result(all, () => table(HEAD, all.map(row)));
      }),
    );

  withSettings(
    apis
      .command('create')
      .description('register an API')
      .requiredOption('--name <slug>', 'URL-safe name')
      .requiredOption('--upstream <url>', 'http(s) URL of the upstream'),
  ).action(
    action(io, async ({ client, out }, options) => {
      const api = await client.apis.create({ name: options.name, ...settings(options), upstreamUrl: options.upstream });
      out.result(api, () => table(HEAD, [row(api)]));
    }),
  );

  withSettings(
    apis
      .command('update <id-or-name>')
      .description("change an API's settings")
      .option('--upstream <url>', 'http(s) URL of the upstream'),
  ).action(
    action(io, async ({ client, out }, options, [idOrName]) => {
      const body = settings(options);
      if (Object.keys(body).length === 0)
        throw new UsageError(
          'nothing to change: pass --upstream, --rate-limit, --[no-]auth-required, --timeout or --max-body',
        );
      const api = await client.apis.update((await resolveApi(client, idOrName)).id, body);
      out.result(api, () => table(HEAD, [row(api)]));
    }),
  );

  apis
    .command('delete <id-or-name>')
    .description('remove an API')
    .action(
      action(io, async ({ client, out }, _options, [idOrName]) => {
        const api = await resolveApi(client, idOrName);
        await client.apis.delete(api.id);
        out.result({ id: api.id, name: api.name, deleted: true }, () => `Deleted API ${api.name} (${api.id})`);
      }),
    );

  return apis;
}
