import type { InputKind } from '../analyze/input-kind.js';
import type { ErrorReading } from '../errors/failure.js';
import { splitArn } from '../errors/principal.js';
import { evidenceCommand } from '../evidence/evidence-commands.js';
import { policyHolderOf } from '../evidence/resource-policies.js';

/** One thing to do next: why, and the command that does it (never run by whydenied). */
export interface NextStep {
  /** Stable identifier, e.g. `decode-message`. */
  readonly code: string;
  readonly message: string;
  /** A shell command with `<placeholders>` for what the error did not say. */
  readonly command?: string;
  /**
   * The input the command's output is given as, for a front end to say how (`--decoded FILE`, the
   * evidence drop zone); absent when the output is for a person to read.
   */
  readonly evidence?: InputKind;
}

/** Look-alike advice, keyed by the look-alike rule id; a command of whydenied's own takes how it is run. */
const LOOKALIKE_ADVICE: Readonly<
  Record<string, { message: string; command?: string | ((whydenied: string) => string) }>
> = {
  'expired-token': {
    message:
      'the temporary credentials expired: refresh them (sign in again, or re-assume the role) and retry',
    command: 'aws sts get-caller-identity',
  },
  'invalid-token': {
    message:
      'AWS does not recognise the credentials: the access key is deleted or mistyped, the session token is missing, the key belongs to another partition, or the region is not enabled; credentials from GetSessionToken without MFA also get this from IAM',
    command: 'aws configure list && aws sts get-caller-identity',
  },
  'signature-mismatch': {
    message:
      'the secret access key does not match the key id, or something rewrote the request (proxy, clock, encoding)',
    command: 'aws configure list',
  },
  'request-expired': {
    message: 'the request was signed with a clock more than 15 minutes off: fix the system clock',
    command: 'date -u',
  },
  'credentials-not-validated': {
    message: 'EC2 could not validate the credentials: check the access key, session token and region',
    command: 'aws sts get-caller-identity',
  },
  'not-authenticated': {
    message:
      'the service rejected the identity itself (Cognito sign-in or unauthenticated access settings), not a policy',
  },
  'session-credentials': {
    message:
      'this STS call needs long-term IAM user (or root) credentials; temporary credentials can never call it, and no policy change fixes that',
    command: 'aws sts get-caller-identity',
  },
  'ami-not-shared': {
    message:
      'the AMI is not shared with this account, lives in another region, or was deregistered: ask its owner to share it, or copy it into this region',
    command: 'aws ec2 describe-images --image-ids <ami-id> --region <region>',
  },
  'image-not-found': {
    message: 'the AMI id does not exist here: wrong region, deregistered, or not shared with this account',
    command: 'aws ec2 describe-images --image-ids <ami-id> --region <region>',
  },
  'ebs-kms-key-inaccessible': {
    message:
      'the launch call succeeded but EC2 could not use the KMS key of an encrypted volume: the key is disabled or pending deletion, or its key policy does not let the caller (or the Auto Scaling service-linked role) create grants (kms:CreateGrant, kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt*, kms:DescribeKey)',
    command:
      'aws ec2 get-ebs-default-kms-key-id && aws kms get-key-policy --key-id <key-id> --policy-name default',
  },
  'kms-key-state': {
    message: 'the KMS key is disabled or pending deletion: enable it or cancel the deletion',
    command: 'aws kms describe-key --key-id <key-id>',
  },
  'lambda-stale-kms-grant': {
    message:
      "the function's execution role was deleted and re-created under the same name; the KMS grant still names the old role: update the function so that Lambda creates a new grant (no policy change helps)",
    command:
      'aws lambda update-function-configuration --function-name <function> --role <execution-role-arn>',
  },
  'kms-ciphertext-ambiguous': {
    message:
      'KMS answers the same for a key that does not exist, a key in another region or account, and a caller without kms:Decrypt: first check that the key exists where the data was encrypted, then the key policy and the caller’s kms:Decrypt permission',
    command: 'aws kms describe-key --key-id <key-id> --region <region>',
  },
  'opt-in-required': {
    message:
      'the account is not subscribed: enable the region, finish account activation, or accept the Marketplace terms',
    command: 'aws account get-region-opt-status --region-name <region>',
  },
  'account-blocked': {
    message: 'the account is blocked or suspended (billing or verification): only AWS Support can lift it',
  },
  'insufficient-capacity': {
    message:
      'AWS has no capacity for this instance type in that zone right now: retry later, use another zone or type',
  },
  throttling: {
    message:
      'the request rate exceeded the API limit: retry with exponential backoff, or lower the call rate',
  },
  'quota-exceeded': {
    message: 'a service quota is reached: request an increase in Service Quotas, or free capacity',
    command: 'aws service-quotas list-service-quotas --service-code <service>',
  },
  'malformed-policy': {
    message: 'the policy being written is invalid: check it before writing it',
    command: (whydenied) =>
      `${whydenied} lint <policy.json> && aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY --policy-document file://<policy.json>`,
  },
  'policy-validation': {
    message: 'the service rejected the policy being written (an operator or key it does not accept)',
    command: (whydenied) => `${whydenied} lint <policy.json>`,
  },
  'dry-run-succeeded': {
    message: 'nothing failed: a --dry-run call reports success this way; the real call would be allowed',
  },
};

