// Writes a synthetic AWS account for the access queries' tests and bench: the output of
// `aws iam get-account-authorization-details` (roles with trust policies, instance profiles, tags,
// permissions boundaries and inline policies; users and groups; customer managed policies with their
// versions) and an organization snapshot (docs/contract.md) with three SCP levels and an RCP.
//
//   node scripts/generate-account.mjs --out DIR [--roles 1000] [--policies 5000] [--users 40]
//     [--groups 12] [--seed 1] [--documents object|url-encoded]
//
// writes DIR/account-<id>.json and DIR/org.json. The same seed and sizes give the same files.
// Policies mix what real accounts hold: service wildcards (`s3:*`, `ec2:Describe*`), ARN patterns with
// paths and prefixes, NotAction, Deny guardrails, conditions on tags, MFA, VPC endpoints, the
// organization and the region; trust policies of services, other accounts (with an external id),
// IAM Identity Center (SAML) and GitHub Actions (OIDC). Sizes stay inside IAM's default quotas: at
// most 10 managed policies per role, user or group, managed policies under 6,144 characters, a role's
// inline policies under 10,240 and its trust policy under 2,048.
// @see https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
// @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
// @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
// @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from './random.mjs';

export const ACCOUNT_ID = '111122223333';
export const ORG_ID = 'o-a1b2c3d4e5';
const MANAGEMENT_ACCOUNT = '999988887777';
const PARTNER_ACCOUNTS = ['444455556666', '777788889999'];
export const TEAMS = [
  'payments',
  'search',
  'checkout',
  'identity',
  'data',
  'ml',
  'platform',
  'mobile',
  'web',
  'ledger',
  'growth',
  'security',
];
export const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1'];
const ENVS = ['prod', 'staging', 'dev'];
const PURPOSES = ['data', 'logs', 'artifacts', 'reports', 'backups'];
const VPCES = ['vpce-0a1b2c3d4e5f60718', 'vpce-0f9e8d7c6b5a40312'];
const SERVICE_TRUST = [
  ['lambda.amazonaws.com', '/service-role/', 'lambda'],
  ['ecs-tasks.amazonaws.com', '/service-role/', 'task'],
  ['ec2.amazonaws.com', '/', 'instance'],
  ['states.amazonaws.com', '/service-role/', 'sfn'],
  ['glue.amazonaws.com', '/service-role/', 'glue'],
];
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const doc = (...statements) => ({ Version: '2012-10-17', Statement: statements });
const bucket = (team, purpose) => `acme-${team}-${purpose}`;

/**
 * Identity policy statements by kind; each takes the generator's picks and returns statements.
 * The `weight` is how often the kind is drawn.
 */
