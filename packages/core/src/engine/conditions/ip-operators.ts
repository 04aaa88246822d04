import ipaddr from 'ipaddr.js';
import { type ComparisonOperator, operatorPair } from './condition-operator.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Reads an IPv4 (dotted quad) or IPv6 address; IPv4-mapped IPv6 addresses become IPv4. */
export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  if (ipaddr.IPv6.isValid(t)) {
    const v6 = ipaddr.IPv6.parse(t);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  return undefined;
}

/** Reads a CIDR block; a bare address is its own /32 or /128. */
export function parseCidr(text: string): [Address, number] | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const address = parseAddress(slash < 0 ? t : t.slice(0, slash));
  if (address === undefined) return undefined;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (slash < 0) return [address, max];
  const bitsText = t.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits <= max ? [address, bits] : undefined;
}

const cache = new Map<string, Address | null>();

function cachedAddress(text: string): Address | null {
  let address = cache.get(text);
  if (address === undefined) {
    if (cache.size > 4096) cache.clear();
    address = parseAddress(text) ?? null;
    cache.set(text, address);
  }
  return address;
}

/**
 * `IpAddress`/`NotIpAddress`: the request address lies in the policy's IPv4 or IPv6 CIDR block.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export const [IP_ADDRESS, NOT_IP_ADDRESS]: [ComparisonOperator, ComparisonOperator] = operatorPair(
  'IpAddress',
  'NotIpAddress',
  false,
  ({ text }) => {
    const range = parseCidr(text);
    if (range === undefined) return null;
    const kind = range[0].kind();
    return (actual) => {
      const address = cachedAddress(actual);
      return address !== null && address.kind() === kind && address.match(range);
    };
  },
);
