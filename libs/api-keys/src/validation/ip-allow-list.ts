import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * An allow-list entry in canonical form, or null when it is not an address or CIDR range:
 * `10.1.2.3` → `10.1.2.3/32`, `10.1.2.3/8` → `10.0.0.0/8`, `2001:DB8::1/32` → `2001:db8::/32`.
 * IPv4 must be written in four decimal parts (`10.1` is not an address here), and in IPv4
 * form: clients' IPv4-mapped addresses are matched as IPv4, so `::ffff:10.0.0.0/104` would
 * never match (and shortened, would cover IPv6 space). Zone ids (`fe80::1%eth0`) are refused
 * rather than dropped.
 */
export function canonicalCidr(entry: string): string | null {
  const [address, bits, extra] = entry.trim().split('/');
  if (extra !== undefined || !address || address.includes('%')) return null;
  const v6 = address.includes(':');
  if (v6 ? !ipaddr.IPv6.isValid(address) : !ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
  if (v6 && ipaddr.IPv6.parse(address).isIPv4MappedAddress()) return null;
  const max = v6 ? 128 : 32;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return null;
  const prefix = bits === undefined ? max : Number(bits);
  if (prefix > max) return null;
  const cidr = `${address}/${prefix}`;
  const network = v6 ? ipaddr.IPv6.networkAddressFromCIDR(cidr) : ipaddr.IPv4.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${prefix}`;
}

/** Compiled once per cached key record (a WeakMap entry dies with the record). */
const compiled = new WeakMap<readonly string[], Range[]>();

function rangesOf(list: readonly string[]): Range[] {
  let ranges = compiled.get(list);
  if (!ranges) {
    ranges = list.map((cidr) => ipaddr.parseCIDR(cidr));
    compiled.set(list, ranges);
  }
  return ranges;
}

/**
 * Whether `ip` (the client address as Fastify resolved it, TRUSTED_PROXIES honoured) is in
 * one of the ranges. IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) count as IPv4.
 */
export function isAllowed(list: readonly string[], ip: string): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(ip);
  } catch {
    return false;
  }
  const kind = address.kind();
  return rangesOf(list).some(([network, bits]) => network.kind() === kind && address.match(network, bits));
}
