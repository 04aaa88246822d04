import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../test/node-catalog.js';
import type { Severity } from '../../diagnostics/diagnostic.js';
import { parsePolicy } from '../../policy/parse-policy.js';
import { lintPolicy } from '../lint-policy.js';
import { LINT_POLICY_KINDS, type LintContext, type LintPolicyKind, type LintRule } from '../lint-rule.js';
import { LINT_RULES } from './index.js';

/** One expected finding of a flagged case; `data` lists only the fields the case pins. */
interface ExpectedFinding {
  readonly path: string;
  readonly messageId: string;
  readonly severity?: Severity;
  readonly data?: Readonly<Record<string, string>>;
}

interface RuleCase {
  readonly name: string;
  readonly kind?: LintPolicyKind;
  readonly policy: unknown;
  readonly expect?: readonly ExpectedFinding[];
}

interface RuleTable {
  readonly rule: string;
  readonly flagged: readonly RuleCase[];
  readonly quiet: readonly RuleCase[];
}

const DIRECTORY = new URL('./', import.meta.url);

function only(value: unknown, keys: readonly string[], where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where}: not an object`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new Error(`${where}: unknown key \`${key}\``);
  }
  return value as Record<string, unknown>;
}

/** Reads and validates one table; unknown keys and wrong types are errors, not silently ignored. */
function readTable(file: string): RuleTable {
  const raw = only(
    JSON.parse(readFileSync(new URL(file, DIRECTORY), 'utf8')),
    ['rule', 'flagged', 'quiet'],
    file,
  );
  const cases = (list: unknown, flagged: boolean): RuleCase[] => {
    if (!Array.isArray(list) || list.length === 0)
      throw new Error(`${file}: needs ${flagged ? 'flagged' : 'quiet'} cases`);
    return list.map((item, i) => {
      const where = `${file} ${flagged ? 'flagged' : 'quiet'}[${i}]`;
      const c = only(
        item,
        flagged ? ['name', 'kind', 'policy', 'expect'] : ['name', 'kind', 'policy'],
        where,
      );
      if (typeof c.name !== 'string') throw new Error(`${where}: name must be a string`);
      if (c.kind !== undefined && !LINT_POLICY_KINDS.includes(c.kind as LintPolicyKind))
        throw new Error(`${where}: unknown kind`);
      if (!flagged) return c as unknown as RuleCase;
      if (!Array.isArray(c.expect) || c.expect.length === 0)
        throw new Error(`${where}: expect must list findings`);
      c.expect.forEach((e, j) => {
        const f = only(e, ['path', 'messageId', 'severity', 'data'], `${where}.expect[${j}]`);
        if (typeof f.path !== 'string' || typeof f.messageId !== 'string')
          throw new Error(`${where}: bad expect`);
      });
      return c as unknown as RuleCase;
    });
  };
  if (typeof raw.rule !== 'string') throw new Error(`${file}: rule must be a string`);
  return { rule: raw.rule, flagged: cases(raw.flagged, true), quiet: cases(raw.quiet, false) };
}

async function runRule(rule: LintRule, c: RuleCase) {
  const kind = c.kind ?? (JSON.stringify(c.policy).includes('"Principal') ? 'resource' : 'identity');
  const parsed = parsePolicy(c.policy, {
    kind: kind === 'resource' || kind === 'rcp' ? 'resource' : 'identity',
  });
  if (!parsed.ok) throw new Error(`${c.name}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const prefixes = new Set<string>();
  const text = JSON.stringify(c.policy);
  for (const m of text.matchAll(/"([a-z0-9-]+):/gi)) prefixes.add((m[1] ?? '').toLowerCase());
  for (const m of text.matchAll(/arn:aws:([a-z0-9-]+):/g)) prefixes.add(m[1] ?? '');
  const context: LintContext = {
    policy: parsed.value,
    kind,
    catalog: await nodeCatalog().snapshot(prefixes),
    raw: c.policy,
    sourceText: JSON.stringify(c.policy, null, 2),
  };
  return rule.meta.kinds.includes(kind) ? rule.check(context) : [];
}

const tables = readdirSync(DIRECTORY)
  .filter((f) => f.endsWith('.cases.json'))
  .sort()
  .map(readTable);

describe('rule registry', () => {
  it('registers every rule under its own id', () => {
    for (const [id, rule] of Object.entries(LINT_RULES)) expect(rule.meta.id).toBe(id);
  });
  it('has one table per rule, and no table without a rule', () => {
    expect(tables.map((t) => t.rule).sort()).toEqual(Object.keys(LINT_RULES).sort());
  });
  it('writes messages in the house style', () => {
    for (const rule of Object.values(LINT_RULES)) {
      expect(rule.meta.docsUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      for (const template of Object.values(rule.meta.messages)) {
        expect(template.message.charAt(0)).not.toMatch(/[A-Z]/);
        expect(template.message.endsWith('.')).toBe(false);
      }
    }
  });
});

for (const table of tables) {
  const rule = LINT_RULES[table.rule];
  describe(table.rule, () => {
    it.each(table.flagged.map((c) => [c.name, c] as const))('flags: %s', async (_name, c) => {
      if (rule === undefined) throw new Error(`no rule ${table.rule}`);
      const findings = await runRule(rule, c);
      expect(findings.map((f) => ({ path: f.path, messageId: f.messageId }))).toEqual(
        (c.expect ?? []).map((e) => ({ path: e.path, messageId: e.messageId })),
      );
      (c.expect ?? []).forEach((e, i) => {
        const f = findings[i];
        if (e.severity !== undefined) expect(f?.severity ?? rule.meta.severity).toBe(e.severity);
        if (e.data !== undefined) expect(f?.data).toMatchObject(e.data);
      });
    });
    it.each(table.quiet.map((c) => [c.name, c] as const))('quiet: %s', async (_name, c) => {
      if (rule === undefined) throw new Error(`no rule ${table.rule}`);
      expect(await runRule(rule, c)).toEqual([]);
    });
  });
}

describe('message prose', () => {
  it('renders every flagged case the same way (snapshot)', async () => {
    const lines: string[] = [];
    for (const table of tables) {
      const rule = LINT_RULES[table.rule];
      if (rule === undefined) continue;
      for (const c of table.flagged) {
        const result = await lintPolicy(c.policy, nodeCatalog(), {
          kind: c.kind ?? 'auto',
          rules: { [table.rule]: rule },
        });
        for (const d of result.diagnostics)
          lines.push(`${d.severity} ${d.code} ${d.path}: ${d.message}\n  help: ${d.help}`);
      }
    }
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
