import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, ROOT, runCli } from './run-cli.js';

const F = 'packages/cli/test/fixtures/what-can';
const ROLE = 'arn:aws:iam::111122223333:role/app';
const EVIDENCE = ['--account', `${F}/account.json`, '--org', `${F}/org.json`];

/** Exit codes, one-line errors and JSON fields of `whydenied what-can`, through the built CLI. */
const CASES: readonly CliCase[] = [
  {
    name: 'the role: boundary, SCP deny and deny carve-out applied; PassRole on * flagged',
    args: ['what-can', ROLE, ...EVIDENCE, '--format', 'json'],
    exit: 0,
    json: {
      principal: ROLE,
      'identity.kind': 'role',
      'identity.account': '111122223333',
      actionCount: 3,
      grantCount: 3,
      escalationCount: 1,
      'grants.0.action': 'iam:PassRole',
      'grants.0.resource': '*',
      'grants.0.escalation.code': 'pass-role-broad',
      'grants.1.action': 's3:GetObject',
      'grants.1.accessLevel': 'read',
      'grants.1.resourceType': 'object',
      'grants.1.resource': 'arn:aws:s3:::app-data/*',
      'grants.1.except': ['arn:aws:s3:::app-data/secret/*'],
      'grants.1.exact': true,
      'grants.1.statements': [
        { layer: 'scp', policy: 'scp:p-FullAWSAccess FullAWSAccess', sid: null, index: 0 },
        { layer: 'scp', policy: 'scp:p-FullAWSAccess FullAWSAccess @111122223333', sid: null, index: 0 },
        { layer: 'identity', policy: 'app/AppData', sid: 'ReadData', index: 0 },
        { layer: 'permissions-boundary', policy: 'app-boundary', sid: 'Cap', index: 0 },
      ],
      'grants.2.action': 'sqs:SendMessage',
      'grants.2.conditions.0.effect': 'requires',
      'grants.2.conditions.0.key': 'aws:SecureTransport',
      'grants.2.conditions.0.category': 'tls',
      'grants.2.example.context': { 'aws:SecureTransport': 'true' },
      'limits.0.code': 'identity-side',
    },
  },
  {
    name: "--resource-policy: a bucket policy grants alone and carves out; another account's queue needs the identity side too",
    args: [
      'what-can',
      ROLE,
      ...EVIDENCE,
      '--resource-policy',
      `arn:aws:s3:::app-data=${F}/bucket-policy.json`,
      '--resource-policy',
      `arn:aws:sqs:us-east-1:444455556666:events=${F}/queue-policy.json`,
      '--format',
      'json',
    ],
    exit: 0,
    json: {
      actionCount: 4,
      grantCount: 4,
      'grants.1.action': 's3:ListBucket',
      'grants.1.resource': 'arn:aws:s3:::app-data',
      'grants.1.via': { kind: 'resource-policy', policy: 'bucket-policy:app-data' },
      'grants.1.statements': [
        { layer: 'scp', policy: 'scp:p-FullAWSAccess FullAWSAccess', sid: null, index: 0 },
        { layer: 'scp', policy: 'scp:p-FullAWSAccess FullAWSAccess @111122223333', sid: null, index: 0 },
        { layer: 'resource', policy: 'bucket-policy:app-data', sid: 'AppLists', index: 0 },
        { layer: 'permissions-boundary', policy: 'app-boundary', sid: 'Cap', index: 0 },
      ],
      'grants.2.action': 's3:GetObject',
      'grants.2.except': ['arn:aws:s3:::app-data/private/*', 'arn:aws:s3:::app-data/secret/*'],
      'grants.2.exact': true,
      'grants.2.via': null,
      'grants.3.action': 'sqs:SendMessage',
      'grants.3.resource': 'arn:aws:sqs:*:111122223333:app-*',
      'limits.0.code': 'own-account',
    },
  },
  {
    name: 'a --resource-policy that is no ARN=FILE: wrong usage',
    args: ['what-can', ROLE, ...EVIDENCE, '--resource-policy', `${F}/bucket-policy.json`],
    exit: 2,
    stderr: /--resource-policy takes ARN=FILE/,
  },
  {
    name: '--service and --resource narrow the grants',
    args: [
      'what-can',
      ROLE,
      ...EVIDENCE,
      '--service',
      's3',
      '--resource',
      'arn:aws:s3:::app-data/reports/*',
      '--format',
      'json',
    ],
    exit: 0,
    json: {
      grantCount: 1,
      'grants.0.action': 's3:GetObject',
      'grants.0.resource': 'arn:aws:s3:::app-data/reports/*',
      'grants.0.except': [],
    },
  },
  {
    name: '--context settles a key: the grant that required it holds without conditions',
    args: [
      'what-can',
      ROLE,
      ...EVIDENCE,
      '--service',
      'sqs',
      '--context',
      'aws:SecureTransport=true',
      '--format',
      'json',
    ],
    exit: 0,
    json: { grantCount: 1, 'grants.0.action': 'sqs:SendMessage', 'grants.0.conditions': [] },
  },
  {
    name: '--context settles a key: the grant that required another value is gone',
    args: [
      'what-can',
      ROLE,
      ...EVIDENCE,
      '--service',
      'sqs',
      '--context',
      'aws:SecureTransport=false',
      '--format',
      'json',
    ],
    exit: 0,
    json: { grantCount: 0, grants: [] },
  },
  {
    name: 'a --context without `=`: wrong usage',
    args: ['what-can', ROLE, ...EVIDENCE, '--context', 'aws:SecureTransport'],
    exit: 2,
    stderr: /--context/,
  },
  {
    name: 'a principal the account file does not hold: one line, exit 1',
    args: ['what-can', 'arn:aws:iam::111122223333:role/nobody', ...EVIDENCE],
    exit: 1,
    stderr: /role\/nobody/,
  },
  {
    name: 'an unknown --service: wrong usage naming it',
    args: ['what-can', ROLE, ...EVIDENCE, '--service', 'nosuchservice'],
    exit: 2,
    stderr: /--service: .*nosuchservice/,
  },
  {
    name: 'no account file: wrong usage',
    args: ['what-can', ROLE],
    exit: 2,
    stderr: /--account FILE/,
  },
  {
    name: 'an --evidence that is no evidence directory: one line naming it, exit 1',
    args: ['what-can', ROLE, '--evidence', F],
    exit: 1,
    stderr: /not an evidence directory/,
  },
  {
    name: 'an unknown format: wrong usage',
    args: ['what-can', ROLE, ...EVIDENCE, '--format', 'sarif'],
    exit: 2,
    stderr: /--format must be one of text, json, ndjson, csv/,
  },
  {
    name: 'an account file that is not JSON: one line naming it, exit 1',
    args: ['what-can', ROLE, '--account', `${F}/not-json.txt`],
    exit: 1,
    stderr: /not-json\.txt/,
  },
  {
    name: 'an organization snapshot given as the account: one line naming it, exit 1',
    args: ['what-can', ROLE, '--account', `${F}/org.json`],
    exit: 1,
    stderr: /org\.json: this holds an organization snapshot/,
  },
];

