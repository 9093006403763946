import { passwordProblem } from './is-password.validator';

describe('password rules (12–64 characters, <= 72 UTF-8 bytes, no NUL, no composition rules)', () => {
  it.each([
    ['twelve chars', null],
    ['a'.repeat(64), null],
    ['émoji 🎉 pass phrase', null],
    ['eleven char', 'password must be at least 12 characters'],
    ['a'.repeat(65), 'password must be at most 64 characters'],
    ['é'.repeat(37), 'password must be at most 72 bytes in UTF-8'],
    ['has a nul \u0000 in it', 'password must not contain NUL characters'],
    [12345678901234, 'password must be a string'],
  ])('%j → %s', (value, problem) => {
    expect(passwordProblem(value)).toBe(problem);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🎉'.repeat(12))).toBe(null);
    expect(passwordProblem('🎉'.repeat(11))).toBe('password must be at least 12 characters');
  });
});
