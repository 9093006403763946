/** The process' streams and environment, injectable so commands can run inside a test. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** A failure the CLI itself detected (exit code 1), e.g. no API of that name. */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends CliError {
  override readonly exitCode: number = 2;
}
