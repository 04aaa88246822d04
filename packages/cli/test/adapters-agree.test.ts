/**
 * The CLI and the page are two adapters over core's `analyze`: for the same files they must give the
 * identical Diagnosis. Each case runs through the built CLI (`diagnose --format json`, files named by
 * flags) and through the page's adapter (the same files as dropped, each kind recognised from its
 * content, the context as typed lines), and the two JSON documents must be equal.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../core/test/node-catalog.js';
import { analyzePage } from '../../web/src/analyze.js';
import { classify, type EvidenceFile, type PageInputs } from '../../web/src/inputs.js';
import { ROOT, runCli } from './run-cli.js';

interface AgreeCase {
  readonly name: string;
  readonly error: string;
  readonly decoded?: string;
  readonly account?: readonly string[];
  readonly org?: string;
  readonly resourcePolicy?: readonly { readonly arn: string; readonly file: string }[];
  readonly context?: readonly string[];
  /** The call's parameters, `KEY=VALUE` (`--param` in the CLI, the parameters field on the page). */
  readonly param?: readonly string[];
  readonly event?: string;
  /** The deciding finding's layer, so that the comparison is known to cover it. */
  readonly layer?: string;
}

const S = 'packages/cli/test/scenarios';
const F = 'packages/cli/test/fixtures/diagnose';

const CASES: readonly AgreeCase[] = [
  { name: 'an error alone', error: 'examples/errors/runinstances-passrole.txt' },
  {
    name: 'an error and account authorization details',
    error: 'examples/errors/runinstances-passrole.txt',
    account: ['packages/core/src/evidence/fixtures/account-111122223333-cli.json'],
  },
  {
    name: 'account details, an organization snapshot and a context value',
    error: `${S}/02-instance-type-condition/error.txt`,
    account: [`${S}/02-instance-type-condition/account-111122223333.json`],
    org: `${S}/02-instance-type-condition/org.json`,
    context: ['ec2:InstanceType=m5.large'],
  },
  {
    name: 'an instance type not given: the finding turns on an unknown value (issue 10, defect 1)',
    error: `${S}/02b-instance-type-unknown/error.txt`,
    account: [`${S}/02b-instance-type-unknown/account-111122223333.json`],
    org: `${S}/02b-instance-type-unknown/org.json`,
    layer: 'identity',
  },
  {
    name: 'an instance type given: only the instance check carries it (issue 10, defect 2)',
    error: `${S}/02c-instance-type-on-star/error.txt`,
    account: [`${S}/02c-instance-type-on-star/account-111122223333.json`],
    org: `${S}/02c-instance-type-on-star/org.json`,
    context: ['ec2:InstanceType=m5.large'],
    layer: 'identity',
  },
  {
    name: 'the call parameters name the real subnet, groups and image (the page has them too)',
    error: `${S}/07b-run-instances-with-call-parameters/error.txt`,
    account: [`${S}/07b-run-instances-with-call-parameters/account-111122223333.json`],
    org: `${S}/07b-run-instances-with-call-parameters/org.json`,
    param: [
      'subnetId=subnet-0a1b2c3d',
      'securityGroupIds=sg-0aa11bb2',
      'securityGroupIds=sg-0cc33dd4',
      'imageId=ami-0abcdef1234567890',
      'instanceType=t3.micro',
    ],
    layer: 'identity',
  },
  {
    name: 'a bucket policy document',
    error: `${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/error-with-caller.txt`,
    account: [`${S}/11-bucket-policy-outside-org/account-444455556666.json`],
    resourcePolicy: [
      {
        arn: 'arn:aws:s3:::acme-shared-datasets',
        file: `${S}/11-bucket-policy-outside-org/bucket-policy.json`,
      },
    ],
    context: ['aws:PrincipalOrgID=o-other', 'aws:ResourceAccount=111122223333'],
    layer: 'resource',
  },
  {
    name: 'a bucket policy as `aws s3api get-bucket-policy` prints it',
    error: `${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/error-with-caller.txt`,
    account: [`${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/account-444455556666.json`],
    resourcePolicy: [
      {
        arn: 'arn:aws:s3:::acme-shared-datasets',
        file: `${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/get-bucket-policy.json`,
      },
    ],
    context: ['aws:PrincipalOrgID=o-other', 'aws:ResourceAccount=111122223333'],
    layer: 'resource',
  },
  {
    name: 'a bucket policy as `get-bucket-policy --query Policy --output text` prints it',
    error: `${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/error-with-caller.txt`,
    account: [`${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/account-444455556666.json`],
    resourcePolicy: [
      {
        arn: 'arn:aws:s3:::acme-shared-datasets',
        file: `${S}/11b-bucket-policy-as-get-bucket-policy-prints-it/get-bucket-policy-query-policy-output-text.json`,
      },
    ],
    context: ['aws:PrincipalOrgID=o-other', 'aws:ResourceAccount=111122223333'],
    layer: 'resource',
  },
  {
    name: 'a KMS key policy',
    error: `${S}/12-kms-key-policy-without-caller/error.txt`,
    account: [`${S}/12-kms-key-policy-without-caller/account-111122223333.json`],
    org: `${S}/12-kms-key-policy-without-caller/org.json`,
    resourcePolicy: [
      {
        arn: 'arn:aws:kms:eu-west-1:111122223333:key/0f8e7d6c-5b4a-4392-8170-6a5b4c3d2e1f',
        file: `${S}/12-kms-key-policy-without-caller/key-policy.json`,
      },
    ],
  },
  {
    name: 'two accounts (a role trust policy across accounts)',
    error: `${S}/08b-trust-policy-cross-account/error.txt`,
    account: [
      `${S}/08b-trust-policy-cross-account/account-111122223333.json`,
      `${S}/08b-trust-policy-cross-account/account-444455556666.json`,
    ],
    org: `${S}/08b-trust-policy-cross-account/org.json`,
  },
  {
    name: 'a region guard: make the call in an allowed region first, the SCP change is a proposal (issue 10, defect 5)',
    error: `${S}/10a-scp-region-deny-from-arn/error.txt`,
    account: [`${S}/10a-scp-region-deny-from-arn/account-111122223333.json`],
    org: `${S}/10a-scp-region-deny-from-arn/org.json`,
  },
  {
    name: 'a decoded message adds its exact check to the call (issue 10, defect 4)',
    error: `${S}/20-decoded-message-adds-its-check/error.txt`,
    decoded: `${S}/20-decoded-message-adds-its-check/decoded.json`,
    account: [`${S}/20-decoded-message-adds-its-check/account-111122223333.json`],
  },
  {
    name: 'a decoded authorization message',
    error: 'examples/errors/runinstances-passrole.txt',
    decoded: `${F}/decoded-passrole.json`,
    account: ['packages/core/src/evidence/fixtures/account-111122223333-cli.json'],
  },
  {
    name: 'a CloudTrail file, its second failed event picked',
    error: `${F}/two-failures.json`,
    event: '2',
  },
  {
    name: 'a CloudTrail record with account details (request context from the record)',
    error: `${S}/17b-source-ip-deny-through-vpc-endpoint/event.json`,
    account: [`${S}/17b-source-ip-deny-through-vpc-endpoint/account-111122223333.json`],
  },
];

