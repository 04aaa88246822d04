/**
 * Reads `terraform show -json` output: each managed AWS resource change with its address, type,
 * actions and planned values, and the provider's region when the configuration states it.
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { PlannedValues } from './plan-values.js';

/** What Terraform will do to a resource, in the plan's own words. */
export type PlanAction = 'create' | 'update' | 'delete' | 'read' | 'no-op';

/** One resource change of the plan. */
export interface ResourceChange {
  /** The resource address, e.g. `module.app.aws_instance.web[0]`. */
  readonly address: string;
  /** The resource type, e.g. `aws_instance`. */
  readonly type: string;
  readonly actions: readonly PlanAction[];
  readonly values: PlannedValues;
  /** JSON pointer of the change in the plan file. */
  readonly pointer: string;
}

/** A read plan. */
export interface PlanReading {
  readonly changes: readonly ResourceChange[];
  /** The AWS provider's region when the configuration gives it as a constant; else `null`. */
  readonly region: string | null;
}

const ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'read', 'no-op']);

/**
 * Reads the JSON text of a plan, or says why it is not one: a file without `resource_changes` is no
 * plan (`plan-not-a-plan`); a change without address, type or actions is `plan-bad-change`.
 */
export function readPlan(text: string): Result<PlanReading> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  if (!isJsonObject(plan) || !Array.isArray(plan.resource_changes)) {
    return fail('plan-not-a-plan', 'not a Terraform plan: no `resource_changes` list', '');
  }
  const changes: ResourceChange[] = [];
  for (const [i, raw] of plan.resource_changes.entries()) {
    const pointer = `/resource_changes/${i}`;
    if (!isJsonObject(raw) || !isJsonObject(raw.change)) {
      return fail('plan-bad-change', 'a resource change is not an object with a `change`', pointer);
    }
    const { address, type, mode, change } = raw;
    const actions = change.actions;
    if (
      typeof address !== 'string' ||
      typeof type !== 'string' ||
      !Array.isArray(actions) ||
      !actions.every((a): a is PlanAction => typeof a === 'string' && ACTIONS.has(a))
    ) {
      return fail('plan-bad-change', 'a resource change lacks its `address`, `type` or `actions`', pointer);
    }
    // data sources are read, not changed; only the AWS provider's resources are predicted
    if (mode === 'data' || !type.startsWith('aws_')) continue;
    changes.push({
      address,
      type,
      actions,
      values: new PlannedValues(change.after, change.after_unknown ?? {}),
      pointer,
    });
  }
  return { ok: true, value: { changes, region: regionOf(plan) } };
}

function regionOf(plan: Record<string, unknown>): string | null {
  const config = plan.configuration;
  const providers = isJsonObject(config) ? config.provider_config : undefined;
  const aws = isJsonObject(providers) ? providers.aws : undefined;
  const expressions = isJsonObject(aws) ? aws.expressions : undefined;
  const region = isJsonObject(expressions) ? expressions.region : undefined;
  const value = isJsonObject(region) ? region.constant_value : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

function fail(code: string, message: string, path: string): Result<never> {
  const diagnostic: Diagnostic = { code, severity: 'error', message, path };
  return { ok: false, diagnostics: [diagnostic] };
}
