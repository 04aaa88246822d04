/**
 * The who-can case table (`cases/who-can.cases.json`): each case describes accounts compactly (users
 * and roles with their inline policies, boundaries, tags and trust policies), an organization
 * snapshot, resource policies and context, asks who can make one request, and states every principal
 * listed, with the fields that matter to it. One typed harness reads them all and rejects unknown keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AccountSpec, accountDetails } from '../../test/account-details.js';
import { checkKeys } from '../../test/case-table.js';
import { buildEvidence } from '../evidence/evidence.js';
import { type WhoCanRow, whoCan } from './who-can.js';

interface ExpectedRow {
  readonly principal: string;
  readonly access: 'allowed' | 'conditional';
  readonly kind?: string;
  readonly source?: string;
  readonly identity?: string;
  readonly resourceGrant?: string | null;
  /** `layer policy sid` (`-` for no sid), in any order, exactly. */
  readonly statements?: readonly string[];
  readonly categories?: readonly string[];
  /** `effect layer operator key values` (`requires` or `unless`; values joined by `,`), in any order, exactly. */
  readonly conditions?: readonly string[];
  readonly sessionTags?: readonly string[];
  readonly sessionConditions?: readonly string[];
  /** Context values the example request holds. */
  readonly example?: Readonly<Record<string, string>>;
}

interface WhoCanCase {
  readonly name: string;
  readonly accounts: readonly AccountSpec[];
  readonly org?: unknown;
  readonly resourcePolicies?: readonly { readonly arn: string; readonly document: unknown }[];
  readonly context?: Readonly<Record<string, string>>;
  readonly query: { readonly action: string; readonly resource: string };
  readonly expected: {
    readonly principals: readonly ExpectedRow[];
    readonly evaluated?: number;
    readonly missing?: readonly string[];
  };
}

const CASE_KEYS = ['name', 'accounts', 'org', 'resourcePolicies', 'context', 'query', 'expected'];
const EXPECTED_KEYS = ['principals', 'evaluated', 'missing'];
const ROW_KEYS = [
  'principal',
  'access',
  'kind',
  'source',
  'identity',
  'resourceGrant',
  'statements',
  'categories',
  'conditions',
  'sessionTags',
  'sessionConditions',
  'example',
];

function loadCases(): WhoCanCase[] {
  const url = new URL('./cases/who-can.cases.json', import.meta.url);
  const raw = JSON.parse(readFileSync(url, 'utf8')) as unknown[];
  return raw.map((item, i) => {
    const where = `who-can.cases.json case ${i}`;
    const c = checkKeys(item, CASE_KEYS, where);
    checkKeys(c.expected, EXPECTED_KEYS, `${where} expected`);
    for (const row of (c.expected as { principals: unknown[] }).principals)
      checkKeys(row, ROW_KEYS, `${where} expected row`);
    return c as unknown as WhoCanCase;
  });
}

const sorted = (values: readonly string[]) => [...values].sort();

function checkRow(row: WhoCanRow, want: ExpectedRow): void {
  expect(row.access, 'access').toBe(want.access);
  if (want.kind !== undefined) expect(row.kind, 'kind').toBe(want.kind);
  if (want.source !== undefined) expect(row.source, 'source').toBe(want.source);
  if (want.identity !== undefined) expect(row.identity, 'identity').toBe(want.identity);
  if (want.resourceGrant !== undefined) expect(row.resourceGrant, 'resourceGrant').toBe(want.resourceGrant);
  if (want.statements !== undefined) {
    expect(sorted(row.statements.map((s) => `${s.layer} ${s.policy} ${s.sid ?? '-'}`))).toEqual(
      sorted(want.statements),
    );
  }
  if (want.categories !== undefined) expect(row.categories).toEqual(sorted(want.categories));
  if (want.conditions !== undefined) {
    expect(
      sorted(
        row.conditions.map((c) => `${c.effect} ${c.layer} ${c.operator} ${c.key} ${c.values.join(',')}`),
      ),
    ).toEqual(sorted(want.conditions));
  }
  if (want.sessionTags !== undefined) expect(row.session?.tags).toEqual(want.sessionTags);
  if (want.sessionConditions !== undefined) expect(row.session?.conditions).toEqual(want.sessionConditions);
  if (want.example !== undefined) expect(row.example.context).toMatchObject(want.example);
}

describe('who-can cases', () => {
  for (const c of loadCases()) {
    it(c.name, () => {
      const evidence = buildEvidence({
        accounts: c.accounts.map(accountDetails),
        ...(c.org === undefined ? {} : { organization: c.org }),
        resourcePolicies: c.resourcePolicies ?? [],
        context: c.context ?? {},
      });
      if (!evidence.ok) throw new Error(JSON.stringify(evidence.diagnostics));
      const result = whoCan(evidence.value, c.query);
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const rows = result.value.principals;
      expect(rows.map((r) => r.principal)).toEqual(c.expected.principals.map((p) => p.principal));
      for (const [i, want] of c.expected.principals.entries()) checkRow(rows[i] as WhoCanRow, want);
      if (c.expected.evaluated !== undefined) expect(result.value.evaluated).toBe(c.expected.evaluated);
      if (c.expected.missing !== undefined)
        expect(sorted(result.value.missing.map((m) => m.code))).toEqual(sorted(c.expected.missing));
      expect(result.value.problems).toEqual([]);
    });
  }

  it('says which principals it left out because it did not try every combination of open values', () => {
    const evidence = buildEvidence({
      accounts: [
        accountDetails({
          id: '111122223333',
          users: [
            {
              name: 'mfa',
              policies: [
                {
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Effect: 'Allow',
                      Action: 'sqs:SendMessage',
                      Resource: '*',
                      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                    },
                  ],
                },
              ],
            },
          ],
        }),
      ],
    });
    if (!evidence.ok) throw new Error(JSON.stringify(evidence.diagnostics));
    const query = { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:111122223333:orders' };
    const cut = whoCan(evidence.value, query, { maxCombinations: 1 });
    if (!cut.ok) throw new Error(JSON.stringify(cut.diagnostics));
    expect(cut.value.principals).toEqual([]);
    expect(cut.value.problems.map((p) => p.principal)).toEqual(['arn:aws:iam::111122223333:user/mfa']);
    const whole = whoCan(evidence.value, query);
    if (!whole.ok) throw new Error(JSON.stringify(whole.diagnostics));
    expect(whole.value.principals.map((p) => p.access)).toEqual(['conditional']);
    expect(whole.value.problems).toEqual([]);
  });

  it('refuses a query that is not one action on one resource', () => {
    const evidence = buildEvidence({});
    if (!evidence.ok) throw new Error('no evidence');
    const result = whoCan(evidence.value, { action: 's3:Get*', resource: 'bucket' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.diagnostics.map((d) => d.code)).toEqual(['who-can-action', 'who-can-resource']);
  });
});
