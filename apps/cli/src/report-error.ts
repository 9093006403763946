import { AuthenticationError, DataHubError, NetworkError, RateLimitError, ValidationError } from '@datahub/sdk';
import { CliError, UsageError } from './io';

/** Codes after which only a new `datahub login` helps. */
const SESSION_OVER = new Set([
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'TOKEN_REVOKED',
  'TOKEN_EXPIRED',
  'REFRESH_TOKEN_REUSED',
  'REFRESH_TOKEN_MISSING',
  'TOKEN_REFRESH_FAILED',
]);

export interface ErrorReport {
  exitCode: number;
  /** for humans, on stderr */
  text: string;
  /** for --json, on stderr */
  json: Record<string, unknown>;
}

/** The problem's title and code first, then what to do about it. */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof CliError) {
    return {
      exitCode: error.exitCode,
      text: `Error: ${error.message}`,
      json: { error: { code: error instanceof UsageError ? 'USAGE' : 'CLI_ERROR', title: error.message } },
    };
  }
  if (error instanceof DataHubError) {
    const lines = [`Error: ${error.message}`];
    if (error instanceof ValidationError)
      for (const field of error.errors) lines.push(`  - ${field.field}: ${field.message}`);
    if (error instanceof AuthenticationError && SESSION_OVER.has(error.code))
      lines.push('Sign in again: datahub login');
    if (error instanceof NetworkError) lines.push('Is the server running? Set it with --url or DATAHUB_URL.');
    if (error instanceof RateLimitError && error.retryAfterMs !== undefined)
      lines.push(`Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`);
    if (error.requestId) lines.push(`(request id ${error.requestId})`);
    const json = {
      error: {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.detail,
        requestId: error.requestId,
        errors: error.problem?.errors,
      },
    };
    return { exitCode: 1, text: lines.join('\n'), json };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: 1, text: `Error: ${message}`, json: { error: { code: 'CLI_ERROR', title: message } } };
}
