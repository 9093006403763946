import type { Command } from 'commander';
import { CliContext, createContext, GlobalOptions } from './context';
import type { CliIo } from './io';
import { UsageError } from './io';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Options = GlobalOptions & Record<string, any>;
export type Handler = (ctx: CliContext, options: Options, args: string[]) => Promise<void>;

/** Commander passes (...arguments, options, command); handlers get a context and both. */
export function action(io: CliIo, handler: Handler) {
  return async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    const options = command.optsWithGlobals() as Options;
    await handler(createContext(options, io), options, received.slice(0, -2) as string[]);
  };
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${value} is not a whole number`);
  return n;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