describe('whydenied what-can', () => {
  for (const c of CASES) it(c.name, () => checkCliCase(c));

  it('json: written in pieces, the text of every command (two-space indent, final newline)', () => {
    const empty = ['--service', 'sqs', '--context', 'aws:SecureTransport=false'];
    for (const args of [EVIDENCE, [...EVIDENCE, ...empty]]) {
      const run = runCli(['what-can', ROLE, ...args, '--format', 'json']);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`);
    }
  });

  it('ndjson: one grant per line, the same grants as json', () => {
    const json = JSON.parse(runCli(['what-can', ROLE, ...EVIDENCE, '--format', 'json']).stdout) as {
      grants: unknown[];
    };
    const run = runCli(['what-can', ROLE, ...EVIDENCE, '--format', 'ndjson']);
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(json.grants);
  });

  it('csv: a header and one row per grant, cells quoted where needed', () => {
    const run = runCli(['what-can', ROLE, ...EVIDENCE, '--format', 'csv']);
    expect(run.status).toBe(0);
    const rows = run.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'service,accessLevel,action,resourceType,resource,within,except,exact,conditions,statements,resourcePolicyRequired,escalation,via',
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^iam,write,iam:PassRole,role,\*,,,true,,.*,,pass-role-broad,$/);
  });

  it('--evidence: a collected directory gives the accounts, organization and resource policies, as the files do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whydenied-what-can-'));
    try {
      for (const f of ['account.json', 'org.json', 'bucket-policy.json'])
        copyFileSync(join(ROOT, F, f), join(dir, f));
      const files = [
        { file: 'account.json', kind: 'account' },
        { file: 'org.json', kind: 'organization' },
        { file: 'bucket-policy.json', kind: 'resource-policy', arn: 'arn:aws:s3:::app-data' },
      ];
      writeFileSync(
        join(dir, 'whydenied-evidence.json'),
        JSON.stringify({ whydenied: 'evidence', version: 1, error: null, files }),
      );
      const fromDirectory = runCli(['what-can', ROLE, '--evidence', dir, '--format', 'json']);
      const fromFiles = runCli([
        'what-can',
        ROLE,
        ...EVIDENCE,
        '--resource-policy',
        `arn:aws:s3:::app-data=${F}/bucket-policy.json`,
        '--format',
        'json',
      ]);
      expect(fromDirectory.status, fromDirectory.stderr).toBe(0);
      const json = JSON.parse(fromDirectory.stdout) as { grants: { via: { policy: string } | null }[] };
      expect(json).toEqual(JSON.parse(fromFiles.stdout));
      expect(json.grants.some((g) => g.via?.policy === 'bucket-policy:app-data')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text: a grant through a resource policy names it', () => {
    const run = runCli([
      'what-can',
      ROLE,
      ...EVIDENCE,
      '--resource-policy',
      `arn:aws:s3:::app-data=${F}/bucket-policy.json`,
      '--service',
      's3',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('arn:aws:s3:::app-data (through bucket-policy:app-data)');
    expect(run.stdout).not.toContain('resource-based policies not given are not evaluated');
  });

  it('text: a resource pattern holding terminal escapes is printed without them', () => {
    const run = runCli(['what-can', ROLE, '--account', `${F}/account-hostile.json`]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\u0007');
    expect(run.stdout).toContain('s3:GetObject [object]  arn:aws:s3:::app-data/*');
  });

  it('text: grouped by service and access level, escalation listed', () => {
    const run = runCli(['what-can', ROLE, ...EVIDENCE]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 16).join('\n')).toMatchInlineSnapshot(`
      "arn:aws:iam::111122223333:role/app (role of account 111122223333): 3 actions in 3 services, 1 privilege-escalation grants

      iam
        ACCESS  ACTIONS              RESOURCES  ESCALATION
        Write   iam:PassRole [role]  *          pass-role-broad

      s3
        ACCESS  ACTIONS                RESOURCES
        Read    s3:GetObject [object]  arn:aws:s3:::app-data/* except arn:aws:s3:::app-data/secret/*

      sqs
        ACCESS  ACTIONS                  RESOURCES                         CONDITIONS
        Write   sqs:SendMessage [queue]  arn:aws:sqs:*:111122223333:app-*  only if aws:SecureTransport Bool true (tls)

      Privilege escalation
        ! iam:PassRole on *: can pass any matching role to a service, which then acts with that role’s permissions (pass-role-broad, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)"
    `);
  });
});
