import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { CliIo } from '../io';
import { UsageError } from '../io';

/** The server's migration runner, built beside the CLI (dist/apps/gateway/src/migrate.js). */
export const BUILT_MIGRATE = join(__dirname, '..', '..', '..', 'gateway', 'src', 'migrate.js');

/** Runs the server's own runner with this environment (DATABASE_URL, JWT_SECRET, ...), not the HTTP API. */
function runMigrate(io: CliIo, subcommand: string): Promise<void> {
  if (!existsSync(BUILT_MIGRATE)) throw new UsageError(`${BUILT_MIGRATE} is missing: run npm run build`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_MIGRATE, subcommand], {
      env: io.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => io.stdout.write(chunk.toString()));
    child.stderr.on('data', (chunk) => io.stderr.write(chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new MigrateFailed(code ?? 1))));
  });
}

/** The runner has printed its own message; only its exit code is left to pass on. */
export class MigrateFailed extends Error {
  constructor(readonly exitCode: number) {
    super(`migrate exited with ${exitCode}`);
  }
}

export function migrateCommand(io: CliIo): Command {
  const migrate = new Command('migrate').description(
    "database schema, with the server's runner (needs DATABASE_URL or the embedded data dir)",
  );
  for (const [name, description] of [
    ['run', 'apply pending migrations'],
    ['revert', 'undo the last migration'],
    ['show', 'list migrations, [X] = applied'],
  ]) {
    migrate
      .command(name)
      .description(description)
      .action(() => runMigrate(io, name));
  }
  return migrate;
}
