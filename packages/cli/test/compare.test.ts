import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';

const F = 'packages/cli/test/fixtures/compare';

/** Exit codes, one-line errors and JSON fields of `whydenied compare`, through the built CLI. */
const CASES: readonly CliCase[] = [
  {
    name: 'an added condition value is the new access, with the statement located in the file',
    args: ['compare', '--format', 'json', `${F}/launch-old.json`, `${F}/launch-new.json`],
    exit: 0,
    json: {
      layer: 'identity',
      'newAccess.length': 1,
      'newAccess.0.action': 'ec2:RunInstances',
      'newAccess.0.resource': 'arn:aws:ec2:*:111122223333:instance/*',
      'newAccess.0.conditions': { 'ec2:InstanceType': ['m5.large'] },
      'newAccess.0.statement': { sid: 'Launch', index: 1, pointer: '/Statement/1', line: 10, column: 5 },
      'newAccess.0.example.context': { 'ec2:InstanceType': 'm5.large' },
      'removedAccess.length': 1,
      'removedAccess.0.action': 's3:GetObject',
      'removedAccess.0.statement.sid': 'Read',
      'removedAccess.0.deniedBy': {
        sid: 'NoSecretBuilds',
        index: 2,
        pointer: '/Statement/2',
        line: 17,
        column: 5,
      },
      'limits.0.code': 'one-policy',
      keys: { 'ec2:InstanceType': { multiValued: false, otherValue: 'other-value' } },
    },
  },
  {
    name: 'identical policies under the gate: exit 0, nothing either way',
    args: [
      'compare',
      '--fail-on-new-access',
      '--format',
      'json',
      `${F}/launch-old.json`,
      `${F}/launch-old.json`,
    ],
    exit: 0,
    json: { newAccess: [], removedAccess: [] },
  },
  {
    name: 'a wrapper as get-role-policy prints it: pointers inside the file',
    args: ['compare', '--format', 'json', `${F}/launch-old.json`, `${F}/launch-new-role-policy.json`],
    exit: 0,
    json: {
      'newAccess.0.statement.pointer': '/PolicyDocument/Statement/0',
      'newAccess.0.statement.line': 7,
    },
  },
  {
    name: 'a bucket policy as get-bucket-policy prints it: the newly named account',
    args: [
      'compare',
      '--layer',
      'resource',
      '--format',
      'json',
      `${F}/bucket-old.json`,
      `${F}/bucket-new.json`,
    ],
    exit: 0,
    json: {
      'newAccess.length': 1,
      'newAccess.0.principal': '444455556666',
      'newAccess.0.example.principal': 'arn:aws:sts::444455556666:assumed-role/other-role/session',
      removedAccess: [],
    },
  },
  {
    name: 'a syntax error names the file, line and column',
    args: ['compare', `${F}/syntax-error.json`, `${F}/launch-new.json`],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/compare\/syntax-error\.json:4:\d+: /,
  },
  {
    name: 'a grammar error names the file, line and column',
    args: ['compare', `${F}/launch-old.json`, `${F}/grammar-error.json`],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/compare\/grammar-error\.json:4:17: the `Effect` must be `Allow` or `Deny`$/,
  },
  {
    name: 'a Principal in an identity policy is unusable input',
    args: ['compare', `${F}/bucket-old.json`, `${F}/launch-new.json`],
    exit: 1,
    stderr:
      /^whydenied: packages\/cli\/test\/fixtures\/compare\/bucket-old\.json:7:20: `Principal` is not allowed in this kind of policy$/,
  },
  {
    name: 'a missing file',
    args: ['compare', `${F}/launch-old.json`, `${F}/missing.json`],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/compare\/missing\.json: no such file$/,
  },
  {
    name: 'standard input read twice is wrong usage',
    args: ['compare', '-', '-'],
    stdin: '{}',
    exit: 2,
    stderr: /^whydenied: standard input \(`-`\) can be read only once$/,
  },
  {
    name: 'an unknown layer is wrong usage',
    args: ['compare', '--layer', 'session', `${F}/launch-old.json`, `${F}/launch-new.json`],
    exit: 2,
    stderr:
      /^whydenied: --layer must be one of identity, resource, scp, rcp, permissions-boundary, got `session`$/,
  },
  {
    name: 'a missing NEW is wrong usage',
    args: ['compare', `${F}/launch-old.json`],
    exit: 2,
  },
];

describe('whydenied compare', () => {
  for (const c of CASES) it(c.name, () => checkCliCase(c));

  it('with --fail-on-new-access exits 3 after writing the answer', () => {
    const r = runCli([
      'compare',
      '--fail-on-new-access',
      '--format',
      'json',
      `${F}/launch-old.json`,
      `${F}/launch-new.json`,
    ]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { newAccess: unknown[] }).newAccess).toHaveLength(1);
  });

  it('with --fail-on-new-access exits 3 for a removed Deny, whose rows name it', () => {
    const r = runCli([
      'compare',
      '--fail-on-new-access',
      '--format',
      'json',
      `${F}/launch-new.json`,
      `${F}/launch-old.json`,
    ]);
    expect(r.status).toBe(3);
    const out = JSON.parse(r.stdout) as { newAccess: { action: string; deniedBy?: { sid: string } }[] };
    expect(out.newAccess.map((row) => [row.action, row.deniedBy?.sid])).toEqual([
      ['s3:GetObject', 'NoSecretBuilds'],
    ]);
  });

  it('reads NEW from standard input', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/*' }],
    });
    const r = runCli(['compare', '--format', 'json', `${F}/launch-old.json`, '-'], policy);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      newAccess: { action: string; resource: string; statement: { line: number } }[];
    };
    expect(out.newAccess.map((row) => [row.action, row.resource, row.statement.line])).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::artifacts/*', 1],
    ]);
  });

  it('shows a table for a person', () => {
    const r = runCli(['compare', `${F}/launch-old.json`, `${F}/launch-new.json`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "new access: what packages/cli/test/fixtures/compare/launch-new.json allows that packages/cli/test/fixtures/compare/launch-old.json does not (1 row):

        action            resource                               conditions                  allowed by
        ec2:RunInstances  arn:aws:ec2:*:111122223333:instance/*  ec2:InstanceType: m5.large  packages/cli/test/fixtures/compare/launch-new.json:10:5 #1 Launch

      removed access: what packages/cli/test/fixtures/compare/launch-old.json allowed that packages/cli/test/fixtures/compare/launch-new.json does not (1 row):

        action        resource                         conditions  allowed by                                                       denied by
        s3:GetObject  arn:aws:s3:::artifacts/builds/*  -           packages/cli/test/fixtures/compare/launch-old.json:11:5 #1 Read  packages/cli/test/fixtures/compare/launch-new.json:17:5 #2 NoSecretBuilds

      compared at the identity layer; not seen offline:
        - only the two documents are compared at their layer; the other policies of a request (identity, boundary, session, resource, SCP, RCP, VPC endpoint) can still allow or deny what a row shows
        - condition keys neither policy uses are not varied, and values neither policy names count as one value; a request that differs only in them gets the same answer from these policies, but other policies may treat it differently
        - what a service does comes from the catalog only: the actions a wildcard or NotAction covers, their resource types and ARN formats, and the keys each action sends (a key the catalog does not list for an action is tested only as absent); actions and keys newer than the catalog and service-specific rules beyond it are not seen
        - policy variables are resolved against example callers: each variable takes an example value, the values the policies name, or none; a principal whose own names or tags differ from these is not seen
      "
    `);
  });
});
