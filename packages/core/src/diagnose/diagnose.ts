import type { Check, CheckOrigin } from '../calls/check.js';
import { parametersFromCloudTrail } from '../calls/cloudtrail-parameters.js';
import { checkFailedCallParameters } from '../calls/rule-parameters.js';
import type { Catalog } from '../catalog/catalog.js';
import type { DecodedMessage } from '../decoded/decoded-model.js';
import type { Result } from '../diagnostics/result.js';
import type { PolicyLayer } from '../engine/layers.js';
import type { ContextValue } from '../engine/request.js';
import type { ErrorReading, FailureFacts, FailureKind, Unknown } from '../errors/failure.js';
import { type ReadErrorOptions, readError } from '../errors/read-error.js';
import { refineWithCatalog } from '../errors/refine-with-catalog.js';
import { unknownOf } from '../errors/unknowns.js';
import type { Evidence } from '../evidence/evidence.js';
import { instanceProfilesOf, missingFact } from '../evidence/instance-profiles.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { type Remedy, remedyOf } from '../fix/call-properties.js';
import { compareFix, type FixComparison } from '../fix/compare-fix.js';
import { withFixFiles } from '../fix/fix-files.js';
import type { FixProposal, FixTargetKind } from '../fix/fix-model.js';
import { type NoFix, type PlannedFix, planFixes } from '../fix/plan-fixes.js';
import { type SuggestedStatement, suggestStatements } from '../fix/suggest-statements.js';
import { checksForFailure } from './checks-for-failure.js';
import {
  type BuiltInRuleFinding,
  type EvaluatedFinding,
  evaluateChecks,
  type FailedCondition,
  type GoverningPoliciesFor,
} from './evaluate-checks.js';
import {
  type DecidingPolicy,
  decidingPolicyOf,
  type EvaluatedRequest,
  evaluatedRequestOf,
} from './finding-detail.js';
import { type KeysSent, keysSentWith } from './keys-sent.js';
import { type NextStep, nextSteps } from './next-steps.js';

/** A denied (action, resource) check found by evaluating the caller's policies (contract `findings`). */
export interface Finding {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'ExplicitDeny' | 'ImplicitDeny';
  readonly layer: PolicyLayer;
  readonly policy: string | null;
  readonly sid: string | null;
  /** The deciding statement's index in its policy. */
  readonly statementIndex: number | null;
  /** The conditions of the deciding statement the request did not meet (expected vs actual values). */
  readonly failedConditions: readonly FailedCondition[];
  /** For an explicit deny: the conditions that made it apply. */
  readonly conditions: readonly (FailedCondition & { readonly matched: boolean })[];
  readonly source: CheckOrigin;
  readonly assumed: readonly string[];
  /** Context keys AWS always sends whose unknown values this finding turns on; empty when certain. */
  readonly dependsOn: readonly string[];
  /** The request the engine evaluated, each context key marked known, absent or unknown. */
  readonly request: EvaluatedRequest;
  /** The deciding policy, printed, with its statement and deciding conditions located; `null` when none. */
  readonly deciding: DecidingPolicy | null;
  /** Present when a rule AWS applies that no policy states decided the denial: what it is, what to do. */
  readonly builtIn?: BuiltInRuleFinding;
}

/** A complete new policy document for the target that must change (contract `fixes`). */
export interface Fix {
  readonly layer: PolicyLayer;
  readonly target: string;
  readonly owner: 'account' | 'organization' | 'resource-owner';
  readonly document: unknown;
  readonly policyName: string;
  /** What kind of policy changes (inline, managed, bucket policy, SCP...), which decides the command. */
  readonly kind: FixTargetKind;
  /** The file name of the complete document, distinct per fix (`fix-1-EC2Launch.json`); `command` reads it. */
  readonly file: string;
  /** The finding indices this fix answers. */
  readonly findings: readonly number[];
  readonly diff: string;
  readonly command: string;
  /** A proposal for the organization or resource owner to decide, not a change to make. */
  readonly proposal: boolean;
  /** The engine's verdict: the probes, and the comparison of the new document with the current one. */
  readonly verification: FixProposal['verification'] & FixComparison;
}

