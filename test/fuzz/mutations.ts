import { createHmac } from 'node:crypto';
import { Deferred, RawJson, Value } from './json-text';
import type { RequestPlan } from './plan';

/** Where a mutation applies: a body property path, a parameter name, or the whole request. */
export interface Place {
  label: string;
  at: Array<string | number>;
}

export interface Mutation {
  kind: string;
  /** the places it applies to in this plan (none: not applicable) */
  places(plan: RequestPlan): Place[];
  apply(plan: RequestPlan, place: Place): RequestPlan;
}

const WHOLE: Place[] = [{ label: '', at: [] }];
const MiB = 1024 * 1024;

function mutated(plan: RequestPlan, kind: string, place: Place, change: Partial<RequestPlan>): RequestPlan {
  return { ...plan, ...change, mutation: { kind, detail: place.label || undefined } };
}

// Body properties

function isContainer(value: Value | undefined): value is Value[] | { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !(value instanceof RawJson) && !(value instanceof Deferred);
}

function propertyPlaces(plan: RequestPlan): Place[] {
  const places: Place[] = [];
  const walk = (value: Value, at: Array<string | number>) => {
    if (!isContainer(value) || at.length >= 3) return;
    for (const [key, item] of Object.entries(value)) {
      const next = [...at, Array.isArray(value) ? Number(key) : key];
      places.push({ label: next.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join(''), at: next });
      walk(item, next);
    }
  };
  if (plan.op?.body && plan.body?.json !== undefined) walk(plan.body.json, []);
  return places;
}

/** A copy of `root` with the value at `at` replaced (undefined: removed). */
function setAt(root: Value, at: Array<string | number>, replacement: Value | undefined): Value {
  if (at.length === 0 || !isContainer(root)) return replacement ?? null;
  const [head, ...rest] = at;
  const copy: Value[] | { [key: string]: Value } = Array.isArray(root) ? [...root] : { ...root };
  if (rest.length > 0 || replacement !== undefined)
    (copy as Record<string, Value>)[head] = setAt((copy as Record<string, Value>)[head], rest, replacement);
  else if (Array.isArray(copy)) copy.splice(Number(head), 1);
  else delete copy[head];
  return copy;
}

function getAt(root: Value, at: Array<string | number>): Value | undefined {
  return at.reduce<Value | undefined>(
    (value, key) => (isContainer(value) ? (value as Record<string, Value>)[key] : undefined),
    root,
  );
}

function wrongTypeFor(value: Value | undefined): Value {
  if (typeof value === 'string' || value instanceof Deferred) return 12345;
  if (typeof value === 'number' || value instanceof RawJson) return '12';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { a: 1 };
  if (value === null) return 1;
  return 'x';
}

function propertyMutation(kind: string, replace: (current: Value | undefined) => Value | undefined): Mutation {
  return {
    kind: `property: ${kind}`,
    places: propertyPlaces,
    apply: (plan, place) =>
      mutated(plan, `property: ${kind}`, place, {
        body: { ...plan.body, json: setAt(plan.body!.json!, place.at, replace(getAt(plan.body!.json!, place.at))) },
      }),
  };
}

/** Values that break parsers, validators and columns, as exact JSON text where JS cannot write it. */
const NASTY_JSON: Array<[string, Value]> = [
  ['1e20', new RawJson('1e20')],
  ['9223372036854775808', new RawJson('9223372036854775808')],
  ['1.26e308', new RawJson('1.26e308')],
  ['-1', -1],
  ['1e-05', new RawJson('1e-05')],
  ['fraction 0.5', 0.5],
  ['10k-char string', 'x'.repeat(10_000)],
  ['lone surrogate "\\udc00"', new RawJson('"\\udc00"')],
  ['NUL "a\\u0000b"', new RawJson('"a\\u0000b"')],
  ['5,000-level nesting', new RawJson(`${'['.repeat(5000)}${']'.repeat(5000)}`)],
  ['empty string', ''],
  ['empty object', {}],
];

export const PROPERTY_MUTATIONS: Mutation[] = [
  propertyMutation('wrong type', wrongTypeFor),
  propertyMutation('null', () => null),
  propertyMutation('removed', () => undefined),
  ...NASTY_JSON.map(([kind, value]) => propertyMutation(kind, () => value)),
];

// Whole body

