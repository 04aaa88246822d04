import type { RedactionKind } from './redaction-map.js';

/** Gives the stand-in of a value of a kind. */
export type StandInFor = (original: string, kind: RedactionKind) => string;

const ACCOUNT_ID = /^\d{12}$/;
const SHORT_NUMBER = /^\d{1,11}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** EC2-style resource ids: `i-0123456789abcdef0`, `vol-01234567`. */
const RESOURCE_ID =
  /^(?:i|vol|snap|ami|sg|subnet|vpc|eni|lt|igw|rtb|eipalloc|nat|vpce|tgw|pcx|acl|fs|r|sir|fleet|dopt|lc|elb)-(?:[0-9a-f]{17}|[0-9a-f]{8})$/;
const LOCAL_PART = /^[A-Za-z0-9._%+-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9-]+$/;
const TOP_LABEL = /^[A-Za-z]{2,}$/;

/** `local@domain.tld`, checked piece by piece (no regular expression over the whole). */
function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) >= 0) return false;
  const labels = value.slice(at + 1).split('.');
  const top = labels[labels.length - 1] ?? '';
  return (
    LOCAL_PART.test(value.slice(0, at)) &&
    labels.length >= 2 &&
    labels.every((l) => DOMAIN_LABEL.test(l)) &&
    TOP_LABEL.test(top)
  );
}
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** Words in resource paths that name structure, not things: never redacted. */
const STRUCTURE_WORDS = new Set([
  '*',
  'aws',
  'root',
  'self',
  'index',
  'stream',
  'backup',
  'export',
  'import',
  'default',
  '$LATEST',
  'latest',
  'id',
  'service-role',
  'aws-service-role',
  'aws-reserved',
  'primary',
  'service_control_policy',
  'resource_control_policy',
  'tag_policy',
  'backup_policy',
  'aiservices_opt_out_policy',
  'chatbot_policy',
  'declarative_policy_ec2',
]);

/** Values someone already redacted by hand: `xxxx`, `****`, `REMOVED`, `[redacted]`, `<hidden>`. */
const PLACEHOLDER = /xxx|\*\*\*|removed|redacted|hidden/i;
/** AWS Organizations ids: organization, root, organizational unit, policy. */
const ORG_ID = /^(?:o|r|ou|p)-[0-9a-z]{4,32}(?:-[0-9a-z]{8,32})?$/;
/** An ECS task id, the session name of a task role. */
const TASK_ID = /^[0-9a-f]{32}$/;
/** Session names that AWS or an SDK chose: they tell how the credentials were made and name no one. */
const TOOL_SESSION =
  /^(?:CognitoIdentityCredentials|(?:aws-sdk-(?:java|js|go|dotnet|php|ruby)|botocore-session|aws-go-sdk)-\d+)$/;

/** IAM and STS resource types whose last segment is a name of the given kind. */
const IAM_NAME_KINDS: Readonly<Record<string, RedactionKind>> = {
  user: 'user-name',
  role: 'role-name',
  group: 'name',
  policy: 'name',
  'instance-profile': 'name',
  'server-certificate': 'name',
  'saml-provider': 'name',
  mfa: 'name',
  'oidc-provider': 'name',
  'federated-user': 'user-name',
};