/** The contract's `diagnose --format json` output, plus the reading's details. */
export interface Diagnosis {
  readonly kind: FailureKind;
  readonly failure: FailureFacts;
  /** One entry per denied check, the deciding one first; empty when no policies were given. */
  readonly findings: readonly Finding[];
  readonly fixes: readonly Fix[];
  /**
   * What the caller can do first, before any policy changes: for an explicit deny about how or where
   * the call was made (region, instance type, tags, network, MFA), make the call as the statement
   * allows. A fix of such a finding is a proposal for the policy's owner.
   */
  readonly remedies: readonly Remedy[];
  /** Findings no fix is shown for, and who must act instead. */
  readonly noFix: readonly NoFix[];
  /** Without any evidence: the statement to add for each check of the call, not verified; else empty. */
  readonly suggestedStatements: readonly SuggestedStatement[];
  readonly lookalike: string | null;
  readonly details: Omit<ErrorReading, 'kind' | 'failure' | 'lookalike' | 'unknowns'>;
  readonly unknowns: readonly Unknown[];
  /** Evidence the evaluation lacked, with the command that fetches each piece. */
  readonly missingEvidence: readonly MissingEvidence[];
  readonly nextSteps: readonly NextStep[];
}

/** What `diagnose` reads. */
export interface DiagnoseInput {
  readonly errorText: string;
  readonly options?: ReadErrorOptions;
  /** Service knowledge: resolves operations the error reader's own table does not know. */
  readonly catalog?: Catalog;
  /** The caller's and the resource's policies; without it, no findings. */
  readonly evidence?: Evidence;
  /** A decoded authorization message: the check it names narrows the evaluation to it. */
  readonly decoded?: DecodedMessage;
  /**
   * Request context values (`--context`), which win over what the evidence derives and what a
   * CloudTrail record shows (source address, time, TLS, MFA).
   */
  readonly context?: Readonly<Record<string, ContextValue>>;
  /**
   * What is known of the call's parameters (`--param`: `subnetId`, `securityGroupIds`, `imageId`...), so
   * that its checks name the real resources instead of assumed ones. Parameters a CloudTrail record
   * logged are used as well; a top-level one given here wins.
   */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** The directory the front end writes each fix's document to; the apply commands name the files there. */
  readonly fixDirectory?: string;
  /** How the user runs whydenied (`whydenied`, `npx whydenied`), for the commands of its own it prints. */
  readonly invocation?: string;
}

/**
 * Diagnoses a pasted AWS error: what failed, who called, which layer AWS blamed; with evidence, every
 * check the call makes evaluated against the caller's real policies, the deciding statement and
 * condition of each denied one, and the verified least-privilege fix for the policy that must change.
 * When the text holds no error, the diagnostics say why.
 */
export async function diagnose(input: DiagnoseInput): Promise<Result<Diagnosis>> {
  const read = readError(input.errorText, input.options);
  if (!read.ok) {
    return read;
  }
  const reading =
    input.catalog === undefined ? read.value : await refineWithCatalog(read.value, input.catalog);
  const { kind, failure, lookalike, unknowns, ...details } = reading;
  // parameters given for the call must be ones its rule reads
  const given = checkFailedCallParameters(failure, input.parameters ?? {});
  if (!given.ok) return given;
  const absent = reading.cloudTrail?.absentContext ?? [];
  const evaluation =
    input.evidence !== undefined && kind === 'authorization'
      ? await evaluateWithEvidence(
          reading,
          input.evidence,
          input.decoded ?? null,
          { ...reading.cloudTrail?.requestContext, ...input.context },
          callParameters(reading, input.parameters ?? {}),
          absent,
          input.catalog,
        )
      : null;
  return {
    ok: true,
    value: {
      kind,
      failure,
      findings: evaluation?.findings.map((f) => toFinding(f, absent)) ?? [],
      fixes: withFixFiles(evaluation?.fixes ?? [], input.fixDirectory),
      remedies: evaluation?.remedies ?? [],
      noFix: evaluation?.noFix ?? [],
      // an added allow cannot lift an explicit deny: nothing to suggest then
      suggestedStatements:
        input.evidence === undefined && kind === 'authorization' && failure.denyType !== 'explicit'
          ? suggestStatements(
              checksForFailure(
                reading,
                input.decoded ?? null,
                callParameters(reading, input.parameters ?? {}),
              ),
            )
          : [],
      lookalike,
      details,
      unknowns: [
        ...unknowns.filter((u) => !answeredBy(input.decoded, u.code)),
        ...(evaluation?.unknowns ?? []),
      ],
      missingEvidence: evaluation?.missing ?? [],
      nextSteps: nextSteps(reading, input.evidence !== undefined, input.invocation).filter(
        (step) => input.decoded === undefined || !DECODE_STEPS.has(step.code),
      ),
    },
  };
}

/**
 * The call's parameters: what a CloudTrail record logged, each top-level one given by the user winning
 * (given ones in the spelling the call's rule reads, when they check against it).
 */
export function callParameters(
  reading: ErrorReading,
  given: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const { service, operation } = reading.failure;
  const logged = reading.cloudTrail?.requestParameters ?? null;
  const spelled = checkFailedCallParameters(reading.failure, given);
  return { ...parametersFromCloudTrail(service, operation, logged), ...(spelled.ok ? spelled.value : given) };
}

