import type { InputKind } from '../analyze/input-kind.js';
import type { ErrorReading } from '../errors/failure.js';
import { lookalikeAdvice } from '../errors/lookalikes.js';
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

/**
 * What to do next for a reading: the look-alike's remedy, or for an access failure, where the deciding
 * policy lives, who owns it, and the commands that fetch the missing evidence. `whydenied` is how
 * the user runs whydenied (`npx whydenied` when it is not on the PATH), for the commands of its own.
 */
export function nextSteps(reading: ErrorReading, evidenceGiven = false, whydenied = 'whydenied'): NextStep[] {
  if (reading.lookalike !== null) {
    const advice = lookalikeAdvice(reading.lookalike);
    if (advice === null) return [];
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
