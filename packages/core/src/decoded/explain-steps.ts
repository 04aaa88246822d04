import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePrincipal } from '../errors/principal.js';
import type { DecodedCondition } from './decoded-model.js';
import type { ExplainedCondition, ExplainedStatement, Explanation } from './explain-decoded.js';

/** One thing to look at next: a stable code, the advice, and a command that fetches the evidence. */
export interface ExplainStep {
  /** Stable identifier, e.g. `scp-deny`. */
  readonly code: ExplainStepCode;
  readonly message: string;
  /** A shell command with `<placeholders>` for what the message does not say (never run by whydenied). */
  readonly command?: string;
}

/** Codes of {@link ExplainStep}. */
export type ExplainStepCode =
  | 'message-truncated'
  | 'allowed'
  | 'scp-deny'
  | 'boundary-deny'
  | 'identity-deny'
  | 'unknown-layer-deny'
  | 'request-tag-missing'
  | 'deny-condition'
  | 'missing-allow'
  | 'request-context'
  | 'pass-role'
  | 'run-instances-resource';

type Facts = Omit<Explanation, 'nextSteps' | 'diagnostics'>;

/** Pseudo keys AWS adds to every request context; they say what was checked, not what to match. */
const PSEUDO_KEYS = new Set([
  'aws:resource',
  'aws:account',
  'aws:type',
  'aws:service',
  'aws:arn',
  'aws:region',
]);

/** How many request context values the `request-context` step lists. */
const CONTEXT_SHOWN = 8;

const q = (s: string): string => `\`${s}\``;
const list = (values: readonly string[]): string => values.map(q).join(', ');
const sidOf = (s: ExplainedStatement): string => (s.sid === null ? 'without a Sid' : q(s.sid));

/**
 * What to look at next, in order: a cut message first, then one step per denying layer, the deny
 * conditions against the request's values, the missing allow of an implicit deny, and the quirks of
 * `iam:PassRole` and `ec2:RunInstances`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function buildExplainSteps(facts: Facts, diagnostics: readonly Diagnostic[]): ExplainStep[] {
  const steps: ExplainStep[] = [];
  if (diagnostics.some((d) => d.code === 'decoded-truncated')) {
    steps.push({
      code: 'message-truncated',
      message:
        'the message was cut: statements or context values may be missing, so decode it again and keep the whole output',
      command:
        'aws sts decode-authorization-message --encoded-message <blob> --query DecodedMessage --output text',
    });
  }
  const action = facts.action ?? '<action>';
  const what = facts.action === null ? 'the request' : q(facts.action);
  const caller = facts.principal === null ? null : parsePrincipal(facts.principal);
  const who = callerCommands(caller);
  if (facts.decision === 'Allowed') {
    steps.push({
      code: 'allowed',
      message: `the message reports ${what} as allowed here: the failure came from another check of the same call`,
    });
  }
  const denies = facts.statements.filter((s) => s.effect === 'Deny');
  for (const layer of ['scp', 'permissions-boundary', 'identity', null] as const) {
    const inLayer = denies.filter((s) => s.layer === layer);
    if (inLayer.length > 0) steps.push(denyStep(layer, inLayer, what, facts, who));
  }
  for (const statement of denies) {
    for (const condition of statement.conditions) {
      steps.push(conditionStep(statement, condition));
    }
  }
  if (facts.decision === 'ImplicitDeny') {
    for (const step of missingAllowSteps(facts, action, who)) steps.push(step);
  }
  if (facts.action?.toLowerCase() === 'iam:passrole') {
    steps.push({
      code: 'pass-role',
      message: `${q('iam:PassRole')} is checked inside another call (an instance profile for ${q('ec2:RunInstances')}, a Lambda or ECS role…): the caller needs ${q('iam:PassRole')} on ${q(facts.resource ?? '<role-arn>')}, best limited with ${q('iam:PassedToService')}`,
    });
  }
  if (facts.action?.toLowerCase() === 'ec2:runinstances') {
    const type = facts.resourceType ?? 'one';
    steps.push({
      code: 'run-instances-resource',
      message: `${q('ec2:RunInstances')} is authorised once for each resource it touches (instance, volume, network interface, security group, subnet, image, key pair…); this message is about the ${q(type)} check only, so another resource may be denied once it is fixed`,
    });
  }
  return steps;
}

interface CallerCommands {
  /** `role deploy` or `user alice`, for messages. */
  readonly label: string | null;
  /** Lists the caller's own policies. */
  readonly listPolicies: string | null;
  /** Shows the caller's permissions boundary. */
  readonly boundary: string | null;
  /** The IAM ARN to simulate with. */
  readonly sourceArn: string | null;
}

