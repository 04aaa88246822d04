import type { ComparisonOperator } from './condition-operator.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Decodes base64 into a string of byte values (one char per byte), or `undefined` when invalid. */
export function decodeBase64(text: string): string | undefined {
  const trimmed = text.trim();
  // the padding is dropped by a backward scan: `/=+$/` retries at every `=` of a long run (quadratic)
  let end = trimmed.length;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 0x3d /* = */) end--;
  const clean = trimmed.slice(0, end);
  if (clean.length % 4 === 1) return undefined;
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const c of clean) {
    const v = DECODE.get(c);
    if (v === undefined) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * `BinaryEquals`: both values are base64; the decoded bytes are compared.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 */
export const BINARY_EQUALS: ComparisonOperator = {
  kind: 'comparison',
  name: 'BinaryEquals',
  negated: false,
  variables: false,
  compile({ text }) {
    const expected = decodeBase64(text);
    if (expected === undefined) return null;
    return (actual) => decodeBase64(actual) === expected;
  },
};