async function evaluateWithEvidence(
  reading: ErrorReading,
  evidence: Evidence,
  decoded: DecodedMessage | null,
  context: Readonly<Record<string, ContextValue>>,
  parameters: Readonly<Record<string, unknown>>,
  absent: readonly string[],
  catalog: Catalog | undefined,
): Promise<{
  findings: readonly EvaluatedFinding[];
  fixes: readonly Omit<Fix, 'file'>[];
  noFix: readonly NoFix[];
  remedies: readonly Remedy[];
  unknowns: Unknown[];
  missing: readonly MissingEvidence[];
}> {
  const checks = checksForFailure(reading, decoded, parameters, instanceProfilesOf(evidence));
  if (checks.length === 0) {
    return {
      findings: [],
      fixes: [],
      noFix: [],
      remedies: [],
      unknowns: [unknownOf('no-checks')],
      missing: [],
    };
  }
  const assessed = await assessChecks(checks, evidence, context, absent, catalog);
  const { findings, fixes, noFix, remedies, missing } = assessed;
  const unknowns: Unknown[] = [];
  const first = findings[0];
  if (first === undefined) {
    if (assessed.complete) unknowns.push(unknownOf('evidence-allows'));
  } else {
    if (reading.failure.reasonLayer !== null && first.layer !== reading.failure.reasonLayer) {
      unknowns.push(unknownOf('layer-disagrees'));
    }
    if (reading.failure.policyArn !== null && !namesPolicy(first, reading.failure.policyArn)) {
      unknowns.push(unknownOf('policy-disagrees'));
    }
  }
  return { findings, fixes, noFix, remedies, unknowns, missing };
}

/** What {@link assessChecks} finds: the denied checks in order, their verified fixes and remedies. */
export interface ChecksAssessment {
  readonly findings: readonly EvaluatedFinding[];
  readonly fixes: readonly Omit<Fix, 'file'>[];
  readonly noFix: readonly NoFix[];
  readonly remedies: readonly Remedy[];
  readonly missing: readonly MissingEvidence[];
  /** `false` when some denial was left out because the caller's identity is not in the evidence. */
  readonly complete: boolean;
}

/**
 * Evaluates checks against the evidence, as `diagnose` does for a failed call and `plan` for the calls
 * a plan will make: the denied ones (certain first), the verified fix of each policy that must change,
 * the remedies, and the evidence that is missing.
 */
export async function assessChecks(
  checks: readonly Check[],
  evidence: Evidence,
  context: Readonly<Record<string, ContextValue>>,
  absent: readonly string[],
  catalog: Catalog | undefined,
): Promise<ChecksAssessment> {
  const sent = await keysSentWith(checks, catalog);
  const evaluated = evaluateChecks(checks, governingFrom(evidence), context, absent, sent);
  // without the caller's identity in the evidence, "no identity policy allows" is an artefact of the
  // missing file, not a finding: only what other layers decide is kept
  const known = evaluated.findings.filter((f) => !(identityUnknown(f) && IDENTITY_SIDE.has(f.layer)));
  // findings that depend on values the error does not carry come after the certain ones
  const findings = [
    ...known.filter((f) => f.dependsOn.length === 0),
    ...known.filter((f) => f.dependsOn.length > 0),
  ];
  const missing = uniqueMissing(
    evaluated.findings.length > 0
      ? evaluated.findings.flatMap((f) => f.governing.missing)
      : checks.flatMap((c) => governingFrom(evidence)(c).missing),
  ).concat(uniqueMissing(checks.flatMap((c) => (c.unresolved ?? []).map(missingFact))));
  const planned = planFixes(findings);
  const { fixes: compared, none } = await compareFixes(planned, findings, catalog, sent);
  const fixes = compared.map((fix) => ({
    layer: fix.layer,
    target: fix.target,
    owner: fix.owner,
    document: fix.document,
    policyName: fix.policyName,
    kind: fix.kind,
    findings: fix.findings,
    diff: fix.diff,
    command: fix.command,
    proposal: fix.proposal,
    verification: fix.verification,
  }));
  const remedies = findings.flatMap((f, i) => remedyOf(f, i) ?? []);
  return {
    findings,
    fixes,
    noFix: none,
    remedies,
    missing,
    complete: known.length === evaluated.findings.length,
  };
}

/**
 * Runs the comparison safety check on every planned fix: a fix that is not a proposal and lets through
 * more than the checks it answers is not shown (its findings get `not-verified`); a proposal shows
 * what more it lets through.
 */
