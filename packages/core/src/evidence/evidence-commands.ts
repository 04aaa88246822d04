import type { InputKind } from '../analyze/input-kind.js';

/**
 * Every command whydenied prints to fetch evidence, in one table shared by the next steps and the
 * missing-evidence entries. A command whose output whydenied reads names the input kind it is read
 * as (`readsAs`); a test feeds each one's documented output through the input reader. The others
 * print what a person reads to decide (a boundary's ARN, a policy id) and say so with `null`.
 */
export type EvidenceCommandId =
  | 'caller-identity'
  | 'account-details'
  | 'account-details-of-kind'
  | 'managed-policy-version'
  | 'role-trust-policy'
  | 'instance-profile-role'
  | 'decode-message'
  | 'org-policies-of-target'
  | 'org-policy'
  | 'org-parents'
  | 'permissions-boundary'
  | 'vpc-endpoint-policies'
  | 'federation-token-calls'
  | 'bucket-owner';

/** The values a command is built from; a missing one prints as a `<placeholder>`. */
export interface EvidenceCommandParams {
  readonly account?: string;
  /** IAM entity kind for a filtered account-details call, a boundary lookup. */
  readonly entity?: 'user' | 'role' | 'group';
  readonly name?: string;
  readonly arn?: string;
  readonly policyId?: string;
  readonly policyType?: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  readonly region?: string;
  readonly service?: string;
  readonly encodedMessage?: string;
}

/** One command of the table. */
export interface EvidenceCommand {
  /** The input kind its output is read as; `null` when its output is for a person to read. */
  readonly readsAs: InputKind | null;
  /** The file the output is written to, when it is read as an input. */
  readonly file?: (p: EvidenceCommandParams) => string;
  readonly build: (p: EvidenceCommandParams) => string;
  /** The AWS CLI reference page of the command. */
  readonly source: string;
}

const or = (value: string | undefined, placeholder: string): string => value ?? `<${placeholder}>`;
const ENTITY_FILTER = { user: 'User', role: 'Role', group: 'Group' } as const;

/** The commands, by id. */
export const EVIDENCE_COMMANDS: Readonly<Record<EvidenceCommandId, EvidenceCommand>> = {
  'caller-identity': {
    readsAs: null,
    build: () => 'aws sts get-caller-identity',
    source: 'https://docs.aws.amazon.com/cli/latest/reference/sts/get-caller-identity.html',
  },
  'account-details': {
    readsAs: 'account',
    file: (p) => `account-${or(p.account, 'account-id')}.json`,
    build: () => 'aws iam get-account-authorization-details --output json',
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html',
  },
  'account-details-of-kind': {
    readsAs: 'account',
    file: (p) => `account-${or(p.account, 'account-id')}.json`,
    build: (p) =>
      `aws iam get-account-authorization-details --output json --filter ${ENTITY_FILTER[p.entity ?? 'role']}`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html',
  },
  'managed-policy-version': {
    readsAs: null,
    build: (p) => {
      const arn = or(p.arn, 'policy-arn');
      return `aws iam get-policy-version --policy-arn ${arn} --version-id $(aws iam get-policy --policy-arn ${arn} --query Policy.DefaultVersionId --output text)`;
    },
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-policy-version.html',
  },
  'role-trust-policy': {
    readsAs: 'resource-policy',
    file: (p) => `trust-${or(p.name, 'role-name')}.json`,
    build: (p) =>
      `aws iam get-role --role-name ${or(p.name, 'role-name')} --query Role.AssumeRolePolicyDocument --output json`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-role.html',
  },
  'instance-profile-role': {
    readsAs: null,
    build: (p) =>
      `aws iam get-instance-profile --instance-profile-name ${or(p.name, 'instance-profile-name')} --query "InstanceProfile.Roles[].Arn" --output text`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-instance-profile.html',
  },
  'decode-message': {
    readsAs: 'decoded',
    file: () => 'decoded.json',
    build: (p) =>
      `aws sts decode-authorization-message --encoded-message '${or(p.encodedMessage, 'encoded-message')}' --query DecodedMessage --output text`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/sts/decode-authorization-message.html',
  },
  'org-policies-of-target': {
    readsAs: null,
    build: (p) =>
      `aws organizations list-policies-for-target --target-id ${or(p.account, 'account-id')} --filter ${p.policyType ?? 'SERVICE_CONTROL_POLICY'}`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/organizations/list-policies-for-target.html',
  },
  'org-policy': {
    readsAs: null,
    build: (p) => `aws organizations describe-policy --policy-id ${or(p.policyId, 'policy-id')}`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/organizations/describe-policy.html',
  },
  'org-parents': {
    readsAs: null,
    build: (p) => `aws organizations list-parents --child-id ${or(p.account, 'account-id')}`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/organizations/list-parents.html',
  },
  'permissions-boundary': {
    readsAs: null,
    build: (p) =>
      p.entity === 'user'
        ? `aws iam get-user --user-name ${or(p.name, 'user-name')} --query User.PermissionsBoundary`
        : `aws iam get-role --role-name ${or(p.name, 'role-name')} --query Role.PermissionsBoundary`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/iam/get-role.html',
  },
  'vpc-endpoint-policies': {
    readsAs: null,
    build: (p) =>
      `aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.${or(p.region, 'region')}.${or(p.service, 'service')} --query "VpcEndpoints[].[VpcEndpointId,PolicyDocument]"`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-vpc-endpoints.html',
  },
  'federation-token-calls': {
    readsAs: null,
    build: () =>
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GetFederationToken',
    source: 'https://docs.aws.amazon.com/cli/latest/reference/cloudtrail/lookup-events.html',
  },
  'bucket-owner': {
    readsAs: null,
    build: (p) =>
      `aws s3api head-bucket --bucket ${or(p.name, 'bucket')} --expected-bucket-owner ${or(p.account, 'account-id')}`,
    source: 'https://docs.aws.amazon.com/cli/latest/reference/s3api/head-bucket.html',
  },
};

/**
 * The command that fetches one piece of evidence; for a command whose output is read as an input,
 * with the redirection to the file it is then given as.
 */
export function evidenceCommand(id: EvidenceCommandId, params: EvidenceCommandParams = {}): string {
  const command = EVIDENCE_COMMANDS[id];
  const text = command.build(params);
  return command.file === undefined ? text : `${text} > ${command.file(params)}`;
}
