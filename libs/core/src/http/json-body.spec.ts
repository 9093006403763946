import { exceedsJsonDepth, findIllFormedText } from './json-body';

describe('exceedsJsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(exceedsJsonDepth('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(exceedsJsonDepth('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(exceedsJsonDepth(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(exceedsJsonDepth(`{"a":"\\"${'{'.repeat(100)}"}`, 1)).toBe(false);
  });
});

describe('findIllFormedText', () => {
  it('names the first key or value with a lone surrogate or NUL', () => {
    expect(findIllFormedText({ name: 'café ☕ 𝄞', list: ['ok'] })).toBeUndefined();
    expect(findIllFormedText({ name: 'k\udc00x' })).toBe('name');
    expect(findIllFormedText({ permissions: [{ api: 'a\ud800' }] })).toBe('permissions.0.api');
    expect(findIllFormedText({ meta: { 'bad\u0000key': 1 } })).toBe('meta.bad\u0000key');
    expect(findIllFormedText({ note: 'nul\u0000' })).toBe('note');
  });
});
