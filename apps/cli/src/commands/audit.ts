import { Command } from 'commander';
import { action, positiveInt } from '../command-kit';
import type { CliIo } from '../io';
import { table, when } from '../output';

const HEAD = ['time', 'type', 'actor', 'key', 'ip', 'request'];

/** `datahub audit`: the audit trail, newest first (admins). */
export function auditCommand(io: CliIo): Command {
  return new Command('audit')
    .description('the audit trail, newest first (admins only)')
    .option('--type <type>', 'only this event type, e.g. key.revoked')
    .option('--from <iso-date>', 'from this time (default: 24 hours before --to)')
    .option('--to <iso-date>', 'until this time (default: now)')
    .option('--limit <n>', 'at most this many events (1-200)', positiveInt, 50)
    .action(
      action(io, async ({ client, out }, options) => {
        const page = await client.analytics.audit({
          type: options.type,
          from: options.from,
          to: options.to,
          limit: options.limit,
        });
        out.result(page.data, () =>
          table(
            HEAD,
            page.data.map((e) => [when(e.timestamp), e.type, e.actorUserId, e.apiKeyId, e.ip, e.requestId]),
          ),
        );
      }),
    );
}
