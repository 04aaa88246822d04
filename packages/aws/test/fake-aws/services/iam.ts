import type { Input } from '../protocols.js';
import { type Context, type FakeOperation, type FakeService, fail, iamPage, ok } from '../service.js';
import { own, type Rec, record, records, text, texts } from '../world.js';

/** The members of `get-account-authorization-details` that hold policy documents. */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'PolicyDocument',
  'AssumeRolePolicyDocument',
  'Document',
]);

/**
 * A document as IAM returns it: URL-encoded JSON text (RFC 3986).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 */
function encodeDocument(document: unknown): string {
  if (typeof document !== 'string') return encodeURIComponent(JSON.stringify(document));
  return document.trimStart().startsWith('%') ? document : encodeURIComponent(document);
}

/** A copy of an IAM entity with every policy document in it URL-encoded. */
function encoded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encoded);
  const rec = record(value);
  if (rec === undefined) return value;
  return Object.fromEntries(
    Object.entries(rec).map(([key, v]) => [key, DOCUMENT_KEYS.has(key) ? encodeDocument(v) : encoded(v)]),
  );
}

/** The members of `rec` named in `keys`, documents encoded, absent ones left out. */
function pick(rec: Rec, keys: readonly string[]): unknown {
  return encoded(
    Object.fromEntries(keys.filter((key) => rec[key] !== undefined).map((key) => [key, rec[key]])),
  );
}

const DETAIL_LISTS = {
  role: 'RoleDetailList',
  user: 'UserDetailList',
  group: 'GroupDetailList',
} as const;
type Kind = keyof typeof DETAIL_LISTS;

/** The IAM entity of `kind` named `name`, from the account details. */
function entity(context: Context, kind: Kind, name: string | undefined): Rec | undefined {
  const list = records(record(context.world.accountDetails), DETAIL_LISTS[kind]);
  const nameKey = `${kind[0]?.toUpperCase()}${kind.slice(1)}Name`;
  return list.find((e) => text(e, nameKey) === name);
}

function managedPolicies(context: Context): Rec[] {
  return records(record(context.world.accountDetails), 'Policies');
}

function arnOf(context: Context, kind: Kind | 'instance-profile', name: string | undefined): string {
  const found = kind === 'instance-profile' ? undefined : text(entity(context, kind, name), 'Arn');
  return found ?? `arn:aws:iam::${context.world.caller.account}:${kind}/${name ?? ''}`;
}

/**
 * IAM's error for an entity that does not exist.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html#API_GetRole_Errors
 */
function noSuchEntity(message: string) {
  return fail('NoSuchEntity', 404, message);
}

const ENTITY_SHAPES: Readonly<Record<Kind, readonly string[]>> = {
  role: [
    'Path',
    'RoleName',
    'RoleId',
    'Arn',
    'CreateDate',
    'AssumeRolePolicyDocument',
    'Description',
    'MaxSessionDuration',
    'PermissionsBoundary',
    'Tags',
    'RoleLastUsed',
  ],
  user: ['Path', 'UserName', 'UserId', 'Arn', 'CreateDate', 'PermissionsBoundary', 'Tags'],
  group: ['Path', 'GroupName', 'GroupId', 'Arn', 'CreateDate'],
};

/** One row of the table the per-principal operations are built from. */
interface PrincipalKind {
  readonly kind: Kind;
  /** `Role`, `User`, `Group`: the word in the operation and parameter names. */
  readonly word: string;
  /** The member of the detail entry listing its inline policies. */
  readonly inline: string;
  readonly tagged: boolean;
}

const PRINCIPAL_KINDS: readonly PrincipalKind[] = [
  { kind: 'role', word: 'Role', inline: 'RolePolicyList', tagged: true },
  { kind: 'user', word: 'User', inline: 'UserPolicyList', tagged: true },
  { kind: 'group', word: 'Group', inline: 'GroupPolicyList', tagged: false },
];

/**
 * `List<Kind>Policies`, `Get<Kind>Policy`, `ListAttached<Kind>Policies` and `List<Kind>Tags` of roles,
 * users and groups, built from one table.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRolePolicies.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoleTags.html
 */
