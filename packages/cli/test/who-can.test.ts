import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';

const F = 'packages/core/src/evidence/fixtures';
const ACCOUNT = `${F}/account-111122223333-cli.json`;
const OTHER = `${F}/account-444455556666-cli.json`;
const ORG = `${F}/org.json`;
const BUCKET = `arn:aws:s3:::acme-web-assets=${F}/bucket-policy-acme-web-assets.json`;
const OBJECT = 'arn:aws:s3:::acme-web-assets/index.html';
const WEB_ROLE = 'arn:aws:iam::111122223333:role/web-role';
const EVIDENCE = ['--account', ACCOUNT, '--account', OTHER, '--org', ORG, '--resource-policy', BUCKET];

/** Exit codes, one-line errors and JSON fields of `whydenied who-can`, through the built CLI. */
const CASES: readonly CliCase[] = [
  {
    name: 'every principal allowed, with the SCP and RCP conditions that remain open',
    args: ['who-can', 's3:GetObject', OBJECT, ...EVIDENCE, '--format', 'json'],
    exit: 0,
    json: {
      action: 's3:GetObject',
      resource: OBJECT,
      evaluated: 7,
      allowedCount: 0,
      conditionalCount: 3,
      'principals.2.principal': WEB_ROLE,
      'principals.2.kind': 'role',
      'principals.2.access': 'conditional',
      'principals.2.resourceGrant': 'issuer',
      'principals.2.categories': ['region', 'tls'],
      'principals.2.identity': 'evidence',
      'principals.2.session': { tags: [], conditions: [] },
      anyone: false,
      problems: [],
    },
  },
  {
    name: 'context values the question fixes settle the conditions on them',
    args: [
      'who-can',
      's3:GetObject',
      OBJECT,
      ...EVIDENCE,
      '--context',
      'aws:RequestedRegion=eu-west-1',
      '--context',
      'aws:SecureTransport=true',
      '--format',
      'json',
    ],
    exit: 0,
    json: { allowedCount: 3, conditionalCount: 0, 'principals.2.conditions': [] },
  },
  {
    name: 'a region the SCP denies leaves no one',
    args: [
      'who-can',
      's3:GetObject',
      OBJECT,
      ...EVIDENCE,
      '--context',
      'aws:RequestedRegion=us-east-1',
      '--format',
      'json',
    ],
    exit: 0,
    json: { principals: [] },
  },
  {
    name: 'without --account it is wrong usage',
    args: ['who-can', 's3:GetObject', OBJECT],
    exit: 2,
    stderr: /--account/,
  },
  {
    name: 'an action with a wildcard is wrong usage, named',
    args: ['who-can', 's3:Get*', OBJECT, '--account', ACCOUNT],
    exit: 2,
    stderr: /`s3:Get\*` is not one action/,
  },
  {
    name: 'a format it does not print is wrong usage',
    args: ['who-can', 's3:GetObject', OBJECT, '--account', ACCOUNT, '--format', 'sarif'],
    exit: 2,
    stderr: /--format must be one of text, json, ndjson, csv/,
  },
  {
    name: 'an account file that is not JSON is a one-line error naming it',
    args: ['who-can', 's3:GetObject', OBJECT, '--account', 'README.md'],
    exit: 1,
    stderr: /README\.md/,
  },
];

describe('whydenied who-can', () => {
  for (const c of CASES) it(c.name, () => checkCliCase(c));

  it('ndjson prints one principal per line, csv a header and one row per principal', () => {
    const ndjson = runCli(['who-can', 's3:GetObject', OBJECT, ...EVIDENCE, '--format', 'ndjson']);
    expect(ndjson.status, ndjson.stderr).toBe(0);
    const lines = ndjson.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => (JSON.parse(l) as { principal: string }).principal)).toContain(WEB_ROLE);
    const csv = runCli(['who-can', 's3:GetObject', OBJECT, ...EVIDENCE, '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const rows = csv.stdout.split('\r\n').filter((r) => r !== '');
    expect(rows[0]).toBe(
      'principal,kind,account,source,identity,access,categories,conditions,session_tags,session_conditions,statements',
    );
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(
      /^arn:aws:iam::111122223333:role\/web-role,role,111122223333,account,evidence,conditional,/,
    );
    expect(csv.stderr).toBe('');
  });

  it('the text view: a summary, a table, and each principal with its statements and conditions', () => {
    const run = runCli(['who-can', 's3:GetObject', OBJECT, ...EVIDENCE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const text = run.stdout;
    expect(text.split('\n')[0]).toBe(
      `s3:GetObject on ${OBJECT}: 3 of 7 principal(s) allowed (0 always, 3 under conditions)`,
    );
    expect(text).toMatch(/^PRINCIPAL +KIND +ACCESS +CONDITIONS$/m);
    expect(text).toContain(`3. ${WEB_ROLE} — conditional`);
    expect(text).toContain('resource bucket-policy:acme-web-assets (WebRoleReads)');
    expect(text).toContain('only in eu-west-1 or eu-central-1');
    expect(text).toContain('only over TLS');
  });
});
