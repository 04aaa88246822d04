import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';

/** A JSON object of a plan. */
type RawRecord = Readonly<Record<string, unknown>>;

/** One resource of a Terraform plan as it will be after apply. */
export interface PlannedResource {
  /** The resource address (`module.net.aws_iam_role.deploy["a"]`). */
  readonly address: string;
  /** The resource type (`aws_iam_role`). */
  readonly type: string;
  /** `create`, `update`, `delete`, `no-op`, `read`, in the plan's order; `[]` for a plan's `planned_values`. */
  readonly actions: readonly string[];
  /** The attribute values after apply (those known at plan time). */
  readonly values: RawRecord;
  /** For each attribute, `true` when its value is known only after apply (`after_unknown`). */
  readonly unknown: RawRecord;
  /** JSON pointer, in the plan file, of `values`. */
  readonly pointer: string;
}

/**
 * Whether a parsed JSON value is the JSON form of a plan or state (`terraform show -json`): it has a
 * `format_version` and `resource_changes`, `planned_values` or `values`.
 *
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
export function isTerraformPlan(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    typeof value.format_version === 'string' &&
    ('resource_changes' in value || 'planned_values' in value || 'values' in value)
  );
}

/**
 * The managed resources of a `terraform show -json` plan as they will be after apply: from
 * `resource_changes` (deleted resources left out), or, for a plan without changes or a state, from the
 * modules of `planned_values` / `values`. Data sources are left out: the resources that use them
 * carry their rendered values.
 *
 * @see https://developer.hashicorp.com/terraform/internals/json-format#plan-representation
 */
export function readTerraformPlan(value: unknown): Result<readonly PlannedResource[]> {
  if (!isTerraformPlan(value)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'terraform-shape',
          severity: 'error',
          message: 'this is not the output of `terraform show -json`',
          path: '',
          help: 'expected an object with `format_version` and `resource_changes` or `planned_values`',
        },
      ],
    };
  }
  const plan = value as RawRecord;
  const out: PlannedResource[] = [];
  if (Array.isArray(plan.resource_changes)) {
    plan.resource_changes.forEach((change: unknown, i) => {
      if (!isJsonObject(change) || change.mode === 'data') return;
      const body = change.change;
      if (!isJsonObject(body) || !isJsonObject(body.after)) return;
      const actions = Array.isArray(body.actions) ? body.actions.filter((a) => typeof a === 'string') : [];
      if (actions.length === 1 && actions[0] === 'delete') return;
      const address = typeof change.address === 'string' ? change.address : `resource_changes[${i}]`;
      const type = typeof change.type === 'string' ? change.type : '';
      out.push({
        address,
        type,
        actions,
        values: body.after,
        unknown: isJsonObject(body.after_unknown) ? body.after_unknown : {},
        pointer: `/resource_changes/${i}/change/after`,
      });
    });
    return { ok: true, value: out };
  }
  const root = isJsonObject(plan.planned_values) ? 'planned_values' : 'values';
  const values = plan[root];
  if (isJsonObject(values) && isJsonObject(values.root_module)) {
    collectModule(values.root_module, `/${root}/root_module`, out, 0);
  }
  return { ok: true, value: out };
}

function collectModule(module: RawRecord, pointer: string, out: PlannedResource[], depth: number): void {
  if (depth > 32) return;
  if (Array.isArray(module.resources)) {
    module.resources.forEach((resource: unknown, i) => {
      if (!isJsonObject(resource) || resource.mode === 'data' || !isJsonObject(resource.values)) return;
      out.push({
        address: typeof resource.address === 'string' ? resource.address : `${pointer}/resources/${i}`,
        type: typeof resource.type === 'string' ? resource.type : '',
        actions: [],
        values: resource.values,
        unknown: {},
        pointer: `${pointer}/resources/${i}/values`,
      });
    });
  }
  if (Array.isArray(module.child_modules)) {
    module.child_modules.forEach((child: unknown, i) => {
      if (isJsonObject(child)) collectModule(child, `${pointer}/child_modules/${i}`, out, depth + 1);
    });
  }
}
