/**
 * Actions that let a principal raise its own privileges, as data: each entry names the actions, a
 * reason code, whether only a broad resource (a wildcard over roles) makes it one, and the AWS page
 * or published research describing the path.
 *
 * @see https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */

/** Why an allowed action is flagged as a privilege-escalation path. */
export type EscalationCode =
  | 'pass-role-broad'
  | 'assume-role-broad'
  | 'policy-version'
  | 'inline-policy-write'
  | 'policy-attach'
  | 'group-membership'
  | 'trust-policy-write'
  | 'credentials-for-others'
  | 'boundary-removal'
  | 'code-under-role';

/** One escalation rule. */
export interface EscalationRule {
  readonly code: EscalationCode;
  /** Lower-cased `service:action` names. */
  readonly actions: readonly string[];
  /** Only when the allowed resource pattern holds a wildcard in its resource part (or is `*`). */
  readonly broadOnly: boolean;
  readonly summary: string;
  readonly source: string;
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';

/** Every escalation rule, keyed by code (a missing code does not compile). */
export const ESCALATION_RULES: Readonly<Record<EscalationCode, EscalationRule>> = {
  'pass-role-broad': {
    code: 'pass-role-broad',
    actions: ['iam:passrole'],
    broadOnly: true,
    summary: 'can pass any matching role to a service, which then acts with that role’s permissions',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  },
  'assume-role-broad': {
    code: 'assume-role-broad',
    actions: ['sts:assumerole'],
    broadOnly: true,
    summary: 'can assume any matching role whose trust policy lets this account in',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html',
  },
  'policy-version': {
    code: 'policy-version',
    actions: ['iam:createpolicyversion', 'iam:setdefaultpolicyversion'],
    broadOnly: false,
    summary: 'can rewrite or roll back a managed policy, including one attached to itself',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html',
  },
  'inline-policy-write': {
    code: 'inline-policy-write',
    actions: ['iam:putuserpolicy', 'iam:putgrouppolicy', 'iam:putrolepolicy'],
    broadOnly: false,
    summary: 'can write an inline policy granting any permission',
    source: RHINO,
  },
  'policy-attach': {
    code: 'policy-attach',
    actions: ['iam:attachuserpolicy', 'iam:attachgrouppolicy', 'iam:attachrolepolicy'],
    broadOnly: false,
    summary: 'can attach any managed policy, AdministratorAccess included',
    source: RHINO,
  },
  'group-membership': {
    code: 'group-membership',
    actions: ['iam:addusertogroup'],
    broadOnly: false,
    summary: 'can add a user to a group with more permissions',
    source: RHINO,
  },
  'trust-policy-write': {
    code: 'trust-policy-write',
    actions: ['iam:updateassumerolepolicy'],
    broadOnly: false,
    summary: 'can rewrite a role’s trust policy to let itself assume the role',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html',
  },
  'credentials-for-others': {
    code: 'credentials-for-others',
    actions: ['iam:createaccesskey', 'iam:createloginprofile', 'iam:updateloginprofile'],
    broadOnly: false,
    summary: 'can create credentials for another user and act as that user',
    source: RHINO,
  },
  'boundary-removal': {
    code: 'boundary-removal',
    actions: [
      'iam:deleterolepermissionsboundary',
      'iam:deleteuserpermissionsboundary',
      'iam:putrolepermissionsboundary',
      'iam:putuserpermissionsboundary',
    ],
    broadOnly: false,
    summary: 'can remove or replace the permissions boundary that limits a principal',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  },
  'code-under-role': {
    code: 'code-under-role',
    actions: ['lambda:updatefunctioncode', 'glue:updatedevendpoint'],
    broadOnly: false,
    summary: 'can run its own code under an existing function’s or endpoint’s role',
    source: RHINO,
  },
};

const byAction = new Map<string, EscalationRule>();
for (const rule of Object.values(ESCALATION_RULES)) for (const a of rule.actions) byAction.set(a, rule);

/** Whether a resource pattern is broad: `*`, or a wildcard in the ARN's resource part. */
export function isBroadPattern(pattern: string): boolean {
  if (!pattern.startsWith('arn:')) return true;
  let colons = 0;
  let at = 0;
  for (; at < pattern.length && colons < 5; at++) if (pattern[at] === ':') colons++;
  const resource = pattern.slice(at);
  return resource.includes('*') || resource.includes('?');
}

/** The escalation rule an allowed action on a resource pattern falls under, if any. */
export function escalationFor(actionLower: string, resource: string): EscalationRule | null {
  const rule = byAction.get(actionLower);
  if (rule === undefined) return null;
  return rule.broadOnly && !isBroadPattern(resource) ? null : rule;
}