function callerCommands(caller: ReturnType<typeof parsePrincipal> | null): CallerCommands {
  if (caller?.kind === 'user' && caller.name !== null) {
    const n = caller.name;
    return {
      label: `user ${q(n)}`,
      listPolicies: `aws iam list-attached-user-policies --user-name ${n} && aws iam list-user-policies --user-name ${n} && aws iam list-groups-for-user --user-name ${n}`,
      boundary: `aws iam get-user --user-name ${n} --query User.PermissionsBoundary`,
      sourceArn: caller.arn,
    };
  }
  if ((caller?.kind === 'role' || caller?.kind === 'assumed-role') && caller.name !== null) {
    const n = caller.name;
    return {
      label: `role ${q(n)}`,
      listPolicies: `aws iam list-attached-role-policies --role-name ${n} && aws iam list-role-policies --role-name ${n}`,
      boundary: `aws iam get-role --role-name ${n} --query Role.PermissionsBoundary`,
      sourceArn: caller.kind === 'role' ? caller.arn : caller.roleArn,
    };
  }
  return { label: null, listPolicies: null, boundary: null, sourceArn: null };
}

function denyStep(
  layer: ExplainedStatement['layer'],
  statements: readonly ExplainedStatement[],
  what: string,
  facts: Facts,
  who: CallerCommands,
): ExplainStep {
  const sids = statements.map(sidOf).join(', ');
  const of = who.label === null ? 'the caller' : who.label;
  switch (layer) {
    case 'scp':
      return {
        code: 'scp-deny',
        message: `a service control policy denies ${what} (statement ${sids}): the caller's own policies cannot override it; only the organization's administrators can change the SCP or exempt the account`,
        command: `aws organizations list-policies-for-target --target-id ${facts.account ?? '<account-id>'} --filter SERVICE_CONTROL_POLICY`,
      };
    case 'permissions-boundary':
      return {
        code: 'boundary-deny',
        message: `the permissions boundary of ${of} denies ${what} (statement ${sids}): read the boundary; adding an allow to the caller's policies does not help`,
        ...(who.boundary === null ? {} : { command: who.boundary }),
      };
    case 'identity':
      return {
        code: 'identity-deny',
        message: `an identity-based policy of ${of} denies ${what} (statement ${sids}): find the statement among its policies (and its groups' policies)`,
        ...(who.listPolicies === null ? {} : { command: who.listPolicies }),
      };
    default:
      return {
        code: 'unknown-layer-deny',
        message: `the message does not tell which policy holds statement ${sids}: look for it in the caller's identity policies, its permissions boundary, the session policy and the SCPs`,
        ...(who.listPolicies === null ? {} : { command: who.listPolicies }),
      };
  }
}

function conditionStep(statement: ExplainedStatement, condition: ExplainedCondition): ExplainStep {
  const { key, values, requestValues } = condition;
  const had =
    requestValues === null
      ? `the request did not carry ${q(key)}`
      : `the request had ${q(key)} = ${list(requestValues)}`;
  const tag = key.match(/^aws:RequestTag\/(.+)$/i)?.[1];
  if (tag !== undefined && requestValues === null && values.every((v) => v === 'true')) {
    return {
      code: 'request-tag-missing',
      message: `statement ${sidOf(statement)} denies when tag ${q(tag)} is missing (${q(key)} tested with ${q('true')}, most likely a ${q('Null')} condition): tag the resource as it is created`,
    };
  }
  return {
    code: 'deny-condition',
    message: `statement ${sidOf(statement)} tests ${q(key)} against ${list(values)} (AWS omits the operator; read the policy for it); ${had}`,
  };
}

function missingAllowSteps(facts: Facts, action: string, who: CallerCommands): ExplainStep[] {
  const resource = facts.resource ?? '<resource-arn>';
  const steps: ExplainStep[] = [
    {
      code: 'missing-allow',
      message: `no statement allows ${q(action)} on ${q(resource)}: the caller's identity policies must allow it, and so must its permissions boundary, session policy and SCPs where they apply; the message does not say which one lacks the allow`,
      ...(who.sourceArn === null
        ? {}
        : {
            command: `aws iam simulate-principal-policy --policy-source-arn ${who.sourceArn} --action-names ${action} --resource-arns ${resource}`,
          }),
    },
  ];
  const shown = facts.context.filter((c) => !PSEUDO_KEYS.has(c.key.toLowerCase())).slice(0, CONTEXT_SHOWN);
  if (shown.length > 0) {
    steps.push({
      code: 'request-context',
      message: `an allow with conditions must match what the request carried: ${shown.map(pair).join('; ')}`,
    });
  }
  return steps;
}

function pair(c: DecodedCondition): string {
  return `${q(c.key)} = ${list(c.values)}`;
}
