import type { Answer, Input } from '../protocols.js';
import { type Context, type FakeOperation, type FakeService, fail, ok, tokenPage } from '../service.js';
import { own, policyText, type Rec, record, records, text, texts } from '../world.js';

/** The organization snapshot of the world, read once per request. */
interface Organization {
  readonly id: string;
  readonly management: string | null;
  /** Account → its parents, root first. */
  readonly targets: Readonly<Record<string, readonly string[]>>;
  readonly policies: readonly Rec[];
  readonly roots: readonly string[];
}

function organization(context: Context): Organization | undefined {
  const snapshot = record(context.world.organization);
  if (snapshot === undefined) return undefined;
  const targets: Record<string, readonly string[]> = {};
  for (const [account, parents] of Object.entries(record(snapshot.targets) ?? {}))
    targets[account] = Array.isArray(parents)
      ? parents.filter((p): p is string => typeof p === 'string')
      : [];
  const roots = [
    ...new Set(Object.values(targets).flatMap((path) => path.filter((id) => id.startsWith('r-')))),
  ];
  const rootSuffix = roots[0]?.slice(2) ?? 'example';
  return {
    id: text(snapshot, 'organizationId') ?? `o-${`${rootSuffix}exampleorg`.slice(0, 10)}`,
    management: text(snapshot, 'managementAccountId') ?? null,
    targets,
    policies: records(snapshot, 'policies'),
    roots,
  };
}

/** The ARN Organizations gives a root, OU, account or policy. */
function arnOf(org: Organization, id: string, policyType?: string): string {
  const owner = org.management ?? '000000000000';
  if (policyType !== undefined) {
    const type = policyType.toLowerCase();
    return AWS_MANAGED.has(id)
      ? `arn:aws:organizations::aws:policy/${type}/${id}`
      : `arn:aws:organizations::${owner}:policy/${org.id}/${type}/${id}`;
  }
  const kind = id.startsWith('r-') ? 'root' : id.startsWith('ou-') ? 'ou' : 'account';
  return `arn:aws:organizations::${owner}:${kind}/${org.id}/${id}`;
}

/** The policies AWS manages (attached by default when the policy type is enabled). */
const AWS_MANAGED: ReadonlySet<string> = new Set(['p-FullAWSAccess', 'p-RCPFullAWSAccess']);

/**
 * An organization read: refused outside an organization, and to accounts other than the management
 * account and delegated administrators.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPoliciesForTarget.html#API_ListPoliciesForTarget_Errors
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html
 */
function read(
  resource: (input: Input, org: Organization) => string,
  answer: (input: Input, org: Organization, context: Context) => Answer,
  { membersMay = false } = {},
): FakeOperation {
  return {
    resource: (input, context) => {
      const org = organization(context);
      return org === undefined ? '*' : resource(input, org);
    },
    answer: (input, context) => {
      const org = organization(context);
      if (org === undefined)
        return fail(
          'AWSOrganizationsNotInUseException',
          400,
          'Your account is not a member of an organization.',
        );
      const account = context.world.caller.account;
      const administrator =
        org.management === null ||
        account === org.management ||
        (context.world.delegatedAdministrators ?? []).includes(account);
      if (!membersMay && !administrator)
        return fail('AccessDeniedException', 400, "You don't have permissions to access this resource.");
      return answer(input, org, context);
    },
  };
}

function policyTypes(org: Organization) {
  const types = new Set(org.policies.map((p) => text(p, 'type')).filter((t) => t !== undefined));
  return [...types].sort().map((Type) => ({ Type, Status: 'ENABLED' }));
}

function summary(org: Organization, policy: Rec) {
  const id = text(policy, 'id') ?? '';
  const type = text(policy, 'type') ?? 'SERVICE_CONTROL_POLICY';
  return {
    Id: id,
    Arn: arnOf(org, id, type),
    Name: text(policy, 'name') ?? id,
    Description: text(policy, 'description') ?? '',
    Type: type,
    AwsManaged: AWS_MANAGED.has(id),
  };
}

