import { NotFoundError, RateLimitTier, UpdateRateLimitTierInput } from '@datahub/sdk';
import { Command } from 'commander';
import { action, positiveInt } from '../command-kit';
import type { CliIo } from '../io';
import { UsageError } from '../io';
import { table } from '../output';

const HEAD = ['TIER', 'PER MINUTE', 'PER HOUR', 'BURST/S'];
const row = (t: RateLimitTier) => [t.tierName, t.requestsPerMin, t.requestsPerHour, t.burstLimit];

export function tiersCommand(io: CliIo): Command {
  const tiers = new Command('tiers').description('rate-limit tiers');

  tiers
    .command('list')
    .description('tiers and their limits')
    .action(
      action(io, async ({ client, out }) => {
        const { data } = await client.rateLimits.list();
        out.result(data, () => table(HEAD, data.map(row)));
      }),
    );

  tiers
    .command('set <tier>')
    .description('change a tier, or create it when all three limits are given')
    .option('--per-min <n>', 'requests per minute', positiveInt)
    .option('--per-hour <n>', 'requests per hour', positiveInt)
    .option('--burst <n>', 'requests in any one second', positiveInt)
    .action(
      action(io, async ({ client, out }, options, [tierName]) => {
        const limits: UpdateRateLimitTierInput = {};
        if (options.perMin !== undefined) limits.requestsPerMin = options.perMin;
        if (options.perHour !== undefined) limits.requestsPerHour = options.perHour;
        if (options.burst !== undefined) limits.burstLimit = options.burst;
        if (Object.keys(limits).length === 0)
          throw new UsageError('nothing to set: pass --per-min, --per-hour and/or --burst');
        let tier: RateLimitTier;
        try {
          tier = await client.rateLimits.update(tierName, limits);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          const { requestsPerMin, requestsPerHour, burstLimit } = limits;
          if (requestsPerMin === undefined || requestsPerHour === undefined || burstLimit === undefined) {
            throw new UsageError(
              `tier ${tierName} does not exist; to create it pass --per-min, --per-hour and --burst`,
            );
          }
          tier = await client.rateLimits.create({ tierName, requestsPerMin, requestsPerHour, burstLimit });
        }
        out.result(tier, () => table(HEAD, [row(tier)]));
      }),
    );

  tiers
    .command('delete <tier>')
    .description('remove a tier that no key uses')
    .action(
      action(io, async ({ client, out }, _options, [tierName]) => {
        await client.rateLimits.delete(tierName);
        out.result({ tierName, deleted: true }, () => `Deleted tier ${tierName}`);
      }),
    );

  return tiers;
}
