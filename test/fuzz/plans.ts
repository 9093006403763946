import fc from 'fast-check';
import { UserRole } from '@app/db';
import type { Fixtures, Role } from './fixtures';
import { pathValueArbitrary } from './inputs';
import { Deferred, Value } from './json-text';
import {
  authMutations,
  BODY_MUTATIONS,
  HEADER_MUTATIONS,
  Mutation,
  PATH_MUTATIONS,
  PROPERTY_MUTATIONS,
  QUERY_MUTATIONS,
} from './mutations';
import { findOperation, HTTP_METHODS, OpenApiDocument, Operation } from './openapi';
import type { RequestPlan } from './plan';
import { Hints, valueArbitrary } from './schema-arbitrary';

/** Operations that end the session they are called with: each call gets a new one. */
const SESSION_ENDING = ['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-all', 'POST /api/v1/auth/password'];

/** Paths the document does not have, probed with every method. */
const UNKNOWN_PATHS = ['/', '/api', '/api/v1/nope', '/api/v1/keys/{id}/nope', '/gateway/{api}'];

/** The only statuses a request outside the document may get (an operation's must all be declared). */
const UNDECLARED_ROUTE_STATUSES = [404, 405];
const MALFORMED_HTTP_STATUSES = [400];
const OVERSIZED_HEADERS_STATUSES = [431];

