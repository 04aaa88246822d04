import type { Result } from '../../diagnostics/result.js';
import { hasIntrinsic, resolveIntrinsics } from '../../iac/intrinsics.js';
import { isJsonObject } from '../../json/is-json-object.js';
import { pointerSegment } from '../../policy/parse-policy.js';
import type { LintPolicyKind } from '../lint-rule.js';
import type { PolicyPlace, PolicyPlaces } from './policy-place.js';

/**
 * Where a resource type keeps a policy document, below `Properties` (`*` for each element of a list),
 * and its kind. `organizations` reads the kind from the `Type` property; `sam` reads SAM's `Policies`
 * (a document, or a list of documents, managed policy names and policy templates: only documents are
 * linted).
 */
interface TemplatePolicy {
  readonly path: readonly string[];
  readonly kind: LintPolicyKind | 'organizations' | 'sam';
}

const identity = (...path: string[]): TemplatePolicy => ({ path, kind: 'identity' });
const resource = (...path: string[]): TemplatePolicy => ({ path, kind: 'resource' });

/**
 * The CloudFormation and SAM resource types that hold a policy document.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
 */
export const TEMPLATE_POLICY_PROPERTIES: Readonly<Record<string, readonly TemplatePolicy[]>> = {
  'AWS::IAM::Policy': [identity('PolicyDocument')],
  'AWS::IAM::ManagedPolicy': [identity('PolicyDocument')],
  'AWS::IAM::RolePolicy': [identity('PolicyDocument')],
  'AWS::IAM::UserPolicy': [identity('PolicyDocument')],
  'AWS::IAM::GroupPolicy': [identity('PolicyDocument')],
  'AWS::IAM::Role': [resource('AssumeRolePolicyDocument'), identity('Policies', '*', 'PolicyDocument')],
  'AWS::IAM::User': [identity('Policies', '*', 'PolicyDocument')],
  'AWS::IAM::Group': [identity('Policies', '*', 'PolicyDocument')],
  'AWS::Organizations::Policy': [{ path: ['Content'], kind: 'organizations' }],
  'AWS::S3::BucketPolicy': [resource('PolicyDocument')],
  'AWS::S3::AccessPoint': [resource('Policy')],
  'AWS::KMS::Key': [resource('KeyPolicy')],
  'AWS::KMS::ReplicaKey': [resource('KeyPolicy')],
  'AWS::SQS::QueuePolicy': [resource('PolicyDocument')],
  'AWS::SNS::TopicPolicy': [resource('PolicyDocument')],
  'AWS::ECR::Repository': [resource('RepositoryPolicyText')],
  'AWS::ECR::RegistryPolicy': [resource('PolicyText')],
  'AWS::SecretsManager::ResourcePolicy': [resource('ResourcePolicy')],
  'AWS::EC2::VPCEndpoint': [resource('PolicyDocument')],
  'AWS::EFS::FileSystem': [resource('FileSystemPolicy')],
  'AWS::Backup::BackupVault': [resource('AccessPolicy')],
  'AWS::Logs::ResourcePolicy': [resource('PolicyDocument')],
  'AWS::OpenSearchService::Domain': [resource('AccessPolicies')],
  'AWS::Serverless::Function': [{ path: ['Policies'], kind: 'sam' }, resource('AssumeRolePolicyDocument')],
  'AWS::Serverless::StateMachine': [{ path: ['Policies'], kind: 'sam' }],
};

