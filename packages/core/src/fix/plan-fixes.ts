import { createTwoFilesPatch } from 'diff';
import {
  type EvaluatedFinding,
  type FailedCondition,
  findingFromResult,
} from '../diagnose/evaluate-checks.js';
import { compilePolicySet, namedPolicies, type PolicySetInput } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { PolicyProvenance } from '../evidence/provenance.js';
import { parseArn } from '../matching/arn.js';
import { applyCommand } from './apply-command.js';
import { isCallProperty, ORIGIN_KEYS } from './call-properties.js';
import { type EditableDocument, toEditable } from './edit-document.js';
import type { FixProposal, FixTarget } from './fix-model.js';
import { applyChange, type FixChange, isProposalChange, pretty } from './propose-fix.js';
import { replacePolicy } from './replace-policy.js';
import { verifyFix } from './verify-fix.js';

/** A finding that gets no fix, and why: who must act instead. */
export interface NoFix {
  readonly finding: number;
  readonly code:
    | 'session-policy'
    | 'vpc-endpoint'
    | 'scp-level-without-allow'
    | 'not-editable'
    | 'not-verified'
    | 'no-target'
    | 'context-unknown'
    | 'request-origin'
    | 'aws-rule';
  readonly message: string;
}

/** A verified fix: the proposal, the findings it answers and the document it replaces (`null`: created). */
export interface PlannedFix extends FixProposal {
  readonly findings: readonly number[];
  readonly before: EditableDocument | null;
}

/** The changes planned for one policy, accumulated over every finding that needs it. */
interface PlannedChange {
  readonly target: FixTarget;
  /** The document as given; `null` for a policy to create. */
  readonly original: EditableDocument | null;
  readonly document: EditableDocument;
  readonly statement: Record<string, unknown>;
  readonly exempt: boolean;
  readonly findings: Set<number>;
}

/** How many layers one check may need changed (identity, boundary, resource policy, SCP...). */
const MAX_LAYERS = 4;

/**
 * Plans and verifies the fixes for a diagnosis. For each finding the policy that must change is
 * edited (an added narrowest allow for a missing one, a proposed exemption for an explicit deny); the
 * check is evaluated again with the edit, and while another layer still denies it, that layer's
 * policy is edited too: AWS names one policy type at a time, the fix covers all of them. Edits of the
 * same policy accumulate into one new document. A planned document is shown only when the engine
 * allows every check it answers with all edits applied, and, for an added allow, no nearby probe
 * request becomes allowed.
 */
export function planFixes(findings: readonly EvaluatedFinding[]): {
  fixes: PlannedFix[];
  none: NoFix[];
} {
  const planned = new Map<string, PlannedChange>();
  const none: NoFix[] = [];
  for (const [i, finding] of findings.entries()) findingIndexes.set(finding, i);
  findings.forEach((finding, i) => {
    if (finding.builtIn?.effect === 'deny') {
      // AWS refuses it whatever the policies say: no policy change can allow it
      none.push({
        finding: i,
        code: 'aws-rule',
        message: `${finding.builtIn.explanation}; ${finding.builtIn.advice}`,
      });
      return;
    }
    if (finding.dependsOn.length > 0) {
      none.push({
        finding: i,
        code: 'context-unknown',
        message: unknownValueMessage(finding),
      });
      return;
    }
    const reason = planFinding(finding, planned);
    if (reason !== null) none.push({ finding: i, ...reason });
  });
  const fixes: PlannedFix[] = [];
  for (const change of planned.values()) {
    const answered = [...change.findings].map((i) => findings[i] as EvaluatedFinding);
    const verification = verifyPlanned(answered, planned, change);
    if (!verification.allowsChecks || (!change.exempt && verification.widened.length > 0)) {
      const why = verification.allowsChecks
        ? `the change would also allow ${verification.widened.join(', ')}`
        : 'with every planned change the request is still denied';
      for (const i of change.findings) none.push({ finding: i, code: 'not-verified', message: why });
      continue;
    }
    const before = change.original === null ? '' : pretty(change.original);
    const { target } = change;
    fixes.push({
      layer: target.layer,
      target: target.target,
      owner: target.owner,
      kind: target.kind,
      policyName: target.policyName,
      document: change.document,
      diff: createTwoFilesPatch(
        `${target.setName} (current)`,
        `${target.setName} (fixed)`,
        before,
        pretty(change.document),
      ),
      command: applyCommand(target),
      statement: change.statement,
      verification,
      proposal: target.owner !== 'account' || change.exempt,
      findings: [...change.findings].sort((a, b) => a - b),
      before: change.original,
    });
  }
  return { fixes, none };
}