const STATEMENT_KINDS = [
  {
    weight: 14,
    make: ({ team, purpose, env, pick }) => [
      {
        Sid: 'ReadObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging'],
        Resource: `arn:aws:s3:::${bucket(team, purpose)}/${pick(['', `${env}/`, 'reports/', 'exports/'])}*`,
      },
      {
        Sid: 'ListPrefix',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `arn:aws:s3:::${bucket(team, purpose)}`,
        Condition: { StringLike: { 's3:prefix': [`${env}/*`, 'reports/*'] } },
      },
    ],
  },
  {
    weight: 6,
    make: ({ team }) => [
      {
        Sid: 'TeamBuckets',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::acme-${team}-*`, `arn:aws:s3:::acme-${team}-*/*`],
      },
    ],
  },
  {
    weight: 5,
    make: () => [{ Sid: 'ReadAnyBucket', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }],
  },
  {
    weight: 6,
    make: ({ team, purpose }) => [
      {
        Sid: 'WriteOwnPrefix',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:DeleteObject'],
        Resource: `arn:aws:s3:::${bucket(team, purpose)}/home/\${aws:username}/*`,
      },
    ],
  },
  {
    weight: 4,
    make: () => [
      {
        Sid: 'SharedDatasets',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::acme-shared-*/*',
        Condition: { StringEquals: { 'aws:ResourceOrgID': ORG_ID } },
      },
    ],
  },
  {
    weight: 10,
    make: ({ team, region, pick }) => [
      {
        Sid: 'Tables',
        Effect: 'Allow',
        Action: pick([
          ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
          [
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
            'dynamodb:Query',
          ],
          'dynamodb:*',
        ]),
        Resource: [
          `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${team}-*`,
          `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${team}-*/index/*`,
        ],
      },
    ],
  },
  {
    weight: 7,
    make: ({ team, region }) => [
      {
        Sid: 'Queues',
        Effect: 'Allow',
        Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        Resource: `arn:aws:sqs:${region}:${ACCOUNT_ID}:${team}-*`,
      },
      {
        Sid: 'Topics',
        Effect: 'Allow',
        Action: 'sns:Publish',
        Resource: `arn:aws:sns:*:${ACCOUNT_ID}:${team}-*`,
      },
    ],
  },
  {
    weight: 6,
    make: ({ team }) => [
      {
        Sid: 'Invoke',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:*:${ACCOUNT_ID}:function:${team}-*`,
      },
    ],
  },
  {
    weight: 8,
    make: ({ team, env }) => [
      {
        Sid: 'Parameters',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
        Resource: `arn:aws:ssm:*:${ACCOUNT_ID}:parameter/${env}/${team}/*`,
      },
    ],
  },
  {
    weight: 6,
    make: ({ team, env, region }) => [
      {
        Sid: 'Secrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${env}/${team}/*`,
      },
    ],
  },
  {
    weight: 6,
    make: ({ region }) => [
      {
        Sid: 'KeysThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/*`,
        Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
      },
    ],
  },
  {
    weight: 8,
    make: () => [
      {
        Sid: 'Describe',
        Effect: 'Allow',
        Action: ['ec2:Describe*', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
        Resource: '*',
      },
    ],
  },
  {
    weight: 5,
    make: () => [
      {
        Sid: 'OperateOwnInstances',
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'],
        Resource: `arn:aws:ec2:*:${ACCOUNT_ID}:instance/*`,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
        Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      },
    ],
  },
  {
    weight: 7,
    make: ({ team }) => [
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `arn:aws:logs:*:${ACCOUNT_ID}:log-group:/aws/lambda/${team}-*:*`,
      },
    ],
  },
  {
    weight: 4,
    make: ({ team, pick }) => [
      {
        Sid: 'PassServiceRoles',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/${team}-*`,
        Condition: {
          StringEquals: {
            'iam:PassedToService': pick([
              'lambda.amazonaws.com',
              'ecs-tasks.amazonaws.com',
              'states.amazonaws.com',
            ]),
          },
        },
      },
    ],
  },
  {
    weight: 4,
    make: ({ team, region }) => [
      { Sid: 'RegistryLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Sid: 'PullImages',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        Resource: `arn:aws:ecr:${region}:${ACCOUNT_ID}:repository/${team}/*`,
      },
    ],
  },
  {
    weight: 2,
    make: ({ team }) => [
      {
        Sid: 'AssumeTeamRoles',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::*:role/${team}-*`,
        Condition: { StringEquals: { 'aws:ResourceOrgID': ORG_ID } },
      },
    ],
  },
  {
    weight: 1,
    make: () => [
      {
        Sid: 'PowerUser',
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*', 'account:*'],
        Resource: '*',
      },
      {
        Sid: 'IamRead',
        Effect: 'Allow',
        Action: ['iam:Get*', 'iam:List*', 'iam:CreateServiceLinkedRole'],
        Resource: '*',
      },
    ],
  },
  // guardrails an account writes for itself
  {
    weight: 3,
    make: ({ team, purpose }) => [
      {
        Sid: 'DenyDeleteWithoutMfa',
        Effect: 'Deny',
        Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket'],
        Resource: [`arn:aws:s3:::${bucket(team, purpose)}`, `arn:aws:s3:::${bucket(team, purpose)}/*`],
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  },
  {
    weight: 3,
    make: ({ team, pick }) => [
      {
        Sid: 'DenyOutsideVpcEndpoint',
        Effect: 'Deny',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::acme-${team}-data`, `arn:aws:s3:::acme-${team}-data/*`],
        Condition: { StringNotEquals: { 'aws:SourceVpce': pick(VPCES) } },
      },
    ],
  },
  {
    weight: 2,
    make: () => [
      {
        Sid: 'DenyOtherTeamsTables',
        Effect: 'Deny',
        Action: 'dynamodb:*',
        Resource: '*',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
        Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      },
    ],
  },
  {
    weight: 2,
    make: () => [
      {
        Sid: 'DenyOtherRegions',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*', 'cloudfront:*', 'route53:*', 'support:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1', 'us-east-1'] } },
      },
    ],
  },
  {
    weight: 2,
    make: ({ env, team }) => [
      {
        Sid: 'DenyProdSecrets',
        Effect: 'Deny',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:*:${ACCOUNT_ID}:secret:prod/*`,
        Condition: { StringNotEquals: { 'aws:PrincipalTag/env': env === 'prod' ? 'prod' : `prod-${team}` } },
      },
    ],
  },
];
const KIND_WEIGHT = STATEMENT_KINDS.reduce((n, k) => n + k.weight, 0);

/** Permissions boundaries: the first managed policies of the account, under `/boundaries/`. */
const BOUNDARIES = [
  [
    'WorkloadBoundary',
    doc(
      {
        Sid: 'WorkloadServices',
        Effect: 'Allow',
        Action: [
          's3:*',
          'dynamodb:*',
          'sqs:*',
          'sns:*',
          'lambda:*',
          'logs:*',
          'ssm:Get*',
          'secretsmanager:GetSecretValue',
          'secretsmanager:DescribeSecret',
          'kms:Decrypt',
          'kms:GenerateDataKey',
          'ecr:*',
          'ec2:Describe*',
          'cloudwatch:*',
          'xray:PutTraceSegments',
        ],
        Resource: '*',
      },
      {
        Sid: 'NoIamWrites',
        Effect: 'Deny',
        Action: ['iam:Create*', 'iam:Put*', 'iam:Attach*'],
        Resource: '*',
      },
    ),
  ],
  [
    'DeveloperBoundary',
    doc(
      {
        Sid: 'Everything',
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*', 'account:*'],
        Resource: '*',
      },
      {
        Sid: 'OwnServiceRoles',
        Effect: 'Allow',
        Action: ['iam:PassRole', 'iam:GetRole'],
        Resource: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/*`,
      },
    ),
  ],
  [
    'DataBoundary',
    doc({
      Sid: 'DataServices',
      Effect: 'Allow',
      Action: ['s3:*', 'glue:*', 'athena:*', 'kms:Decrypt', 'logs:*', 'lakeformation:GetDataAccess'],
      Resource: '*',
    }),
  ],
];

/** AWS managed policies some principals attach (their documents as AWS publishes them). */
const AWS_MANAGED = [
  ['AdministratorAccess', 'ANPAIWMBCKSKIEE64ZLYK', doc({ Effect: 'Allow', Action: '*', Resource: '*' })],
  [
    'AmazonS3ReadOnlyAccess',
    'ANPAIZTJ4DXE7G6AGAE6M',
    doc({
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
      Resource: '*',
    }),
  ],
];

function makeId(random, prefix) {
  let s = prefix;
  for (let i = 0; i < 17; i++) s += ID_CHARS[Math.floor(random() * ID_CHARS.length)];
  return s;
}

function date(random, from = 2019) {
  const t = Date.UTC(from, 0, 1) + Math.floor(random() * (Date.UTC(2026, 0, 1) - Date.UTC(from, 0, 1)));
  return new Date(t).toISOString().replace(/\.\d+Z$/, '+00:00');
}

/** The trust policy of a role by kind. */
function trustPolicy(kind, { service, team, pick, serial }) {
  switch (kind) {
    case 'service':
      return doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
    case 'cross-account':
      return doc({
        Sid: 'PartnerAccount',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${pick(PARTNER_ACCOUNTS)}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': `acme-${team}-${serial}` } },
      });
    case 'ci':
      return doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${pick(PARTNER_ACCOUNTS)}:role/ci-runner` },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      });
    case 'github':
      return doc({
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: {
            'token.actions.githubusercontent.com:sub': `repo:acme/${team}-*:ref:refs/heads/main`,
          },
        },
      });
    default:
      return doc({
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/AWSSSO_7d1e2f3a4b5c6d7e_DO_NOT_DELETE`,
        },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      });
  }
}

/**
 * The account authorization details and organization snapshot of a synthetic account, from `seed`.
 * `policies` counts the customer managed policies (permissions boundaries included).
 */
export function generateAccount({
  roles = 1000,
  policies = 5000,
  users = 40,
  groups = 12,
  seed = 1,
  documents = 'object',
} = {}) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const encode = documents === 'url-encoded' ? (d) => encodeURIComponent(JSON.stringify(d)) : (d) => d;
  const picks = () => {
    const team = pick(TEAMS);
    return { team, purpose: pick(PURPOSES), env: pick(ENVS), region: pick(REGIONS), pick };
  };
  const statements = (count) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      let w = random() * KIND_WEIGHT;
      let kind = STATEMENT_KINDS[0];
      for (const k of STATEMENT_KINDS) {
        w -= k.weight;
        if (w < 0) {
          kind = k;
          break;
        }
      }
      out.push(...kind.make(picks()).map((s) => ({ ...s, Sid: `${s.Sid}${i}` })));
    }
    return out;
  };

  // customer managed policies: the boundaries, then policies by team (shared ones first)
  const managed = [];
  const byTeam = new Map(TEAMS.map((t) => [t, []]));
  const shared = [];
  for (let i = 0; i < policies; i++) {
    const boundary = i < BOUNDARIES.length ? BOUNDARIES[i] : undefined;
    const team = pick(TEAMS);
    const name =
      boundary?.[0] ?? `${team}-${pick(PURPOSES)}-${pick(['read', 'write', 'ops', 'app', 'ci'])}-${i}`;
    const path = boundary ? '/boundaries/' : i % 5 === 0 ? '/' : `/teams/${team}/`;
    const document = boundary?.[1] ?? doc(...statements(1 + Math.floor(random() ** 2 * 5)));
    const versions = boundary || random() < 0.8 ? 1 : 2;
    const created = date(random);
    const entry = {
      PolicyName: name,
      PolicyId: makeId(random, 'ANPA'),
      Arn: `arn:aws:iam::${ACCOUNT_ID}:policy${path}${name}`,
      Path: path,
      DefaultVersionId: `v${versions}`,
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: created,
      UpdateDate: created,
      PolicyVersionList: [
        {
          Document: encode(document),
          VersionId: `v${versions}`,
          IsDefaultVersion: true,
          CreateDate: created,
        },
        ...(versions === 2
          ? [
              {
                Document: encode(
                  doc({ Effect: 'Allow', Action: `${pick(['s3', 'dynamodb', 'sqs'])}:*`, Resource: '*' }),
                ),
                VersionId: 'v1',
                IsDefaultVersion: false,
                CreateDate: created,
              },
            ]
          : []),
      ],
    };
    managed.push(entry);
    if (boundary) continue;
    if (i < BOUNDARIES.length + Math.max(20, policies / 100)) shared.push(entry);
    else byTeam.get(team).push(entry);
  }
  const awsManaged = AWS_MANAGED.map(([name, id, document]) => ({
    PolicyName: name,
    PolicyId: id,
    Arn: `arn:aws:iam::aws:policy/${name}`,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 0,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:39:46+00:00',
    UpdateDate: '2015-02-06T18:39:46+00:00',
    PolicyVersionList: [
      {
        Document: encode(document),
        VersionId: 'v1',
        IsDefaultVersion: true,
        CreateDate: '2015-02-06T18:39:46+00:00',
      },
    ],
  }));
  const boundaries = managed.slice(0, Math.min(BOUNDARIES.length, managed.length));

  /** Up to `count` distinct managed policies, mostly of `team`, a few shared; counted as attached. */
  const attach = (team, count) => {
    const chosen = new Set();
    const own = byTeam.get(team);
    for (let n = 0; n < count * 3 && chosen.size < count; n++) {
      const fromShared = own.length === 0 || random() < 0.25;
      const list = fromShared ? shared : own;
      if (list.length === 0) break;
      // a skewed pick: a few policies are attached to many principals, most to one or two
      chosen.add(list[Math.floor(random() ** 2 * list.length)]);
    }
    return [...chosen].map((p) => {
      p.AttachmentCount += 1;
      return { PolicyName: p.PolicyName, PolicyArn: p.Arn };
    });
  };
  const attachAws = (name) => {
    const p = awsManaged.find((x) => x.PolicyName === name);
    p.AttachmentCount += 1;
    return { PolicyName: p.PolicyName, PolicyArn: p.Arn };
  };
  const boundaryFor = () => {
    if (boundaries.length === 0) return undefined;
    const p = pick(boundaries);
    p.PermissionsBoundaryUsageCount += 1;
    return { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: p.Arn };
  };
  const inline = (prefix, count) =>
    Array.from({ length: count }, (_, i) => ({
      PolicyName: `${prefix}-inline-${i}`,
      PolicyDocument: encode(doc(...statements(1 + Math.floor(random() * 2)))),
    }));

  const roleList = [];
  for (let i = 0; i < roles; i++) {
    const team = pick(TEAMS);
    const env = pick(ENVS);
    const r = random();
    const kind =
      r < 0.55 ? 'service' : r < 0.7 ? 'sso' : r < 0.8 ? 'github' : r < 0.92 ? 'ci' : 'cross-account';
    const [service, servicePath, suffix] = pick(SERVICE_TRUST);
    let name;
    let path;
    if (kind === 'service') {
      name = `${team}-${env}-${suffix}-${i}`;
      path = servicePath;
    } else if (kind === 'sso') {
      name = `AWSReservedSSO_${team}-${pick(['Admin', 'Developer', 'ReadOnly'])}_${i.toString(16).padStart(16, '0')}`;
      path = `/aws-reserved/sso.amazonaws.com/${pick(REGIONS)}/`;
    } else {
      name = `${team}-${kind}-${env}-${i}`;
      path = kind === 'github' ? '/deploy/' : '/';
    }
    const created = date(random, 2020);
    const attached = name.includes('-Admin_')
      ? [attachAws('AdministratorAccess')]
      : [
          ...attach(team, 1 + Math.floor(random() ** 1.5 * 8)),
          ...(random() < 0.05 ? [attachAws('AmazonS3ReadOnlyAccess')] : []),
        ];
    const role = {
      Path: path,
      RoleName: name,
      RoleId: makeId(random, 'AROA'),
      Arn: `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`,
      CreateDate: created,
      AssumeRolePolicyDocument: encode(trustPolicy(kind, { service, team, pick, serial: i })),
      InstanceProfileList:
        kind === 'service' && service === 'ec2.amazonaws.com'
          ? [
              {
                Path: '/',
                InstanceProfileName: name,
                InstanceProfileId: makeId(random, 'AIPA'),
                Arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/${name}`,
                CreateDate: created,
                Roles: [],
              },
            ]
          : [],
      RolePolicyList: random() < 0.4 ? inline(name, 1 + Math.floor(random() * 2)) : [],
      AttachedManagedPolicies: attached,
      Tags: [
        { Key: 'team', Value: team },
        { Key: 'env', Value: env },
      ],
      RoleLastUsed: random() < 0.8 ? { LastUsedDate: date(random, 2025), Region: pick(REGIONS) } : {},
    };
    if (kind !== 'sso' && random() < 0.3) role.PermissionsBoundary = boundaryFor();
    roleList.push(role);
  }

  const groupList = Array.from({ length: groups }, (_, i) => {
    const team = TEAMS[i % TEAMS.length];
    const name = i < TEAMS.length ? `${team}-engineers` : `${team}-oncall-${i}`;
    return {
      Path: '/',
      GroupName: name,
      GroupId: makeId(random, 'AGPA'),
      Arn: `arn:aws:iam::${ACCOUNT_ID}:group/${name}`,
      CreateDate: date(random, 2019),
      GroupPolicyList: random() < 0.5 ? inline(name, 1) : [],
      AttachedManagedPolicies: attach(team, 1 + Math.floor(random() * 4)),
    };
  });
  const userList = Array.from({ length: users }, (_, i) => {
    const team = pick(TEAMS);
    const name = `${team}.user${i}`;
    const path = i % 4 === 0 ? '/' : `/${team}/`;
    const memberOf = groupList.length === 0 ? [] : [...new Set([pick(groupList), pick(groupList)])];
    const user = {
      Path: path,
      UserName: name,
      UserId: makeId(random, 'AIDA'),
      Arn: `arn:aws:iam::${ACCOUNT_ID}:user${path}${name}`,
      CreateDate: date(random, 2019),
      UserPolicyList: random() < 0.2 ? inline(name, 1) : [],
      GroupList: memberOf.map((g) => g.GroupName),
      AttachedManagedPolicies: random() < 0.5 ? attach(team, 1 + Math.floor(random() * 2)) : [],
      Tags: [{ Key: 'team', Value: team }],
    };
    if (random() < 0.25) user.PermissionsBoundary = boundaryFor();
    return user;
  });

  const account = {
    UserDetailList: userList,
    GroupDetailList: groupList,
    RoleDetailList: roleList,
    Policies: [...managed, ...awsManaged.filter((p) => p.AttachmentCount > 0)],
    IsTruncated: false,
  };
  return { account, organization: organization(), accountId: ACCOUNT_ID };
}

/**
 * The organization snapshot: the account under the root and one OU (three SCP levels: root, OU,
 * account), `FullAWSAccess` at each level beside guardrails from AWS's example SCPs, and an RCP.
 */
function organization() {
  const full = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
  const root = 'r-a1b2';
  const workloads = 'ou-a1b2-workloads';
  return {
    managementAccountId: MANAGEMENT_ACCOUNT,
    targets: {
      [ACCOUNT_ID]: [root, workloads],
      [PARTNER_ACCOUNTS[0]]: [root, 'ou-a1b2-sandbox'],
    },
    policies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        type: 'SERVICE_CONTROL_POLICY',
        document: full,
        targets: [root, workloads, 'ou-a1b2-sandbox', ACCOUNT_ID, PARTNER_ACCOUNTS[0]],
      },
      {
        id: 'p-rootguard01',
        name: 'RootGuardrails',
        type: 'SERVICE_CONTROL_POLICY',
        document: doc(
          { Sid: 'NoLeaving', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
          {
            Sid: 'NoRootUser',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
          },
        ),
        targets: [root],
      },
      {
        id: 'p-regions0001',
        name: 'DenyOutsideApprovedRegions',
        type: 'SERVICE_CONTROL_POLICY',
        document: doc(
          {
            Sid: 'DenyAllOutsideRegions',
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*', 'cloudfront:*', 'route53:*'],
            Resource: '*',
            Condition: {
              StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1', 'us-east-1'] },
            },
          },
          {
            Sid: 'ProtectAuditTrail',
            Effect: 'Deny',
            Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'guardduty:Delete*'],
            Resource: '*',
          },
        ),
        targets: [workloads],
      },
      {
        id: 'p-acctbase001',
        name: 'AccountBaseline',
        type: 'SERVICE_CONTROL_POLICY',
        document: doc(
          {
            Sid: 'NoIamUsers',
            Effect: 'Deny',
            Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
            Resource: '*',
            Condition: {
              ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:role/aws-reserved/*` },
            },
          },
          {
            Sid: 'RequireImdsV2',
            Effect: 'Deny',
            Action: 'ec2:RunInstances',
            Resource: 'arn:aws:ec2:*:*:instance/*',
            Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } },
          },
        ),
        targets: [ACCOUNT_ID],
      },
      {
        id: 'p-rcptls00001',
        name: 'EnforceSecureTransport',
        type: 'RESOURCE_CONTROL_POLICY',
        document: doc({
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        }),
        targets: [root],
      },
    ],
  };
}