async function compareFixes(
  planned: ReturnType<typeof planFixes>,
  findings: readonly EvaluatedFinding[],
  catalog: Catalog | undefined,
  sent: KeysSent,
): Promise<{ fixes: (PlannedFix & { verification: Fix['verification'] })[]; none: NoFix[] }> {
  const fixes: (PlannedFix & { verification: Fix['verification'] })[] = [];
  const none = [...planned.none];
  for (const fix of planned.fixes) {
    const answered = fix.findings.flatMap((i) => findings[i] ?? []);
    const checkOf = new Map(answered.map((f) => [f.request, f.check]));
    const comparison = await compareFix(
      { layer: fix.layer, kind: fix.kind, before: fix.before, after: fix.document },
      answered.map((f) => f.request),
      catalog,
      (request, key) => {
        const check = checkOf.get(request);
        return check !== undefined && sent(check, key) === false;
      },
    );
    if (!fix.proposal && comparison.beyondCount > 0) {
      const rows = comparison.beyond.slice(0, 3).map((r) => `\`${r.action}\` on \`${r.resource}\``);
      const more = comparison.beyondCount > 3 ? ` and ${comparison.beyondCount - 3} more` : '';
      for (const finding of fix.findings) {
        none.push({
          finding,
          code: 'not-verified',
          message: `the change would also allow ${rows.join(', ')}${more}`,
        });
      }
      continue;
    }
    fixes.push({ ...fix, verification: { ...fix.verification, ...comparison } });
  }
  return { fixes, none };
}

const IDENTITY_SIDE: ReadonlySet<PolicyLayer> = new Set(['identity', 'permissions-boundary', 'session']);
const IDENTITY_MISSING = new Set([
  'principal-not-found',
  'principal-account-unknown',
  'account-details-missing',
]);

function identityUnknown(finding: EvaluatedFinding): boolean {
  return finding.governing.missing.some((m) => IDENTITY_MISSING.has(m.code));
}

/** Whether the policy ARN AWS appended is the deciding policy the evaluation found. */
function namesPolicy(finding: EvaluatedFinding, policyArn: string): boolean {
  const origin =
    finding.policy === null ? undefined : finding.governing.provenance.get(finding.policy)?.origin;
  if (origin === undefined) return false;
  switch (origin.kind) {
    case 'scp':
    case 'rcp':
      return policyArn.endsWith(`/${origin.policyId}`);
    case 'managed':
    case 'permissions-boundary':
      return origin.arn === policyArn;
    default:
      return false;
  }
}

/** The policies that govern a check, read from the evidence (the planner's tests read them the same way). */
export function governingFrom(evidence: Evidence): GoverningPoliciesFor {
  return (check) => {
    const set = policySetFor(evidence, {
      principal: check.principal,
      action: check.action,
      resource: check.resource,
    });
    const entity = set.identity?.entity ?? null;
    return {
      input: set.input,
      provenance: set.provenance,
      identity:
        entity !== null && entity.type !== 'group'
          ? { type: entity.type, name: entity.name, arn: entity.arn }
          : null,
      context: set.contextFromEvidence,
      sessionIssuer: set.sessionIssuer,
      missing: set.missing,
    };
  };
}

function uniqueMissing(entries: readonly MissingEvidence[]): MissingEvidence[] {
  const seen = new Set<string>();
  return entries.filter((m) => {
    const key = `${m.code}|${m.subject}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The contract's finding of an evaluated one (`absent`: keys known missing from the request). */
export function toFinding(f: EvaluatedFinding, absent: readonly string[]): Finding {
  return {
    action: f.action,
    resource: f.resource,
    decision: f.decision,
    layer: f.layer,
    policy: f.policy,
    sid: f.sid,
    statementIndex: f.statementIndex,
    failedConditions: f.failedConditions,
    conditions: f.conditions,
    source: f.check.origin,
    assumed: f.check.assumed,
    dependsOn: f.dependsOn,
    request: evaluatedRequestOf(f, absent),
    deciding: decidingPolicyOf(f),
    ...(f.builtIn === null ? {} : { builtIn: f.builtIn }),
  };
}

/** Next steps that decode the message: done once a decoded message is given. */
const DECODE_STEPS: ReadonlySet<string> = new Set(['decode-message', 'copy-whole-message']);

/** Whether a decoded message given with the error says what the unknown is about. */
function answeredBy(decoded: DecodedMessage | undefined, code: string): boolean {
  if (decoded === undefined) return false;
  switch (code) {
    case 'principal-not-named':
      return decoded.context.principal !== null;
    case 'resource-not-named':
      return decoded.context.resource !== null;
    case 'action-inferred':
      return decoded.context.action !== null;
    default:
      return false;
  }
}
