import { parseDate } from '../engine/conditions/date-operators.js';
import { parseCidr } from '../engine/conditions/ip-operators.js';
import { parseNumber } from '../engine/conditions/numeric-operators.js';

/**
 * Values that tell ordered conditions apart. Numeric and date operators compare against thresholds,
 * IP operators against address blocks (intervals of addresses): between two consecutive bounds every
 * value behaves alike, so each bound, the values just beside it, and one value inside every gap are
 * enough to realize every combination the conditions can produce.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

/** Sorted distinct thresholds, with a point below, between and above them. */
function aroundThresholds(thresholds: readonly number[], step: number): number[] {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const points: number[] = [(sorted[0] as number) - step];
  sorted.forEach((t, i) => {
    points.push(t);
    const next = sorted[i + 1];
    if (next !== undefined) points.push((t + next) / 2);
  });
  points.push((sorted.at(-1) as number) + step);
  return points;
}

/**
 * Numbers around the numeric operators' values.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
export function numericValues(values: readonly string[]): string[] {
  const thresholds = values.map(parseNumber).filter((n): n is number => n !== undefined);
  return aroundThresholds(thresholds, 1).map((n) => String(n));
}

/**
 * Dates around the date operators' values, as ISO 8601 UTC timestamps.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export function dateValues(values: readonly string[]): string[] {
  const thresholds = values.map(parseDate).filter((n): n is number => n !== undefined);
  return aroundThresholds(thresholds, 1000)
    .map((ms) => Math.round(ms))
    .filter((ms) => Number.isFinite(new Date(ms).getTime()))
    .map((ms) => new Date(ms).toISOString());
}

/** An address as a number (IPv4 in 32 bits, IPv6 in 128). */
function toBig(bytes: readonly number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBig(n: bigint, width: number): string {
  const bytes: number[] = [];
  let rest = n;
  for (let i = 0; i < width; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  if (width === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  return groups.join(':');
}

/**
 * Addresses around the IP operators' blocks: each block's first and last address and the addresses
 * just outside it, plus one IPv4 and one IPv6 address for the family no block names.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function ipValues(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of values) {
    const range = parseCidr(text);
    if (range === undefined) continue;
    const [address, bits] = range;
    const bytes = address.toByteArray();
    const width = bytes.length;
    const total = BigInt(width * 8);
    const hostBits = total - BigInt(bits);
    const first = (toBig(bytes) >> hostBits) << hostBits;
    const last = first + (1n << hostBits) - 1n;
    const max = (1n << total) - 1n;
    for (const n of [first - 1n, first, last, last + 1n])
      if (n >= 0n && n <= max) out.push(fromBig(n, width));
  }
  out.push('192.0.2.10', '2001:db8::10');
  return [...new Set(out)];
}
