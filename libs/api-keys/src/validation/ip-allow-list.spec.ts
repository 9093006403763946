import { canonicalCidr, isAllowed } from './ip-allow-list';

describe('IP allow-lists', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3/32'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    [' 192.168.0.0/16 ', '192.168.0.0/16'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8::1/32', '2001:db8::/32'],
    ['::1', '::1/128'],
    ['::/0', '::/0'],
  ])('writes %s as %s', (entry, canonical) => {
    expect(canonicalCidr(entry)).toBe(canonical);
  });

  it.each([
    '',
    '10.0.0.0/33',
    '10.1',
    '10.0.0.0/8/1',
    '10.0.0.0/-1',
    '10.0.0.0/ 8',
    'example.com',
    '::1/129',
    '1.2.3.4/08x',
    '::ffff:10.0.0.1',
    '::ffff:10.0.0.0/104',
    '::10.0.0.1',
    'fe80::1%eth0',
    'fe80::1%25eth0/64',
  ])('refuses %j', (entry) => {
    expect(canonicalCidr(entry)).toBeNull();
  });

  it('matches addresses of the same family, IPv4-mapped IPv6 as IPv4', () => {
    const list = ['10.0.0.0/8', '2001:db8::/32'];
    expect(isAllowed(list, '10.200.1.1')).toBe(true);
    expect(isAllowed(list, '::ffff:10.0.0.7')).toBe(true);
    expect(isAllowed(list, '11.0.0.1')).toBe(false);
    expect(isAllowed(list, '2001:db8:1::9')).toBe(true);
    expect(isAllowed(list, '2001:db9::1')).toBe(false);
    expect(isAllowed(list, 'not an address')).toBe(false);
    expect(isAllowed(['::/0'], '10.0.0.1')).toBe(false);
  });
});
