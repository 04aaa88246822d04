import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';

/** What a redacted value was. */
export type RedactionKind =
  | 'account-id'
  | 'access-key-id'
  | 'unique-id'
  | 'secret-key'
  | 'session-token'
  | 'ipv4'
  | 'ipv6'
  | 'email'
  | 'user-name'
  | 'role-name'
  | 'session-name'
  | 'bucket-name'
  | 'name'
  | 'path'
  | 'resource-id'
  | 'key-id'
  | 'host-name'
  | 'word';

/** Every kind, for validation. */
export const REDACTION_KINDS: readonly RedactionKind[] = [
  'account-id',
  'access-key-id',
  'unique-id',
  'secret-key',
  'session-token',
  'ipv4',
  'ipv6',
  'email',
  'user-name',
  'role-name',
  'session-name',
  'bucket-name',
  'name',
  'path',
  'resource-id',
  'key-id',
  'host-name',
  'word',
];

/** One replaced value: the original, what replaced it, and what it was. */
export interface RedactionEntry {
  readonly original: string;
  readonly standIn: string;
  readonly kind: RedactionKind;
}

/** The serialisable record of a redaction, to reverse it locally or to redact a second file alike. */
export interface RedactionMap {
  readonly version: 1;
  readonly entries: readonly RedactionEntry[];
}

/**
 * Validates a redaction map read from JSON (`{ "version": 1, "entries": [...] }`): every entry has a
 * string `original` and `standIn` and a known `kind`, and no original or stand-in appears twice; else
 * why it is not one.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
export function parseRedactionMap(value: unknown): Result<RedactionMap> {
  if (!isJsonObject(value) || value.version !== 1 || !Array.isArray(value.entries)) {
    return fail('', 'not a redaction map: expected `{ "version": 1, "entries": [...] }`');
  }
  const originals = new Set<string>();
  const standIns = new Set<string>();
  const entries: RedactionEntry[] = [];
  for (const [i, entry] of value.entries.entries()) {
    const path = `/entries/${i}`;
    if (
      !isJsonObject(entry) ||
      typeof entry.original !== 'string' ||
      typeof entry.standIn !== 'string' ||
      entry.original === '' ||
      entry.standIn === '' ||
      !(REDACTION_KINDS as readonly unknown[]).includes(entry.kind)
    ) {
      return fail(path, `entry ${i} needs a non-empty \`original\` and \`standIn\` and a known \`kind\``);
    }
    if (originals.has(entry.original) || standIns.has(entry.standIn)) {
      return fail(path, `entry ${i} repeats an original or a stand-in: the map would not be reversible`);
    }
    originals.add(entry.original);
    standIns.add(entry.standIn);
    entries.push({ original: entry.original, standIn: entry.standIn, kind: entry.kind as RedactionKind });
  }
  return { ok: true, value: { version: 1, entries } };
}

function fail(path: string, message: string): Result<never> {
  return { ok: false, diagnostics: [{ code: 'redaction-map-invalid', severity: 'error', message, path }] };
}
