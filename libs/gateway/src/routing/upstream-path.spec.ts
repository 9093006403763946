import { normaliseRestPath, upstreamPath } from './upstream-path';

describe('normaliseRestPath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/v1/charges', '/v1/charges'],
    ['/v1//charges/', '/v1/charges/'],
    ['/v1/./charges', '/v1/charges'],
    ['/v1/items/../charges', '/v1/charges'],
    ['/v1/%2e%2e/charges', '/charges'],
    ['/a/%2E/b', '/a/b'],
    ['/caf%C3%A9', '/caf%C3%A9'],
    ['/a;v=1/b', '/a;v=1/b'],
    ['/100%25', '/100%25'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseRestPath(raw)).toBe(expected);
  });

  it.each([
    '/..',
    '/../admin',
    '/v1/../../etc/passwd',
    '/%2e%2e/%2e%2e/secret',
    '/a%2f..%2f..%2fb',
    '/a\\..\\b',
    '/a%5cb',
    '/a%00b',
    '/a/..;/admin',
    '/a/..;jsessionid=x/b',
    '/a/%2e%2e;/b',
    '/a/..%3b/b',
    '/a/.;/b',
    '/%252e%252e/admin',
    '/a%252fb',
    '/a%255cb',
  ])('refuses %j', (raw) => {
    expect(normaliseRestPath(raw)).toBeNull();
  });
});

describe('upstreamPath', () => {
  it('keeps the API base path and the query string', () => {
    expect(upstreamPath('/v1', '/charges', 'limit=3')).toBe('/v1/charges?limit=3');
    expect(upstreamPath('/v1/', '/charges', '')).toBe('/v1/charges');
    expect(upstreamPath('', '/charges', '')).toBe('/charges');
    expect(upstreamPath('/', '/', '')).toBe('/');
    expect(upstreamPath('/v1', '/', 'a=1')).toBe('/v1?a=1');
  });
});
