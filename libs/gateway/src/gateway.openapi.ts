import { PROBLEM_MEDIA_TYPE, problemSchema } from '@app/core';

/*
 * The OpenAPI description of `ANY /gateway/{api}/{path}`, written out because @All()
 * would emit non-OpenAPI methods (SEARCH) and duplicate operation ids.
 */

const problem = (status: number, codes: string[]) => ({
  [PROBLEM_MEDIA_TYPE]: { schema: problemSchema(status, codes) },
});
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { description: 'limit of the tightest window', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'requests left in the tightest window', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'seconds until the tightest window frees up', schema: { type: 'integer' } },
  'RateLimit-Policy': { description: 'every window, e.g. "minute";q=60;w=60', schema: { type: 'string' } },
  RateLimit: { description: 'the tightest window, e.g. "minute";r=42;t=18', schema: { type: 'string' } },
};

const API_PARAMETER = {
  name: 'api',
  in: 'path',
  required: true,
  description: 'registered API name',
  schema: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$' },
};
const PATH_PARAMETER = {
  name: 'path',
  in: 'path',
  required: true,
  description:
    'the rest of the path, forwarded below the upstream base path; may span segments (`v1/users/42`), which the API explorer sends as they are',
  schema: { type: 'string' },
};

/** `withRest`: `/gateway/{api}/{path}`; without, `/gateway/{api}`, which forwards to the upstream's base path. */
function operation(method: string, withRest: boolean) {
  return {
    operationId: withRest ? `Gateway_proxy_${method}` : `Gateway_proxyBase_${method}`,
    tags: ['gateway'],
    summary: withRest
      ? `Proxy ${method.toUpperCase()} to the API registered as {api}`
      : `Proxy ${method.toUpperCase()} to the base path of the API registered as {api}`,
    description:
      'The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.',
    security: [{ 'api-key': [] }, {}],
    parameters: withRest ? [API_PARAMETER, PATH_PARAMETER] : [API_PARAMETER],
    responses: {
      '200': { description: 'The upstream answer (any status passes through)', headers: RATE_LIMIT_HEADERS },
      '400': {
        description: 'The path leaves the API or is ambiguous (PATH_NOT_ALLOWED), or cannot be forwarded',
        content: problem(400, ['PATH_NOT_ALLOWED', 'REQUEST_NOT_FORWARDABLE']),
      },
      '401': {
        description: 'The API requires a key: missing, malformed, unknown, revoked or expired',
        content: problem(401, [
          'API_KEY_MISSING',
          'API_KEY_INVALID_FORMAT',
          'API_KEY_NOT_FOUND',
          'API_KEY_REVOKED',
          'API_KEY_EXPIRED',
        ]),
      },
      '403': {
        description:
          'The key has no permission on this API for this method (INSUFFICIENT_PERMISSIONS), or its IP allow-list does not hold the client address (IP_NOT_ALLOWED)',
        content: problem(403, ['INSUFFICIENT_PERMISSIONS', 'IP_NOT_ALLOWED']),
      },
      '404': {
        description: 'No API is registered under this name',
        content: problem(404, ['API_NOT_FOUND', 'NOT_FOUND']),
      },
      '413': {
        description: "The body is larger than the API's maxBodyBytes",
        content: problem(413, ['PAYLOAD_TOO_LARGE']),
      },
      '429': {
        description: 'Over a rate limit: Retry-After and the violated policies',
        headers: RATE_LIMIT_HEADERS,
        content: problem(429, ['RATE_LIMITED']),
      },
      '502': {
        description: 'The upstream refused or dropped the connection',
        content: problem(502, ['UPSTREAM_UNAVAILABLE']),
      },
      '503': {
        description:
          'The upstream failed repeatedly and its circuit is open, a dependency is down, or this node is shutting down',
        content: problem(503, ['UPSTREAM_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE', 'SHUTTING_DOWN']),
      },
      '504': {
        description: "The upstream did not answer within the API's timeoutMs",
        content: problem(504, ['UPSTREAM_TIMEOUT']),
      },
    },
  };
}

export function gatewayOpenApiPaths(): Record<string, Record<string, unknown>> {
  return {
    '/gateway/{api}': Object.fromEntries(METHODS.map((method) => [method, operation(method, false)])),
    '/gateway/{api}/{path}': Object.fromEntries(METHODS.map((method) => [method, operation(method, true)])),
  };
}
