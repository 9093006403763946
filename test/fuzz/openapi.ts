/** The parts of an OpenAPI 3.0 document the fuzzer reads, and the operations it lists. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;

export interface MediaTypeObject {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> } & Record<string, Record<string, unknown> | undefined>;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const;

export interface Parameter {
  name: string;
  in: ParameterObject['in'];
  required: boolean;
  /** JSON Schema (refs inlined, `nullable` converted) */
  schema: Schema;
}

export interface Operation {
  /** "PATCH /api/v1/keys/{id}" */
  id: string;
  method: string;
  path: string;
  spec: OperationObject;
  parameters: Parameter[];
  body?: { required: boolean; mediaTypes: string[]; schema?: Schema };
  /** an access token or an API key is one of the ways in (an empty requirement means optional) */
  secured: boolean;
  gateway: boolean;
}

export async function fetchDocument(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(`${baseUrl}/docs-json`);
  if (res.status !== 200) throw new Error(`/docs-json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

/** The object a `$ref` to components (responses, parameters, request bodies) points at. */
function deref<T>(value: T | { $ref: string }, doc: OpenApiDocument): T {
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string') return value as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return deref(target as T, doc);
}

/**
 * Inlines `$ref`s to components.schemas and turns OpenAPI 3.0 into JSON Schema: `nullable:
 * true` becomes a type union (Ajv's own `nullable` keyword refuses schemas without `type`,
 * such as a nullable `allOf: [$ref]`, as Nest emits for enums). `x-ref` keeps the
 * component's name.
 */
export function toJsonSchema(schema: Schema | undefined, doc: OpenApiDocument, seen: string[] = []): Schema {
  if (!schema || typeof schema !== 'object') return {};
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {};
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return { ...toJsonSchema(target, doc, [...seen, name]), 'x-ref': name };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v as Schema, doc, seen)]),
      );
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = toJsonSchema(value as Schema, doc, seen);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Schema[]).map((s) => toJsonSchema(s, doc, seen));
    } else {
      out[key] = value;
    }
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ]) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag]) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string') {
    return { ...out, type: [out.type, 'null'], ...(out.enum ? { enum: [...out.enum, null] } : {}) };
  }
  return { anyOf: [{ type: 'null' }, out] };
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [lower, raw] of Object.entries(item)) {
      const method = lower.toUpperCase();
      if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
      const spec: OperationObject = {
        ...raw,
        parameters: raw.parameters?.map((p) => deref(p, doc)),
        requestBody: raw.requestBody && deref(raw.requestBody, doc),
        responses: Object.fromEntries(
          Object.entries(raw.responses).map(([status, response]) => [status, deref(response, doc)]),
        ),
      };
      const content = spec.requestBody?.content ?? {};
      const firstJson = Object.entries(content).find(([type]) => /json/.test(type));
      operations.push({
        id: `${method} ${path}`,
        method,
        path,
        spec,
        parameters: (spec.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? p.in === 'path',
          schema: toJsonSchema(p.schema, doc),
        })),
        body: spec.requestBody
          ? {
              required: spec.requestBody.required ?? false,
              mediaTypes: Object.keys(content),
              schema: firstJson && toJsonSchema(firstJson[1].schema, doc),
            }
          : undefined,
        secured:
          (spec.security ?? []).length > 0 &&
          !(spec.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
        gateway: path.startsWith('/gateway/'),
      });
    }
  }
  return operations;
}

/** The operation a method and path template name, with HEAD standing for GET (RFC 9110 §9.3.2). */
export function findOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  return (
    operations.find((op) => op.path === path && op.method === method) ??
    (method === 'HEAD' ? operations.find((op) => op.path === path && op.method === 'GET') : undefined)
  );
}

/** Error codes the document lists for a response: media-type examples, a `code` enum, or CODES in its description. */
export function documentedCodes(response: ResponseObject, doc: OpenApiDocument): string[] | undefined {
  const codes = new Set<string>();
  for (const media of Object.values(response.content ?? {})) {
    const example = media.example as { code?: unknown } | undefined;
    if (typeof example?.code === 'string') codes.add(example.code);
    for (const { value } of Object.values(media.examples ?? {})) {
      const code = (value as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string') codes.add(code);
    }
    const schema = toJsonSchema(media.schema, doc);
    for (const part of [schema, ...(schema.allOf ?? [])]) {
      for (const code of part.properties?.code?.enum ?? []) codes.add(code);
    }
  }
  for (const match of (response.description ?? '').matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) codes.add(match[0]);
  return codes.size > 0 ? [...codes] : undefined;
}
