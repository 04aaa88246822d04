/**
 * The engine's case table: every JSON file under `cases/` holds cases that each encode one
 * statement or example of the AWS documentation (cited in `source` by one of the spec's source keys,
 * or by the URL of the AWS documentation page). One typed harness reads them all and rejects unknown
 * keys, so a typo cannot silently skip a check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import type { BuiltInDecision } from './built-in-rules.js';
import { compilePolicySet } from './compile-policy-set.js';
import { toSimulateJson } from './contract-output.js';
import { evaluate } from './evaluate.js';
import type { Decision, StatementSummary } from './evaluation-result.js';
import type { LayerName } from './layers.js';
import { parseSimulationCase } from './simulation-case.js';

interface ExpectedResult {
  readonly decision: Decision;
  readonly layer: LayerName | null;
  /** When given, the contract `statements` must equal this list exactly. */
  readonly statements?: readonly StatementSummary[];
  /** The built-in rule that decided; when not given, no built-in rule may have decided. */
  readonly builtIn?: BuiltInDecision;
}

interface TableCase {
  readonly name: string;
  readonly source: string;
  readonly input: unknown;
  /** One result for a `request`, a list for `requests`. */
  readonly expected: ExpectedResult | readonly ExpectedResult[];
}

const CASE_KEYS = ['name', 'source', 'input', 'expected'];
const EXPECTED_KEYS = ['decision', 'layer', 'statements', 'builtIn'];
const BUILT_IN_KEYS = ['id', 'effect'];

/** The source keys of the spec's table (`| KEY | https://… |` rows of docs/aws-authorization.md). */
const SOURCE_KEYS = new Set(
  [
    ...readFileSync(new URL('../../../../docs/aws-authorization.md', import.meta.url), 'utf8').matchAll(
      /^\| ([A-Z][A-Z0-9-]+) \| https:\/\//gm,
    ),
  ].map((m) => m[1] as string),
);

/** An AWS documentation page (`.html`, optionally with a `#fragment`), alone or followed by a note. */
const AWS_PAGE = /^https:\/\/docs\.aws\.amazon\.com\/[A-Za-z0-9._/-]+\.html(#[A-Za-z0-9_.-]+)?(?: \S.*)?$/;

/** Whether `source` cites a source key of the spec's table, or an AWS documentation page. */
function citesSource(source: string): boolean {
  if (AWS_PAGE.test(source)) return true;
  const key = /^([A-Z][A-Z0-9-]+)\b/.exec(source)?.[1];
  return key !== undefined && SOURCE_KEYS.has(key);
}
const DECISIONS = ['Allowed', 'ExplicitDeny', 'ImplicitDeny'];
const LAYERS = [
  'rcp',
  'scp',
  'resource',
  'identity',
  'permissions-boundary',
  'session',
  'vpc-endpoint',
  null,
];

function readExpected(value: unknown, where: string): ExpectedResult {
  const e = checkKeys(value, EXPECTED_KEYS, where);
  if (!DECISIONS.includes(e.decision as string)) throw new Error(`${where}: bad decision`);
  if (!LAYERS.includes(e.layer as string | null)) throw new Error(`${where}: bad layer`);
  if ((e.decision === 'Allowed') !== (e.layer === null))
    throw new Error(`${where}: layer must be null exactly when allowed`);
  if (e.builtIn !== undefined) {
    const b = checkKeys(e.builtIn, BUILT_IN_KEYS, `${where}/builtIn`);
    if (typeof b.id !== 'string' || typeof b.effect !== 'string')
      throw new Error(`${where}/builtIn: needs an id and an effect`);
  }
  return e as unknown as ExpectedResult;
}

function readCase(value: unknown, where: string): TableCase {
  const c = checkKeys(value, CASE_KEYS, where);
  if (typeof c.name !== 'string' || c.name === '') throw new Error(`${where}: missing name`);
  if (typeof c.source !== 'string' || !citesSource(c.source))
    throw new Error(
      `${where}: source must start with a source key of docs/aws-authorization.md or be an AWS documentation page`,
    );
  if (c.input === undefined) throw new Error(`${where}: missing input`);
  const expected = Array.isArray(c.expected)
    ? c.expected.map((e, i) => readExpected(e, `${where}/expected/${i}`))
    : readExpected(c.expected, `${where}/expected`);
  return { name: c.name, source: c.source, input: c.input, expected };
}

const directory = new URL('./cases/', import.meta.url);
const files = readdirSync(directory)
  .filter((f) => f.endsWith('.json'))
  .sort();
const tables = files.map((file) => {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of cases`);
  return { file, cases: raw.map((c, i) => readCase(c, `${file}#${i}`)) };
});

describe('engine case table', () => {
  it('has at least 300 cases with unique names', () => {
    const names = tables.flatMap((t) => t.cases.map((c) => c.name));
    expect(names.length).toBeGreaterThanOrEqual(300);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const { file, cases } of tables) {
    describe(file, () => {
      for (const c of cases) {
        it(`${c.name} [${c.source}]`, () => {
          const parsed = parseSimulationCase(c.input);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
          const compiled = compilePolicySet(parsed.value.policies);
          if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
          const expectedList = Array.isArray(c.expected) ? c.expected : [c.expected];
          expect(parsed.value.requests.length).toBe(expectedList.length);
          parsed.value.requests.forEach((request, i) => {
            const expected = expectedList[i] as ExpectedResult;
            const actual = toSimulateJson(evaluate(compiled.value, request));
            expect({ decision: actual.decision, layer: actual.layer }).toEqual({
              decision: expected.decision,
              layer: expected.layer,
            });
            if (expected.statements !== undefined) expect(actual.statements).toEqual(expected.statements);
            expect(actual.builtIn).toEqual(expected.builtIn);
            // the full trace must reach the same decision
            const fullTrace = evaluate(compiled.value, request, { trace: 'full' });
            expect(fullTrace.decision).toBe(expected.decision);
          });
        });
      }
    });
  }
});
