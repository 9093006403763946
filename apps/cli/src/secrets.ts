import type { CliIo } from './io';
import { UsageError } from './io';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin } = io;
  return new Promise((resolve, reject) => {
    io.stderr.write(question);
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * A password from stdin (`--password-stdin`), the named environment variable, or a hidden
 * prompt on a terminal; never from a command-line argument, which ends up in shell history.
 */
export async function readPassword(
  io: CliIo,
  fromStdin: boolean | undefined,
  envName: string,
  question = 'Password: ',
): Promise<string> {
  if (fromStdin) return readAll(io.stdin);
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) return promptHidden(io, question);
  throw new UsageError(`no password: pass --password-stdin or set ${envName}`);
}