/** Edits policies until the finding's check is allowed; returns why not when it cannot be. */
function planFinding(
  finding: EvaluatedFinding,
  planned: Map<string, PlannedChange>,
): Omit<NoFix, 'finding'> | null {
  for (let step = 0; step < MAX_LAYERS; step++) {
    const set = withPlanned(finding.governing.input, planned);
    const compiled = compilePolicySet(set);
    if (!compiled.ok) return { code: 'not-verified', message: 'a planned document does not compile' };
    const result = evaluate(compiled.value, finding.request, { trace: 'relevant' });
    const current = findingFromResult(
      finding.check,
      finding.request,
      { ...finding.governing, input: set },
      result,
    );
    if (current === null) {
      // allowed by the changes planned for earlier findings: each change it cannot do without answers it too
      if (step === 0) attribute(finding, set, planned);
      return null;
    }
    const plan = planOf(current);
    if ('code' in plan) return plan;
    const existing = planned.get(plan.target.setName);
    const base = existing?.document ?? toEditable(plan.target.document);
    if (base === null)
      return { code: 'not-editable', message: `the document of \`${plan.target.setName}\` cannot be read` };
    const edited = applyChange(base, [finding.request], plan.change);
    if (edited === null)
      return { code: 'not-editable', message: 'the statement to change is not a Deny of its policy' };
    const findingIndex = findingIndexOf(finding);
    planned.set(plan.target.setName, {
      target: plan.target,
      original: existing === undefined ? (plan.target.document === null ? null : base) : existing.original,
      document: edited.document,
      statement: edited.statement,
      exempt: isProposalChange(plan.change) || existing?.exempt === true,
      findings: (existing?.findings ?? new Set<number>()).add(findingIndex),
    });
  }
  return { code: 'not-verified', message: `still denied after changing ${MAX_LAYERS} policies` };
}

/** Adds the finding to every planned change without which its check is denied again. */
function attribute(
  finding: EvaluatedFinding,
  set: PolicySetInput,
  planned: Map<string, PlannedChange>,
): void {
  for (const [name, change] of planned) {
    if (change.target.layer !== 'identity' && !hasPolicy(set, name)) continue;
    const others = new Map([...planned].filter(([, c]) => c !== change));
    const compiled = compilePolicySet(withPlanned(finding.governing.input, others));
    if (!compiled.ok || evaluate(compiled.value, finding.request, { trace: 'none' }).decision === 'Allowed') {
      continue;
    }
    change.findings.add(findingIndexOf(finding));
  }
}

/** Indexes of findings, set by {@link planFixes} before planning (findings are plain data). */
const findingIndexes = new WeakMap<EvaluatedFinding, number>();

function findingIndexOf(finding: EvaluatedFinding): number {
  return findingIndexes.get(finding) ?? 0;
}

/** The policy set with every planned document in place of the policy it changes. */
function withPlanned(set: PolicySetInput, planned: ReadonlyMap<string, PlannedChange>): PolicySetInput {
  let result = set;
  for (const change of planned.values()) {
    if (change.target.layer === 'identity' || hasPolicy(set, change.target.setName)) {
      result = replacePolicy(result, change.target, change.document);
    }
  }
  return result;
}

function hasPolicy(set: PolicySetInput, name: string): boolean {
  return documentOf(set, name) !== undefined;
}

/** Every check `change` answers is allowed with all planned changes, and what its change newly allows. */
function verifyPlanned(
  findings: readonly EvaluatedFinding[],
  planned: ReadonlyMap<string, PlannedChange>,
  change: PlannedChange,
): FixProposal['verification'] {
  let allowsChecks = true;
  const widened: string[] = [];
  let probes = 0;
  for (const finding of findings) {
    const after = withPlanned(finding.governing.input, planned);
    // probes compare with every other planned change in place, so only this change's effect counts
    const others = new Map([...planned].filter(([, c]) => c !== change));
    const before = withPlanned(finding.governing.input, others);
    const v = verifyFix(
      before,
      after,
      [finding.request],
      change.target.layer,
      change.target.kind === 'key-policy',
    );
    allowsChecks &&= v.allowsChecks;
    probes += v.probes;
    for (const w of v.widened) if (!widened.includes(w)) widened.push(w);
  }
  return { allowsChecks, widened, probes };
}