/**
 * What to do next for a reading: the look-alike's remedy, or for an access failure, where the deciding
 * policy lives, who owns it, and the commands that fetch the missing evidence. `whydenied` is how
 * the user runs whydenied (`npx whydenied` when it is not on the PATH), for the commands of its own.
 */
export function nextSteps(reading: ErrorReading, evidenceGiven = false, whydenied = 'whydenied'): NextStep[] {
  if (reading.lookalike !== null) {
    const advice = LOOKALIKE_ADVICE[reading.lookalike];
    if (advice === undefined) return [];
    const { command, message } = advice;
    return [
      {
        code: reading.lookalike,
        message,
        ...(command === undefined
          ? {}
          : { command: typeof command === 'string' ? command : command(whydenied) }),
      },
    ];
  }
  if (reading.kind !== 'authorization') {
    return [];
  }
  const steps: NextStep[] = [];
  const { failure } = reading;
  const account = reading.principalInfo?.account ?? '<account-id>';
  const resourceService = failure.resource === null ? null : (splitArn(failure.resource)?.service ?? null);

  switch (failure.reasonLayer) {
    case 'scp':
      steps.push({
        code: 'ask-organization',
        message: `a service control policy ${failure.denyType === 'explicit' ? 'denies' : 'does not allow'} this; only the organization's administrators can change or exempt it (from the management or delegated administrator account)`,
        command: orgPolicyCommand(failure.policyArn, account, 'SERVICE_CONTROL_POLICY'),
      });
      break;
    case 'rcp':
      steps.push({
        code: 'ask-organization',
        message:
          "a resource control policy of the resource owner's organization denies this; only that organization's administrators can change it",
        command: orgPolicyCommand(failure.policyArn, '<resource-account-id>', 'RESOURCE_CONTROL_POLICY'),
      });
      break;
    case 'permissions-boundary':
      steps.push({
        code: 'read-boundary',
        message: `the permissions boundary of the caller ${failure.denyType === 'explicit' ? 'denies' : 'does not allow'} this; whoever set the boundary must change it (a boundary is often a guardrail on purpose)`,
        command: boundaryCommand(reading),
      });
      break;
    case 'session':
      steps.push({
        code: 'widen-session-policy',
        message:
          'the session policy passed when these credentials were created limits them: create the session again with a session policy that allows the action (AssumeRole --policy / --policy-arns, GetFederationToken --policy)',
      });
      break;
    case 'vpc-endpoint':
      steps.push({
        code: 'read-endpoint-policy',
        message: `the request went through a VPC endpoint whose policy ${failure.denyType === 'explicit' ? 'denies' : 'does not allow'} it${reading.transitiveThroughScp ? ' (reached through a service control policy)' : ''}; the VPC owner must change the endpoint policy`,
        command: evidenceCommand('vpc-endpoint-policies', {
          ...(reading.region === null ? {} : { region: reading.region }),
          ...(failure.service === null ? {} : { service: failure.service }),
        }),
      });
      break;
    case 'trust-policy':
      steps.push({
        code: 'read-trust-policy',
        message:
          "the role's trust policy does not let this caller assume it; the role's owner must add the caller to it",
        ...trustPolicyStep(failure.resource),
      });
      break;
    case 'resource': {
      const held = failure.resource === null ? undefined : policyHolderOf(failure.resource);
      steps.push({
        code: 'read-resource-policy',
        message: `the resource's own policy ${failure.denyType === 'explicit' ? 'denies' : 'does not allow'} this caller; the resource owner must change it${resourceService === 'kms' ? ' (a key policy is always required: IAM alone cannot grant access to a KMS key)' : ''}`,
        ...(held === undefined
          ? {}
          : { command: held.kind.fetch(held.holder, held.holderArn), evidence: 'resource-policy' as const }),
      });
      break;
    }
    default:
      break;
  }
  const resourceType = ec2ResourceType(failure.resource);
  if (failure.action?.toLowerCase() === 'ec2:runinstances' && resourceType !== null) {
    steps.push({
      code: 'runinstances-per-resource',
      message: `RunInstances is authorised once for each resource it touches (image, instance, network interface, security group, subnet, volume, key pair...); AWS reports the first that fails, here the \`${resourceType}\`: the allow must cover that resource type and its condition keys`,
    });
  }
  if (failure.action?.toLowerCase() === 'iam:passrole') {
    steps.push({
      code: 'passrole',
      message: `launching or configuring with a role needs iam:PassRole on that role, best scoped with the condition iam:PassedToService = ${passedToService(failure.service)}`,
    });
  }
  if (failure.action?.toLowerCase() === 'sts:assumerole' && failure.reasonLayer === null) {
    steps.push({
      code: 'check-both-sides',
      message:
        "AssumeRole needs both an allow for the caller (identity policy, boundary, SCP) and the target role's trust policy naming the caller",
      ...trustPolicyStep(failure.resource),
    });
  }
  if (reading.encodedMessage.state === 'present' && reading.encodedMessage.value !== null) {
    const blob =
      reading.encodedMessage.value.length <= 4096 ? reading.encodedMessage.value : '<encoded-message>';
    steps.push({
      code: 'decode-message',
      message: `decode the encoded message: it names the exact check that failed, the statements that matched and the request context (needs sts:DecodeAuthorizationMessage, run in account ${account})`,
      command: evidenceCommand('decode-message', { encodedMessage: blob }),
      evidence: 'decoded',
    });
  } else if (reading.encodedMessage.state === 'truncated') {
    steps.push({
      code: 'copy-whole-message',
      message:
        'the encoded message is cut off: copy it whole from the original output (CloudTrail and many log viewers cut it), then decode it',
      command: evidenceCommand('decode-message', { encodedMessage: '<whole-encoded-message>' }),
      evidence: 'decoded',
    });
  }
  if (reading.authorizationId !== null) {
    steps.push({
      code: 'authorization-details',
      message: `AWS kept the full evaluation: open ${reading.detailsUrl ?? 'the IAM console link'} or call GetRequestAuthorizationDetails with authorization id ${reading.authorizationId}`,
    });
  }
  if (!evidenceGiven && (failure.reasonLayer === null || failure.reasonLayer === 'identity')) {
    steps.push({
      code: 'collect-policies',
      message: `fetch the caller's policies and evaluate them offline${failure.reasonLayer === null ? ' (the error does not say which policy type denied)' : ''}`,
      command: evidenceCommand('account-details', {
        ...(reading.principalInfo?.account === undefined || reading.principalInfo.account === null
          ? {}
          : { account: reading.principalInfo.account }),
      }),
      evidence: 'account',
    });
  }
  if (failure.service === 's3' && failure.principal === null) {
    steps.push({
      code: 's3-bare-denial',
      message:
        "S3 names no caller or reason for requests from outside the bucket owner's account or organization, and answers 403 instead of 404 for a missing key when the caller lacks s3:ListBucket",
    });
  }
  return steps;
}

