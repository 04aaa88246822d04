/**
 * The request-set tables: every JSON file under `cases/` lists calls and the complete, ordered list
 * of checks AWS makes for each, citing the AWS page that says so. One typed harness reads them all
 * and rejects unknown keys, so a typo cannot silently skip an assertion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import type { CallDescription, CallNoteCode } from './call-model.js';
import type { CallCheck } from './check.js';
import { expandCall } from './expand-call.js';

interface ExpectedCheck {
  readonly action: string;
  readonly resource: string;
  readonly resourceType?: string | null;
  /** Exact values of these context keys. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** When given, the exact set of context keys. */
  readonly contextKeys?: readonly string[];
  /** Keys that must not be present (resource-specific keys on another resource's check). */
  readonly absentContext?: readonly string[];
  /** Exact set of assumed parts; `[]` when omitted. */
  readonly assumed?: readonly string[];
  /** `call` when omitted. */
  readonly when?: 'call' | 'launch';
}

interface TableCase {
  readonly name: string;
  readonly source: string;
  readonly input: CallDescription;
  readonly expected: {
    readonly rule?: string;
    readonly checks: readonly ExpectedCheck[];
    /** Note codes that must be present. */
    readonly notes?: readonly CallNoteCode[];
  };
}

const CASE_KEYS = ['name', 'source', 'input', 'expected'];
const INPUT_KEYS = ['service', 'operation', 'region', 'account', 'partition', 'principal', 'parameters'];
const EXPECTED_KEYS = ['rule', 'checks', 'notes'];
const CHECK_KEYS = [
  'action',
  'resource',
  'resourceType',
  'context',
  'contextKeys',
  'absentContext',
  'assumed',
  'when',
];

function readCase(value: unknown, where: string): TableCase {
  const c = checkKeys(value, CASE_KEYS, where);
  if (typeof c.name !== 'string' || c.name === '') throw new Error(`${where}: missing name`);
  if (typeof c.source !== 'string' || !c.source.startsWith('https://docs.aws.amazon.com/'))
    throw new Error(`${where}: source must be an AWS documentation URL`);
  const input = checkKeys(c.input, INPUT_KEYS, `${where}/input`);
  if (typeof input.service !== 'string' || typeof input.operation !== 'string')
    throw new Error(`${where}: input needs service and operation`);
  const expected = checkKeys(c.expected, EXPECTED_KEYS, `${where}/expected`);
  if (!Array.isArray(expected.checks)) throw new Error(`${where}: expected.checks must be a list`);
  expected.checks.forEach((check, i) => {
    const k = checkKeys(check, CHECK_KEYS, `${where}/expected/checks/${i}`);
    if (typeof k.action !== 'string' || typeof k.resource !== 'string')
      throw new Error(`${where}/checks/${i}: needs action and resource`);
  });
  return c as unknown as TableCase;
}

/** All cases of all tables. */
function loadCallCases(): { file: string; cases: TableCase[] }[] {
  const directory = new URL('./cases/', import.meta.url);
  return readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
      if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of cases`);
      return { file, cases: raw.map((c, i) => readCase(c, `${file}#${i}`)) };
    });
}

function summary(check: CallCheck): string {
  return `${check.action} ${check.resource}`;
}

function assertCheck(actual: CallCheck, expected: ExpectedCheck): void {
  expect(summary(actual)).toBe(`${expected.action} ${expected.resource}`);
  if (expected.resourceType !== undefined) expect(actual.resourceType).toBe(expected.resourceType);
  for (const [key, value] of Object.entries(expected.context ?? {})) {
    expect(actual.context[key], `context ${key} of ${summary(actual)}`).toEqual(value);
  }
  if (expected.contextKeys !== undefined) {
    expect(Object.keys(actual.context).sort(), `context keys of ${summary(actual)}`).toEqual(
      [...expected.contextKeys].sort(),
    );
  }
  for (const key of expected.absentContext ?? []) {
    expect(actual.context, `${summary(actual)} must not carry ${key}`).not.toHaveProperty([key]);
  }
  expect([...actual.assumed].sort(), `assumed parts of ${summary(actual)}`).toEqual(
    [...(expected.assumed ?? [])].sort(),
  );
  for (const part of actual.assumed) expect(actual.assumedWhy[part], `reason for ${part}`).toBeTruthy();
  expect(actual.when).toBe(expected.when ?? 'call');
  expect(actual.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
}

describe.each(loadCallCases())('$file', ({ cases }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = expandCall(c.input);
    if (c.expected.rule !== undefined) expect(result.rule).toBe(c.expected.rule);
    expect(result.checks.map(summary)).toEqual(c.expected.checks.map((e) => `${e.action} ${e.resource}`));
    result.checks.forEach((check, i) => {
      const expected = c.expected.checks[i];
      if (expected !== undefined) assertCheck(check, expected);
    });
    const codes = result.notes.map((n) => n.code);
    for (const code of c.expected.notes ?? []) expect(codes).toContain(code);
  });
});
