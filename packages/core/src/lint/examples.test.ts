import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { LINT_POLICY_KINDS, type LintPolicyKind } from './lint-rule.js';
import { lintPolicyText } from './lint-text.js';

/** One AWS documentation example policy and what lint must say about it. */
interface DocExample {
  readonly file: string;
  /** The AWS page the policy is copied from. */
  readonly url: string;
  readonly kind: LintPolicyKind;
  /** True when the page itself says the example does not work. */
  readonly meantToBeWrong: boolean;
  /** The exact finding codes expected, sorted; `[]` for a quiet example. */
  readonly expect: readonly string[];
  /** Why a correct example has findings, or why a wrong one has none. */
  readonly note?: string;
}

const KEYS = ['file', 'url', 'kind', 'meantToBeWrong', 'expect', 'note'];
const table = JSON.parse(readFileSync(new URL('./examples/examples.json', import.meta.url), 'utf8')) as {
  examples: DocExample[];
};

function validate(e: DocExample): void {
  for (const key of Object.keys(e))
    if (!KEYS.includes(key)) throw new Error(`${e.file}: unknown key \`${key}\``);
  if (!/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//.test(e.url))
    throw new Error(`${e.file}: cite an AWS page`);
  if (!LINT_POLICY_KINDS.includes(e.kind)) throw new Error(`${e.file}: unknown kind`);
  // a correct example may only be flagged with an explanation, and never with an error
  if (!e.meantToBeWrong && e.expect.length > 0 && e.note === undefined)
    throw new Error(`${e.file}: explain the findings`);
  if (e.meantToBeWrong && e.expect.length === 0 && e.note === undefined)
    throw new Error(`${e.file}: explain the miss`);
}

describe('AWS documentation example policies', () => {
  it('has a valid table', () => {
    expect(table.examples.length).toBeGreaterThanOrEqual(15);
    table.examples.forEach(validate);
  });
  it.each(table.examples.map((e) => [e.file, e] as const))('%s', async (_file, e) => {
    const text = readFileSync(new URL(`./examples/${e.file}`, import.meta.url), 'utf8');
    const result = await lintPolicyText(text, nodeCatalog(), { kind: e.kind });
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    const { findings } = result.value;
    expect(findings.map((f) => f.code).sort()).toEqual([...e.expect].sort());
    if (!e.meantToBeWrong) expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