function principalOperations({ kind, word, inline, tagged }: PrincipalKind): Record<string, FakeOperation> {
  const nameParam = `${word}Name`;
  const resource = (input: Input, context: Context) => arnOf(context, kind, input.string(nameParam));
  /** Runs `answer` on the named entity, or answers IAM's NoSuchEntity. */
  const withEntity =
    (answer: (entry: Rec, input: Input, context: Context) => ReturnType<FakeOperation['answer']>) =>
    (input: Input, context: Context) => {
      const name = input.string(nameParam);
      const entry = entity(context, kind, name);
      return entry === undefined
        ? noSuchEntity(`The ${kind} with name ${name} cannot be found.`)
        : answer(entry, input, context);
    };
  const operations: Record<string, FakeOperation> = {
    [`List${word}Policies`]: {
      resource,
      answer: withEntity((entry, input, context) => {
        const page = iamPage(
          records(entry, inline).map((p) => text(p, 'PolicyName')),
          input,
          context,
        );
        return ok({ PolicyNames: page.items, ...page.more });
      }),
    },
    [`Get${word}Policy`]: {
      resource,
      answer: withEntity((entry, input) => {
        const name = input.string('PolicyName');
        const policy = records(entry, inline).find((p) => text(p, 'PolicyName') === name);
        if (policy === undefined)
          return noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
        return ok({
          [nameParam]: text(entry, nameParam),
          PolicyName: name,
          PolicyDocument: encodeDocument(policy.PolicyDocument),
        });
      }),
    },
    [`ListAttached${word}Policies`]: {
      resource,
      answer: withEntity((entry, input, context) => {
        const page = iamPage(records(entry, 'AttachedManagedPolicies'), input, context);
        return ok({ AttachedPolicies: page.items, ...page.more });
      }),
    },
  };
  if (tagged)
    operations[`List${word}Tags`] = {
      resource,
      answer: withEntity((entry, input, context) => {
        const page = iamPage(records(entry, 'Tags'), input, context);
        return ok({ Tags: page.items, ...page.more });
      }),
    };
  return operations;
}

/** Every instance profile of the account, from its roles' `InstanceProfileList`. */
function instanceProfiles(context: Context): Rec[] {
  const byName = new Map<string, Rec>();
  for (const role of records(record(context.world.accountDetails), 'RoleDetailList'))
    for (const profile of records(role, 'InstanceProfileList'))
      byName.set(text(profile, 'InstanceProfileName') ?? '', profile);
  return [...byName.values()];
}

const POLICY_SHAPE = [
  'PolicyName',
  'PolicyId',
  'Arn',
  'Path',
  'DefaultVersionId',
  'AttachmentCount',
  'PermissionsBoundaryUsageCount',
  'IsAttachable',
  'Description',
  'CreateDate',
  'UpdateDate',
  'Tags',
];

/** The `Filter` values of GetAccountAuthorizationDetails and the entries each one selects. */
const AUTHORIZATION_FILTERS = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
type AuthorizationFilter = (typeof AUTHORIZATION_FILTERS)[number];
const FILTER_LISTS: Readonly<Record<AuthorizationFilter, string>> = {
  User: 'UserDetailList',
  Group: 'GroupDetailList',
  Role: 'RoleDetailList',
  LocalManagedPolicy: 'Policies',
  AWSManagedPolicy: 'Policies',
};

/**
 * The IAM service: reads answered from the account details.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 */
