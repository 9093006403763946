/**
 * The OpenAPI description of `ANY /gateway/{api}/{path}`, written out because @All()
 * would emit non-OpenAPI methods (SEARCH) and duplicate operation ids.
 */
const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { description: 'limit of the tightest window', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'requests left in the tightest window', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'seconds until the tightest window frees up', schema: { type: 'integer' } },
  'RateLimit-Policy': { description: 'every window, e.g. "minute";q=60;w=60', schema: { type: 'string' } },
  RateLimit: { description: 'the tightest window, e.g. "minute";r=42;t=18', schema: { type: 'string' } },
};

function operation(method: string) {
  return {
    operationId: `Gateway_proxy_${method}`,
    tags: ['gateway'],
    summary: `Proxy ${method.toUpperCase()} to the API registered as {api}`,
    description:
      'The rest of the path, the query string, headers and body are forwarded to the upstream (streamed); its answer comes back as it is, with the rate-limit headers added.',
    security: [{ 'api-key': [] }, {}],
    parameters: [
      { name: 'api', in: 'path', required: true, description: 'registered API name', schema: { type: 'string' } },
      { name: 'path', in: 'path', required: true, description: 'the rest of the path, forwarded below the upstream base path', schema: { type: 'string' } },
    ],
    responses: {
      '200': { description: 'The upstream answer (any status passes through)', headers: RATE_LIMIT_HEADERS },
      '401': { description: 'API_KEY_MISSING, API_KEY_INVALID_FORMAT, API_KEY_NOT_FOUND, API_KEY_REVOKED, API_KEY_EXPIRED', content: PROBLEM },
      '403': { description: 'The key has no permission on this API for this method', content: PROBLEM },
      '404': { description: 'API_NOT_FOUND', content: PROBLEM },
      '413': { description: 'PAYLOAD_TOO_LARGE (the API\'s maxBodyBytes)', content: PROBLEM },
      '429': { description: 'RATE_LIMITED, with Retry-After and the violated policies', headers: RATE_LIMIT_HEADERS, content: PROBLEM },
      '502': { description: 'UPSTREAM_UNAVAILABLE', content: PROBLEM },
      '503': { description: 'Circuit open (UPSTREAM_UNAVAILABLE) or DEPENDENCY_UNAVAILABLE', content: PROBLEM },
      '504': { description: 'UPSTREAM_TIMEOUT', content: PROBLEM },
    },
  };
}

export function gatewayOpenApiPaths(): Record<string, Record<string, unknown>> {
  return { '/gateway/{api}/{path}': Object.fromEntries(METHODS.map((method) => [method, operation(method)])) };
}