/** A stable seed per operation and identity, whatever the order they run in. */
export function seedFor(seed: number, ...parts: string[]): number {
  let hash = seed | 0;
  for (const char of parts.join(' ')) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

function queryText(value: Value): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class PlanFactory {
  constructor(
    private readonly f: Fixtures,
    private readonly hints: Hints,
  ) {}

  /**
   * Requests every part of which the document allows, hinted so that most reach the handler;
   * `complete` ones set every property and parameter, hinted ones as hinted, on the fixtures.
   */
  valid(op: Operation, role: Role, complete = false): fc.Arbitrary<RequestPlan> {
    const gen = { hints: this.hints, complete };
    const query = op.parameters.filter((p) => p.in === 'query');
    const path = op.parameters.filter((p) => p.in === 'path');
    return fc
      .record({
        path: fc.record(Object.fromEntries(path.map((p) => [p.name, pathValueArbitrary(this.f, op, p, complete)]))),
        query: fc.record(Object.fromEntries(query.map((p) => [p.name, valueArbitrary(p.schema, gen, p.name)])), {
          requiredKeys: query.filter((p) => complete || p.required).map((p) => p.name),
        }),
        body: op.body?.schema ? valueArbitrary(op.body.schema, gen) : fc.constant(undefined),
      })
      .map(({ path: pathParams, query: values, body }) => ({
        op,
        method: op.method,
        path: op.path,
        pathParams,
        query: Object.entries(values).map(
          ([name, value]) => [name, encodeURIComponent(queryText(value as Value))] as [string, string],
        ),
        headers: { authorization: this.authorization(op, role) },
        body: op.body ? { contentType: op.body.mediaTypes[0], json: body as Value } : undefined,
        identity: role,
        credentials: true,
        mutation: { kind: 'valid input' },
      }));
  }

  /** One complete valid request, then every mutation of it at every place it applies to. */
  sweep(op: Operation, role: Role, seed: number): RequestPlan[] {
    const [base] = fc.sample(this.valid(op, role, true), { seed, numRuns: 1 });
    const plans = [base];
    if (op.method === 'GET') plans.push({ ...base, method: 'HEAD', mutation: { kind: 'HEAD for GET' } });
    for (const mutation of this.mutations(role))
      for (const place of mutation.places(base)) plans.push(mutation.apply(base, place));
    return plans;
  }

  /** `runs` valid requests and `runs` randomly mutated ones. */
  random(op: Operation, role: Role, seed: number, runs: number): RequestPlan[] {
    const mutations = this.mutations(role);
    const mutated = fc
      .tuple(this.valid(op, role), fc.constantFrom(...mutations), fc.nat())
      .map(([plan, mutation, pick]) => {
        const places = mutation.places(plan);
        return places.length === 0 ? plan : mutation.apply(plan, places[pick % places.length]);
      });
    return [
      ...fc.sample(this.valid(op, role), { seed: seed + 1, numRuns: runs }),
      ...fc.sample(mutated, { seed: seed + 2, numRuns: runs }),
    ];
  }

  /** Every method the document does not declare, on every path it has and on a few it has not. */
  undeclared(doc: OpenApiDocument, operations: Operation[], seed: number): RequestPlan[] {
    const plans: RequestPlan[] = [];
    const paths = [...Object.keys(doc.paths), ...UNKNOWN_PATHS];
    for (const path of paths) {
      const sample =
        operations.find((op) => op.path === path) ??
        operations.find((op) => op.path === '/api/v1/keys/{id}' && op.method === 'GET')!;
      const [base] = fc.sample(this.valid(sample, UserRole.Admin, true), { seed, numRuns: 1 });
      const pathParams = path === '/gateway/{api}' ? { api: this.f.gateway.open.name } : base.pathParams;
      for (const method of HTTP_METHODS) {
        if (Object.keys(doc.paths).includes(path) && findOperation(operations, method, path)) continue;
        plans.push({
          method,
          path,
          pathParams,
          query: [],
          headers: { authorization: `Bearer ${this.f.admin.accessToken}`, 'x-api-key': this.f.gateway.writeKey },
          body: ['POST', 'PUT', 'PATCH'].includes(method) ? { contentType: 'application/json', json: {} } : undefined,
          identity: 'admin',
          credentials: true,
          expected: UNDECLARED_ROUTE_STATUSES,
          mutation: { kind: Object.keys(doc.paths).includes(path) ? 'undeclared method' : 'undeclared path' },
        });
      }
    }
    return plans;
  }

  /** Requests Node's HTTP parser refuses before any route sees them. */
  malformed(): RequestPlan[] {
    const plan = (
      kind: string,
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: RequestPlan['body'],
    ): RequestPlan => ({
      method,
      path,
      pathParams: {},
      query: [],
      headers,
      body,
      identity: 'admin',
      credentials: false,
      expected: MALFORMED_HTTP_STATUSES,
      mutation: { kind: `malformed HTTP: ${kind}` },
    });
    return [
      plan('NUL in Authorization', 'GET', '/api/v1/auth/me', { authorization: 'Bearer a\u0000b' }),
      plan('NUL in X-API-Key', 'GET', `/gateway/${this.f.gateway.open.name}/echo/x`, { 'x-api-key': 'dh_a\u0000b' }),
      plan(
        'Content-Length with Transfer-Encoding',
        'POST',
        '/api/v1/auth/login',
        { 'transfer-encoding': 'chunked' },
        { contentType: 'application/json', bytes: '0\r\n\r\n' },
      ),
      plan('unknown method', 'FUZZ', '/health', {}),
      {
        ...plan('headers over 16 KiB', 'GET', '/api/v1/auth/me', { 'x-padding': 'x'.repeat(17 * 1024) }),
        expected: OVERSIZED_HEADERS_STATUSES,
      },
    ];
  }

  private mutations(role: Role): Mutation[] {
    const shared = [...BODY_MUTATIONS, ...PROPERTY_MUTATIONS, ...QUERY_MUTATIONS, ...PATH_MUTATIONS];
    // Credentials and headers do not depend on the role: the admin's requests try them.
    return role === UserRole.Admin ? [...shared, ...authMutations(this.f.admin.id), ...HEADER_MUTATIONS] : shared;
  }

  private authorization(op: Operation, role: Role): string | Deferred {
    if (!SESSION_ENDING.includes(op.id)) return `Bearer ${this.f.sessions[role].accessToken}`;
    return new Deferred(
      `a fresh ${role} session`,
      async () => `Bearer ${(await this.f.freshSession(role)).accessToken}`,
    );
  }
}
