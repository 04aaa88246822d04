/**
 * What the evidence lacks to evaluate a request exactly, as coded entries: each names the file or
 * command that would supply it.
 */
export type MissingEvidenceCode =
  | 'principal-account-unknown'
  | 'account-details-missing'
  | 'account-details-truncated'
  | 'principal-not-found'
  | 'group-not-found'
  | 'managed-policy-missing'
  | 'managed-policy-version-missing'
  | 'federated-user-issuer-unknown'
  | 'session-policy-unknown'
  | 'scps-unknown'
  | 'rcps-unknown'
  | 'org-account-not-listed'
  | 'resource-policy-missing'
  | 'trust-policy-missing'
  | 'resource-account-unknown';

/** One piece of missing evidence: what is unknown, and the command (or file) that supplies it. */
export interface MissingEvidence {
  readonly code: MissingEvidenceCode;
  /** Lower-case start, no final period, user values in backticks. */
  readonly message: string;
  /** A shell command that fetches the missing evidence, to run with credentials of the account named in `message`. */
  readonly command: string;
  /** The ARN or id the entry is about (account id, policy ARN, resource ARN...). */
  readonly subject: string;
}

/** Parameters of the message templates. */
interface Params {
  readonly subject: string;
  readonly account?: string;
  readonly name?: string;
  readonly kind?: string;
  readonly command?: string;
}

const ACCOUNT_DETAILS = 'aws iam get-account-authorization-details --output json';

/** Message and command templates, one per code. */
const TEMPLATES: Readonly<
  Record<MissingEvidenceCode, (p: Params) => { readonly message: string; readonly command: string }>
> = {
  'principal-account-unknown': (p) => ({
    message: `the account of principal \`${p.subject}\` is unknown (redacted or not an ARN), so its policies cannot be looked up`,
    command: 'aws sts get-caller-identity',
  }),
  'account-details-missing': (p) => ({
    message: `no \`--account\` file for account \`${p.account}\`, so the policies of \`${p.subject}\` are unknown`,
    command: `${ACCOUNT_DETAILS} > account-${p.account}.json`,
  }),
  'account-details-truncated': (p) => ({
    message: `the \`--account\` file of \`${p.account}\` is truncated (\`IsTruncated: true\`): entities may be missing from it`,
    command: `${ACCOUNT_DETAILS} > account-${p.account}.json`,
  }),
  'principal-not-found': (p) => ({
    message: `${p.kind} \`${p.name}\` is not in the \`--account\` file of \`${p.account}\``,
    command: `${ACCOUNT_DETAILS} --filter ${p.kind === 'user' ? 'User' : 'Role'} > account-${p.account}.json`,
  }),
  'group-not-found': (p) => ({
    message: `group \`${p.name}\` of user \`${p.subject}\` is not in the \`--account\` file of \`${p.account}\`: its policies are left out`,
    command: `${ACCOUNT_DETAILS} --filter Group`,
  }),
  'managed-policy-missing': (p) => ({
    message: `managed policy \`${p.subject}\` is attached but not in the \`--account\` files: it is left out${
      p.kind === 'aws' ? ' (AWS managed policies are listed only with `--filter AWSManagedPolicy`)' : ''
    }`,
    command: policyVersionCommand(p.subject),
  }),
  'managed-policy-version-missing': (p) => ({
    message: `the default version of managed policy \`${p.subject}\` is not in the \`--account\` files: it is left out`,
    command: policyVersionCommand(p.subject),
  }),
  'federated-user-issuer-unknown': (p) => ({
    message: `the IAM user who called \`GetFederationToken\` for \`${p.subject}\` is unknown, so the session's identity policies are unknown`,
    command:
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GetFederationToken',
  }),
  'session-policy-unknown': (p) => ({
    message: `the session policy of \`${p.subject}\` is unknown; a federated user session without one is denied everything`,
    command:
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GetFederationToken',
  }),
  'scps-unknown': (p) => ({
    message: `no \`--org\` snapshot: the service control policies of account \`${p.account}\` are unknown and left out`,
    command: `aws organizations list-policies-for-target --target-id ${p.account} --filter SERVICE_CONTROL_POLICY  # from the management account, and for each parent of: aws organizations list-parents --child-id ${p.account}`,
  }),
  'rcps-unknown': (p) => ({
    message: `no \`--org\` snapshot: the resource control policies of account \`${p.account}\` are unknown and left out`,
    command: `aws organizations list-policies-for-target --target-id ${p.account} --filter RESOURCE_CONTROL_POLICY  # from the management account, and for each parent of: aws organizations list-parents --child-id ${p.account}`,
  }),
  'org-account-not-listed': (p) => ({
    message: `account \`${p.account}\` is not in the \`targets\` of the \`--org\` snapshot, so its ${p.kind} are left out`,
    command: `aws organizations list-parents --child-id ${p.account}`,
  }),
  'resource-policy-missing': (p) => ({
    message: `no \`--resource-policy\` for \`${p.subject}\`: its ${p.kind} is unknown and left out`,
    command: p.command ?? '',
  }),
  'trust-policy-missing': (p) => ({
    message: `role \`${p.subject}\` is not in the \`--account\` files: its trust policy is unknown`,
    command: `aws iam get-role --role-name ${p.name} --query Role.AssumeRolePolicyDocument --output json`,
  }),
  'resource-account-unknown': (p) => ({
    message: `the account that owns \`${p.subject}\` is unknown; it is taken to be the caller's account \`${p.account}\``,
    command: `aws s3api head-bucket --bucket ${p.name} --expected-bucket-owner ${p.account}`,
  }),
};

/** Builds a missing-evidence entry from its code's template. */
export function missingEvidence(code: MissingEvidenceCode, params: Params): MissingEvidence {
  const { message, command } = TEMPLATES[code](params);
  return { code, message, command, subject: params.subject };
}

/**
 * The command that prints a managed policy's default version.
 *
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/get-policy-version.html
 */
export function policyVersionCommand(arn: string): string {
  return `aws iam get-policy-version --policy-arn ${arn} --version-id $(aws iam get-policy --policy-arn ${arn} --query Policy.DefaultVersionId --output text)`;
}
