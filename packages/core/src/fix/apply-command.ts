import type { FixTarget } from './fix-model.js';

/** File name the commands refer to for the new document when no other is given. */
export const FIX_FILE = 'fix.json';

/** What the command needs of the policy it changes. */
export type CommandTarget = Pick<FixTarget, 'kind' | 'target' | 'policyName'>;

/**
 * The AWS CLI command that applies a new document to its target. whydenied never runs it.
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/put-role-policy.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/create-policy-version.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/s3api/put-bucket-policy.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/kms/put-key-policy.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/update-assume-role-policy.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/organizations/update-policy.html
 */
export function applyCommand(target: CommandTarget, path: string = FIX_FILE): string {
  const file = fileArgument(path);
  const name = lastSegment(target.target);
  switch (target.kind) {
    case 'inline-role-policy':
      return `aws iam put-role-policy --role-name ${name} --policy-name ${target.policyName} --policy-document ${file}`;
    case 'inline-user-policy':
      return `aws iam put-user-policy --user-name ${name} --policy-name ${target.policyName} --policy-document ${file}`;
    case 'inline-group-policy':
      return `aws iam put-group-policy --group-name ${name} --policy-name ${target.policyName} --policy-document ${file}`;
    case 'permission-set-inline-policy':
      // run where IAM Identity Center is administered; provisioning pushes it to the accounts
      return `aws sso-admin put-inline-policy-to-permission-set --instance-arn <instance-arn> --permission-set-arn <arn of permission set ${target.policyName}> --inline-policy ${file} && aws sso-admin provision-permission-set --instance-arn <instance-arn> --permission-set-arn <arn of permission set ${target.policyName}> --target-type ALL_PROVISIONED_ACCOUNTS`;
    case 'managed-policy':
      return `aws iam create-policy-version --policy-arn ${target.target} --policy-document ${file} --set-as-default`;
    case 'bucket-policy':
      return `aws s3api put-bucket-policy --bucket ${bucketOf(target.target)} --policy ${file}`;
    case 'key-policy':
      return `aws kms put-key-policy --key-id ${target.target} --policy-name default --policy ${file}`;
    case 'trust-policy':
      return `aws iam update-assume-role-policy --role-name ${name} --policy-document ${file}`;
    case 'scp':
    case 'rcp':
      return `aws organizations update-policy --policy-id ${policyId(target.target)} --content ${file}`;
    case 'resource-policy':
      return resourcePolicyCommand(target.target, file, path);
  }
}

/** `file://PATH`, quoted for a POSIX shell when the path holds anything but plain path characters. */
function fileArgument(path: string): string {
  const argument = `file://${path}`;
  return /^[\w./@%+=:,-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

function resourcePolicyCommand(arn: string, file: string, path: string): string {
  const service = arn.split(':')[2] ?? '';
  switch (service) {
    case 'sns':
      return `aws sns set-topic-attributes --topic-arn ${arn} --attribute-name Policy --attribute-value ${file}`;
    case 'sqs':
      return `aws sqs set-queue-attributes --queue-url <queue-url> --attributes Policy=<contents of ${path} as one JSON string>`;
    case 'ecr':
      return `aws ecr set-repository-policy --repository-name ${lastSegment(arn)} --policy-text ${file}`;
    case 'secretsmanager':
      return `aws secretsmanager put-resource-policy --secret-id ${arn} --resource-policy ${file}`;
    default:
      return `<the ${service} API that sets the resource policy of ${arn}> (${path})`;
  }
}

function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function bucketOf(arn: string): string {
  const rest = arn.replace(/^arn:[^:]*:s3:::/, '');
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

function policyId(idOrArn: string): string {
  const m = /(p-[0-9a-z]+)$/.exec(idOrArn);
  return m?.[1] ?? idOrArn;
}
