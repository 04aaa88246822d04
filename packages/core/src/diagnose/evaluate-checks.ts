import type { Check } from '../calls/check.js';
import { BUILT_IN_RULES, type BuiltInEffect, type BuiltInRuleId } from '../engine/built-in-rules.js';
import { compilePolicySet, type PolicySetInput } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { EvaluationResult, StatementTrace } from '../engine/evaluation-result.js';
import type { LayerName, PolicyLayer } from '../engine/layers.js';
import { type AuthorizationRequest, type ContextValue, contextValueOf } from '../engine/request.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import type { PolicyProvenance } from '../evidence/provenance.js';
import { contextSentWith, KEYS_UNKNOWN, type KeysSent } from './keys-sent.js';

/** The policies that govern one check, as the evidence gives them, and what is missing from it. */
export interface GoverningPolicies {
  readonly input: PolicySetInput;
  /** Origin and fix target of each policy of `input`, by its name in the set. */
  readonly provenance: ReadonlyMap<string, PolicyProvenance>;
  /** The IAM user or role whose identity policies apply; `null` when unknown or none. */
  readonly identity: { readonly type: 'user' | 'role'; readonly name: string; readonly arn: string } | null;
  /** Context values the evidence knows (principal tags, ...). */
  readonly context: Readonly<Record<string, ContextValue>>;
  /** The role ARN (with path) behind a role session. */
  readonly sessionIssuer: string | null;
  /** Evidence that is missing for this check (SCPs unknown, resource policy not given...). */
  readonly missing: readonly MissingEvidence[];
}

/** A condition of the deciding statement that the request did not meet. */
export interface FailedCondition {
  readonly operator: string;
  readonly key: string;
  /** The policy's values. */
  readonly expected: readonly string[];
  /** The request's values; `null` when the key was absent. */
  readonly actual: readonly string[] | null;
  /** JSON pointer of the condition's key in the deciding policy's document. */
  readonly pointer: string;
}

/** A rule AWS applies that no policy states, as a finding it decided explains it. */
export interface BuiltInRuleFinding {
  readonly id: BuiltInRuleId;
  readonly effect: BuiltInEffect;
  /** What AWS does, in plain words. */
  readonly explanation: string;
  /** What to do instead. */
  readonly advice: string;
  /** The AWS pages that state the rule. */
  readonly sources: readonly string[];
}

/** A denied check: the contract's finding fields, and the statement detail behind them. */
export interface EvaluatedFinding {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'ExplicitDeny' | 'ImplicitDeny';
  readonly layer: PolicyLayer;
  /** The deciding policy's name in the evaluated set; `null` when no statement of the layer applied. */
  readonly policy: string | null;
  readonly sid: string | null;
  /** Index of the deciding statement in its policy. */
  readonly statementIndex: number | null;
  /** JSON pointer of the deciding statement in its policy's document. */
  readonly statementPointer: string | null;
  /** The SCP or RCP level (0 = root) of the deciding statement. */
  readonly level: number | null;
  readonly failedConditions: readonly FailedCondition[];
  /** Every condition of the deciding statement with its outcome (for an explicit deny: why it applied). */
  readonly conditions: readonly (FailedCondition & { readonly matched: boolean })[];
  readonly check: Check;
  readonly request: AuthorizationRequest;
  readonly governing: GoverningPolicies;
  /**
   * Keys AWS always sends whose value is not known here (the region, the source IP, the time...), on
   * which the deciding statement turned: the finding is only as sure as those values.
   */
  readonly dependsOn: readonly string[];
  /** Keys the deciding statement tests that AWS does not send with this check (known absent). */
  readonly notSent: readonly string[];
  /** The rule AWS applies that no policy states, when one decided the denial; `null` otherwise. */
  readonly builtIn: BuiltInRuleFinding | null;
}

/**
 * Keys AWS puts in every request (or every request of its kind) whose values an error does not
 * carry; evaluating without them would take "unknown" for "absent".
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
const ALWAYS_SENT = new Set(
  [
    'aws:RequestedRegion',
    'aws:SourceIp',
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:SecureTransport',
    'aws:TokenIssueTime',
    'aws:MultiFactorAuthPresent',
    'aws:MultiFactorAuthAge',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:VpcSourceIp',
    'aws:ViaAWSService',
    'aws:CalledVia',
    'aws:CalledViaFirst',
    'aws:CalledViaLast',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:ResourceOrgID',
    'aws:ResourceOrgPaths',
    'aws:ResourceAccount',
    'aws:SourceIdentity',
    'aws:UserAgent',
    'aws:Referer',
    'aws:TagKeys',
  ].map((k) => k.toLowerCase()),
);

function hasKey(context: Readonly<Record<string, ContextValue>>, key: string): boolean {
  return contextValueOf(context, key) !== undefined;
}

function unknownKey(key: string, context: Readonly<Record<string, ContextValue>>): boolean {
  const lower = key.toLowerCase();
  return (
    !hasKey(context, key) &&
    (ALWAYS_SENT.has(lower) || lower.startsWith('aws:requesttag/') || lower.startsWith('aws:resourcetag/'))
  );
}

/** Finds the policies that govern a check: supplied by the evidence layer. */
export type GoverningPoliciesFor = (check: Check) => GoverningPolicies;

/**
 * Evaluates every check against the policies that govern it and returns the denied ones, in check
 * order, with the deciding statement and the conditions it failed. `absent` names keys known to be
 * missing from the request (`aws:SourceIp` through a VPC endpoint): a finding does not depend on them.
 */
