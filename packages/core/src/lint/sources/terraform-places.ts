import type { Result } from '../../diagnostics/result.js';
import { readTerraformPlan } from '../../iac/terraform-plan.js';
import { isJsonObject } from '../../json/is-json-object.js';
import { pointerSegment } from '../../policy/parse-policy.js';
import type { LintPolicyKind } from '../lint-rule.js';
import type { PolicyNote, PolicyPlace, PolicyPlaces } from './policy-place.js';

/** Where a resource type keeps a policy: the attribute (`*` for each element of a list) and its kind. */
interface PolicyAttribute {
  readonly path: readonly string[];
  /** `organizations`: the kind is read from the resource's `type` attribute. */
  readonly kind: LintPolicyKind | 'organizations';
}

const identity = (...path: string[]): PolicyAttribute => ({ path, kind: 'identity' });
const resource = (...path: string[]): PolicyAttribute => ({ path, kind: 'resource' });

/**
 * The AWS provider's resource types that hold a policy document, and where (the provider writes every
 * document as a JSON string).
 *
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/organizations_policy
 */
export const TERRAFORM_POLICY_ATTRIBUTES: Readonly<Record<string, readonly PolicyAttribute[]>> = {
  aws_iam_policy: [identity('policy')],
  aws_iam_role_policy: [identity('policy')],
  aws_iam_user_policy: [identity('policy')],
  aws_iam_group_policy: [identity('policy')],
  aws_iam_role: [resource('assume_role_policy'), identity('inline_policy', '*', 'policy')],
  aws_organizations_policy: [{ path: ['content'], kind: 'organizations' }],
  aws_s3_bucket_policy: [resource('policy')],
  aws_s3_bucket: [resource('policy')],
  aws_s3_access_point: [resource('policy')],
  aws_s3control_bucket_policy: [resource('policy')],
  aws_kms_key: [resource('policy')],
  aws_kms_replica_key: [resource('policy')],
  aws_kms_external_key: [resource('policy')],
  aws_sqs_queue: [resource('policy')],
  aws_sqs_queue_policy: [resource('policy')],
  aws_sns_topic: [resource('policy')],
  aws_sns_topic_policy: [resource('policy')],
  aws_ecr_repository_policy: [resource('policy')],
  aws_ecr_registry_policy: [resource('policy')],
  aws_secretsmanager_secret: [resource('policy')],
  aws_secretsmanager_secret_policy: [resource('policy')],
  aws_vpc_endpoint: [resource('policy')],
  aws_efs_file_system_policy: [resource('policy')],
  aws_backup_vault_policy: [resource('policy')],
  aws_glacier_vault: [resource('access_policy')],
  aws_cloudwatch_log_resource_policy: [resource('policy_document')],
  aws_opensearch_domain_policy: [resource('access_policies')],
  aws_elasticsearch_domain_policy: [resource('access_policies')],
};

const ORGANIZATIONS_KINDS: Readonly<Record<string, LintPolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/**
 * Every policy document of a `terraform show -json` plan, named by its resource address and attribute.
 * A document known only after apply (it refers to a resource still to be created) is listed in `notes`.
 *
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
export function terraformPlaces(file: unknown): Result<PolicyPlaces> {
  const plan = readTerraformPlan(file);
  if (!plan.ok) return plan;
  const places: PolicyPlace[] = [];
  const notes: PolicyNote[] = [];
  for (const r of plan.value) {
    for (const attribute of TERRAFORM_POLICY_ATTRIBUTES[r.type] ?? []) {
      let kind: LintPolicyKind | undefined;
      if (attribute.kind === 'organizations') {
        kind = typeof r.values.type === 'string' ? ORGANIZATIONS_KINDS[r.values.type] : undefined;
        if (kind === undefined) continue; // tag, backup and AI opt-out policies take no part in authorization
      } else {
        kind = attribute.kind;
      }
      for (const found of walk(r.values, r.unknown, attribute.path, r.pointer, [])) {
        const name = `${r.address} ${found.name}`;
        if (found.unknown) {
          notes.push({
            code: 'lint-unknown-until-apply',
            severity: 'info',
            message: `\`${found.name}\` of \`${r.address}\` is known only after apply, so it was not linted`,
            path: '',
            pointer: found.pointer,
            policy: { name, kind, resource: r.address },
          });
          continue;
        }
        if (typeof found.value !== 'string' || found.value.trim() === '') continue;
        places.push({
          name,
          kind,
          resource: r.address,
          pointer: found.pointer,
          document: found.value,
          embedded: true,
          placeholders: [],
        });
      }
    }
  }
  return { ok: true, value: { places, notes } };
}

interface FoundAttribute {
  readonly name: string;
  readonly pointer: string;
  readonly value: unknown;
  readonly unknown: boolean;
}

function* walk(
  value: unknown,
  unknown: unknown,
  path: readonly string[],
  pointer: string,
  name: readonly string[],
): Generator<FoundAttribute> {
  if (path.length === 0) {
    yield { name: name.join(''), pointer, value, unknown: unknown === true };
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    const list = Array.isArray(value) ? value : [];
    const unknownList = Array.isArray(unknown) ? unknown : [];
    for (let i = 0; i < list.length; i++) {
      yield* walk(list[i], unknownList[i], rest, `${pointer}/${i}`, [...name, `[${i}]`]);
    }
    return;
  }
  const child = isJsonObject(value) ? value[head] : undefined;
  const childUnknown = isJsonObject(unknown) ? unknown[head] : undefined;
  if (child === undefined && childUnknown !== true) return;
  yield* walk(child, childUnknown, rest, `${pointer}/${pointerSegment(head)}`, [
    ...name,
    name.length === 0 ? head : `.${head}`,
  ]);
}
