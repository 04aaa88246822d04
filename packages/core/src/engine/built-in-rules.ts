/**
 * Rules AWS applies that no policy states: an action that needs no permission, resources nobody can
 * change through IAM, resources whose own policy is always required. Each rule is data with its AWS
 * source, a plain-words explanation and advice; the engine consults them, the diagnosis explains them.
 */
import { parseArn } from '../matching/arn.js';
import { type Caller, isAccountPrincipal } from './caller.js';
import type { RequestContext } from './request-context.js';

/**
 * What a built-in rule decides:
 * - `allow`: AWS allows the request whatever the policies say, even an explicit deny;
 * - `deny`: AWS refuses it whatever the policies say; no policy change can allow it;
 * - `require-resource-policy`: the resource's own policy must allow the request (an identity-based
 *   policy alone cannot), as for a KMS key policy or a role's trust policy.
 */
export type BuiltInEffect = 'allow' | 'deny' | 'require-resource-policy';

/** The id of a built-in rule. */
export type BuiltInRuleId =
  | 'sts-get-caller-identity'
  | 'sts-get-session-token'
  | 'aws-managed-policy-read-only'
  | 'service-linked-role-protected'
  | 'service-linked-role-trust'
  | 'service-linked-role-policy-not-attachable'
  | 'identity-center-role-protected'
  | 'kms-key-policy-required'
  | 'role-trust-policy-required';

/** A request as a built-in rule sees it. */
export interface BuiltInSubject {
  /** `service:action`, lower-cased. */
  readonly actionLower: string;
  readonly resource: string;
  readonly caller: Caller;
  readonly context: RequestContext;
}

/** One rule AWS applies that no policy states. */
export interface BuiltInRule {
  readonly id: BuiltInRuleId;
  readonly effect: BuiltInEffect;
  /** The actions it concerns, lower-cased `service:action`, or `service:*` for every action of a service. */
  readonly actions: readonly string[];
  /** Whether it applies to a request whose action is one of `actions`. */
  applies(subject: BuiltInSubject): boolean;
  /** The AWS pages that state the rule, the main one first. */
  readonly sources: readonly [string, ...string[]];
  /** What AWS does, in plain words (lower-case start, no final period). */
  readonly explanation: string;
  /** What to do instead (lower-case start, no final period). */
  readonly advice: string;
}

/** The built-in rule that decided an evaluation, as results and the contract report it. */
export interface BuiltInDecision {
  readonly id: BuiltInRuleId;
  readonly effect: BuiltInEffect;
}

