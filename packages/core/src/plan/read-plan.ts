/**
 * The plan as `plan` reads it: the managed AWS resources of `terraform show -json` output (read by the
 * one plan reader, iac/terraform-plan.ts, that lint uses too) with their actions and planned values,
 * and the provider's region when the configuration states it.
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
import type { Result } from '../diagnostics/result.js';
import { readTerraformPlan } from '../iac/terraform-plan.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { PlannedValues } from './plan-values.js';

/** What Terraform will do to a resource, in the plan's own words. */
export type PlanAction = 'create' | 'update' | 'delete' | 'read' | 'no-op';

/** One resource change of the plan (a resource deleted and not created again is not one). */
export interface ResourceChange {
  /** The resource address, e.g. `module.app.aws_instance.web[0]`. */
  readonly address: string;
  /** The resource type, e.g. `aws_instance`. */
  readonly type: string;
  /** The plan's actions; `[]` for a plan without `resource_changes` (its `planned_values`). */
  readonly actions: readonly PlanAction[];
  readonly values: PlannedValues;
  /** JSON pointer of the resource's planned values in the plan file. */
  readonly pointer: string;
}

/** A read plan. */
export interface PlanReading {
  readonly changes: readonly ResourceChange[];
  /** The AWS provider's region when the configuration gives it as a constant; else `null`. */
  readonly region: string | null;
}

const ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'read', 'no-op']);

/** Reads the JSON text of a plan, or says why it is not one (`json-syntax`, `terraform-shape`). */
export function readPlan(text: string): Result<PlanReading> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const resources = readTerraformPlan(parsed.value);
  if (!resources.ok) return resources;
  const changes = resources.value
    // only the AWS provider's resources are predicted
    .filter((r) => r.type.startsWith('aws_'))
    .map(
      (r): ResourceChange => ({
        address: r.address,
        type: r.type,
        actions: r.actions.filter((a): a is PlanAction => ACTIONS.has(a)),
        values: new PlannedValues(r.values, r.unknown),
        pointer: r.pointer,
      }),
    );
  return { ok: true, value: { changes, region: regionOf(parsed.value) } };
}

function regionOf(plan: unknown): string | null {
  const config = isJsonObject(plan) ? plan.configuration : undefined;
  const providers = isJsonObject(config) ? config.provider_config : undefined;
  const aws = isJsonObject(providers) ? providers.aws : undefined;
  const expressions = isJsonObject(aws) ? aws.expressions : undefined;
  const region = isJsonObject(expressions) ? expressions.region : undefined;
  const value = isJsonObject(region) ? region.constant_value : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}