function bodyMutation(kind: string, body: (plan: RequestPlan) => RequestPlan['body']): Mutation {
  return {
    kind: `body: ${kind}`,
    places: (plan) => (plan.op?.body ? WHOLE : []),
    apply: (plan, place) => mutated(plan, `body: ${kind}`, place, { body: body(plan) }),
  };
}

const JSON_TYPE = 'application/json';

/** Top-level scalars of the body, form-encoded (the parts known before sending). */
function formOf(plan: RequestPlan): string {
  const json = plan.body?.json;
  if (!isContainer(json) || Array.isArray(json)) return 'a=1';
  const pairs = Object.entries(json).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
  return new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, String(v)])).toString() || 'a=1';
}

export const BODY_MUTATIONS: Mutation[] = [
  bodyMutation('null', () => ({ contentType: JSON_TYPE, json: null })),
  bodyMutation('array', () => ({ contentType: JSON_TYPE, json: [] })),
  bodyMutation('string', () => ({ contentType: JSON_TYPE, json: 'x' })),
  bodyMutation('number', () => ({ contentType: JSON_TYPE, json: 42 })),
  bodyMutation('empty object', () => ({ contentType: JSON_TYPE, json: {} })),
  bodyMutation('extra unknown field', (plan) => ({
    contentType: JSON_TYPE,
    json:
      isContainer(plan.body?.json) && !Array.isArray(plan.body.json)
        ? { ...plan.body.json, zzUnknown: 'x' }
        : { zzUnknown: 'x' },
  })),
  bodyMutation('0 bytes (application/json)', () => ({ contentType: JSON_TYPE, bytes: '' })),
  bodyMutation('absent', () => undefined),
  bodyMutation('JSON without Content-Type', (plan) => ({ json: plan.body?.json ?? {} })),
  bodyMutation('malformed JSON', () => ({ contentType: JSON_TYPE, bytes: '{"a":' })),
  bodyMutation('5,000-level nesting', () => ({
    contentType: JSON_TYPE,
    bytes: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  })),
  bodyMutation('__proto__ key', () => ({ contentType: JSON_TYPE, bytes: '{"__proto__":{"polluted":true}}' })),
  bodyMutation('constructor.prototype key', () => ({
    contentType: JSON_TYPE,
    bytes: '{"constructor":{"prototype":{"polluted":true}}}',
  })),
  bodyMutation('invalid UTF-8', () => ({
    contentType: JSON_TYPE,
    bytes: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xae]), Buffer.from('"}')]),
  })),
  bodyMutation('1.1 MiB', () => ({ contentType: JSON_TYPE, bytes: `{"padding":"${'x'.repeat(1.1 * MiB)}"}` })),
  bodyMutation('form-urlencoded', (plan) => ({
    contentType: 'application/x-www-form-urlencoded',
    bytes: formOf(plan),
  })),
  bodyMutation('text/plain JSON', (plan) => ({ contentType: 'text/plain', json: plan.body?.json ?? {} })),
  bodyMutation('multipart/form-data', () => ({
    contentType: 'multipart/form-data; boundary=zz',
    bytes: '--zz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--zz--\r\n',
  })),
];

// Query and path parameters

function paramPlaces(where: 'query' | 'path') {
  return (plan: RequestPlan): Place[] =>
    (plan.op?.parameters ?? []).filter((p) => p.in === where).map((p) => ({ label: p.name, at: [p.name] }));
}

