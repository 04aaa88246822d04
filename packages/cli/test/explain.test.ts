import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';

const DIR = 'packages/cli/test/fixtures/explain';

const CASES: readonly CliCase[] = [
  {
    name: 'CLI output {"DecodedMessage": "..."}: explicit deny in the caller’s identity policy',
    args: ['explain', `${DIR}/d1-cli-wrapper.json`, '--format', 'json'],
    exit: 0,
    json: {
      decision: 'ExplicitDeny',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
      principal: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana',
      'statements.0.sid': 'VisualEditor0',
      'statements.0.effect': 'Deny',
      'statements.0.layer': 'identity',
      'nextSteps.0.code': 'identity-deny',
      'nextSteps.0.command':
        'aws iam list-attached-role-policies --role-name Developer && aws iam list-role-policies --role-name Developer',
    },
  },
  {
    name: 'permissions boundary: SCOPE_POLICY_ISSUER, no Sid',
    args: ['explain', `${DIR}/d3-boundary.json`, '--format', 'json'],
    exit: 0,
    json: {
      decision: 'ExplicitDeny',
      'statements.0.sid': null,
      'statements.0.layer': 'permissions-boundary',
      'nextSteps.0.code': 'boundary-deny',
    },
  },
  {
    name: 'SCP: account id principal, condition set against the request',
    args: ['explain', `${DIR}/scp.json`, '--format', 'json'],
    exit: 0,
    json: {
      'statements.0.layer': 'scp',
      'statements.0.conditions.0.requestValues': ['us-east-1'],
      'nextSteps.0.code': 'scp-deny',
      'nextSteps.0.command':
        'aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY',
      'nextSteps.1.code': 'deny-condition',
    },
  },
  {
    name: 'a JSON string holding the JSON: implicit deny of iam:PassRole',
    args: ['explain', `${DIR}/d7-passrole.txt`, '--format', 'json'],
    exit: 0,
    json: {
      decision: 'ImplicitDeny',
      action: 'iam:PassRole',
      statements: [],
      principalName: 'develop_om_user',
      'nextSteps.1.code': 'missing-allow',
      'nextSteps.2.code': 'pass-role',
    },
  },
  {
    name: 'a message cut off is read as far as it goes, with a warning',
    args: ['explain', `${DIR}/d1-cut.json`, '--format', 'json'],
    exit: 0,
    json: {
      decision: 'ExplicitDeny',
      'statements.0.layer': 'identity',
      'diagnostics.0.code': 'decoded-truncated',
    },
  },
  {
    name: '`-` reads standard input',
    args: ['explain', '-', '--format', 'json'],
    stdin:
      '$ aws sts decode-authorization-message --encoded-message x\n{"DecodedMessage": "{\\"allowed\\":false,\\"explicitDeny\\":false,\\"matchedStatements\\":{\\"items\\":[]},\\"context\\":{\\"action\\":\\"s3:GetObject\\",\\"resource\\":\\"arn:aws:s3:::b/k\\"}}"}\n',
    exit: 0,
    json: { decision: 'ImplicitDeny', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
  },
  {
    name: 'broken JSON: file, line and column, exit 1',
    args: ['explain', `${DIR}/broken.json`],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/explain\/broken\.json:4:3: invalid JSON: /,
  },
  {
    name: 'JSON that is no decoded message: exit 1',
    args: ['explain', `${DIR}/not-a-message.json`],
    exit: 1,
    stderr: /not-a-message\.json: the JSON is not a decoded authorization message/,
  },
  {
    name: 'text without JSON on standard input: exit 1',
    args: ['explain', '-'],
    stdin: 'Access Denied',
    exit: 1,
    stderr: /^whydenied: <stdin>: no JSON object found in the input/,
  },
  {
    name: 'missing file: exit 1',
    args: ['explain', 'no/such/decoded.json'],
    exit: 1,
    stderr: /^whydenied: no\/such\/decoded\.json: no such file$/,
  },
  { name: 'no FILE: usage, exit 2', args: ['explain'], exit: 2 },
  {
    name: 'unknown format: usage, exit 2',
    args: ['explain', `${DIR}/scp.json`, '--format', 'xml'],
    exit: 2,
    stderr: /--format must be one of text, json, got `xml`/,
  },
];

describe('whydenied explain (end to end)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => checkCliCase(c));

  it('prints the text view for a person', () => {
    const run = runCli(['explain', `${DIR}/scp.json`]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "AWS denied the request: a statement denies it (explicit deny)

        action    s3:CreateBucket
        resource  arn:aws:s3:::acme-new-bucket (bucket)
        caller    arn:aws:sts::111122223333:assumed-role/deploy-role/ci
                  id AROA3XFRBF535PLBIFPI4:ci
        account   111122223333

      Matched statements
        1. Deny \`DenyOutsideEU\`: service control policy (SCP)
           why        its principal is the account id \`111122223333\`, which AWS writes for a service control policy
           actions    *
           resources  *
           condition  aws:RequestedRegion against eu-west-1, eu-central-1 (operator not shown; the request had us-east-1)

      Request context
        aws:RequestedRegion us-east-1
        aws:Account         111122223333

      Next steps
        1. a service control policy denies \`s3:CreateBucket\` (statement \`DenyOutsideEU\`): the caller's own policies cannot override it; only the organization's administrators can change the SCP or exempt the account
           $ aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY
        2. statement \`DenyOutsideEU\` tests \`aws:RequestedRegion\` against \`eu-west-1\`, \`eu-central-1\` (AWS omits the operator; read the policy for it); the request had \`aws:RequestedRegion\` = \`us-east-1\`
      "
    `);
  });
});