export const IAM: FakeService = {
  signingName: 'iam',
  protocol: { kind: 'query', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/', version: '2010-05-08' },
  denied: { code: 'AccessDenied', status: 403 },
  throttled: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  operations: {
    ...Object.fromEntries(PRINCIPAL_KINDS.flatMap((kind) => Object.entries(principalOperations(kind)))),

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html */
    GetRole: {
      resource: (input, context) => arnOf(context, 'role', input.string('RoleName')),
      answer: (input, context) => {
        const name = input.string('RoleName');
        const role = entity(context, 'role', name);
        if (role === undefined) return noSuchEntity(`The role with name ${name} cannot be found.`);
        return ok({ Role: pick(role, ENTITY_SHAPES.role) });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html */
    GetUser: {
      resource: (input, context) => userName(input, context)?.arn ?? context.world.caller.arn,
      answer: (input, context) => {
        const who = userName(input, context);
        if (who === undefined)
          return fail('ValidationError', 400, 'Must specify userName when calling with non-User credentials');
        const user = entity(context, 'user', who.name);
        if (user === undefined) return noSuchEntity(`The user with name ${who.name} cannot be found.`);
        return ok({ User: pick(user, ENTITY_SHAPES.user) });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupsForUser.html */
    ListGroupsForUser: {
      resource: (input, context) => arnOf(context, 'user', input.string('UserName')),
      answer: (input, context) => {
        const name = input.string('UserName');
        const user = entity(context, 'user', name);
        if (user === undefined) return noSuchEntity(`The user with name ${name} cannot be found.`);
        const groups = texts(user, 'GroupList').map((group) => {
          const found = entity(context, 'group', group);
          return found === undefined
            ? { GroupName: group, Arn: arnOf(context, 'group', group) }
            : pick(found, ENTITY_SHAPES.group);
        });
        const page = iamPage(groups, input, context);
        return ok({ Groups: page.items, ...page.more });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html */
    GetPolicy: {
      resource: (input) => input.string('PolicyArn') ?? '',
      answer: (input, context) => {
        const arn = input.string('PolicyArn');
        const policy = managedPolicies(context).find((p) => text(p, 'Arn') === arn);
        if (policy === undefined) return noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
        return ok({ Policy: pick(policy, POLICY_SHAPE) });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html */
    GetPolicyVersion: {
      resource: (input) => input.string('PolicyArn') ?? '',
      answer: (input, context) => {
        const arn = input.string('PolicyArn');
        const id = input.string('VersionId');
        const policy = managedPolicies(context).find((p) => text(p, 'Arn') === arn);
        const version = records(policy, 'PolicyVersionList').find((v) => text(v, 'VersionId') === id);
        if (version === undefined)
          return noSuchEntity(`Policy ${arn} version ${id} does not exist or is not attachable.`);
        return ok({
          PolicyVersion: pick(version, ['Document', 'VersionId', 'IsDefaultVersion', 'CreateDate']),
        });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html */
    ListInstanceProfilesForRole: {
      resource: (input, context) => arnOf(context, 'role', input.string('RoleName')),
      answer: (input, context) => {
        const name = input.string('RoleName');
        const role = entity(context, 'role', name);
        if (role === undefined) return noSuchEntity(`The role with name ${name} cannot be found.`);
        const page = iamPage(records(role, 'InstanceProfileList'), input, context);
        return ok({ InstanceProfiles: encoded(page.items), ...page.more });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html */
    GetInstanceProfile: {
      resource: (input, context) => arnOf(context, 'instance-profile', input.string('InstanceProfileName')),
      answer: (input, context) => {
        const name = input.string('InstanceProfileName');
        const profile = instanceProfiles(context).find((p) => text(p, 'InstanceProfileName') === name);
        if (profile === undefined) return noSuchEntity(`Instance Profile ${name} cannot be found.`);
        return ok({ InstanceProfile: encoded(profile) });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html */
    GetAccountAuthorizationDetails: {
      resource: () => '*',
      answer: (input, context) => {
        const asked = input.list('Filter');
        const filters = asked.length > 0 ? asked : AUTHORIZATION_FILTERS;
        const details = record(context.world.accountDetails);
        const entries = AUTHORIZATION_FILTERS.filter((f) => filters.includes(f)).flatMap((filter) =>
          records(details, FILTER_LISTS[filter])
            .filter((entry) => {
              if (filter === 'User' || filter === 'Group' || filter === 'Role') return true;
              const awsManaged = (text(entry, 'Arn') ?? '').startsWith('arn:aws:iam::aws:policy/');
              return awsManaged === (filter === 'AWSManagedPolicy');
            })
            .map((entry) => ({ list: FILTER_LISTS[filter], entry: encoded(entry) })),
        );
        const page = iamPage(entries, input, context);
        const of = (list: string) => page.items.filter((e) => e.list === list).map((e) => e.entry);
        return ok({
          UserDetailList: of('UserDetailList'),
          GroupDetailList: of('GroupDetailList'),
          RoleDetailList: of('RoleDetailList'),
          Policies: of('Policies'),
          ...page.more,
        });
      },
    },

    /** @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html */
    SimulatePrincipalPolicy: {
      resource: (input) => input.string('PolicySourceArn') ?? '',
      answer: (input, context) => {
        const source = input.string('PolicySourceArn');
        const details = record(context.world.accountDetails);
        const known = Object.values(DETAIL_LISTS).some((list) =>
          records(details, list).some((e) => text(e, 'Arn') === source),
        );
        if (details !== undefined && !known) return noSuchEntity(`The entity ${source} cannot be found.`);
        const resources = input.list('ResourceArns');
        // one result per action, its decision the most restrictive of its resources', each resource's
        // own in ResourceSpecificResults (the simulator's current shape)
        // @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
        const RANK = { allowed: 0, implicitDeny: 1, explicitDeny: 2 } as const;
        const results = input.list('ActionNames').map((action) => {
          const each = (resources.length > 0 ? resources : ['*']).map((resource) => {
            const simulated = own(context.world.simulate, `${action} ${resource}`);
            return {
              EvalResourceName: resource,
              EvalResourceDecision: simulated?.decision ?? 'implicitDeny',
              MatchedStatements: (simulated?.matched ?? []).map((m) => ({
                SourcePolicyId: m.sourcePolicyId,
                SourcePolicyType: m.sourcePolicyType,
                StartPosition: { Line: 1, Column: 1 },
                EndPosition: { Line: 1, Column: 1 },
              })),
              MissingContextValues: [],
            };
          });
          const worst = each.reduce((a, b) =>
            RANK[b.EvalResourceDecision] > RANK[a.EvalResourceDecision] ? b : a,
          );
          return {
            EvalActionName: action,
            EvalResourceName: each.length === 1 ? worst.EvalResourceName : '*',
            EvalDecision: worst.EvalResourceDecision,
            MatchedStatements: worst.MatchedStatements,
            MissingContextValues: [],
            ResourceSpecificResults: each,
          };
        });
        const page = iamPage(results, input, context);
        return ok({ EvaluationResults: page.items, ...page.more });
      },
    },
  },
};

/** The user GetUser is about: the one named, or the calling user (a role must name one). */
function userName(input: Input, context: Context): { name: string; arn: string } | undefined {
  const named = input.string('UserName');
  if (named !== undefined) return { name: named, arn: arnOf(context, 'user', named) };
  const caller = context.world.caller.arn;
  const match = /^arn:aws[a-z-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(caller);
  return match?.[1] === undefined ? undefined : { name: match[1], arn: caller };
}
