/**
 * The fix planner's table (`plan-fixes.cases.json`): each case gives the caller's account (roles with
 * inline policies, a permissions boundary, a trust policy), the SCPs attached to the account, the
 * resource policies and the checks AWS denied. The harness builds the evidence from them, evaluates
 * the checks through the engine as `diagnose` does, plans the fixes, compares them with the expected
 * ones, then evaluates requests again with every planned document in place. Unknown keys are rejected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import type { Check } from '../calls/check.js';
import { governingFrom } from '../diagnose/diagnose.js';
import { evaluateChecks } from '../diagnose/evaluate-checks.js';
import { compilePolicySet, type PolicySetInput } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { Decision } from '../engine/evaluation-result.js';
import type { PolicyLayer } from '../engine/layers.js';
import { buildEvidence, type Evidence } from '../evidence/evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import type { FixOwner, FixProposal } from './fix-model.js';
import { type NoFix, planFixes } from './plan-fixes.js';
import { replacePolicy } from './replace-policy.js';

const ACCOUNT = '111122223333';

/** A role of the caller's account; its trust policy lets EC2 assume it unless the case says otherwise. */
interface RoleInput {
  readonly name: string;
  /** Inline policies by name. */
  readonly inline?: Readonly<Record<string, unknown>>;
  /** The document of its permissions boundary (a customer managed policy `<name>-boundary`). */
  readonly boundary?: unknown;
  readonly trust?: unknown;
}

interface CheckInput {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string>>;
}

interface ExpectedFix {
  readonly layer: PolicyLayer;
  readonly owner: FixOwner;
  /** The changed policy's name (its name in the set for resource and trust policies). */
  readonly policyName: string;
  readonly proposal: boolean;
  /** The finding indices the fix answers. */
  readonly findings: readonly number[];
  /** The statement added or changed, exactly. */
  readonly statement: Readonly<Record<string, unknown>>;
}

/** A request evaluated again by the same caller with every planned document in place. */
interface AfterFixes {
  readonly action: string;
  readonly resource: string;
  readonly decision: Decision;
}

interface PlanCase {
  readonly name: string;
  readonly source: string;
  readonly input: {
    /** The caller: a session of one of `roles`. */
    readonly principal: string;
    readonly roles: readonly RoleInput[];
    /** SCPs by name, attached to the account (beside `FullAWSAccess`, which root and account carry). */
    readonly scps?: Readonly<Record<string, unknown>>;
    readonly resourcePolicies?: readonly { readonly arn: string; readonly document: unknown }[];
    readonly checks: readonly CheckInput[];
  };
  readonly expected: {
    /** Every fix, in the planner's order. */
    readonly fixes: readonly ExpectedFix[];
    /** Every finding that gets no fix, in order. */
    readonly noFix: readonly Pick<NoFix, 'finding' | 'code'>[];
    readonly afterFixes?: readonly AfterFixes[];
  };
}

const CASE_KEYS = ['name', 'source', 'input', 'expected'];
const INPUT_KEYS = ['principal', 'roles', 'scps', 'resourcePolicies', 'checks'];
const ROLE_KEYS = ['name', 'inline', 'boundary', 'trust'];
const RESOURCE_POLICY_KEYS = ['arn', 'document'];
const CHECK_KEYS = ['action', 'resource', 'context'];
const EXPECTED_KEYS = ['fixes', 'noFix', 'afterFixes'];
const FIX_KEYS = ['layer', 'owner', 'policyName', 'proposal', 'findings', 'statement'];
const NO_FIX_KEYS = ['finding', 'code'];
const AFTER_KEYS = ['action', 'resource', 'decision'];

/** Checks every key of every level of a case, and that what the harness needs is there. */
function readCase(value: unknown, where: string): PlanCase {
  const c = checkKeys(value, CASE_KEYS, where);
  if (typeof c.name !== 'string' || c.name === '') throw new Error(`${where}: missing name`);
  if (typeof c.source !== 'string' || !c.source.startsWith('https://docs.aws.amazon.com/'))
    throw new Error(`${where}: source must be an AWS documentation URL`);
  const input = checkKeys(c.input, INPUT_KEYS, `${where}/input`);
  if (typeof input.principal !== 'string') throw new Error(`${where}/input: needs a principal`);
  list(input.roles, `${where}/input/roles`).forEach((r, i) => {
    const role = checkKeys(r, ROLE_KEYS, `${where}/input/roles/${i}`);
    if (typeof role.name !== 'string') throw new Error(`${where}/input/roles/${i}: needs a name`);
  });
  if (input.resourcePolicies !== undefined) {
    list(input.resourcePolicies, `${where}/input/resourcePolicies`).forEach((p, i) => {
      checkKeys(p, RESOURCE_POLICY_KEYS, `${where}/input/resourcePolicies/${i}`);
    });
  }
  list(input.checks, `${where}/input/checks`).forEach((k, i) => {
    const check = checkKeys(k, CHECK_KEYS, `${where}/input/checks/${i}`);
    if (typeof check.action !== 'string' || typeof check.resource !== 'string')
      throw new Error(`${where}/input/checks/${i}: needs action and resource`);
  });
  const expected = checkKeys(c.expected, EXPECTED_KEYS, `${where}/expected`);
  list(expected.fixes, `${where}/expected/fixes`).forEach((f, i) => {
    const fix = checkKeys(f, FIX_KEYS, `${where}/expected/fixes/${i}`);
    for (const key of FIX_KEYS)
      if (!(key in fix)) throw new Error(`${where}/expected/fixes/${i}: \`${key}\` is required`);
  });
  list(expected.noFix, `${where}/expected/noFix`).forEach((n, i) => {
    checkKeys(n, NO_FIX_KEYS, `${where}/expected/noFix/${i}`);
  });
  if (expected.afterFixes !== undefined) {
    list(expected.afterFixes, `${where}/expected/afterFixes`).forEach((a, i) => {
      checkKeys(a, AFTER_KEYS, `${where}/expected/afterFixes/${i}`);
    });
  }
  return c as unknown as PlanCase;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value;
}