const COMPANION_KEYS = new Set(['aws:viaawsservice']);

const NO_MFA_KEY =
  'absent, as on every call signed with a long-term access key: call with MFA session credentials (`aws sts get-session-token --serial-number MFA_ARN --token-code CODE`)';

/** Why an origin key is missing from a request, and what gives it a value. */
const WHY_ABSENT: Readonly<Record<string, string>> = {
  'aws:sourceip':
    'absent, as on every call through a VPC endpoint (those carry `aws:SourceVpce` and `aws:VpcSourceIp`)',
  'aws:multifactorauthpresent': NO_MFA_KEY,
  'aws:multifactorauthage': NO_MFA_KEY,
};

/**
 * For a Deny whose conditions are all about where or how the call was made (`StringNotEquals
 * aws:RequestedRegion`, `NotIpAddress aws:SourceIp`, `Bool aws:MultiFactorAuthPresent false`...), the
 * first remedy is in how the call is made, not in the policy: the statement's values say where or how.
 * Exempting the caller stays the owner's decision. `null` for any other Deny.
 */
function originGuard(finding: EvaluatedFinding): Omit<NoFix, 'finding'> | null {
  const keys = finding.conditions.map((c) => c.key.toLowerCase());
  const origin = finding.conditions.filter((c) => ORIGIN_KEYS.has(c.key.toLowerCase()));
  if (origin.length === 0 || !keys.every((k) => ORIGIN_KEYS.has(k) || COMPANION_KEYS.has(k))) {
    return null;
  }
  const said = origin.map((c) => {
    const actual = c.actual !== null ? c.actual.join(', ') : (WHY_ABSENT[c.key.toLowerCase()] ?? 'absent');
    return `\`${c.key}\` (${c.operator} ${c.expected.join(', ')}) is ${actual}`;
  });
  return {
    code: 'request-origin',
    message: `the Deny guards where or how calls are made: ${said.join('; ')}. No policy change is proposed: letting this call through is for the policy's owner to decide`,
  };
}

/** The principal a resource or trust policy must name: the role of a session, else the caller. */
function grantee(finding: EvaluatedFinding): string {
  return finding.request.sessionIssuer ?? finding.request.principal;
}

function planOf(
  finding: EvaluatedFinding,
): { target: FixTarget; change: FixChange } | Omit<NoFix, 'finding'> {
  const { governing } = finding;
  const provenanceOf = (name: string | null) => (name === null ? undefined : governing.provenance.get(name));
  if (finding.decision === 'ExplicitDeny') {
    const provenance = provenanceOf(finding.policy);
    const target = provenance === undefined ? null : targetOf(provenance);
    const extension = denyExtension(finding);
    if (target !== null && finding.statementIndex !== null && extension !== null) {
      return {
        target,
        change: { type: 'extend', statementIndex: finding.statementIndex, ...extension, deny: true },
      };
    }
    const origin = originGuard(finding);
    if (origin !== null) return origin;
    if (target === null || finding.statementIndex === null) {
      return {
        code: 'not-editable',
        message: `the denying policy \`${finding.policy}\` cannot be changed here`,
      };
    }
    return {
      target,
      change: { type: 'exempt', statementIndex: finding.statementIndex, principal: grantee(finding) },
    };
  }
  switch (finding.layer) {
    case 'identity': {
      const target = identityTarget(finding);
      return target === null
        ? {
            code: 'no-target',
            message: 'the caller has no identity policy that can be changed, and its user or role is unknown',
          }
        : { target, change: allowChange(finding, target) };
    }
    case 'permissions-boundary':
    case 'resource':
    case 'trust-policy': {
      const provenance = [...governing.provenance.values()].find((p) =>
        finding.layer === 'permissions-boundary'
          ? p.layer === 'permissions-boundary'
          : p.layer === 'resource' || p.origin.kind === 'trust-policy',
      );
      const target = provenance === undefined ? null : targetOf(provenance);
      if (target === null) {
        return {
          code: 'not-editable',
          message: 'the policy that must allow this was not given, or cannot be changed',
        };
      }
      const change: FixChange =
        finding.layer === 'permissions-boundary'
          ? allowChange(finding, target)
          : {
              type: 'allow',
              principal: grantee(finding),
              noResource: finding.layer === 'trust-policy',
              resourceStar: target.kind === 'key-policy',
            };
      return { target, change };
    }
    case 'session':
      return {
        code: 'session-policy',
        message:
          'the session policy passed when the credentials were created limits them: create the session again with a wider one',
      };
    case 'vpc-endpoint':
      return {
        code: 'vpc-endpoint',
        message: "the VPC endpoint's policy must allow the request: its owner must change it",
      };
    default:
      return {
        code: 'scp-level-without-allow',
        message: 'an organization level has no policy that allows this: the organization must allow it there',
      };
  }
}