/**
 * Rewrites the fields of an ARN: the account id and the names inside the resource get stand-ins;
 * the partition, service, region, resource type, wildcards and AWS-owned names stay, so that the ARN
 * is still an ARN of the same type. AWS managed policies (`arn:aws:iam::aws:policy/...`) stay whole.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function rewriteArn(
  fields: {
    readonly partition: string;
    readonly service: string;
    readonly region: string;
    readonly account: string;
    readonly resource: string;
  },
  standIn: StandInFor,
): string {
  const { partition, service, region, account } = fields;
  if (account === 'aws') return `arn:${partition}:${service}:${region}:${account}:${fields.resource}`;
  const newAccount = ACCOUNT_ID.test(account) ? standIn(account, 'account-id') : account;
  // policy variables hold `:` and `/`: they are set aside whole, so that no part of them is renamed
  const variables: string[] = [];
  const masked = fields.resource.replace(
    /\$\{[^{}]{0,126}\}/g,
    (v) => `\uE000${variables.push(v) - 1}\uE000`,
  );
  const rewritten = rewriteResource({ ...fields, resource: masked }, standIn);
  const resource = rewritten.replace(/\uE000(\d+)\uE000/g, (_, i: string) => variables[Number(i)] ?? '');
  return `arn:${partition}:${service}:${region}:${newAccount}:${resource}`;
}

function rewriteResource(
  fields: { readonly service: string; readonly account: string; readonly resource: string },
  standIn: StandInFor,
): string {
  const { service, resource } = fields;
  if (resource === '') return resource;
  if (service === 's3' && fields.account === '') return rewriteS3Path(resource, standIn);
  if (service === 'iam' || service === 'sts') return rewriteIdentity(resource, standIn);
  // generic: `type/name...`, `type:name...`, or a bare name (topics, queues)
  const pieces = resource.split(/([/:])/);
  if (pieces.length === 1) return segment(resource, 'name', standIn);
  let afterAws = false;
  return pieces
    .map((piece, i) => {
      if (i === 0 || piece === '/' || piece === ':') return piece;
      if (afterAws && piece !== '') {
        afterAws = false;
        return piece;
      }
      if (piece === 'aws') afterAws = true;
      return segment(piece, 'name', standIn);
    })
    .join('');
}

/** `bucket/key/segments` as in an S3 ARN, a path-style URL or `s3://`: the bucket, then each key segment. */
export function rewriteS3Path(path: string, standIn: StandInFor): string {
  return path
    .split('/')
    .map((part, i) => (i === 0 ? segment(part, 'bucket-name', standIn) : segment(part, 'name', standIn)))
    .join('/');
}

/** An S3 object key outside an ARN (CloudTrail's `key`, a URL path): each segment, as in the ARN. */
export function rewriteS3Key(key: string, standIn: StandInFor): string {
  return key
    .split('/')
    .map((part) => segment(part, 'name', standIn))
    .join('/');
}

function rewriteIdentity(resource: string, standIn: StandInFor): string {
  const parts = resource.split('/');
  const type = parts[0] ?? '';
  if (parts.length === 1) return resource;
  if (type === 'assumed-role') {
    return parts
      .map((part, i) => (i === 0 ? part : i === 1 ? roleName(part, standIn) : sessionName(part, standIn)))
      .join('/');
  }
  const kind = IAM_NAME_KINDS[type] ?? 'name';
  const last = parts.length - 1;
  return parts
    .map((part, i) => {
      if (i === 0) return part;
      if (i < last) return pathSegment(part, standIn);
      return kind === 'role-name' ? roleName(part, standIn) : segment(part, kind, standIn);
    })
    .join('/');
}

function roleName(name: string, standIn: StandInFor): string {
  if (name.startsWith('AWSServiceRoleFor')) return name;
  return segment(name, 'role-name', standIn);
}

/** A session name: what AWS or a tool chose stays (CodeBuild's prefix is kept by its stand-in). */
export function sessionName(name: string, standIn: StandInFor): string {
  if (TOOL_SESSION.test(name)) return name;
  return segment(name, 'session-name', standIn);
}

/** An IAM path segment: AWS's own (`aws-service-role`, a service principal, a region) stays. */
function pathSegment(part: string, standIn: StandInFor): string {
  if (part.endsWith('.amazonaws.com') || REGION.test(part)) return part;
  return segment(part, 'path', standIn);
}

/**
 * One name inside a resource: variables, numbers and structure words stay; a `*` pattern gets the
 * stand-in that keeps it matching the names it matched (`?` patterns stay as they are).
 */
function segment(part: string, kind: RedactionKind, standIn: StandInFor): string {
  if (part === '' || STRUCTURE_WORDS.has(part) || SHORT_NUMBER.test(part)) return part;
  if (part.includes('?') || part.includes('${') || part.includes('\uE000')) return part;
  if (part.includes('*')) return PLACEHOLDER.test(part) ? part : standIn(part, kind);
  if (part.endsWith('.amazonaws.com') || PLACEHOLDER.test(part)) return part;
  if (ACCOUNT_ID.test(part)) return standIn(part, 'account-id');
  if (RESOURCE_ID.test(part) || ORG_ID.test(part) || TASK_ID.test(part)) return standIn(part, 'resource-id');
  if (UUID.test(part)) return standIn(part, 'key-id');
  if (isEmail(part)) return standIn(part, 'email');
  return standIn(part, kind);
}
