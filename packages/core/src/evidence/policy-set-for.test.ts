/**
 * The evidence case table: each JSON file under `cases/` holds cases that assemble a policy set from
 * the fixtures under `fixtures/` (account files as the CLI prints them and as the API returns them,
 * an organization snapshot, resource policies) and state the policy names, levels, provenance,
 * context, missing evidence and, where given, the engine's decision on the assembled set.
 * One typed harness reads them all and rejects unknown keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import { compilePolicySet } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { Decision } from '../engine/evaluation-result.js';
import type { LayerName } from '../engine/layers.js';
import { buildEvidence, type Evidence } from './evidence.js';
import { policySetFor } from './policy-set-for.js';

interface ExpectedProvenance {
  readonly layer: string;
  readonly kind: string;
  readonly operation: string | null;
  readonly target: string;
  readonly owner: string;
  readonly attachedAt?: string;
  readonly attachedTo?: readonly string[];
}

interface Expected {
  readonly identityPolicies: readonly string[];
  readonly permissionsBoundary: string | null;
  readonly scps: readonly (readonly string[])[] | null;
  readonly rcps: readonly (readonly string[])[] | null;
  readonly resourcePolicy: string | null;
  readonly resourceAccount: string | null;
  readonly managementAccountId: string | null;
  readonly sessionIssuer: string | null;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly missing: readonly string[];
  readonly provenance?: Readonly<Record<string, ExpectedProvenance>>;
  readonly decision?: { readonly decision: Decision; readonly layer: LayerName | null };
}

interface EvidenceCase {
  readonly name: string;
  readonly accounts: readonly string[];
  readonly org?: string;
  readonly resourcePolicies?: readonly { readonly arn: string; readonly file: string }[];
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  readonly request: { readonly principal: string; readonly action: string; readonly resource: string };
  readonly expected: Expected;
}

const CASE_KEYS = ['name', 'accounts', 'org', 'resourcePolicies', 'context', 'request', 'expected'];
const REQUIRED_EXPECTED = [
  'identityPolicies',
  'permissionsBoundary',
  'scps',
  'rcps',
  'resourcePolicy',
  'resourceAccount',
  'managementAccountId',
  'sessionIssuer',
  'context',
  'missing',
];
const EXPECTED_KEYS = [...REQUIRED_EXPECTED, 'provenance', 'decision'];
const PROVENANCE_KEYS = ['layer', 'kind', 'operation', 'target', 'owner', 'attachedAt', 'attachedTo'];

function readCase(value: unknown, where: string): EvidenceCase {
  const c = checkKeys(value, CASE_KEYS, where);
  if (typeof c.name !== 'string' || c.name === '') throw new Error(`${where}: missing name`);
  if (!Array.isArray(c.accounts)) throw new Error(`${where}: accounts must be a list of fixture files`);
  checkKeys(c.request, ['principal', 'action', 'resource'], `${where}/request`);
  const e = checkKeys(c.expected, EXPECTED_KEYS, `${where}/expected`);
  for (const key of REQUIRED_EXPECTED) {
    if (!(key in e)) throw new Error(`${where}/expected: \`${key}\` is required`);
  }
  for (const [name, p] of Object.entries((e.provenance ?? {}) as Record<string, unknown>)) {
    const entry = checkKeys(p, PROVENANCE_KEYS, `${where}/expected/provenance/${name}`);
    for (const key of ['layer', 'kind', 'operation', 'target', 'owner'])
      if (!(key in entry)) throw new Error(`${where}/expected/provenance/${name}: \`${key}\` is required`);
  }
  if (e.decision !== undefined) checkKeys(e.decision, ['decision', 'layer'], `${where}/expected/decision`);
  for (const [i, p] of ((c.resourcePolicies ?? []) as unknown[]).entries())
    checkKeys(p, ['arn', 'file'], `${where}/resourcePolicies/${i}`);
  return c as unknown as EvidenceCase;
}

const fixtures = new URL('./fixtures/', import.meta.url);
const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8'));

function evidenceOf(c: EvidenceCase): Evidence {
  const built = buildEvidence({
    accounts: c.accounts.map(fixture),
    ...(c.org === undefined ? {} : { organization: fixture(c.org) }),
    resourcePolicies: (c.resourcePolicies ?? []).map((p) => ({ arn: p.arn, document: fixture(p.file) })),
    context: c.context ?? {},
  });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return built.value;
}

const directory = new URL('./cases/', import.meta.url);
const tables = readdirSync(directory)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
    if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of cases`);
    return { file, cases: raw.map((c, i) => readCase(c, `${file}#${i}`)) };
  });

describe('evidence case table', () => {
  it('has unique case names and exercises the engine', () => {
    const all = tables.flatMap((t) => t.cases);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect(all.filter((c) => c.expected.decision !== undefined).length).toBeGreaterThanOrEqual(10);
  });

  for (const { file, cases } of tables) {
    describe(file, () => {
      for (const c of cases) {
        it(c.name, () => {
          const set = policySetFor(evidenceOf(c), c.request);
          const { input } = set;
          const names = (list: readonly { name: string }[] | undefined) => (list ?? []).map((p) => p.name);
          const e = c.expected;
          expect({
            identityPolicies: names(input.identityPolicies),
            permissionsBoundary: input.permissionsBoundary?.name ?? null,
            scps: input.scps?.map(names) ?? null,
            rcps: input.rcps?.map(names) ?? null,
            resourcePolicy: input.resourcePolicy?.name ?? null,
            resourceAccount: input.resourceAccount ?? null,
            managementAccountId: input.managementAccountId ?? null,
            sessionIssuer: set.sessionIssuer,
            context: set.contextFromEvidence,
            missing: set.missing.map((m) => m.code),
          }).toEqual({
            identityPolicies: e.identityPolicies,
            permissionsBoundary: e.permissionsBoundary,
            scps: e.scps,
            rcps: e.rcps,
            resourcePolicy: e.resourcePolicy,
            resourceAccount: e.resourceAccount,
            managementAccountId: e.managementAccountId,
            sessionIssuer: e.sessionIssuer,
            context: e.context,
            missing: e.missing,
          });
          // every policy of the set has provenance, under the same name
          const allNames = [
            ...names(input.identityPolicies),
            ...(input.permissionsBoundary ? [input.permissionsBoundary.name] : []),
            ...(input.scps ?? []).flatMap(names),
            ...(input.rcps ?? []).flatMap(names),
            ...(input.resourcePolicy ? [input.resourcePolicy.name] : []),
          ];
          expect(new Set(allNames).size).toBe(allNames.length);
          expect([...set.provenance.keys()].sort()).toEqual([...allNames].sort());
          for (const m of set.missing) {
            expect(m.message).toMatch(/^[a-z`]/);
            expect(m.message).not.toMatch(/\.$/);
            expect(m.command).toMatch(/^aws /);
          }
          for (const [name, want] of Object.entries(e.provenance ?? {})) {
            const got = set.provenance.get(name);
            if (got === undefined) throw new Error(`no provenance for \`${name}\``);
            const origin = got.origin as Record<string, unknown>;
            expect({
              layer: got.layer,
              kind: got.origin.kind,
              operation: got.fix.operation,
              target: got.fix.target,
              owner: got.fix.owner,
              ...(want.attachedAt === undefined ? {} : { attachedAt: origin.attachedAt }),
              ...(want.attachedTo === undefined
                ? {}
                : { attachedTo: (origin.attachedTo as { arn: string }[]).map((r) => r.arn) }),
            }).toEqual(want);
          }
          if (e.decision !== undefined) {
            const compiled = compilePolicySet(input);
            if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
            const result = evaluate(compiled.value, set.request);
            expect({ decision: result.decision, layer: result.layer }).toEqual(e.decision);
          }
        });
      }
    });
  }
});