/**
 * The change that makes a missing allow present: the near-miss statement's value list extended with
 * the one value the call sent (`["t3.micro", "m5.large"]`) when that statement governs exactly the
 * check, else an added statement pinned to the call's values. Either way the existing condition stays.
 */
function allowChange(finding: EvaluatedFinding, target: FixTarget): FixChange {
  const extension = allowExtension(finding, target);
  if (extension !== null && finding.statementIndex !== null) {
    return { type: 'extend', statementIndex: finding.statementIndex, ...extension, deny: false };
  }
  return { type: 'allow', pin: pinnedByNearMiss(finding) };
}

/** Operators of an Allow whose list of values a known value can join. */
const ALLOW_LIST = /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)(IfExists)?$/;
/** Operators of a Deny whose list of exceptions a known value can join. */
const DENY_EXCEPTIONS =
  /^(StringNotEquals|StringNotEqualsIgnoreCase|StringNotLike|ArnNotEquals|ArnNotLike)(IfExists)?$/;

type Extension = { readonly operator: string; readonly key: string; readonly value: string };

/** The one known value of a condition that a value list can take literally (no `*` or `?` in it). */
function knownValue(c: FailedCondition): string | null {
  const value = c.actual?.length === 1 ? c.actual[0] : undefined;
  return value === undefined || /[*?$]/.test(value) ? null : value;
}

/**
 * The extension of a near-miss Allow: its only failed condition takes the call's value, when the
 * statement is in the policy to change and names exactly the check's action and resource (a wider
 * statement would let the value through for more than the check).
 */
function allowExtension(finding: EvaluatedFinding, target: FixTarget): Extension | null {
  const [failed, ...more] = finding.failedConditions;
  if (failed === undefined || more.length > 0 || finding.policy !== target.setName) return null;
  const value = knownValue(failed);
  if (value === null || !ALLOW_LIST.test(failed.operator)) return null;
  const statement = statementOf(finding);
  if (statement === null || statement.Effect !== 'Allow' || statement.Principal !== undefined) return null;
  const only = (written: unknown, wanted: string, ignoreCase: boolean) => {
    const list = Array.isArray(written) ? written : [written];
    return list.every(
      (v) => typeof v === 'string' && (ignoreCase ? v.toLowerCase() === wanted.toLowerCase() : v === wanted),
    );
  };
  if (!only(statement.Action, finding.action, true) || !only(statement.Resource, finding.resource, false)) {
    return null;
  }
  return { operator: failed.operator, key: failed.key, value };
}

/**
 * The extension of a Deny's exceptions about how the call was made (`StringNotEquals
 * aws:RequestedRegion`, `StringNotLike ec2:InstanceType`): the call's value joins them. It lets the
 * value through for everyone the Deny governs: the owner's decision.
 */
function denyExtension(finding: EvaluatedFinding): Extension | null {
  for (const c of finding.conditions) {
    const value = knownValue(c);
    if (value !== null && DENY_EXCEPTIONS.test(c.operator) && isCallProperty(c.key, finding.action)) {
      return { operator: c.operator, key: c.key, value };
    }
  }
  return null;
}

/** The deciding statement as written in its policy (with the planned changes). */
function statementOf(finding: EvaluatedFinding): Record<string, unknown> | null {
  if (finding.policy === null || finding.statementIndex === null) return null;
  const document = toEditable(documentOf(finding.governing.input, finding.policy));
  return document?.Statement[finding.statementIndex] ?? null;
}

/**
 * The string keys a near-miss statement restricts and the request failed with one known value (a
 * `StringEquals ec2:InstanceType t3.micro` for an `m5.large` launch): the added allow keeps them,
 * pinned to the value the request sent, instead of granting every value.
 */