function ec2ResourceType(arn: string | null): string | null {
  const m = arn === null ? null : /^arn:[^:]*:ec2:[^:]*:[^:]*:([a-z-]+)\//.exec(arn);
  return m?.[1] ?? null;
}

function boundaryCommand(reading: ErrorReading): string {
  const p = reading.principalInfo;
  const name = p?.name ?? undefined;
  return evidenceCommand('permissions-boundary', {
    entity: p?.kind === 'user' ? 'user' : 'role',
    ...(name === undefined ? {} : { name }),
  });
}

/** The role's trust policy, fetched as a file to give as the role's resource policy. */
function trustPolicyStep(roleArn: string | null): { command: string; evidence: 'resource-policy' } {
  return {
    command: evidenceCommand('role-trust-policy', roleArn === null ? {} : { name: afterLastSlash(roleArn) }),
    evidence: 'resource-policy',
  };
}

/** The organization policy AWS named, or the policies of that type attached to the account. */
function orgPolicyCommand(
  policyArn: string | null,
  account: string | undefined,
  policyType: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
): string {
  const policyId = policyIdOf(policyArn);
  return policyId === null
    ? evidenceCommand('org-policies-of-target', { ...(account === undefined ? {} : { account }), policyType })
    : evidenceCommand('org-policy', { policyId });
}

function policyIdOf(arn: string | null): string | null {
  const m = arn === null ? null : /\/(p-[0-9a-z]+)$/.exec(arn);
  return m?.[1] ?? null;
}

function afterLastSlash(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function passedToService(service: string | null): string {
  switch (service) {
    case 'ecs':
      return 'ecs-tasks.amazonaws.com';
    case null:
      return '<service>.amazonaws.com';
    default:
      return `${service}.amazonaws.com`;
  }
}
