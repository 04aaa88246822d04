import { readFileSync } from 'node:fs';

/**
 * Loads a JSON test table of `{ name, input, expected }` cases and rejects any key the case type does
 * not declare, so that a misspelt expectation fails loudly instead of being silently ignored.
 */
export function loadCaseTable<T extends { name: string }>(
  url: URL,
  allowed: {
    readonly top: readonly string[];
    readonly input: readonly string[];
    readonly expected: readonly string[];
  },
): T[] {
  const raw: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!Array.isArray(raw)) {
    throw new Error(`${url.pathname}: expected an array of cases`);
  }
  const names = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const where = `${url.pathname} case ${i}`;
    checkKeys(item, allowed.top, where);
    const c = item as Record<string, unknown>;
    if (typeof c.name !== 'string' || c.name === '') {
      throw new Error(`${where}: missing name`);
    }
    if (names.has(c.name)) {
      throw new Error(`${where}: duplicate name \`${c.name}\``);
    }
    names.add(c.name);
    checkKeys(c.input, allowed.input, `${where} (${c.name}) input`);
    checkKeys(c.expected, allowed.expected, `${where} (${c.name}) expected`);
  }
  return raw as T[];
}

/** Checks that `value` is an object with no key outside `allowed`, and returns it as a record. */
export function checkKeys(
  value: unknown,
  allowed: readonly string[],
  where: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new Error(`${where}: unknown key \`${key}\``);
    }
  }
  return value as Record<string, unknown>;
}

/** The corpus of real error messages kept in the repository (`test/corpus/errors.jsonl`). */
export function readCorpus(): { text: string; service: string; code: string; notes: string }[] {
  return readJsonLines(new URL('../../../test/corpus/errors.jsonl', import.meta.url));
}

/** The decoded authorization messages of the corpus (`test/corpus/decoded.jsonl`), in file order. */
export function readDecodedCorpus(): unknown[] {
  return readJsonLines<{ decoded: unknown }>(
    new URL('../../../test/corpus/decoded.jsonl', import.meta.url),
  ).map((entry) => entry.decoded);
}

function readJsonLines<T>(url: URL): T[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The fields of a reading's `failure` that case tables label. */
export const FAILURE_FIELDS = [
  'code',
  'operation',
  'service',
  'action',
  'principal',
  'resource',
  'reasonLayer',
  'denyType',
  'policyArn',
  'hasEncodedMessage',
] as const;
