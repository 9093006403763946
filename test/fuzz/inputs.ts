import fc from 'fast-check';
import { UserRole } from '@app/db';
import { PASSWORD } from '../helpers/session';
import type { Fixtures } from './fixtures';
import { Deferred, Value } from './json-text';
import type { Operation, Parameter } from './openapi';
import type { PathValue } from './plan';
import { Hints, valueArbitrary } from './schema-arbitrary';

const HOUR = 3_600_000;

/**
 * Values that reach the handlers: the document gives no format for emails, slugs or URLs,
 * and cannot know this run's users, APIs, tiers and tokens.
 */
export function fixtureHints(f: Fixtures): Hints {
  const now = Date.now();
  const unique = fc.uuid().map((uuid) => `${f.tag}-${uuid.slice(0, 8)}`);
  const at = (from: number, to: number) =>
    fc.integer({ min: from, max: to }).map((offset) => new Date(now + offset).toISOString());
  return (property, owner) => {
    switch (property) {
      case 'email':
        return owner === 'LoginDto' ? fc.constant(f.loginUser.email) : unique.map((name) => `${name}@example.com`);
      case 'password':
        return fc.constant(PASSWORD);
      case 'name':
        return owner === 'CreateApiDto' || owner === 'UpdateApiDto' ? unique : undefined;
      case 'tierName':
        return unique;
      case 'upstreamUrl':
        return fc.constant(`${f.upstream.url}/base/`);
      case 'api':
        return fc.constant(f.gateway.open.name);
      case 'rateLimitTier':
        return fc.constantFrom(f.tier, 'free');
      case 'keyId':
        return fc.constant(f.pathKey);
      case 'refreshToken':
        return fc.constant(
          new Deferred('a fresh refresh token', async () => (await f.freshSession(UserRole.Viewer)).refreshToken),
        );
      case 'expiresAt':
        return fc.oneof(at(24 * HOUR, 365 * 24 * HOUR), fc.constant(null));
      case 'from':
        return at(-48 * HOUR, -2 * HOUR);
      case 'to':
        return at(-HOUR, 0);
      case 'requestsPerMin':
      case 'requestsPerHour':
      case 'burstLimit':
        return fc.integer({ min: 1, max: 100_000 });
      default:
        return undefined;
    }
  };
}

/** Which fixture a path parameter names; deletions get a fresh one each time. */
function fixtureFor(f: Fixtures, op: Operation, param: Parameter): fc.Arbitrary<PathValue> | undefined {
  const fresh = (what: string, make: () => Promise<string>) => fc.constant(new Deferred(`a fresh ${what}`, make));
  const deleting = op.method === 'DELETE';
  if (op.path.startsWith('/api/v1/keys/{id}'))
    return deleting ? fresh('key', () => f.freshKey()) : fc.constant(f.pathKey);
  if (op.path.startsWith('/api/v1/admin/users/{id}'))
    return deleting ? fresh('user', () => f.freshUser()) : fc.constant(f.user);
  if (op.path.startsWith('/api/v1/admin/apis/{id}'))
    return deleting ? fresh('API', () => f.freshApi()) : fc.constant(f.pathApi.id);
  if (op.path.startsWith('/api/v1/admin/rate-limits/{tierName}')) return fc.constant(f.tier);
  if (op.gateway && param.name === 'api') return fc.constant(f.gateway.open.name);
  if (op.gateway && param.name === 'path') {
    // TestUpstream answers 200 to everything but these: the gateway's own answers are the point.
    return fc
      .string({ maxLength: 20 })
      .filter((rest) => !/hang|reset|hop|status/.test(rest))
      .map((rest) => `echo/${encodeURIComponent(rest)}`);
  }
  return undefined;
}

/**
 * A path parameter's value: mostly the fixture (only the fixture when `complete`), else a
 * random UUID or any string the schema allows (never "", "." or "..", which change the
 * route, nor another test's tier).
 */
export function pathValueArbitrary(
  f: Fixtures,
  op: Operation,
  param: Parameter,
  complete = false,
): fc.Arbitrary<PathValue> {
  const schemaValid = valueArbitrary(param.schema)
    .filter(
      (value: Value): value is string =>
        typeof value === 'string' && !['', '.', '..'].includes(value) && !f.foreignTiers.includes(value),
    )
    .map((value) => encodeURIComponent(value));
  const fixture = fixtureFor(f, op, param);
  if (op.gateway || (fixture && complete)) return fixture!;
  const others = fc.oneof(fc.uuid(), schemaValid);
  return fixture ? fc.oneof({ weight: 3, arbitrary: fixture }, { weight: 1, arbitrary: others }) : others;
}
