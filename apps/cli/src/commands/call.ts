import { Command } from 'commander';
import { action } from '../command-kit';
import type { CliIo } from '../io';
import { CliError, UsageError } from '../io';

function header(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = value.indexOf(':');
  if (colon < 1) throw new UsageError(`"${value}" is not a header: write it as "Name: value"`);
  return { ...previous, [value.slice(0, colon).trim().toLowerCase()]: value.slice(colon + 1).trim() };
}

/** `datahub call <api> [path]`: the gateway with an API key, like curl. */
export function callCommand(io: CliIo): Command {
  return new Command('call')
    .description('call an API through the gateway with an API key; the answer body goes to stdout')
    .argument('<api>', 'the API name')
    .argument('[path]', 'the path below the API, with its query string', '/')
    .option('--key <key>', 'the API key (or DATAHUB_API_KEY)')
    .option('-X, --method <method>', 'HTTP method (default GET, or POST with --data)')
    .option('-d, --data <body>', 'request body (a JSON body is sent as application/json)')
    .option('-H, --header <header>', '"Name: value"; repeatable', header)
    .option('-i, --include', 'show the status line and the answer headers first')
    .action(
      action(io, async ({ client, out }, options, [api, path]) => {
        const headers: Record<string, string> = { ...options.header };
        if (options.data !== undefined && !headers['content-type'] && looksLikeJson(options.data))
          headers['content-type'] = 'application/json';
        const response = await client.gateway.request(api, path ?? '/', {
          method: (options.method ?? (options.data === undefined ? 'GET' : 'POST')).toUpperCase(),
          headers,
          body: options.data,
          apiKey: options.key ?? io.env.DATAHUB_API_KEY,
        });
        const body = await response.text();
        const answer = { status: response.status, headers: Object.fromEntries(response.headers), body };
        out.result(answer, () => {
          const head = options.include
            ? [`${response.status} ${response.statusText}`, ...[...response.headers].map(([k, v]) => `${k}: ${v}`), '']
            : [];
          return [...head, body].join('\n');
        });
        if (response.status >= 400) throw refusal(response, body);
      }),
    );
}

/** Codes a caller fixes by sending another key. */
const KEY_PROBLEMS = new Set([
  'API_KEY_MISSING',
  'API_KEY_INVALID_FORMAT',
  'API_KEY_NOT_FOUND',
  'API_KEY_REVOKED',
  'API_KEY_EXPIRED',
]);

/** The gateway's own refusals are problem documents: their title and code, as every other command shows them. */
function refusal(response: Response, body: string): CliError {
  let problem: { title?: string; code?: string; detail?: string } | undefined;
  if (response.headers.get('content-type')?.startsWith('application/problem+json')) {
    try {
      problem = JSON.parse(body);
    } catch {
      problem = undefined;
    }
  }
  if (!problem?.code) return new CliError(`the upstream answered ${response.status} ${response.statusText}`);
  const lines = [`${problem.title} (${problem.code})${problem.detail ? `: ${problem.detail}` : ''}`];
  if (KEY_PROBLEMS.has(problem.code)) lines.push('Pass the key with --key or set DATAHUB_API_KEY.');
  return new CliError(lines.join('\n'));
}

function looksLikeJson(body: string): boolean {
  try {
    JSON.parse(body);
    return /^\s*[[{]/.test(body);
  } catch {
    return false;
  }
}