/** A role ARN read into its path (after `role/`, with the trailing slash) and name. */
function roleOf(resource: string): { readonly path: string; readonly name: string } | null {
  const arn = parseArn(resource);
  if (arn === undefined || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return null;
  const rest = arn.resource.slice('role/'.length);
  const slash = rest.lastIndexOf('/');
  return { path: rest.slice(0, slash + 1), name: rest.slice(slash + 1) };
}

/**
 * A service-linked role: path `/aws-service-role/` (as every service-linked role's ARN has), or a
 * name `AWSServiceRoleFor…` when the ARN is written without its path.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
function isServiceLinkedRole(resource: string): boolean {
  const role = roleOf(resource);
  return (
    role !== null && (role.path.startsWith('aws-service-role/') || role.name.startsWith('AWSServiceRoleFor'))
  );
}

/**
 * A role IAM Identity Center made for a permission set: path `/aws-reserved/sso.amazonaws.com/`, name
 * `AWSReservedSSO_…`.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-and-iam-roles.html
 */
function isIdentityCenterRole(resource: string): boolean {
  const role = roleOf(resource);
  return (
    role !== null &&
    (role.path.startsWith('aws-reserved/sso.amazonaws.com/') || role.name.startsWith('AWSReservedSSO_'))
  );
}

/** A principal of an AWS account that is not a service acting through its own service-linked role. */
function isCustomerPrincipal(caller: Caller): boolean {
  return isAccountPrincipal(caller) && !caller.serviceLinked;
}

/** The IAM actions that change a role's permissions, trust or existence. */
const ROLE_CHANGES = [
  'iam:attachrolepolicy',
  'iam:detachrolepolicy',
  'iam:putrolepolicy',
  'iam:deleterolepolicy',
  'iam:updateassumerolepolicy',
  'iam:putrolepermissionsboundary',
  'iam:deleterolepermissionsboundary',
  'iam:deleterole',
];

const ASSUME_ROLE = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity'];

const GET_CALLER_IDENTITY = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html';
const GET_SESSION_TOKEN =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html';
const MANAGED_POLICIES =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies';
const MANAGED_POLICY_REFERENCE =
  'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference.html';
const SERVICE_LINKED_ROLES =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html';
const ROLE_PERMISSIONS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-permissions.html';
const ATTACH_ROLE_POLICY = 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html';
const IDENTITY_CENTER_ROLES =
  'https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-and-iam-roles.html';
const PERMISSION_SETS =
  'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html';
const EVALUATION =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html';
const KEY_POLICIES = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
const ALIAS_ACCESS = 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html';
const TRUST_POLICIES =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy';

/** Every built-in rule, keyed by id: a rule without an entry does not compile. */
const RULES: { readonly [K in BuiltInRuleId]: Omit<BuiltInRule, 'id'> } = {
  'sts-get-caller-identity': {
    effect: 'allow',
    actions: ['sts:getcalleridentity'],
    applies: ({ caller }) => isAccountPrincipal(caller),
    sources: [GET_CALLER_IDENTITY],
    explanation:
      '`sts:GetCallerIdentity` needs no permission: AWS answers it even when a policy explicitly denies it',
    advice: 'nothing to change; a denial of another action made with the same credentials has its own cause',
  },
  'sts-get-session-token': {
    effect: 'allow',
    actions: ['sts:getsessiontoken'],
    applies: ({ caller }) => caller.kind === 'user' || caller.kind === 'root',
    sources: [GET_SESSION_TOKEN],
    explanation:
      '`sts:GetSessionToken` needs no permission: it authenticates the user, and policies cannot control authentication operations',
    advice: 'nothing to change in policies; a policy naming `sts:GetSessionToken` has no effect on it',
  },
  'aws-managed-policy-read-only': {
    effect: 'deny',
    actions: [
      'iam:createpolicyversion',
      'iam:deletepolicyversion',
      'iam:setdefaultpolicyversion',
      'iam:deletepolicy',
    ],
    applies: ({ resource }) => {
      const arn = parseArn(resource);
      return (
        arn !== undefined &&
        arn.service === 'iam' &&
        arn.account === 'aws' &&
        arn.resource.startsWith('policy/')
      );
    },
    sources: [MANAGED_POLICIES, MANAGED_POLICY_REFERENCE],
    explanation:
      'AWS managed policies (`arn:aws:iam::aws:policy/…`) are created and administered by AWS: nobody can change or delete them',
    advice:
      'create a customer managed policy with the permissions you need (start from a copy of the AWS managed one) and attach it instead',
  },
  'service-linked-role-protected': {
    effect: 'deny',
    actions: ROLE_CHANGES,
    applies: ({ resource, caller }) => isCustomerPrincipal(caller) && isServiceLinkedRole(resource),
    sources: [SERVICE_LINKED_ROLES, ROLE_PERMISSIONS, ATTACH_ROLE_POLICY],
    explanation:
      'a service-linked role belongs to its service: its permissions and trust policy cannot be edited in IAM, and only the service can delete it (IAM answers `UnmodifiableEntity`)',
    advice:
      "change the service's configuration instead, or delete the role with `iam:DeleteServiceLinkedRole` once the service no longer uses it; only its description can be edited in IAM",
  },
  'service-linked-role-trust': {
    effect: 'deny',
    actions: ASSUME_ROLE,
    applies: ({ resource, caller }) => caller.kind !== 'service' && isServiceLinkedRole(resource),
    sources: [SERVICE_LINKED_ROLES],
    explanation:
      'a service-linked role trusts only its service, and its trust policy cannot be changed: no user or role can assume it',
    advice:
      'create a role of your own with the permissions you need and a trust policy that names your principal',
  },
  'service-linked-role-policy-not-attachable': {
    effect: 'deny',
    actions: ['iam:attachrolepolicy', 'iam:attachuserpolicy', 'iam:attachgrouppolicy'],
    applies: ({ caller, context }) => {
      if (!isCustomerPrincipal(caller)) return false;
      const policy = context.get('iam:policyarn')?.values[0];
      if (policy === undefined) return false;
      const arn = parseArn(policy);
      return (
        arn !== undefined &&
        arn.service === 'iam' &&
        arn.account === 'aws' &&
        arn.resource.startsWith('policy/aws-service-role/')
      );
    },
    sources: [SERVICE_LINKED_ROLES, ATTACH_ROLE_POLICY],
    explanation:
      'the permissions policy of a service-linked role (`arn:aws:iam::aws:policy/aws-service-role/…`) cannot be attached to any other user, group or role (IAM answers `PolicyNotAttachable`)',
    advice: 'attach a customer managed policy with the permissions you need instead',
  },
  'identity-center-role-protected': {
    effect: 'deny',
    actions: ROLE_CHANGES,
    applies: ({ resource, caller }) => isCustomerPrincipal(caller) && isIdentityCenterRole(resource),
    sources: [IDENTITY_CENTER_ROLES, PERMISSION_SETS],
    explanation:
      'IAM Identity Center creates and manages the `AWSReservedSSO_…` roles from its permission sets: IAM refuses to change them (the role is only modifiable by AWS)',
    advice:
      'change the permission set in IAM Identity Center (from the management account or a delegated administrator); it updates the role in every account',
  },
  'kms-key-policy-required': {
    effect: 'require-resource-policy',
    actions: ['kms:*'],
    applies: ({ resource }) => {
      const arn = parseArn(resource);
      return arn !== undefined && arn.service === 'kms' && arn.resource.startsWith('key/');
    },
    sources: [EVALUATION, KEY_POLICIES, ALIAS_ACCESS],
    explanation:
      "a KMS key's key policy must allow every use of the key, directly or by delegating to the account's IAM policies; an alias has no key policy, so an alias operation is authorized on the alias by IAM policies and on the key by its key policy",
    advice:
      'allow the principal in the key policy, or delegate to the account there and allow it in an IAM policy',
  },
  'role-trust-policy-required': {
    effect: 'require-resource-policy',
    actions: [...ASSUME_ROLE, 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext'],
    applies: ({ resource }) => /^arn:[^:]+:iam::\d*:role\//.test(resource),
    sources: [EVALUATION, TRUST_POLICIES],
    explanation:
      "a role's trust policy must allow whoever assumes the role; an identity-based policy alone cannot",
    advice: "allow the principal in the role's trust policy",
  },
};

/** Every built-in rule, keyed by its id. */
export const BUILT_IN_RULES: Readonly<Record<BuiltInRuleId, BuiltInRule>> = Object.fromEntries(
  (Object.keys(RULES) as BuiltInRuleId[]).map((id) => [id, { id, ...RULES[id] }]),
) as Record<BuiltInRuleId, BuiltInRule>;

/** The rules that apply to a request: the one that decides it (allow or deny), and a requirement. */
export interface BuiltInMatch {
  /** An `allow` or `deny` rule; a `deny` wins over an `allow`. */
  readonly decisive: BuiltInRule | null;
  /** A `require-resource-policy` rule. */
  readonly requirement: BuiltInRule | null;
}

const NO_MATCH: BuiltInMatch = { decisive: null, requirement: null };

const byAction = new Map<string, BuiltInRule[]>();
for (const rule of Object.values(BUILT_IN_RULES)) {
  for (const action of rule.actions) {
    const list = byAction.get(action);
    if (list === undefined) byAction.set(action, [rule]);
    else list.push(rule);
  }
}

const candidateMemo = new Map<string, readonly BuiltInRule[]>();

/** The rules whose actions include `actionLower` (memoized: most actions have none). */
function candidatesFor(actionLower: string): readonly BuiltInRule[] {
  let found = candidateMemo.get(actionLower);
  if (found === undefined) {
    const colon = actionLower.indexOf(':');
    const service = colon < 0 ? actionLower : actionLower.slice(0, colon);
    found = [...(byAction.get(actionLower) ?? []), ...(byAction.get(`${service}:*`) ?? [])];
    if (candidateMemo.size >= 4096) candidateMemo.clear();
    candidateMemo.set(actionLower, found);
  }
  return found;
}

/**
 * The built-in rules that apply to a request. Costs one map lookup, and allocates nothing, for an
 * action no rule concerns.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
export function builtInRulesFor(
  actionLower: string,
  resource: string,
  caller: Caller,
  context: RequestContext,
): BuiltInMatch {
  const candidates = candidatesFor(actionLower);
  if (candidates.length === 0) return NO_MATCH;
  const subject: BuiltInSubject = { actionLower, resource, caller, context };
  let decisive: BuiltInRule | null = null;
  let requirement: BuiltInRule | null = null;
  for (const rule of candidates) {
    if (!rule.applies(subject)) continue;
    if (rule.effect === 'require-resource-policy') requirement ??= rule;
    else if (decisive === null || rule.effect === 'deny') decisive = rule;
  }
  return decisive === null && requirement === null ? NO_MATCH : { decisive, requirement };
}
