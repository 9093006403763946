import { DataHubClient } from '@datahub/sdk';
import { configDir, CredentialStore } from './credential-store';
import type { CliIo } from './io';
import { Output } from './output';

export const DEFAULT_URL = 'http://localhost:3000';

export interface GlobalOptions {
  url?: string;
  json?: boolean;
}

/** Everything a command needs: the SDK client for the chosen server, the stored session, the output. */
export interface CliContext {
  url: string;
  client: DataHubClient;
  store: CredentialStore;
  out: Output;
  io: CliIo;
}

/** `--url`, else `DATAHUB_URL`, else http://localhost:3000; no trailing slash (it keys the stored session). */
export function resolveUrl(options: GlobalOptions, env: NodeJS.ProcessEnv): string {
  return (options.url ?? env.DATAHUB_URL ?? DEFAULT_URL).replace(/\/+$/, '');
}

export function createContext(options: GlobalOptions, io: CliIo): CliContext {
  const url = resolveUrl(options, io.env);
  const store = new CredentialStore(configDir(io.env));
  const saved = store.load(url);
  const out = new Output(io, options.json === true);
  const client = new DataHubClient({
    baseUrl: url,
    accessToken: saved?.accessToken,
    refreshToken: saved?.refreshToken,
    // Refresh tokens are single use: the rotated pair must be on disk before the next command.
    onTokenRefresh: (tokens) =>
      store.save(url, { email: saved?.email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }),
    onRateLimited: (event) => {
      if (event.willRetry) out.note(`rate limited; retrying in ${Math.ceil((event.retryAfterMs ?? 0) / 1000)} s`);
    },
  });
  return { url, client, store, out, io };
}
