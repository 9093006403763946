import { displayPrefix, generateKey, hashKey, hasValidFormat } from './key-format';

describe('API key format', () => {
  it('generates dh_ + 32 base62 + 6-character checksum keys that pass the format check', () => {
    for (let i = 0; i < 200; i++) {
      const { key, prefix } = generateKey();
      expect(key).toMatch(/^dh_[0-9A-Za-z]{38}$/);
      expect(hasValidFormat(key)).toBe(true);
      expect(prefix).toBe(key.slice(0, 9));
    }
  });

  it('refuses every single-character change (checksum)', () => {
    const { key } = generateKey();
    let refused = 0;
    for (let i = 3; i < key.length; i++) {
      const replacement = key[i] === 'a' ? 'b' : 'a';
      if (!hasValidFormat(key.slice(0, i) + replacement + key.slice(i + 1))) refused++;
    }
    expect(refused).toBe(key.length - 3);
  });

  it.each([
    '',
    'dh_',
    'sk_live_abc',
    `dh_${'a'.repeat(37)}`,
    `dh_${'a'.repeat(39)}`,
    `dh_${'!'.repeat(38)}`,
    `DH_${'a'.repeat(38)}`,
  ])('refuses %j', (key) => {
    expect(hasValidFormat(key)).toBe(false);
  });

  it('hashes with the pepper (HMAC-SHA-256, hex)', () => {
    const { key } = generateKey();
    expect(hashKey(key, 'pepper-one')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key, 'pepper-one')).not.toBe(hashKey(key, 'pepper-two'));
    expect(displayPrefix(key)).toHaveLength(9);
  });
});