/** Writes `account-<id>.json` and `org.json` into `out`; returns their paths and the counts. */
export function writeAccount({ out, ...options }) {
  const { account, organization, accountId } = generateAccount(options);
  mkdirSync(out, { recursive: true });
  const accountFile = join(out, `account-${accountId}.json`);
  const orgFile = join(out, 'org.json');
  writeFileSync(accountFile, JSON.stringify(account, null, 1));
  writeFileSync(orgFile, JSON.stringify(organization, null, 2));
  return {
    accountFile,
    orgFile,
    accountId,
    roles: account.RoleDetailList.length,
    users: account.UserDetailList.length,
    groups: account.GroupDetailList.length,
    policies: account.Policies.filter((p) => !p.Arn.startsWith('arn:aws:iam::aws:')).length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      roles: { type: 'string', default: '1000' },
      policies: { type: 'string', default: '5000' },
      users: { type: 'string', default: '40' },
      groups: { type: 'string', default: '12' },
      seed: { type: 'string', default: '1' },
      documents: { type: 'string', default: 'object' },
    },
  });
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`generate-account: --${name} must be a whole number, not \`${values[name]}\``);
      process.exit(2);
    }
    return n;
  };
  if (values.out === undefined || !['object', 'url-encoded'].includes(values.documents)) {
    console.error(
      'usage: node scripts/generate-account.mjs --out DIR [--roles N] [--policies N] [--users N] [--groups N] [--seed N] [--documents object|url-encoded]',
    );
    process.exit(2);
  }
  const written = writeAccount({
    out: values.out,
    roles: count('roles'),
    policies: count('policies'),
    users: count('users'),
    groups: count('groups'),
    seed: count('seed'),
    documents: values.documents,
  });
  console.log(JSON.stringify(written));
}