function loadCases(): PlanCase[] {
  const raw: unknown = JSON.parse(readFileSync(new URL('./plan-fixes.cases.json', import.meta.url), 'utf8'));
  return list(raw, 'plan-fixes.cases.json').map((c, i) => readCase(c, `plan-fixes.cases.json#${i}`));
}

const FULL_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** The evidence of a case: the account's authorization details, the organization, the resource policies. */
function evidenceOf(input: PlanCase['input']): Evidence {
  const boundaryArn = (role: string) => `arn:aws:iam::${ACCOUNT}:policy/${role}-boundary`;
  const account = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: input.roles.map((role, i) => ({
      RoleName: role.name,
      RoleId: `AROAEXAMPLEROLE${i}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${role.name}`,
      Path: '/',
      AssumeRolePolicyDocument: role.trust ?? EC2_TRUST,
      RolePolicyList: Object.entries(role.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
        PolicyName,
        PolicyDocument,
      })),
      AttachedManagedPolicies: [],
      ...(role.boundary === undefined
        ? {}
        : {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: boundaryArn(role.name),
            },
          }),
    })),
    Policies: input.roles.flatMap((role) =>
      role.boundary === undefined
        ? []
        : [
            {
              PolicyName: `${role.name}-boundary`,
              Arn: boundaryArn(role.name),
              DefaultVersionId: 'v1',
              PolicyVersionList: [{ Document: role.boundary, VersionId: 'v1', IsDefaultVersion: true }],
            },
          ],
    ),
  };
  const organization =
    input.scps === undefined
      ? undefined
      : {
          managementAccountId: '999988887777',
          targets: { [ACCOUNT]: ['r-root'] },
          policies: [
            {
              id: 'p-fullaccess',
              name: 'FullAWSAccess',
              type: 'SERVICE_CONTROL_POLICY',
              document: FULL_ACCESS,
              targets: ['r-root', ACCOUNT],
            },
            ...Object.entries(input.scps).map(([name, document], i) => ({
              id: `p-case${i}`,
              name,
              type: 'SERVICE_CONTROL_POLICY',
              document,
              targets: [ACCOUNT],
            })),
          ],
        };
  const built = buildEvidence({
    accounts: [account],
    ...(organization === undefined ? {} : { organization }),
    resourcePolicies: input.resourcePolicies ?? [],
  });
  if (!built.ok) throw new Error(built.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return built.value;
}

function checkOf(principal: string, source: string, input: CheckInput): Check {
  return {
    principal,
    action: input.action,
    resource: input.resource,
    context: input.context ?? {},
    origin: 'call',
    resourceType: null,
    assumed: [],
    assumedWhy: {},
    when: 'call',
    why: 'the case says AWS denied it',
    source,
  };
}

/** The decision on a request with every planned document in place of the policy it changes. */
function decisionAfter(
  evidence: Evidence,
  principal: string,
  fixes: readonly FixProposal[],
  after: AfterFixes,
) {
  const set = policySetFor(evidence, { principal, action: after.action, resource: after.resource });
  let input: PolicySetInput = set.input;
  for (const fix of fixes) {
    const changed = [...set.provenance.values()].find(
      (p) => p.fix.layer === fix.layer && p.fix.target === fix.target && p.fix.policyName === fix.policyName,
    );
    if (changed !== undefined) input = replacePolicy(input, changed.fix, fix.document);
  }
  const compiled = compilePolicySet(input);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return evaluate(compiled.value, set.request, { trace: 'none' }).decision;
}

describe('planFixes', () => {
  it.each(loadCases().map((c) => [c.name, c] as const))('%s', (_, c) => {
    const evidence = evidenceOf(c.input);
    const checks = c.input.checks.map((k) => checkOf(c.input.principal, c.source, k));
    const evaluated = evaluateChecks(checks, governingFrom(evidence), {});
    expect(evaluated.unreadable).toEqual([]);
    expect(evaluated.findings.length, 'every check of a case is denied').toBe(checks.length);

    const planned = planFixes(evaluated.findings);
    expect(planned.none.map((n) => ({ finding: n.finding, code: n.code }))).toEqual(c.expected.noFix);
    expect(planned.fixes.map((f) => `${f.layer} ${f.policyName}`)).toEqual(
      c.expected.fixes.map((f) => `${f.layer} ${f.policyName}`),
    );
    c.expected.fixes.forEach((want, i) => {
      const fix = planned.fixes[i];
      expect(fix?.owner).toBe(want.owner);
      expect(fix?.proposal).toBe(want.proposal);
      expect(fix?.findings).toEqual(want.findings);
      expect(fix?.statement).toEqual(want.statement);
      expect(fix?.verification.allowsChecks).toBe(true);
    });
    for (const after of c.expected.afterFixes ?? []) {
      expect(
        decisionAfter(evidence, c.input.principal, planned.fixes, after),
        `${after.action} on ${after.resource} with the fixes`,
      ).toBe(after.decision);
    }
  });
});
