/**
 * Denials predicted for a Terraform plan: each resource change becomes the API calls the AWS
 * provider makes, each call the checks its call rule lists, and every check is evaluated as the
 * deploying principal against the evidence, with the engine and the fixes `diagnose` uses.
 */
import type { CallScope } from '../calls/arns.js';
import type { CallNoteCode } from '../calls/call-model.js';
import type { Check } from '../calls/check.js';
import { expandCall } from '../calls/expand-call.js';
import type { Catalog } from '../catalog/catalog.js';
import { assessChecks, type Finding, type Fix, toFinding } from '../diagnose/diagnose.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import type { ContextValue } from '../engine/request.js';
import type { Evidence } from '../evidence/evidence.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import type { Remedy } from '../fix/call-properties.js';
import { withFixFiles } from '../fix/fix-files.js';
import type { NoFix } from '../fix/plan-fixes.js';
import { createScanningLocator } from '../json/pointer-position.js';
import { parseArn } from '../matching/arn.js';
import { type PlanAction, type ResourceChange, readPlan } from './read-plan.js';
import { resourceCallsFor } from './resource-calls.js';
import type { PlannedCall } from './resource-model.js';

/** How far a resource change is modelled. */
export type ChangeCoverage =
  /** Its calls are modelled and were evaluated. */
  | 'modelled'
  /** The resource type is not covered: its calls are not predicted. */
  | 'type-not-covered'
  /** The type is covered, but not this action (an update not modelled). */
  | 'action-not-modelled'
  /** Nothing changes (`no-op`, `read`). */
  | 'no-change';

/** One call the provider makes for a change, as expanded. */
export interface ExpandedCall {
  /** `service:Operation`, e.g. `ec2:RunInstances`. */
  readonly call: string;
  /** The call rule that listed its checks. */
  readonly rule: string;
  readonly checks: number;
  /** Codes of the rule's notes (`passed-role-unknown`, `default-rule`...). */
  readonly notes: readonly CallNoteCode[];
}

/** A predicted denial: the contract's finding, the call it belongs to, and whether it is certain. */
export interface PredictedDenial extends Finding {
  /** `service:Operation` of the call whose check is denied. */
  readonly call: string;
  /**
   * `false` when the denial turns on something the plan does not know yet (a value known only after
   * apply, an assumed resource or check) or on a request value nobody gave.
   */
  readonly certain: boolean;
}

/** What the plan does to one resource, and what is predicted for it. */
export interface ResourcePrediction {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly PlanAction[];
  /** JSON pointer of the resource's planned values in the plan file. */
  readonly pointer: string;
  /** Where they are in the plan file (1-based line and column, as every span). */
  readonly span: Span;
  readonly coverage: ChangeCoverage;
  readonly calls: readonly ExpandedCall[];
  /** Attributes the calls read that are known only after apply (dotted paths): unknown, not absent. */
  readonly unknownAtPlan: readonly string[];
  readonly denials: readonly PredictedDenial[];
  /** Fixes for this resource's denials; `findings` index `denials`. */
  readonly fixes: readonly Fix[];
  readonly remedies: readonly Remedy[];
  readonly noFix: readonly NoFix[];
}

/** The prediction for a whole plan (`plan --format json`). */
export interface PlanPrediction {
  /** The deploying principal every check was evaluated as. */
  readonly principal: string;
  readonly region: string | null;
  readonly resources: readonly ResourcePrediction[];
  /** How many denials are predicted in all. */
  readonly denialCount: number;
  /** Resource types of the plan whose calls are not modelled, each once. */
  readonly notCovered: readonly string[];
  /** Evidence the evaluation lacked. */
  readonly missingEvidence: readonly MissingEvidence[];
}

/** What {@link predictPlan} reads. */
export interface PredictPlanInput {
  /** The text of `terraform show -json` output. */
  readonly planText: string;
  readonly evidence: Evidence;
  /** The deploying principal; when left out, the one user or role of the evidence. */
  readonly principal?: string;
  /** The region, when the plan's provider configuration does not give it. */
  readonly region?: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
  readonly catalog?: Catalog;
  /** The directory fix documents are written to, for the apply commands. */
  readonly fixDirectory?: string;
}