function cliDiagnosis(c: AgreeCase): unknown {
  const args = ['diagnose', '--format', 'json', '--error', c.error];
  if (c.decoded !== undefined) args.push('--decoded', c.decoded);
  for (const file of c.account ?? []) args.push('--account', file);
  if (c.org !== undefined) args.push('--org', c.org);
  for (const p of c.resourcePolicy ?? []) args.push('--resource-policy', `${p.arn}=${p.file}`);
  for (const pair of c.context ?? []) args.push('--context', pair);
  for (const pair of c.param ?? []) args.push('--param', pair);
  if (c.event !== undefined) args.push('--event', c.event);
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as unknown;
}

/** The case as a person gives it to the page: the error pasted, every other file dropped. */
function pageInputs(c: AgreeCase): PageInputs {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const dropped = [...(c.account ?? []), ...(c.org === undefined ? [] : [c.org])].map((file) => ({
    file,
    arn: '',
  }));
  const files: EvidenceFile[] = [...dropped, ...(c.resourcePolicy ?? [])].map((p, i) => {
    const text = read(p.file);
    return { id: i + 1, name: basename(p.file), text, kind: classify(text), arn: p.arn };
  });
  return {
    errorText: read(c.error),
    decodedText: c.decoded === undefined ? '' : read(c.decoded),
    files,
    contextText: (c.context ?? []).join('\n'),
    parametersText: (c.param ?? []).join('\n'),
    redactOn: false,
    event: c.event ?? '',
  };
}

describe('the CLI and the page give the identical Diagnosis for the same files', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const page = await analyzePage(pageInputs(c), nodeCatalog());
    expect(page.diagnostics).toEqual([]);
    // with evidence, the comparison covers findings (and their deciding policies), not an empty list
    if (c.account !== undefined) expect(page.diagnosis?.findings.length).toBeGreaterThan(0);
    if (c.layer !== undefined) expect(page.diagnosis?.findings[0]?.layer).toBe(c.layer);
    expect(JSON.parse(JSON.stringify(page.diagnosis))).toEqual(cliDiagnosis(c));
  });
});
