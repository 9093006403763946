import fc from 'fast-check';
import type { Fixtures } from './fixtures';
import { pathValueArbitrary } from './inputs';
import { PATH_MUTATIONS } from './mutations';
import type { Operation } from './openapi';
import type { RequestPlan } from './plan';

const WITH_BODY = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The gateway's own answers (no key, bad key, unknown API, body too large, rate limited,
 * upstream down or slow), not what it proxies: the upstream answers 200 to every path used.
 */
export function gatewayPlans(op: Operation, f: Fixtures, seed: number, runs: number): RequestPlan[] {
  const g = f.gateway;
  const base: RequestPlan = {
    op,
    method: op.method,
    path: op.path,
    pathParams: { api: g.open.name, path: 'echo/fuzz' },
    query: [],
    headers: { 'x-api-key': g.writeKey },
    body: WITH_BODY.includes(op.method) ? { contentType: 'application/json', json: { a: 1 } } : undefined,
    identity: 'write key',
    credentials: true,
    mutation: { kind: 'valid input' },
  };
  const keys: Array<[string, Record<string, string>]> = [
    ['write key', { 'x-api-key': g.writeKey }],
    ['no key', {}],
    ['malformed key', { 'x-api-key': 'abc' }],
    ['unknown key', { 'x-api-key': `dh_${'A'.repeat(32)}` }],
    ['revoked key', { 'x-api-key': g.revokedKey }],
    ['read-only key', { 'x-api-key': g.readKey }],
    ['4k-char key', { 'x-api-key': 'a'.repeat(4000) }],
    ['bearer token, no key', { authorization: `Bearer ${f.admin.accessToken}` }],
  ];
  const on = (api: string, path = 'echo/fuzz') => ({ pathParams: { api, path } });
  const cases: Array<[string, Partial<RequestPlan>]> = [
    ['unknown API', on(`${f.tag}-missing`)],
    ['upstream down', on(g.dead.name)],
    ['upstream timeout', on(g.slow.name, 'echo/hang')],
    ['rate limited (1 a minute)', on(g.limited.name)],
    ['rate limited (1 a minute), again', on(g.limited.name)],
    [
      'query: bad percent-encoding',
      {
        query: [
          ['a', '%ff'],
          ['b', 'a%00b'],
          ['c', '%c0%ae'],
        ],
      },
    ],
  ];
  if (base.body)
    cases.push([
      'body over maxBodyBytes (1 KiB)',
      { ...on(g.tiny.name), body: { contentType: 'application/octet-stream', bytes: 'x'.repeat(2048) } },
    ]);

  const plans: RequestPlan[] = [
    ...keys.map(([identity, headers]) => ({
      ...base,
      identity,
      headers,
      mutation: { kind: identity === 'write key' ? 'valid input' : `key: ${identity}` },
    })),
    ...cases.map(([kind, change]) => ({ ...base, ...change, mutation: { kind } })),
  ];
  for (const mutation of PATH_MUTATIONS)
    for (const place of mutation.places(base)) plans.push(mutation.apply(base, place));

  // `/gateway/{api}` has no rest of the path to draw.
  const rest = op.parameters.find((p) => p.name === 'path');
  const restValues = rest ? pathValueArbitrary(f, op, rest) : fc.constant('');
  const random = fc
    .record({
      key: fc.constantFrom(...keys),
      path: restValues,
      mutation: fc.constantFrom(...PATH_MUTATIONS),
      pick: fc.nat(),
    })
    .map(({ key: [identity, headers], path, mutation, pick }) => {
      const plan = { ...base, identity, headers, pathParams: { ...base.pathParams, path } };
      const places = mutation.places(plan);
      return pick % 2 === 0
        ? { ...plan, mutation: { kind: `key: ${identity}` } }
        : mutation.apply(plan, places[pick % places.length]);
    });
  return [...plans, ...fc.sample(random, { seed, numRuns: runs })];
}