const ORGANIZATIONS_KINDS: Readonly<Record<string, LintPolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/**
 * Whether a parsed value is a CloudFormation or SAM template: `AWSTemplateFormatVersion`, or
 * `Resources` whose entries name a `Type`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
export function isTemplate(value: unknown): boolean {
  if (!isJsonObject(value) || 'Statement' in value) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  const resources = value.Resources;
  return (
    isJsonObject(resources) &&
    Object.values(resources).length > 0 &&
    Object.values(resources).every((r) => isJsonObject(r) && typeof r.Type === 'string')
  );
}

/**
 * Every policy document of a CloudFormation or SAM template (JSON, YAML, or a CDK `cdk.out`
 * template), named by its logical id (and the CDK construct path when the template records one).
 * Intrinsic functions are replaced by stand-ins (see `resolveIntrinsics`), not reported.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export function templatePlaces(template: unknown): Result<PolicyPlaces> {
  const places: PolicyPlace[] = [];
  const resources = isJsonObject(template) && isJsonObject(template.Resources) ? template.Resources : {};
  for (const [logicalId, raw] of Object.entries(resources)) {
    if (!isJsonObject(raw) || typeof raw.Type !== 'string' || !isJsonObject(raw.Properties)) continue;
    const properties = raw.Properties;
    const base = `/Resources/${pointerSegment(logicalId)}/Properties`;
    const metadata = isJsonObject(raw.Metadata) ? raw.Metadata : {};
    const cdkPath = typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : null;
    const label = cdkPath === null ? logicalId : `${logicalId} (${cdkPath})`;
    for (const spec of TEMPLATE_POLICY_PROPERTIES[raw.Type] ?? []) {
      let kind: LintPolicyKind | 'sam';
      if (spec.kind === 'organizations') {
        const type = properties.Type;
        const known = typeof type === 'string' ? ORGANIZATIONS_KINDS[type] : undefined;
        if (known === undefined) continue;
        kind = known;
      } else {
        kind = spec.kind;
      }
      for (const found of walk(properties, spec.path, base, [])) {
        const add = (value: unknown, pointer: string, name: string, placeKind: LintPolicyKind) => {
          if (typeof value === 'string') {
            places.push({
              name,
              kind: placeKind,
              resource: logicalId,
              pointer,
              document: value,
              embedded: true,
              placeholders: [],
            });
            return;
          }
          if (!isJsonObject(value)) return;
          const resolved = hasIntrinsic(value)
            ? resolveIntrinsics(value)
            : { document: value, placeholders: [] };
          places.push({
            name,
            kind: placeKind,
            resource: logicalId,
            pointer,
            document: resolved.document,
            embedded: false,
            placeholders: resolved.placeholders,
          });
        };
        if (kind === 'sam') {
          const list = Array.isArray(found.value) ? found.value : [found.value];
          list.forEach((item, i) => {
            if (!isJsonObject(item) || !('Statement' in item)) return;
            const at = Array.isArray(found.value) ? `${found.pointer}/${i}` : found.pointer;
            const suffix = Array.isArray(found.value) ? `[${i}]` : '';
            add(item, at, `${label} ${found.name}${suffix}`, 'identity');
          });
          continue;
        }
        const policyName = policyNameNear(properties, found.pointer, base);
        add(found.value, found.pointer, `${label} ${found.name}${policyName}`, kind);
      }
    }
  }
  return { ok: true, value: { places, notes: [] } };
}

/** ` (NAME)` for an element of `Policies` that names itself with `PolicyName`. */
function policyNameNear(
  properties: Readonly<Record<string, unknown>>,
  pointer: string,
  base: string,
): string {
  const match = /^\/Policies\/(\d+)\/PolicyDocument$/.exec(pointer.slice(base.length));
  if (match === null || !Array.isArray(properties.Policies)) return '';
  const item: unknown = properties.Policies[Number(match[1])];
  return isJsonObject(item) && typeof item.PolicyName === 'string' ? ` (${item.PolicyName})` : '';
}

interface FoundProperty {
  readonly name: string;
  readonly pointer: string;
  readonly value: unknown;
}

function* walk(
  value: unknown,
  path: readonly string[],
  pointer: string,
  name: readonly string[],
): Generator<FoundProperty> {
  if (path.length === 0) {
    if (value !== undefined && value !== null) yield { name: name.join(''), pointer, value };
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++)
      yield* walk(value[i], rest, `${pointer}/${i}`, [...name, `[${i}]`]);
    return;
  }
  if (!isJsonObject(value)) return;
  yield* walk(value[head], rest, `${pointer}/${pointerSegment(head)}`, [
    ...name,
    name.length === 0 ? head : `.${head}`,
  ]);
}