/** The parent of a child: an account's last parent, an OU's predecessor on any path. */
function parentOf(org: Organization, child: string): string | undefined {
  const path = own(org.targets, child);
  if (path !== undefined) return path[path.length - 1];
  if (child === org.management) return org.roots[0];
  for (const parents of Object.values(org.targets)) {
    const at = parents.indexOf(child);
    if (at > 0) return parents[at - 1];
  }
  return undefined;
}

function knownTarget(org: Organization, id: string): boolean {
  return (
    id === org.management ||
    Object.entries(org.targets).some(([account, path]) => account === id || path.includes(id))
  );
}

const POLICY_FILTERS: ReadonlySet<string> = new Set([
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
]);

/**
 * AWS Organizations, answered from the organization snapshot.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_Operations.html
 */
export const ORGANIZATIONS: FakeService = {
  signingName: 'organizations',
  protocol: { kind: 'json', version: '1.1', target: 'AWSOrganizationsV20161128' },
  denied: { code: 'AccessDeniedException', status: 400 },
  throttled: { code: 'TooManyRequestsException', status: 400, message: 'Rate exceeded' },
  operations: {
    /** @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html */
    DescribeOrganization: read(
      (_input, org) => `arn:aws:organizations::${org.management ?? '000000000000'}:organization/${org.id}`,
      (_input, org) => {
        const owner = org.management ?? '000000000000';
        return ok({
          Organization: {
            Id: org.id,
            Arn: `arn:aws:organizations::${owner}:organization/${org.id}`,
            FeatureSet: 'ALL',
            MasterAccountArn: `arn:aws:organizations::${owner}:account/${org.id}/${owner}`,
            MasterAccountId: owner,
            MasterAccountEmail: `management+${owner}@example.com`,
            AvailablePolicyTypes: policyTypes(org),
          },
        });
      },
      { membersMay: true },
    ),

    /** @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html */
    ListRoots: read(
      () => '*',
      (input, org, context) => {
        const roots = org.roots.map((id) => ({
          Id: id,
          Arn: arnOf(org, id),
          Name: 'Root',
          PolicyTypes: policyTypes(org),
        }));
        const { items, ...more } = tokenPage(roots, input, context);
        return ok({ Roots: items, ...more });
      },
    ),

    /** @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html */
    ListParents: read(
      (input, org) => arnOf(org, input.string('ChildId') ?? ''),
      (input, org, context) => {
        const parent = parentOf(org, input.string('ChildId') ?? '');
        if (parent === undefined)
          return fail(
            'ChildNotFoundException',
            400,
            "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
          );
        const parents = [{ Id: parent, Type: parent.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }];
        const { items, ...more } = tokenPage(parents, input, context);
        return ok({ Parents: items, ...more });
      },
    ),

    /** @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPoliciesForTarget.html */
    ListPoliciesForTarget: read(
      (input, org) => arnOf(org, input.string('TargetId') ?? ''),
      (input, org, context) => {
        const target = input.string('TargetId') ?? '';
        const filter = input.string('Filter') ?? '';
        if (!POLICY_FILTERS.has(filter))
          return fail(
            'InvalidInputException',
            400,
            'You provided a value that does not match the required pattern.',
          );
        if (!knownTarget(org, target))
          return fail(
            'TargetNotFoundException',
            400,
            "We can't find a root, OU, account, or policy with the TargetId that you specified.",
          );
        const attached = org.policies
          .filter((p) => text(p, 'type') === filter && texts(p, 'targets').includes(target))
          .map((p) => summary(org, p));
        const { items, ...more } = tokenPage(attached, input, context);
        return ok({ Policies: items, ...more });
      },
    ),

    /** @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html */
    DescribePolicy: read(
      (input, org) => arnOf(org, input.string('PolicyId') ?? '', 'SERVICE_CONTROL_POLICY'),
      (input, org) => {
        const policy = org.policies.find((p) => text(p, 'id') === input.string('PolicyId'));
        if (policy === undefined)
          return fail(
            'PolicyNotFoundException',
            400,
            "We can't find a policy with the PolicyId that you specified.",
          );
        return ok({ Policy: { PolicySummary: summary(org, policy), Content: policyText(policy.document) } });
      },
    ),
  },
};
