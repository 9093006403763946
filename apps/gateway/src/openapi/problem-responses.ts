import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_HEADER_BYTES, PROBLEM_MEDIA_TYPE, problemSchema, problemTitle, problemType } from '@app/core';

type Responses = Record<
  string,
  { description?: string; content?: Record<string, { schema?: unknown; example?: unknown }>; headers?: unknown }
>;

interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Record<string, unknown> }>;
  requestBody?: unknown;
  security?: Array<Record<string, unknown>>;
  responses: Responses;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const WITH_BODY = new Set(['post', 'put', 'patch', 'delete', 'options']);
const EXAMPLE_REQUEST_ID = '6f1c2a8e-8d3b-4c1e-9a57-0b2f4e7d9c31';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request',
  401: 'Missing, invalid, expired or revoked credentials',
  403: "The caller's role lacks a permission this operation needs (x-required-permissions)",
  404: 'Not found',
  413: 'Body too large',
  414: 'A path segment is too long',
  415: 'The body is not JSON',
  417: 'An Expect other than 100-continue',
  429: 'Over a rate limit: Retry-After and the violated policies',
  431: `Request headers exceed ${MAX_HEADER_BYTES} bytes`,
  500: 'Unexpected error (the body carries no internals; quote the requestId)',
  503: 'A dependency is unavailable, or this node is shutting down: retry (Retry-After)',
};

/** The problems every operation of this kind may answer, whatever its handler does. */
function commonProblems(path: string, method: string, operation: Operation): Map<number, string[]> {
  // The gateway streams bodies through: it never parses or validates them.
  const gateway = path.startsWith('/gateway/');
  const problems = new Map<number, string[]>([
    [400, gateway ? ['MALFORMED_URL', 'BAD_REQUEST'] : ['VALIDATION_FAILED', 'MALFORMED_URL', 'BAD_REQUEST']],
    [417, ['EXPECTATION_FAILED']],
    [431, ['HEADERS_TOO_LARGE']],
    [500, ['INTERNAL']],
    [503, ['DEPENDENCY_UNAVAILABLE', 'SHUTTING_DOWN']],
  ]);
  if (WITH_BODY.has(method) && !gateway) {
    problems.get(400)!.push('MALFORMED_JSON');
    problems.set(413, ['PAYLOAD_TOO_LARGE']);
    problems.set(415, ['UNSUPPORTED_MEDIA_TYPE']);
  }
  if (path.includes('{')) {
    problems.set(404, ['NOT_FOUND']);
    problems.set(414, ['URI_TOO_LONG']);
  }
  if (operation.security?.some((scheme) => 'bearer' in scheme))
    problems.set(401, ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED']);
  if (path.startsWith('/api/v1/')) problems.set(429, ['RATE_LIMITED']);
  return problems;
}

/** The codes a response declared through `problemSchema`, if any. */
function declaredCodes(response: Responses[string] | undefined): string[] {
  const schema = response?.content?.[PROBLEM_MEDIA_TYPE]?.schema as
    { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } | undefined;
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
}

/** A declared answer in another JSON shape (the health checks' 503): left as it is. */
const isOtherJson = (response: Responses[string] | undefined) => response?.content?.['application/json'] !== undefined;

const pascal = (code: string) =>
  code.toLowerCase().replace(/(^|_)([a-z])/g, (_, _sep, letter: string) => letter.toUpperCase());

/** One shared response per status and set of codes, e.g. `Problem409NameTaken`. */
function responseName(status: number, codes: readonly string[]): string {
  return `Problem${status}${codes.map(pascal).join('Or')}`;
}

/**
 * Every error answer of every operation, as the server sends it: `application/problem+json`
 * with the status and the codes it may carry as enums, and an example of its own. Operations
 * declare their specific problems with `@ApiProblem`; the ones any operation may answer
 * (malformed input, 413/414/415/417/431, 500, 503) are added here. Each distinct answer is
 * a shared response under `components.responses`, which keeps generated clients small.
 */
export function completeProblemResponses(document: OpenAPIObject): void {
  const shared: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const problems = commonProblems(path, method, operation);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400)
          problems.set(Number(status), [
            ...new Set([...declaredCodes(response), ...(problems.get(Number(status)) ?? [])]),
          ]);
      }
      for (const [status, codes] of [...problems].sort(([a], [b]) => a - b)) {
        const existing = operation.responses[String(status)];
        if (isOtherJson(existing) || codes.length === 0) continue;
        const generic = DESCRIPTIONS[status] ?? codes.join(', ');
        // @ApiProblem describes a response by its codes unless told more.
        const description =
          existing?.description === declaredCodes(existing).join(', ') ? generic : (existing?.description ?? generic);
        const example = {
          type: problemType(codes[0]),
          title: problemTitle(status),
          status,
          detail: description,
          code: codes[0],
          requestId: EXAMPLE_REQUEST_ID,
        };
        const response = {
          description,
          ...(existing?.headers ? { headers: existing.headers } : {}),
          content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema(status, codes), example } },
        };
        // An answer described for this operation alone (which permission, which limit) stays inline.
        if (description !== generic) {
          operation.responses[String(status)] = response;
          continue;
        }
        const name = responseName(status, codes);
        shared[name] ??= { ...response, description: generic };
        operation.responses[String(status)] = { $ref: `#/components/responses/${name}` } as never;
      }
    }
  }
  document.components = {
    ...document.components,
    responses: { ...(document.components?.responses ?? {}), ...shared } as never,
  };
}