/**
 * Predicts the denials a plan will meet: a plan that does not read, or a principal that cannot be
 * told (`plan-principal-unknown`), is a diagnostic.
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export async function predictPlan(input: PredictPlanInput): Promise<Result<PlanPrediction>> {
  const plan = readPlan(input.planText);
  if (!plan.ok) return plan;
  const principal = input.principal ?? onlyPrincipal(input.evidence);
  if (principal === undefined) {
    return {
      ok: false,
      diagnostics: [
        problem(
          'plan-principal-unknown',
          'the deploying principal is not known: the evidence does not hold exactly one user or role',
        ),
      ],
    };
  }
  const arn = parseArn(principal);
  const region = plan.value.region ?? input.region ?? null;
  const scope: CallScope = {
    partition: arn?.partition || 'aws',
    region,
    account: arn !== undefined && /^\d{12}$/.test(arn.account) ? arn.account : null,
  };
  const resources: ResourcePrediction[] = [];
  const missing: MissingEvidence[] = [];
  const locator = createScanningLocator(input.planText);
  for (const change of plan.value.changes) {
    const predicted = await predictChange(change, principal, scope, input, locator.locate(change.pointer));
    resources.push(predicted.resource);
    missing.push(...predicted.missing);
  }
  // fix files are numbered over the whole plan, so that no two share a name
  const files = withFixFiles(
    resources.flatMap((r) => r.fixes),
    input.fixDirectory,
  );
  let next = 0;
  const numbered = resources.map((r) => ({ ...r, fixes: r.fixes.map(() => files[next++] as Fix) }));
  return {
    ok: true,
    value: {
      principal,
      region,
      resources: numbered,
      denialCount: numbered.reduce((n, r) => n + r.denials.length, 0),
      notCovered: [...new Set(numbered.filter((r) => r.coverage === 'type-not-covered').map((r) => r.type))],
      missingEvidence: uniqueMissing(missing),
    },
  };
}

async function predictChange(
  change: ResourceChange,
  principal: string,
  scope: CallScope,
  input: PredictPlanInput,
  span: Span,
): Promise<{ resource: ResourcePrediction; missing: readonly MissingEvidence[] }> {
  const base = {
    address: change.address,
    type: change.type,
    actions: change.actions,
    pointer: change.pointer,
    span,
  };
  const empty = { calls: [], unknownAtPlan: [], denials: [], fixes: [], remedies: [], noFix: [] };
  const table = resourceCallsFor(change.type);
  if (table === undefined)
    return { resource: { ...base, coverage: 'type-not-covered', ...empty }, missing: [] };
  const planned = plannedCalls(change, table, scope);
  if (planned === null) {
    const coverage = change.actions.some((a) => a === 'create' || a === 'update' || a === 'delete')
      ? 'action-not-modelled'
      : 'no-change';
    return { resource: { ...base, coverage, ...empty }, missing: [] };
  }
  const callOf = new Map<Check, string>();
  const calls: ExpandedCall[] = [];
  for (const call of planned) {
    const expanded = expandCall({
      service: call.service,
      operation: call.operation,
      principal,
      ...(scope.region === null ? {} : { region: scope.region }),
      parameters: call.parameters,
    });
    const label = `${call.service}:${call.operation}`;
    calls.push({
      call: label,
      rule: expanded.rule,
      checks: expanded.checks.length,
      notes: [...new Set(expanded.notes.map((n) => n.code))],
    });
    for (const c of expanded.checks) callOf.set({ ...c, principal, origin: 'call' }, label);
  }
  const checks = [...callOf.keys()];
  const assessed = await assessChecks(checks, input.evidence, input.context ?? {}, [], input.catalog);
  const unknownAtPlan = change.values.unknownRead();
  const denials = assessed.findings.map((f): PredictedDenial => {
    const finding = toFinding(f, []);
    return {
      ...finding,
      call: callOf.get(f.check) ?? '',
      certain:
        finding.assumed.length === 0 &&
        finding.dependsOn.length === 0 &&
        // a key the request lacks may be a value known only after apply, not an absent one
        !(unknownAtPlan.length > 0 && finding.conditions.some((c) => c.actual === null)) &&
        // a resource policy that was not given cannot be said to deny
        !(
          RESOURCE_SIDE.has(f.layer) && f.governing.missing.some((m) => m.code === 'resource-policy-missing')
        ),
    };
  });
  // a grant on a stand-in (`role/*` for a role known only after apply) would be wider than the call
  const onStandIn = (i: number) => denials[i]?.assumed.includes('resource') === true;
  const fixes = assessed.fixes.filter((fix) => !fix.findings.some(onStandIn));
  const standIns: NoFix[] = assessed.fixes
    .filter((fix) => fix.findings.some(onStandIn))
    .flatMap((fix) =>
      fix.findings.map((finding) => ({
        finding,
        code: 'not-verified' as const,
        message: `the resource is not known until apply (\`${denials[finding]?.resource}\` stands for it): no grant is proposed on a stand-in`,
      })),
    );
  return {
    resource: {
      ...base,
      coverage: 'modelled',
      calls,
      unknownAtPlan,
      denials,
      fixes: fixes.map((fix) => ({ ...fix, file: '' })),
      remedies: assessed.remedies,
      noFix: [...assessed.noFix, ...standIns],
    },
    missing: assessed.missing,
  };
}

const RESOURCE_SIDE: ReadonlySet<string> = new Set(['resource', 'trust-policy']);

/** The calls a change makes, or `null` when its actions are not modelled. */
function plannedCalls(
  change: ResourceChange,
  table: NonNullable<ReturnType<typeof resourceCallsFor>>,
  scope: CallScope,
): readonly PlannedCall[] | null {
  // a replacement (`delete` then `create`, or the reverse) creates the resource anew
  if (change.actions.includes('create')) return table.create(change.values, scope);
  if (change.actions.includes('update')) return table.update?.(change.values, scope) ?? null;
  return null;
}

/** The one user or role the evidence holds (a `collect` of the caller); `undefined` otherwise. */
function onlyPrincipal(evidence: Evidence): string | undefined {
  const arns = evidence.accounts.flatMap((a) => [...a.users.map((u) => u.arn), ...a.roles.map((r) => r.arn)]);
  return arns.length === 1 ? arns[0] : undefined;
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

function problem(code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, path: '' };
}
