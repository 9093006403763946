import { Command, CommanderError } from 'commander';
import { analyticsCommand } from './commands/analytics';
import { apisCommand } from './commands/apis';
import { auditCommand } from './commands/audit';
import { callCommand } from './commands/call';
import { keysCommand } from './commands/keys';
import { MigrateFailed, migrateCommand } from './commands/migrate';
import { sessionCommands } from './commands/session';
import { tiersCommand } from './commands/tiers';
import { usersCommand } from './commands/users';
import { DEFAULT_URL } from './context';
import type { CliIo } from './io';
import { packageVersion } from './package-version';
import { reportError } from './report-error';

export function buildProgram(io: CliIo): Command {
  const program = new Command('datahub')
    .description('DataHub API gateway from the command line')
    .option('--url <url>', `server (or DATAHUB_URL; default ${DEFAULT_URL})`)
    .option('--json', 'machine-readable output')
    .version(packageVersion(), '-V, --version', 'the version of datahub')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError()
    .exitOverride();
  for (const command of [
    ...sessionCommands(io),
    keysCommand(io),
    apisCommand(io),
    callCommand(io),
    usersCommand(io),
    tiersCommand(io),
    analyticsCommand(io),
    auditCommand(io),
    migrateCommand(io),
  ]) {
    program.addCommand(command);
  }
  inheritSettings(program);
  return program;
}

/** Commands built on their own and added later do not inherit output and exit handling: pass them down. */
function inheritSettings(parent: Command): void {
  for (const command of parent.commands) {
    command.configureOutput(parent.configureOutput()).showHelpAfterError().exitOverride();
    inheritSettings(command);
  }
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failed, 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    if (error instanceof MigrateFailed) return error.exitCode;
    const report = reportError(error);
    io.stderr.write(`${program.opts().json ? JSON.stringify(report.json) : report.text}\n`);
    return report.exitCode;
  }
}
