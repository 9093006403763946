import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { gatewayOpenApiPaths } from '@app/gateway';
import { completeProblemResponses } from './openapi/problem-responses';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';

/** The RFC 9457 error shape, documented once and referenced by every operation. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://datahub.dev/problems/validation-failed' },
    title: { type: 'string', example: 'Request validation failed' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('DataHub API Gateway')
    .setDescription(
      'Issue and revoke API keys, sign users in, enforce per-key rate limits, proxy traffic and see who called what.',
    )
    .setVersion('1.0.0')
    .setLicense('UNLICENSED', 'https://datahub.dev/license')
    .addServer('/', 'This gateway')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA as never },
  };
  Object.assign(document.paths, gatewayOpenApiPaths());
  markPublicOperations(document);
  describeIdParameters(document);
  markOptionalBodies(document);
  completeProblemResponses(document);
  return document;
}

/**
 * Swagger UI percent-encodes a path parameter, so `{path}` = `v1/users` would reach the
 * gateway as `v1%2Fusers`, which it refuses (an encoded separator). This runs in the
 * browser, so it is source text, not a compiled (or coverage-instrumented) function. A path
 * with `.` or `..` segments is left encoded: decoded, the browser would resolve them and
 * send the saved credentials outside /gateway/.
 */
const sendGatewayPathAsSegments = new Function(
  'request',
  `
  const url = new URL(request.url, globalThis.location.href);
  if (url.pathname.startsWith('/gateway/')) {
    const decoded = url.pathname.replace(/%2F/gi, '/');
    const dots = decoded.split('/').some((segment) => /^(\\.|%2e){1,2}$/i.test(segment));
    if (!dots) {
      url.pathname = decoded;
      request.url = url.toString();
    }
  }
  return request;
`,
);

/** GET /docs (Swagger UI) and GET /docs-json (the OpenAPI 3 document). */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: {
      // The token or key entered under "Authorize" survives a reload (kept in the browser's localStorage).
      persistAuthorization: true,
      requestInterceptor: sendGatewayPathAsSegments,
    },
  });
}

/**
 * Routes are deny-by-default and the auth decorator declares its security scheme; an
 * operation that declares none is public, which OpenAPI spells `security: []`.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = pathItem[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}

/** Every `{id}` in a path is a UUID (UuidParam refuses anything else with a 400). */
function describeIdParameters(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      for (const parameter of pathItem[method]?.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'path' && parameter.name === 'id')
          parameter.schema = { type: 'string', format: 'uuid' };
      }
    }
  }
}

/**
 * Nest marks every @Body() required; a body whose fields are all optional (a PATCH, logout,
 * rotate) may be left out entirely, and the server takes that as "no changes".
 */
function markOptionalBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['put', 'post', 'patch', 'delete'] as const) {
      const body = pathItem[method]?.requestBody;
      if (!body || '$ref' in body) continue;
      const ref = (body.content['application/json']?.schema as { $ref?: string } | undefined)?.$ref;
      const schema = ref ? (schemas[ref.split('/').pop()!] as { required?: string[] } | undefined) : undefined;
      if (schema && !schema.required?.length) body.required = false;
    }
  }
}
