/**
 * The comparison's case table: `cases/compare.cases.json` holds pairs of policies and the rows the
 * comparison must find, one typed harness reads them and rejects unknown keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import { nodeCatalog } from '../../test/node-catalog.js';
import { compileWildcard } from '../matching/wildcard.js';
import { ALWAYS_LIMITS } from './compare-limits.js';
import { type AccessRow, COMPARE_LAYERS, type CompareLayer, type ConditionValue } from './compare-model.js';
import { comparePolicies } from './compare-policies.js';

/** A row as the table writes it: the statements by index. */
interface ExpectedRow {
  readonly action: string;
  readonly resource: string;
  readonly notResource?: readonly string[];
  readonly principal?: string;
  /** `{}` when omitted. */
  readonly conditions?: Readonly<Record<string, readonly ConditionValue[]>>;
  readonly statement: number | null;
  readonly deniedBy?: number;
}

interface CompareCase {
  readonly name: string;
  readonly input: {
    readonly layer?: CompareLayer;
    readonly old: unknown;
    readonly new: unknown;
    /** The comparison's limit of test points. */
    readonly maxPoints?: number;
  };
  readonly expected: {
    /** The new-access rows, exactly. */
    readonly newAccess?: readonly ExpectedRow[];
    readonly removedAccess?: readonly ExpectedRow[];
    /** The new-access actions are exactly the catalog's actions matching the pattern, less `except`. */
    readonly newAccessActions?: { readonly matching: string; readonly except?: readonly string[] };
    /** Every new-access row has these fields. */
    readonly newAccessEach?: Omit<ExpectedRow, 'action'>;
    /** The codes of the limits beyond those that always apply. */
    readonly limits?: readonly string[];
    /** The comparison fails with this diagnostic code. */
    readonly error?: string;
  };
}

const ROW_KEYS = ['action', 'resource', 'notResource', 'principal', 'conditions', 'statement', 'deniedBy'];

function readRows(value: unknown, where: string, keys = ROW_KEYS): void {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list of rows`);
  value.forEach((row, i) => {
    checkKeys(row, keys, `${where}/${i}`);
  });
}

function readCase(value: unknown, where: string): CompareCase {
  const c = checkKeys(value, ['name', 'input', 'expected'], where);
  if (typeof c.name !== 'string' || c.name === '') throw new Error(`${where}: missing name`);
  const input = checkKeys(c.input, ['layer', 'old', 'new', 'maxPoints'], `${where}/input`);
  if (input.layer !== undefined && !COMPARE_LAYERS.includes(input.layer as CompareLayer))
    throw new Error(`${where}: unknown layer`);
  const expected = checkKeys(
    c.expected,
    ['newAccess', 'removedAccess', 'newAccessActions', 'newAccessEach', 'limits', 'error'],
    `${where}/expected`,
  );
  if (expected.newAccess !== undefined) readRows(expected.newAccess, `${where}/expected/newAccess`);
  if (expected.removedAccess !== undefined)
    readRows(expected.removedAccess, `${where}/expected/removedAccess`);
  if (expected.newAccessActions !== undefined)
    checkKeys(expected.newAccessActions, ['matching', 'except'], `${where}/expected/newAccessActions`);
  if (expected.newAccessEach !== undefined)
    readRows([expected.newAccessEach], `${where}/expected/newAccessEach`, ROW_KEYS.slice(1));
  return c as unknown as CompareCase;
}

/** A row as the table writes it. */
function project(row: AccessRow): ExpectedRow {
  return {
    action: row.action,
    resource: row.resource,
    ...(row.notResource === undefined ? {} : { notResource: row.notResource }),
    ...(row.principal === undefined ? {} : { principal: row.principal }),
    conditions: row.conditions,
    statement: row.statement?.index ?? null,
    ...(row.deniedBy === undefined ? {} : { deniedBy: row.deniedBy.index }),
  };
}

function withConditions(row: ExpectedRow): ExpectedRow {
  return { ...row, conditions: row.conditions ?? {} };
}

const raw: unknown = JSON.parse(readFileSync(new URL('./cases/compare.cases.json', import.meta.url), 'utf8'));
if (!Array.isArray(raw)) throw new Error('compare.cases.json: expected a list of cases');
const cases = raw.map((c, i) => readCase(c, `compare.cases.json#${i}`));

describe('compare case table', () => {
  it('has unique names', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const catalog = nodeCatalog();
      const result = await comparePolicies(
        { name: 'old.json', policy: c.input.old },
        { name: 'new.json', policy: c.input.new },
        {
          catalog,
          ...(c.input.layer === undefined ? {} : { layer: c.input.layer }),
          ...(c.input.maxPoints === undefined ? {} : { maxPoints: c.input.maxPoints }),
        },
      );
      if (c.expected.error !== undefined) {
        expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual([c.expected.error]);
        return;
      }
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const { newAccess, removedAccess, limits } = result.value;
      const { expected } = c;
      if (expected.newAccess !== undefined)
        expect(newAccess.map(project)).toEqual(expected.newAccess.map(withConditions));
      if (expected.removedAccess !== undefined)
        expect(removedAccess.map(project)).toEqual(expected.removedAccess.map(withConditions));
      if (expected.newAccessActions !== undefined) {
        const { matching, except = [] } = expected.newAccessActions;
        const service = matching.slice(0, matching.indexOf(':'));
        const info = await catalog.service(service);
        const pattern = compileWildcard(matching, { ignoreCase: true });
        const wanted = (info?.actions() ?? [])
          .map((a) => a.fullName)
          .filter((name) => pattern.matches(name) && !except.includes(name))
          .sort();
        expect(wanted.length).toBeGreaterThan(0);
        expect([...new Set(newAccess.map((r) => r.action))].sort()).toEqual(wanted);
      }
      if (expected.newAccessEach !== undefined) {
        const each = withConditions({ action: '', ...expected.newAccessEach });
        for (const row of newAccess) expect(project(row)).toEqual({ ...each, action: row.action });
      }
      expect(limits.slice(0, ALWAYS_LIMITS.length)).toEqual(ALWAYS_LIMITS);
      expect(limits.slice(ALWAYS_LIMITS.length).map((l) => l.code)).toEqual(
        expected.limits ??
          (c.input.layer === 'resource' || c.input.layer === 'rcp' ? ['example-principals'] : []),
      );
    });
  }
});
