import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';

const SCP_ERROR =
  'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in a service control policy';

/** A RunInstances denial whose account file lists instance profile `app-instance-profile` (of role `app-instance-role`). */
const PROFILE_CASE = 'packages/cli/test/scenarios/19a-instance-profile-role-from-account';

const CASES: readonly CliCase[] = [
  {
    name: 'bundled example: PassRole behind RunInstances, from a file',
    args: ['diagnose', '--error', 'examples/errors/runinstances-passrole.txt', '--format', 'json'],
    exit: 0,
    json: {
      kind: 'authorization',
      'failure.code': 'UnauthorizedOperation',
      'failure.operation': 'RunInstances',
      'failure.service': 'ec2',
      'failure.action': 'iam:PassRole',
      'failure.principal': 'arn:aws:sts::111122223333:assumed-role/deploy-role/ci',
      'failure.resource': 'arn:aws:iam::111122223333:role/app-role',
      'failure.reasonLayer': 'identity',
      'failure.denyType': 'implicit',
      'failure.policyArn': null,
      'failure.hasEncodedMessage': true,
      findings: [],
      fixes: [],
    },
  },
  {
    name: 'error as TEXT arguments',
    args: ['diagnose', '--format', 'json', SCP_ERROR],
    exit: 0,
    json: {
      'failure.reasonLayer': 'scp',
      'failure.denyType': 'explicit',
      'failure.resource': 'arn:aws:ec2:us-east-1:111122223333:instance/*',
    },
  },
  {
    name: 'error on standard input',
    args: ['diagnose', '--format', 'json'],
    stdin: SCP_ERROR,
    exit: 0,
    json: { 'failure.action': 'ec2:RunInstances' },
  },
  {
    name: '`-` reads standard input',
    args: ['diagnose', '--error', '-', '--format', 'json'],
    stdin: SCP_ERROR,
    exit: 0,
    json: { 'failure.code': 'UnauthorizedOperation' },
  },
  {
    name: 'CloudTrail Records file',
    args: ['diagnose', '--error', 'examples/errors/cloudtrail-runinstances.json', '--format', 'json'],
    exit: 0,
    json: {
      'failure.code': 'UnauthorizedOperation',
      'failure.reasonLayer': 'scp',
      'details.region': 'eu-west-1',
    },
  },
  {
    name: '--event picks a failed CloudTrail event by position',
    args: [
      'diagnose',
      '--error',
      'packages/cli/test/fixtures/diagnose/two-failures.json',
      '--event',
      '2',
      '--format',
      'json',
    ],
    exit: 0,
    json: { 'failure.operation': 'DescribeInstances', 'details.otherFailures': 1 },
  },
  {
    name: '--event picks a failed CloudTrail event by eventID',
    args: [
      'diagnose',
      '--error',
      'packages/cli/test/fixtures/diagnose/two-failures.json',
      '--event',
      '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      '--format',
      'json',
    ],
    exit: 0,
    json: {
      'failure.operation': 'GetObject',
      'details.requestId': 'J1K2L3M4N5P6Q7R8',
      'details.cloudTrail.requestContext.aws:SourceIp': '198.51.100.7',
      'details.cloudTrail.requestContext.aws:SecureTransport': 'true',
      'details.cloudTrail.absentContext': [
        'aws:MultiFactorAuthPresent',
        'aws:MultiFactorAuthAge',
        'aws:TokenIssueTime',
      ],
      'details.cloudTrail.requestParameters.bucketName': 'acme-reports',
    },
  },
  {
    name: '--event naming no failed event: one line naming the file, exit 1',
    args: ['diagnose', '--error', 'packages/cli/test/fixtures/diagnose/two-failures.json', '--event', 'nope'],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/two-failures\.json: no failed CloudTrail event has the eventID or requestID `nope`/,
  },
  {
    name: 'evidence nested past the JSON depth limit: file, line and column, exit 1',
    args: ['diagnose', '--account', 'packages/cli/test/fixtures/diagnose/too-deep.txt', 'Access Denied'],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/too-deep\.txt:1:275: JSON nests deeper than 256 levels$/,
  },
  {
    name: 'a policy nested past the JSON depth limit is refused by lint too, exit 1',
    args: ['lint', 'packages/cli/test/fixtures/diagnose/too-deep.txt'],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/too-deep\.txt:1:275: JSON nests deeper than 256 levels$/,
  },
  {
    name: 'RCP deny with operation mapped to its action',
    args: ['diagnose', '--error', 'examples/errors/s3-rcp.txt', '--format', 'json'],
    exit: 0,
    json: {
      'failure.operation': 'CreateMultipartUpload',
      'failure.action': 's3:PutObject',
      'failure.reasonLayer': 'rcp',
    },
  },
  {
    name: 'look-alike: expired token',
    args: ['diagnose', '--error', 'examples/errors/expired-token.txt', '--format', 'json'],
    exit: 0,
    json: { kind: 'authentication', lookalike: 'expired-token', 'nextSteps.0.code': 'expired-token' },
  },
  {
    name: 'options complete what S3 does not say',
    args: [
      'diagnose',
      '--format',
      'json',
      '--principal',
      'arn:aws:iam::111122223333:user/alice',
      '--resource',
      'arn:aws:s3:::bkt/k',
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    ],
    exit: 0,
    json: {
      'failure.principal': 'arn:aws:iam::111122223333:user/alice',
      'failure.resource': 'arn:aws:s3:::bkt/k',
      'failure.action': 's3:GetObject',
    },
  },
  {
    name: 'missing file: one line naming it, exit 1',
    args: ['diagnose', '--error', 'no/such/file.txt'],
    exit: 1,
    stderr: /^whydenied: no\/such\/file\.txt: no such file$/,
  },
  {
    name: 'no AWS error in the input: exit 1',
    args: ['diagnose', '--error', 'packages/cli/test/fixtures/diagnose/not-an-error.txt'],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/not-an-error\.txt: no AWS error found in the input$/,
  },
  {
    name: 'broken CloudTrail JSON: file, line and column, exit 1',
    args: ['diagnose', '--error', 'packages/cli/test/fixtures/diagnose/broken.json'],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/broken\.json:2:31: invalid JSON: /,
  },
  {
    name: 'empty standard input: exit 1',
    args: ['diagnose'],
    stdin: '',
    exit: 1,
    stderr: /^whydenied: <stdin>: the input is empty/,
  },
  {
    name: 'both TEXT and --error: usage, exit 2',
    args: ['diagnose', '--error', 'examples/errors/expired-token.txt', 'Access Denied'],
    exit: 2,
    stderr: /^whydenied: give the error either as TEXT or with --error, not both$/,
  },
  {
    name: 'unknown format: usage, exit 2',
    args: ['diagnose', '--format', 'xml', 'Access Denied'],
    exit: 2,
    stderr: /--format must be one of text, json, got `xml`/,
  },
  {
    name: 'a decoded message adds its exact check first; the call keeps its other checks, the caller is known, no step says to decode',
    args: [
      'diagnose',
      '--format',
      'json',
      '--decoded',
      'packages/cli/test/fixtures/diagnose/decoded-passrole.json',
      '--account',
      'packages/core/src/evidence/fixtures/account-111122223333-cli.json',
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: Zm9vYmFy',
    ],
    exit: 0,
    json: {
      'findings.0.action': 'iam:PassRole',
      'findings.0.resource': 'arn:aws:iam::111122223333:role/web-role',
      'findings.0.source': 'decoded',
      'findings.0.layer': 'identity',
      // the call's RunInstances checks were evaluated too, in the account the message names: allowed
      'findings.1': undefined,
      'fixes.0.document.Statement.4.Condition': {
        StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
      },
      unknowns: [expect.objectContaining({ code: 'no-reason-clause' })],
      nextSteps: [],
    },
  },
  {
    name: 'a decoded message that is no JSON: file, line, column, exit 1',
    args: ['diagnose', '--decoded', 'packages/cli/test/fixtures/diagnose/broken.json', 'Access Denied'],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/broken\.json:2:31: /,
  },
  {
    name: 'an empty organization snapshot is refused, naming the file, exit 1',
    args: ['diagnose', '--org', 'packages/cli/test/fixtures/diagnose/empty-object.json', 'Access Denied'],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/empty-object\.json:1:1: an organization snapshot needs `policies`$/,
  },
  {
    name: 'an account file given as the organization snapshot is refused, exit 1',
    args: [
      'diagnose',
      '--org',
      'packages/core/src/evidence/fixtures/account-111122223333-cli.json',
      'Access Denied',
    ],
    exit: 1,
    stderr:
      /^whydenied: packages\/core\/src\/evidence\/fixtures\/account-111122223333-cli\.json: this holds account authorization details .*, not an organization snapshot/,
  },
  {
    name: 'raw `list-policies-for-target` output given as the organization snapshot is refused, exit 1',
    args: [
      'diagnose',
      '--org',
      'packages/cli/test/fixtures/diagnose/list-policies-for-target.json',
      'Access Denied',
    ],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/list-policies-for-target\.json:1:14: `Policies` is not a member of an organization snapshot/,
  },
  {
    name: 'a resource policy whose Statement is a string is refused at its line and column, exit 1',
    args: [
      'diagnose',
      '--resource-policy',
      'arn:aws:s3:::bkt=packages/cli/test/fixtures/diagnose/statement-string.json',
      'Access Denied',
    ],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/diagnose\/statement-string\.json:3:16: /,
  },
  {
    name: 'an account file given as a resource policy is refused, exit 1',
    args: [
      'diagnose',
      '--resource-policy',
      'arn:aws:s3:::bkt=packages/core/src/evidence/fixtures/account-111122223333-cli.json',
      'Access Denied',
    ],
    exit: 1,
    stderr: /: this holds account authorization details .*, not a resource-based policy/,
  },
  {
    name: 'context keys named like object members (`constructor`, `__proto__`, `toString`) are plain keys',
    args: [
      'diagnose',
      '--format',
      'json',
      '--context',
      'constructor=x',
      '--context',
      '__proto__=y',
      '--context',
      'toString=z',
      'Access Denied',
    ],
    exit: 0,
    json: { kind: 'authorization' },
  },
  {
    name: 'a missing evidence file: one line naming it, exit 1',
    args: ['diagnose', '--account', 'no/such/account.json', 'Access Denied'],
    exit: 1,
    stderr: /^whydenied: no\/such\/account\.json: no such file$/,
  },
  {
    name: '--resource-policy without ARN=FILE: usage, exit 2',
    args: ['diagnose', '--resource-policy', 'bucket.json', 'Access Denied'],
    exit: 2,
    stderr: /^whydenied: --resource-policy takes ARN=FILE, got `bucket\.json`$/,
  },
  {
    name: '--param without KEY=VALUE: usage, exit 2',
    args: ['diagnose', '--param', 'subnetId', 'Access Denied'],
    exit: 2,
    stderr: /^whydenied: --param: a call parameter is `KEY=VALUE` \(KEY may be dotted\), got `subnetId`$/,
  },
  {
    name: '--param with a key the call does not have: usage, exit 2, naming the keys its rule reads there',
    args: [
      'diagnose',
      '--error',
      `${PROFILE_CASE}/error.txt`,
      '--principal',
      'arn:aws:sts::111122223333:assumed-role/deploy-role/ci',
      '--param',
      'iamInstanceProfile.nmae=app-instance-profile',
    ],
    exit: 2,
    stderr:
      /^whydenied: --param: `RunInstances` has no parameter `iamInstanceProfile\.nmae` that decides its checks; the ones read in `iamInstanceProfile` are `arn`, `name`, `role`$/,
  },
  {
    name: 'an instance profile the account file does not list: the role is assumed, and how to find it is missing evidence',
    args: [
      'diagnose',
      '--error',
      `${PROFILE_CASE}/error.txt`,
      '--account',
      `${PROFILE_CASE}/account-111122223333.json`,
      '--org',
      `${PROFILE_CASE}/org.json`,
      '--principal',
      'arn:aws:sts::111122223333:assumed-role/deploy-role/ci',
      '--param',
      'IamInstanceProfile=web-profile',
      '--format',
      'json',
    ],
    exit: 0,
    json: {
      'findings.0.action': 'iam:PassRole',
      'findings.0.resource': 'arn:aws:iam::111122223333:role/web-profile',
      'findings.0.assumed': ['resource'],
      'missingEvidence.0.code': 'instance-profile-role-unknown',
      'missingEvidence.0.subject': 'web-profile',
      'missingEvidence.0.command':
        'aws iam get-instance-profile --instance-profile-name web-profile --query "InstanceProfile.Roles[].Arn" --output text',
    },
  },
  {
    name: '--context without KEY=VALUE: usage, exit 2',
    args: ['diagnose', '--context', 'aws:SourceIp', 'Access Denied'],
    exit: 2,
    stderr: /^whydenied: --context: a context value is `KEY=VALUE`, got `aws:SourceIp`$/,
  },
  {
    name: 'web with a port that is no number: usage, exit 2',
    args: ['web', '--port', 'eighty'],
    exit: 2,
    stderr: /^whydenied: --port takes a number from 0 to 65535, got `eighty`$/,
  },
  {
    name: 'unknown command: exit 2',
    args: ['frobnicate'],
    exit: 2,
  },
  {
    name: '--help: exit 0',
    args: ['--help'],
    exit: 0,
  },
];

describe('whydenied diagnose (end to end)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => checkCliCase(c));

  it('prints the text view for a person', () => {
    const run = runCli(['diagnose', '--error', 'examples/errors/s3-rcp.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "AWS denied the request: a policy does not allow it

        action    s3:PutObject
        operation CreateMultipartUpload (s3)
        caller    arn:aws:sts::111122223333:assumed-role/builder/AWSCodeBuild-c1698c4c-10a6-4f6c-8a23-4c221b2ba678
                  session \`AWSCodeBuild-c1698c4c-10a6-4f6c-8a23-4c221b2ba678\` of role \`builder\`, CodeBuild project role, account 111122223333
        resource  arn:aws:s3:::artifacts-111122223333/layer.zip
        blamed    resource control policy (RCP): explicit deny
        code      AccessDenied

      Still unknown
        - AWS names only one policy type even when several deny; fixing it may reveal the next

      Next steps
        1. a resource control policy of the resource owner's organization denies this; only that organization's administrators can change it
           $ aws organizations list-policies-for-target --target-id <resource-account-id> --filter RESOURCE_CONTROL_POLICY
      "
    `);
  });
});