export function evaluateChecks(
  checks: readonly Check[],
  governingFor: GoverningPoliciesFor,
  extraContext: Readonly<Record<string, ContextValue>>,
  absent: readonly string[] = [],
  sent: KeysSent = KEYS_UNKNOWN,
): { findings: EvaluatedFinding[]; allowed: Check[]; unreadable: string[] } {
  const findings: EvaluatedFinding[] = [];
  const allowed: Check[] = [];
  const unreadable: string[] = [];
  const missing = new Set(absent.map((k) => k.toLowerCase()));
  for (const check of checks) {
    const governing = governingFor(check);
    const compiled = compilePolicySet(governing.input);
    if (!compiled.ok) {
      for (const d of compiled.diagnostics) unreadable.push(`${d.path}: ${d.message}`);
      continue;
    }
    const request: AuthorizationRequest = {
      principal: check.principal,
      action: check.action,
      resource: check.resource,
      // a value given for the whole call reaches only the checks AWS sends its key with
      context: { ...governing.context, ...check.context, ...contextSentWith(check, extraContext, sent) },
      ...(governing.sessionIssuer === null ? {} : { sessionIssuer: governing.sessionIssuer }),
    };
    const result = evaluate(compiled.value, request, { trace: 'relevant' });
    if (result.decision === 'Allowed' || result.layer === null) {
      allowed.push(check);
      continue;
    }
    // a role's trust policy takes the resource-policy slot in the engine; the contract names it apart
    const layer: PolicyLayer =
      result.layer === 'resource' && governsAsTrustPolicy(governing) ? 'trust-policy' : result.layer;
    const finding = findingOf(check, request, governing, result, layer, result.decision, sent);
    findings.push({ ...finding, dependsOn: finding.dependsOn.filter((k) => !missing.has(k.toLowerCase())) });
  }
  return { findings, allowed, unreadable };
}

function governsAsTrustPolicy(governing: GoverningPolicies): boolean {
  const name = governing.input.resourcePolicy?.name;
  return name !== undefined && governing.provenance.get(name)?.origin.kind === 'trust-policy';
}

/** The denial an evaluation result describes, as a finding of `check` (for re-evaluations of fixes). */
export function findingFromResult(
  check: Check,
  request: AuthorizationRequest,
  governing: GoverningPolicies,
  result: EvaluationResult,
): EvaluatedFinding | null {
  if (result.decision === 'Allowed' || result.layer === null) return null;
  const layer: PolicyLayer =
    result.layer === 'resource' && governsAsTrustPolicy(governing) ? 'trust-policy' : result.layer;
  return findingOf(check, request, governing, result, layer, result.decision);
}

function findingOf(
  check: Check,
  request: AuthorizationRequest,
  governing: GoverningPolicies,
  result: EvaluationResult,
  layer: PolicyLayer,
  decision: 'ExplicitDeny' | 'ImplicitDeny',
  sent: KeysSent = KEYS_UNKNOWN,
): EvaluatedFinding {
  const engineLayer: LayerName = layer === 'trust-policy' ? 'resource' : layer;
  const deciding = result.statements.find((s) => s.layer === engineLayer) ?? null;
  const trace =
    deciding === null
      ? undefined
      : result.trace.find(
          (t) =>
            t.origin.layer === engineLayer &&
            t.origin.policy === deciding.policy &&
            t.origin.statement.index === deciding.index,
        );
  return {
    action: check.action,
    resource: check.resource,
    decision,
    layer,
    policy: deciding?.policy ?? null,
    sid: deciding?.sid ?? null,
    statementIndex: deciding?.index ?? null,
    statementPointer: trace?.origin.statement.pointer ?? null,
    level: trace?.origin.level ?? null,
    failedConditions: trace === undefined ? [] : conditionsOf(trace).filter((c) => !c.matched),
    conditions: trace === undefined ? [] : conditionsOf(trace),
    check,
    request,
    governing,
    builtIn: builtInOf(result),
    // a decoded message's check carries AWS's whole request context: a key it lacks is absent
    dependsOn:
      trace === undefined || check.origin === 'decoded'
        ? []
        : [
            ...new Set(
              conditionsOf(trace)
                .filter(
                  (c) =>
                    c.actual === null &&
                    (unknownKey(c.key, request.context) ||
                      // a key AWS sends with this check whose value nobody gave is unknown, not absent:
                      // a missing allow may turn on it (an explicit deny AWS reported applied whatever it was)
                      (decision === 'ImplicitDeny' &&
                        sent(check, c.key) === true &&
                        !hasKey(request.context, c.key))),
                )
                .map((c) => c.key),
            ),
          ],
    notSent:
      trace === undefined
        ? []
        : [
            ...new Set(
              conditionsOf(trace)
                .filter(
                  (c) =>
                    sent(check, c.key) === false ||
                    (check.origin === 'decoded' && c.actual === null && !hasKey(request.context, c.key)),
                )
                .map((c) => c.key),
            ),
          ],
  };
}

function builtInOf(result: EvaluationResult): BuiltInRuleFinding | null {
  if (result.builtIn === null) return null;
  const { id, effect, explanation, advice, sources } = BUILT_IN_RULES[result.builtIn.id];
  return { id, effect, explanation, advice, sources };
}

function conditionsOf(trace: StatementTrace): (FailedCondition & { matched: boolean })[] {
  return (trace.conditions ?? []).map((c) => ({
    matched: c.matched,
    operator: c.clause.operator,
    key: c.clause.key,
    expected: c.clause.values.map((v) => v.value),
    actual: c.actual,
    pointer: c.clause.pointer,
  }));
}