function pinnedByNearMiss(finding: EvaluatedFinding): string[] {
  return finding.failedConditions
    .filter(
      (c) => /^String(Equals|Like|EqualsIgnoreCase)(IfExists)?$/.test(c.operator) && c.actual?.length === 1,
    )
    .map((c) => c.key);
}

/** The identity policy to extend: the one with a near miss, else an inline policy, else a new inline policy. */
function identityTarget(finding: EvaluatedFinding): FixTarget | null {
  const target = editableIdentityTarget(finding);
  return target === null ? null : viaPermissionSet(target, finding);
}

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]+$/;

/**
 * IAM Identity Center owns the `AWSReservedSSO_*` roles and refuses changes to them: their policies
 * come from the permission set, so the fix goes to the permission set's inline policy, which the
 * organization's Identity Center administrators change.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/sso-admin/put-inline-policy-to-permission-set.html
 */
function viaPermissionSet(target: FixTarget, finding: EvaluatedFinding): FixTarget {
  const identity = finding.governing.identity;
  const set = identity === null ? null : SSO_ROLE.exec(identity.name)?.[1];
  if (identity === null || set === undefined || set === null) return target;
  const inline = [...finding.governing.provenance.values()].find(
    (p) => p.layer === 'identity' && p.origin.kind === 'inline-role',
  );
  return {
    layer: 'identity',
    kind: 'permission-set-inline-policy',
    operation: 'PutInlinePolicyToPermissionSet',
    owner: 'organization',
    target: `permission-set:${set}`,
    // the account that administers IAM Identity Center is not in the evidence
    account: null,
    setName: inline?.name ?? `${identity.name}/AwsSSOInlinePolicy`,
    policyName: set,
    document: inline === undefined ? null : inline.fix.document,
  };
}

function editableIdentityTarget(finding: EvaluatedFinding): FixTarget | null {
  const { governing } = finding;
  const identityPolicies = [...governing.provenance.values()].filter((p) => p.layer === 'identity');
  const nearMiss = finding.policy === null ? undefined : governing.provenance.get(finding.policy);
  const candidates = [
    ...(nearMiss?.fix.operation ? [nearMiss] : []),
    ...identityPolicies.filter((p) => p.origin.kind === 'inline-role' || p.origin.kind === 'inline-user'),
    ...identityPolicies.filter((p) => p.origin.kind === 'managed' && p.fix.operation !== null),
  ];
  for (const provenance of candidates) {
    const target = targetOf(provenance);
    if (target !== null) return target;
  }
  const identity = governing.identity;
  if (identity === null) return null;
  return {
    layer: 'identity',
    kind: identity.type === 'role' ? 'inline-role-policy' : 'inline-user-policy',
    operation: identity.type === 'role' ? 'PutRolePolicy' : 'PutUserPolicy',
    owner: 'account',
    target: identity.arn,
    account: parseArn(identity.arn)?.account || null,
    setName: `${identity.name}/WhydeniedFix`,
    policyName: 'WhydeniedFix',
    document: null,
  };
}

/** The fix target of a policy of the evaluated set; `null` when it cannot be edited. */
function targetOf(provenance: PolicyProvenance): FixTarget | null {
  return provenance.fix.operation === null ? null : provenance.fix;
}

type FixPolicySet = EvaluatedFinding['governing']['input'];

function documentOf(set: FixPolicySet, name: string): unknown {
  return namedPolicies(set).find((p) => p.name === name)?.document;
}

/**
 * Why no fix is shown for a finding that turns on an unknown value, with the two honest ways on: make
 * the call with a value the statement allows, or give the value so that the exact fix can be shown
 * (a fix never drops or widens the condition to make the unknown value pass).
 */
function unknownValueMessage(finding: EvaluatedFinding): string {
  const keys = finding.dependsOn.map((k) => `\`${k}\``).join(', ');
  const allowed = finding.failedConditions
    .filter(
      (c) => finding.dependsOn.some((k) => k.toLowerCase() === c.key.toLowerCase()) && c.expected.length > 0,
    )
    .map((c) => `${c.key} ${c.operator} ${c.expected.map((v) => `\`${v}\``).join(', ')}`);
  const use =
    allowed.length > 0 ? `make the call with a value the statement allows (${allowed.join('; ')}), or ` : '';
  return `the outcome depends on ${keys}, which the error does not tell: ${use}supply ${finding.dependsOn.length > 1 ? 'their values' : 'its value'} as request context to get the exact fix`;
}
