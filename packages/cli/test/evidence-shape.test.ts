import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { type CliCase, checkCliCase, ROOT } from './run-cli.js';

const SCENARIO = 'packages/cli/test/scenarios/04-scp-instance-type-guardrail';
const ERROR = `${SCENARIO}/error.txt`;
const ACCOUNT = `${SCENARIO}/account-111122223333.json`;
const ORG = `${SCENARIO}/org.json`;
const BUCKET_POLICY = 'packages/cli/test/scenarios/11-bucket-policy-outside-org/bucket-policy.json';

/** A copy of a JSON file of the repository with one change, in a temporary directory. */
function changed(path: string, change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
  change(value);
  const out = join(mkdtempSync(join(tmpdir(), 'whydenied-shape-')), path.split('/').pop() ?? 'x.json');
  writeFileSync(out, JSON.stringify(value, null, 2));
  return out;
}

const statementString = (document: unknown): void => {
  (document as { Statement: unknown }).Statement = 'Allow everything';
};

/** Every evidence option given the wrong kind of file, or its kind with a part of the wrong shape. */
const CASES: readonly CliCase[] = [
  {
    name: '--org with an account file',
    args: ['diagnose', '--error', ERROR, '--org', ACCOUNT],
    exit: 1,
    stderr:
      /account-111122223333\.json: this holds account authorization details .*not an organization snapshot$/,
  },
  {
    name: '--account with an organization snapshot',
    args: ['diagnose', '--error', ERROR, '--account', ORG],
    exit: 1,
    stderr: /org\.json: this holds an organization snapshot, not account authorization details/,
  },
  {
    name: '--account with a bucket policy',
    args: ['diagnose', '--error', ERROR, '--account', BUCKET_POLICY],
    exit: 1,
    stderr: /bucket-policy\.json: this holds a resource-based policy, not account authorization details/,
  },
  {
    name: '--resource-policy with an account file',
    args: ['diagnose', '--error', ERROR, '--resource-policy', `arn:aws:s3:::b=${ACCOUNT}`],
    exit: 1,
    stderr:
      /account-111122223333\.json: this holds account authorization details .*not a resource-based policy$/,
  },
  {
    name: '--decoded with an organization snapshot',
    args: ['diagnose', '--error', ERROR, '--decoded', ORG],
    exit: 1,
    stderr: /org\.json: this holds an organization snapshot, not a decoded authorization message$/,
  },
  {
    name: '--error with an organization snapshot',
    args: ['diagnose', '--error', ORG],
    exit: 1,
    stderr: /org\.json: this holds an organization snapshot, not an AWS error$/,
  },
  {
    name: '--error with an account file',
    args: ['diagnose', '--error', ACCOUNT],
    exit: 1,
    stderr: /account-111122223333\.json: this holds account authorization details .*not an AWS error$/,
  },
  {
    name: '--error with a bucket policy',
    args: ['diagnose', '--error', BUCKET_POLICY],
    exit: 1,
    stderr: /bucket-policy\.json: this holds a resource-based policy, not an AWS error$/,
  },
];

describe('diagnose refuses wrong-shaped evidence in one line naming the input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => checkCliCase(c));

  it('--resource-policy whose Statement is a string', () => {
    const policy = changed(BUCKET_POLICY, statementString);
    checkCliCase({
      name: 'statement string',
      args: ['diagnose', '--error', ERROR, '--resource-policy', `arn:aws:s3:::b=${policy}`],
      exit: 1,
      stderr: /bucket-policy\.json:\d+:\d+: a statement must be a JSON object$/,
    });
  });

  it('--org whose SCP Statement is a string', () => {
    const org = changed(ORG, (value) => {
      const [first] = value.policies as { document: unknown }[];
      statementString(first?.document);
    });
    checkCliCase({
      name: 'scp statement string',
      args: ['diagnose', '--error', ERROR, '--org', org],
      exit: 1,
      stderr: /org\.json:\d+:\d+: a statement must be a JSON object$/,
    });
  });

  it('--account whose inline role policy Statement is a string', () => {
    const account = changed(ACCOUNT, (value) => {
      const [role] = value.RoleDetailList as { RolePolicyList: unknown }[];
      if (role !== undefined) {
        role.RolePolicyList = [
          { PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: 'x' } },
        ];
      }
    });
    checkCliCase({
      name: 'account statement string',
      args: ['diagnose', '--error', ERROR, '--account', account],
      exit: 1,
      stderr: /account-111122223333\.json:\d+:\d+: a statement must be a JSON object$/,
    });
  });
});
