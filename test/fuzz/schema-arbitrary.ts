import fc from 'fast-check';
import type { Value } from './json-text';
import type { Schema } from './openapi';

/**
 * Values the document does not describe well enough to generate (an email with no format,
 * a registered API's name, a live refresh token): by property name and owning schema.
 */
export type Hints = (property: string, owner: string | undefined) => fc.Arbitrary<Value> | undefined;

export interface Generation {
  hints: Hints;
  /** every property present and hinted ones only as hinted: a base that reaches the handler */
  complete?: boolean;
}

const PURE: Generation = { hints: () => undefined };

const text = (minLength: number, maxLength: number) =>
  fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));

/** Values valid for `schema` (a JSON Schema from toJsonSchema), hinted values mixed in. */
export function valueArbitrary(
  schema: Schema,
  gen: Generation = PURE,
  property?: string,
  owner?: string,
): fc.Arbitrary<Value> {
  const hint = property === undefined ? undefined : gen.hints(property, owner);
  if (hint && gen.complete) return hint;
  const pure = pureArbitrary(schema, gen);
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: pure }) : pure;
}

function pureArbitrary(schema: Schema, gen: Generation): fc.Arbitrary<Value> {
  if (schema.anyOf || schema.oneOf)
    return fc.oneof(
      ...(schema.anyOf ?? schema.oneOf).map((s: Schema) => valueArbitrary(s, gen)),
    ) as fc.Arbitrary<Value>;
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return pureArbitrary(Object.assign({}, ...allOf, rest), gen);
  }
  if (schema.enum) return fc.constantFrom(...(schema.enum as Value[]));
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type: string) => pureArbitrary({ ...schema, type }, gen)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberArbitrary(schema);
    case 'string':
      return stringArbitrary(schema);
    case 'array':
      return fc.array(valueArbitrary(schema.items ?? {}, gen), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return objectArbitrary(schema, gen);
    default:
      return schema.properties ? objectArbitrary(schema, gen) : fc.constantFrom<Value>('x', 1, true, null);
  }
}

function numberArbitrary(schema: Schema): fc.Arbitrary<Value> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  const integers = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (schema.type === 'integer') return integers;
  const doubles = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: integers }, { weight: 1, arbitrary: doubles });
}

function stringArbitrary(schema: Schema): fc.Arbitrary<Value> {
  switch (schema.format) {
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uuid':
      return fc.uuid();
    case 'uri':
      return fc.webUrl();
    case 'email':
      return fc.emailAddress();
  }
  const minLength = schema.minLength ?? 0;
  return text(minLength, Math.min(schema.maxLength ?? minLength + 30, minLength + 30));
}

function objectArbitrary(schema: Schema, gen: Generation): fc.Arbitrary<Value> {
  const owner = schema['x-ref'] as string | undefined;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  if (Object.keys(properties).length === 0) return fc.constant({});
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, valueArbitrary(s, gen, name, owner)]),
  );
  return fc.record(model, {
    requiredKeys: gen.complete ? Object.keys(model) : (schema.required ?? []),
  }) as fc.Arbitrary<Value>;
}
