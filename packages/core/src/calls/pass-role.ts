/**
 * `iam:PassRole`: a permission only, checked by the service that receives the role, on the role's
 * ARN, with `iam:PassedToService` naming that service.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
 */
import { type BuiltArn, type CallScope, roleArn } from './arns.js';
import type { CallNote } from './call-model.js';
import { makeCheck, regionContext } from './call-rule.js';
import type { CallCheck, UnresolvedFact } from './check.js';

/** @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html */
export const PASSROLE_SOURCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';

/** One role passed by a call. */
export interface PassedRole {
  /** The role as given: an ARN or a name; `undefined` when the call passes a role not known here. */
  readonly role: string | undefined;
  /** Service principal receiving the role, e.g. `lambda.amazonaws.com`. */
  readonly service: string;
  /** What the role is for, e.g. `execution role`. */
  readonly purpose: string;
  /** ARN of the resource the role is attached to, for services that supply `iam:AssociatedResourceArn`. */
  readonly associatedResource?: string | undefined;
  /** Documentation of the passing service. */
  readonly source: string;
  /** Set when the role ARN is itself an assumption: the reason. */
  readonly roleAssumed?: string;
  /** The fact that would make an assumed role known. */
  readonly unresolved?: UnresolvedFact;
  /** Set when whether the role is passed at all is an assumption: the reason. */
  readonly checkAssumed?: string;
}

/**
 * The `iam:PassRole` check for a passed role. With the role unknown, the check is still made on
 * `role/*` (marked assumed) and a `passed-role-unknown` note is added.
 */
export function passRoleCheck(scope: CallScope, passed: PassedRole, notes: CallNote[]): CallCheck {
  let resource: BuiltArn;
  if (passed.role === undefined) {
    resource = roleArn(scope, '*');
    resource = { arn: resource.arn, standIns: [...resource.standIns, `the ${passed.purpose} is not known`] };
    notes.push({
      code: 'passed-role-unknown',
      message: `the call passes a ${passed.purpose} to \`${passed.service}\` but which role is not known`,
      source: passed.source,
    });
  } else {
    resource = roleArn(scope, passed.role);
  }
  if (passed.roleAssumed !== undefined) {
    resource = { arn: resource.arn, standIns: [...resource.standIns, passed.roleAssumed] };
  }
  return makeCheck({
    action: 'iam:PassRole',
    resource,
    resourceType: 'role',
    context: {
      ...regionContext(scope),
      'iam:PassedToService': passed.service,
      'iam:AssociatedResourceArn': passed.associatedResource,
    },
    ...(passed.checkAssumed === undefined ? {} : { assumedCheck: passed.checkAssumed }),
    why: `the call hands the ${passed.purpose} to \`${passed.service}\`, which checks that the caller may pass it`,
    source: passed.source,
    ...(passed.unresolved === undefined ? {} : { unresolved: [passed.unresolved] }),
  });
}
