import type { FixOperation } from '../fix/fix-model.js';
import { type Arn, parseArn } from '../matching/arn.js';

/**
 * What whydenied knows of one service's resource-based policies: which resource carries the policy
 * that governs an ARN, what the policy is called, how to fetch it and how to change it.
 */
export interface ResourcePolicyKind {
  readonly service: string;
  /** `bucket policy`, `key policy`... */
  readonly label: string;
  /** The prefix of the policy's name in the evaluated set (`bucket-policy:my-bucket`). */
  readonly prefix: string;
  readonly operation: FixOperation;
  /** The ARN of the resource that carries the policy governing `arn`, or `undefined` when none does. */
  holder(arn: Arn): string | undefined;
  /** A short display name of the holder (bucket name, key id, queue name...). */
  shortName(holder: Arn): string;
  /** The command that prints the holder's policy. */
  fetch(holderArn: string, holder: Arn): string;
}

const afterType = (resource: string): string => resource.slice(resource.search(/[/:]/) + 1);
const arnText = (a: Arn, resource: string): string =>
  `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${resource}`;

/**
 * The services whose resource policies `--resource-policy` supplies, in one table keyed by IAM
 * prefix. IAM roles are not here: their trust policy is read from the `--account` files.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
export const RESOURCE_POLICY_KINDS: Readonly<Record<string, ResourcePolicyKind>> = {
  s3: {
    service: 's3',
    label: 'bucket policy',
    prefix: 'bucket-policy',
    operation: 'PutBucketPolicy',
    holder: (a) => {
      // bucket and object ARNs carry no region or account; access points and others are matched exactly
      if (a.region !== '' || a.account !== '' || a.resource === '') return undefined;
      const slash = a.resource.indexOf('/');
      return arnText(a, slash < 0 ? a.resource : a.resource.slice(0, slash));
    },
    shortName: (h) => h.resource,
    fetch: (_, h) => `aws s3api get-bucket-policy --bucket ${h.resource} --query Policy --output text`,
  },
  kms: {
    service: 'kms',
    label: 'key policy',
    prefix: 'key-policy',
    operation: 'PutKeyPolicy',
    holder: (a) => (a.resource.startsWith('key/') ? arnText(a, a.resource) : undefined),
    shortName: (h) => afterType(h.resource),
    fetch: (arn) =>
      `aws kms get-key-policy --key-id ${arn} --policy-name default --query Policy --output text`,
  },
  sqs: {
    service: 'sqs',
    label: 'queue policy',
    prefix: 'queue-policy',
    operation: 'SetQueueAttributes',
    holder: (a) => arnText(a, a.resource),
    shortName: (h) => h.resource,
    fetch: (_, h) =>
      `aws sqs get-queue-attributes --queue-url https://sqs.${h.region}.amazonaws.com/${h.account}/${h.resource} --attribute-names Policy --query Attributes.Policy --output text`,
  },
  sns: {
    service: 'sns',
    label: 'topic policy',
    prefix: 'topic-policy',
    operation: 'SetTopicAttributes',
    holder: (a) => arnText(a, a.resource),
    shortName: (h) => h.resource,
    fetch: (arn) => `aws sns get-topic-attributes --topic-arn ${arn} --query Attributes.Policy --output text`,
  },
  ecr: {
    service: 'ecr',
    label: 'repository policy',
    prefix: 'repository-policy',
    operation: 'SetRepositoryPolicy',
    holder: (a) => (a.resource.startsWith('repository/') ? arnText(a, a.resource) : undefined),
    shortName: (h) => afterType(h.resource),
    fetch: (_, h) =>
      `aws ecr get-repository-policy --repository-name ${afterType(h.resource)} --region ${h.region} --registry-id ${h.account} --query policyText --output text`,
  },
  lambda: {
    service: 'lambda',
    label: 'function policy',
    prefix: 'function-policy',
    operation: 'AddPermission',
    holder: (a) => {
      // function:name or function:name:qualifier → the function; layers and others exactly
      const m = /^function:([^:]+)(?::[^:]+)?$/.exec(a.resource);
      return m ? arnText(a, `function:${m[1]}`) : undefined;
    },
    shortName: (h) => afterType(h.resource),
    fetch: (arn) => `aws lambda get-policy --function-name ${arn} --query Policy --output text`,
  },
  secretsmanager: {
    service: 'secretsmanager',
    label: 'secret policy',
    prefix: 'secret-policy',
    operation: 'PutResourcePolicy',
    holder: (a) => (a.resource.startsWith('secret:') ? arnText(a, a.resource) : undefined),
    shortName: (h) => afterType(h.resource),
    fetch: (arn) =>
      `aws secretsmanager get-resource-policy --secret-id ${arn} --query ResourcePolicy --output text`,
  },
  dynamodb: {
    service: 'dynamodb',
    label: 'table policy',
    prefix: 'table-policy',
    operation: 'PutResourcePolicy',
    holder: (a) => {
      const m = /^table\/([^/]+)/.exec(a.resource);
      return m ? arnText(a, `table/${m[1]}`) : undefined;
    },
    shortName: (h) => afterType(h.resource),
    fetch: (arn) => `aws dynamodb get-resource-policy --resource-arn ${arn} --query Policy --output text`,
  },
};

/** The resource-policy kind and holder ARN that govern `resource`, when its service has one. */
export function policyHolderOf(
  resource: string,
): { readonly kind: ResourcePolicyKind; readonly holder: string; readonly holderArn: Arn } | undefined {
  const arn = parseArn(resource);
  if (arn === undefined) return undefined;
  const kind = RESOURCE_POLICY_KINDS[arn.service];
  const holder = kind?.holder(arn);
  const holderArn = holder === undefined ? undefined : parseArn(holder);
  if (kind === undefined || holder === undefined || holderArn === undefined) return undefined;
  return { kind, holder, holderArn };
}

/**
 * True when a `--resource-policy` given for `givenArn` governs `resource`: the same ARN, the same
 * holder (an object's bucket, a qualified function's function, an index's table), or a secret
 * named without the six-character suffix Secrets Manager appends to its ARN.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources
 */
export function governs(givenArn: string, resource: string): boolean {
  if (givenArn === resource) return true;
  const given = policyHolderOf(givenArn);
  const target = policyHolderOf(resource);
  if (given === undefined || target === undefined) return false;
  if (given.holder === target.holder) return true;
  return (
    target.kind.service === 'secretsmanager' &&
    target.holder.length === given.holder.length + 7 &&
    target.holder.startsWith(`${given.holder}-`)
  );
}