const QUERY_VALUES: Array<[string, string]> = [
  ['abc', 'abc'],
  ['1e20', '1e20'],
  ['9223372036854775808', '9223372036854775808'],
  ['1.26e308', '1.26e308'],
  ['-1', '-1'],
  ['1e-05', '1e-05'],
  ['fraction 0.5', '0.5'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['hex 0x10', '0x10'],
  ['empty', ''],
  ['10k chars', 'x'.repeat(10_000)],
  ['2024-02-30T25:61:00Z', '2024-02-30T25:61:00Z'],
  ['%ff', '%ff'],
  ['%c0%ae', '%c0%ae'],
  ['%00', 'a%00b'],
  ['lone surrogate %ED%B0%80', '%ED%B0%80'],
];

function queryMutation(
  kind: string,
  change: (query: RequestPlan['query'], name: string) => RequestPlan['query'],
): Mutation {
  return {
    kind: `query: ${kind}`,
    places: paramPlaces('query'),
    apply: (plan, place) => mutated(plan, `query: ${kind}`, place, { query: change(plan.query, place.label) }),
  };
}

export const QUERY_MUTATIONS: Mutation[] = [
  ...QUERY_VALUES.map(([kind, value]) =>
    queryMutation(kind, (query, name) => [...query.filter(([n]) => n !== name), [name, value]]),
  ),
  queryMutation('repeated', (query, name) => [...query.filter(([n]) => n !== name), [name, '1'], [name, '2']]),
  queryMutation('bracketed name', (query, name) => [...query.filter(([n]) => n !== name), [`${name}[gt]`, '1']]),
  {
    kind: 'query: unknown parameter',
    places: () => WHOLE,
    apply: (plan, place) =>
      mutated(plan, 'query: unknown parameter', place, { query: [...plan.query, ['zzUnknown', '1']] }),
  },
];

const PATH_VALUES: Array<[string, string]> = [
  ['random UUID', '6f1c1e9e-0000-4000-8000-000000000000'],
  ['not a UUID', 'not-a-uuid'],
  ['1', '1'],
  ['-1', '-1'],
  ['600 chars', 'a'.repeat(600)],
  ['10k chars', 'a'.repeat(10_000)],
  ['%c0%ae', '%c0%ae'],
  ['%ff', '%ff'],
  ['%00', 'a%00b'],
  ['%2e%2e', '%2e%2e'],
  ['..', '..'],
  ['encoded slash', 'x%2Fy'],
  ['lone surrogate %ED%B0%80', '%ED%B0%80'],
  ['emoji', '%F0%9F%99%82'],
  ['SQL quote', '%27%20OR%201%3D1--'],
];

export const PATH_MUTATIONS: Mutation[] = [
  ...PATH_VALUES.map(([kind, value]): Mutation => ({
    kind: `path: ${kind}`,
    places: paramPlaces('path'),
    apply: (plan, place) =>
      mutated(plan, `path: ${kind}`, place, { pathParams: { ...plan.pathParams, [place.label]: value } }),
  })),
  {
    kind: 'path: upper-case',
    places: (plan) => paramPlaces('path')(plan).filter((place) => typeof plan.pathParams[place.label] === 'string'),
    apply: (plan, place) =>
      mutated(plan, 'path: upper-case', place, {
        pathParams: { ...plan.pathParams, [place.label]: (plan.pathParams[place.label] as string).toUpperCase() },
      }),
  },
];

// Credentials and headers

function forgedJwt(userId: string, secret: string | undefined): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = part({
    sub: userId,
    role: 'admin',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  if (!secret) return `${part({ alg: 'none', typ: 'JWT' })}.${claims}.`;
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${claims}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

function authMutation(
  kind: string,
  authorization: (plan: RequestPlan) => string | Deferred | undefined,
  credentials = false,
): Mutation {
  return {
    kind: `auth: ${kind}`,
    places: () => WHOLE,
    apply: (plan, place) => {
      const headers = { ...plan.headers };
      delete headers.authorization;
      const value = authorization(plan);
      if (value !== undefined) headers.authorization = value;
      return mutated(plan, `auth: ${kind}`, place, { headers, credentials });
    },
  };
}

function lowerCaseScheme(authorization: string | Deferred | undefined): string | Deferred | undefined {
  if (authorization instanceof Deferred)
    return new Deferred(authorization.name, async () => lowerCaseScheme(await authorization.get()) as string);
  return authorization?.replace(/^Bearer /, 'bearer ');
}

/** Credentials that must not let anyone in (and one spelling that must). */
export function authMutations(adminId: string): Mutation[] {
  return [
    authMutation('none', () => undefined),
    authMutation('empty Bearer', () => 'Bearer'),
    authMutation('not a JWT', () => 'Bearer not.a.jwt'),
    authMutation('Basic', () => 'Basic YWRtaW46YWRtaW4='),
    authMutation('4k-char token', () => `Bearer ${'a'.repeat(4000)}`),
    authMutation('alg none JWT for the admin', () => `Bearer ${forgedJwt(adminId, undefined)}`),
    authMutation(
      'JWT signed with another secret',
      () => `Bearer ${forgedJwt(adminId, 'not-the-secret-not-the-secret-123456')}`,
    ),
    authMutation('lower-case scheme', (plan) => lowerCaseScheme(plan.headers.authorization), true),
  ];
}

export const HEADER_MUTATIONS: Mutation[] = [
  {
    kind: 'header: Accept application/xml',
    places: () => WHOLE,
    apply: (plan, place) =>
      mutated(plan, 'header: Accept application/xml', place, {
        headers: { ...plan.headers, accept: 'application/xml' },
      }),
  },
];
