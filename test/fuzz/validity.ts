import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Operation, Parameter, Schema } from './openapi';
import type { RequestPlan, SentRequest } from './plan';

/** Ajv over the JSON Schemas toJsonSchema makes (strict off: `x-ref`, `description`…). */
export class SchemaValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new WeakMap<Schema, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
  }

  /** The first error ("/data/name must be string") not at an `ignored` path, or undefined. */
  check(schema: Schema, value: unknown, ignored: string[] = []): string | undefined {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return undefined;
    const error = validate.errors!.find((e) => !ignored.includes(e.instancePath));
    return (
      error &&
      `${error.instancePath || '(root)'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`
    );
  }
}

/** Whether a request's inputs are valid per the document: true, false, or undefined (cannot tell). */
export interface Validity {
  input: boolean | undefined;
  /** path parameters whose value the document allows */
  validPathParams: string[];
}

export function validityOf(plan: RequestPlan, sent: SentRequest, validator: SchemaValidator): Validity {
  const op = plan.op;
  if (!op || op.gateway) return { input: undefined, validPathParams: [] };
  const path = op.parameters
    .filter((p) => p.in === 'path')
    .map((p) => [p.name, paramValid(p, [segmentOf(plan, sent, p.name)], validator)] as const);
  const parts = [
    ...path.map(([, valid]) => valid),
    ...op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => paramValid(p, queryValues(sent.target, p.name), validator)),
    bodyValid(op, sent, validator),
  ];
  const validPathParams = path.filter(([, valid]) => valid === true).map(([name]) => name);
  const input = parts.includes(false) ? false : parts.every((part) => part === true) ? true : undefined;
  return { input, validPathParams };
}

function segmentOf(plan: RequestPlan, sent: SentRequest, name: string): string | undefined {
  // The template's other segments are fixed: the value is the segment where {name} was.
  const index = plan.path.split('/').indexOf(`{${name}}`);
  return sent.target.split('?')[0].split('/')[index];
}

function queryValues(target: string, name: string): Array<string | undefined> {
  const query = target.split('?')[1] ?? '';
  return query
    .split('&')
    .filter((pair) => pair.split('=')[0] === name)
    .map((pair) => pair.slice(name.length + 1));
}

/** Simple-style parameter: one value, percent-decoded, coerced by the schema's type. */
function paramValid(param: Parameter, raw: Array<string | undefined>, validator: SchemaValidator): boolean | undefined {
  if (raw.length === 0) return !param.required;
  if (raw.length > 1 || raw[0] === undefined) return false;
  let text: string;
  try {
    text = decodeURIComponent(raw[0]);
  } catch {
    return undefined;
  }
  const types = [param.schema.type ?? 'string'].flat();
  let value: unknown = text;
  if (types.includes('number') || types.includes('integer')) {
    value = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
  } else if (types.includes('boolean')) {
    value = text === 'true' ? true : text === 'false' ? false : text;
  }
  return validator.check(param.schema, value) === undefined;
}

function bodyValid(op: Operation, sent: SentRequest, validator: SchemaValidator): boolean | undefined {
  if (!op.body) return sent.body === undefined || undefined;
  if (sent.body === undefined) return !op.body.required;
  const mediaType = (sent.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!op.body.mediaTypes.includes(mediaType)) return false;
  if (!/json/.test(mediaType) || !op.body.schema) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(
      Buffer.isBuffer(sent.body) ? new TextDecoder('utf-8', { fatal: true }).decode(sent.body) : sent.body,
    );
  } catch {
    // not JSON, or not UTF-8
    return false;
  }
  return validator.check(op.body.schema, value) === undefined;
}
