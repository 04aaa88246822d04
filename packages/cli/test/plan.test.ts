import { describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';
import { sarifValidator } from './sarif-schema.js';

const C = 'packages/core/src/plan/cases';
const ACCOUNT = `${C}/account-111122223333.json`;
const DEPLOYER = 'arn:aws:sts::111122223333:assumed-role/deployer/ci';

/** Exit codes, one-line errors and JSON fields of `whydenied plan`, through the built CLI. */
const CASES: readonly CliCase[] = [
  {
    name: 'a plan with denials exits 0 without the gate; each denial names its address, call, layer and statement',
    args: [
      'plan',
      `${C}/compute.plan.json`,
      '--account',
      ACCOUNT,
      '--principal',
      DEPLOYER,
      '--format',
      'json',
    ],
    exit: 0,
    json: {
      principal: DEPLOYER,
      region: 'eu-west-1',
      denialCount: 3,
      'resources.4.address': 'aws_eks_node_group.nodes',
      'resources.4.denials.0.call': 'eks:CreateNodegroup',
      'resources.4.denials.0.action': 'iam:PassRole',
      'resources.4.denials.0.layer': 'identity',
      'resources.4.denials.0.sid': 'PassAppRoles',
      'resources.4.denials.0.certain': true,
      'resources.4.fixes.0.file': 'fix-2-Deploy.json',
    },
  },
  {
    name: 'uncovered types and unchanged resources are listed, not dropped',
    args: ['plan', `${C}/storage.plan.json`, '--account', ACCOUNT, '--format', 'json'],
    exit: 0,
    json: {
      notCovered: ['aws_sqs_queue'],
      'resources.9.coverage': 'type-not-covered',
      'resources.10.coverage': 'no-change',
    },
  },
  {
    name: 'no account file is wrong usage',
    args: ['plan', `${C}/iam.plan.json`],
    exit: 2,
    stderr: /--account/,
  },
  {
    name: 'a principal that cannot be told (an account file of two roles) is wrong usage',
    args: ['plan', `${C}/iam.plan.json`, '--account', '-'],
    stdin: JSON.stringify({
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: ['deployer', 'auditor'].map((name) => ({
        Path: '/',
        RoleName: name,
        RoleId: `AROA${name.toUpperCase()}`,
        Arn: `arn:aws:iam::111122223333:role/${name}`,
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] },
        RolePolicyList: [],
        AttachedManagedPolicies: [],
      })),
      Policies: [],
    }),
    exit: 2,
    stderr: /--principal/,
  },
  {
    name: 'a JSON file that is no plan is unusable input, named',
    args: ['plan', ACCOUNT, '--account', ACCOUNT],
    exit: 1,
    stderr: /account-111122223333\.json.*terraform show -json/,
  },
  {
    name: 'a wrong gate level is wrong usage',
    args: ['plan', `${C}/iam.plan.json`, '--account', ACCOUNT, '--fail-on', 'info'],
    exit: 2,
    stderr: /--fail-on/,
  },
];

/** The gate: `--fail-on LEVEL` and the exit code it gives, with the output still printed. */
const GATES: readonly { plan: string; failOn: string; exit: number; denials: number }[] = [
  // two certain denials (TagRole, CreateRole)
  { plan: 'iam.plan.json', failOn: 'error', exit: 3, denials: 2 },
  // only uncertain denials: the profile's role and the EBS key are known only after apply
  { plan: 'ec2.plan.json', failOn: 'error', exit: 0, denials: 7 },
  { plan: 'ec2.plan.json', failOn: 'warning', exit: 3, denials: 7 },
];

describe('whydenied plan', () => {
  for (const c of CASES) it(c.name, () => checkCliCase(c));

  for (const g of GATES) {
    it(`--fail-on ${g.failOn} on ${g.plan} exits ${g.exit}`, () => {
      const run = runCli([
        'plan',
        `${C}/${g.plan}`,
        '--account',
        ACCOUNT,
        '--fail-on',
        g.failOn,
        '--format',
        'json',
      ]);
      expect(run.status, run.stderr).toBe(g.exit);
      expect((JSON.parse(run.stdout) as { denialCount: number }).denialCount).toBe(g.denials);
    });
  }

  it('SARIF: one result per denial at its resource change, certain ones as errors', () => {
    const run = runCli(['plan', `${C}/compute.plan.json`, '--account', ACCOUNT, '--format', 'sarif']);
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            logicalLocations: { fullyQualifiedName: string }[];
          }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(
      results.map((r) => [r.ruleId, r.level, r.locations[0]?.logicalLocations[0]?.fullyQualifiedName]),
    ).toEqual([
      ['predicted-denial-uncertain', 'warning', 'aws_lambda_function.worker'],
      ['predicted-denial', 'error', 'aws_ecs_task_definition.svc'],
      ['predicted-denial', 'error', 'aws_eks_node_group.nodes'],
    ]);
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(`${C}/compute.plan.json`);
  });

  it('text: says what is not covered and what is known only after apply', () => {
    const run = runCli(['plan', `${C}/storage.plan.json`, '--account', ACCOUNT]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^not covered \(calls not predicted\): aws_sqs_queue$/m);
    expect(run.stdout).toMatch(
      /^known only after apply: aws_s3_bucket_lifecycle_configuration\.logs: bucket$/m,
    );
  });

  it('--org: an SCP denial gets the remedy first and the fix as a proposal for the organization', () => {
    const run = runCli([
      'plan',
      `${C}/iam-boundary.plan.json`,
      '--account',
      ACCOUNT,
      '--org',
      `${C}/org.json`,
      '--fail-on',
      'error',
      '--format',
      'json',
    ]);
    expect(run.status, run.stderr).toBe(3);
    const out = JSON.parse(run.stdout) as {
      resources: {
        denials: { layer: string; certain: boolean }[];
        remedies: { code: string }[];
        fixes: { proposal: boolean; owner: string }[];
      }[];
    };
    const unbounded = out.resources[1];
    expect([unbounded?.denials[0]?.layer, unbounded?.denials[0]?.certain]).toEqual(['scp', true]);
    expect(unbounded?.remedies.map((r) => r.code)).toEqual(['call-as-allowed']);
    expect(unbounded?.fixes.map((f) => [f.proposal, f.owner])).toEqual([[true, 'organization']]);
    expect(out.resources[2]?.denials[0]?.certain).toBe(false);
  });

  it('text: the prose, pinned', () => {
    const run = runCli(['plan', `${C}/iam.plan.json`, '--account', ACCOUNT]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "packages/core/src/plan/cases/iam.plan.json: 2 predicted denials (2 certain) for arn:aws:iam::111122223333:role/deployer in eu-west-1

      aws_iam_role.app (create): iam:CreateRole
        x iam:TagRole on arn:aws:iam::111122223333:role/app-api (for iam:CreateRole): implicit deny at identity, no statement allows it
          fix (identity): aws iam put-role-policy --role-name deployer --policy-name Deploy --policy-document file://fix-1-Deploy.json
            ===================================================================
            --- deployer/Deploy (current)
            +++ deployer/Deploy (fixed)
            @@ -80,7 +80,13 @@
                   "Sid": "Keys",
                   "Effect": "Allow",
                   "Action": "kms:CreateKey",
                   "Resource": "*"
            +    },
            +    {
            +      "Sid": "WhydeniedAllowTagRole",
            +      "Effect": "Allow",
            +      "Action": "iam:TagRole",
            +      "Resource": "arn:aws:iam::111122223333:role/app-api"
                 }
               ]
             }

      aws_iam_role.ops (create): iam:CreateRole
        x iam:CreateRole on arn:aws:iam::111122223333:role/ops-admin: implicit deny at identity, no statement allows it
          fix (identity): aws iam put-role-policy --role-name deployer --policy-name Deploy --policy-document file://fix-2-Deploy.json
            ===================================================================
            --- deployer/Deploy (current)
            +++ deployer/Deploy (fixed)
            @@ -80,7 +80,13 @@
                   "Sid": "Keys",
                   "Effect": "Allow",
                   "Action": "kms:CreateKey",
                   "Resource": "*"
            +    },
            +    {
            +      "Sid": "WhydeniedAllowCreateRole",
            +      "Effect": "Allow",
            +      "Action": "iam:CreateRole",
            +      "Resource": "arn:aws:iam::111122223333:role/ops-admin"
                 }
               ]
             }

      2 fixes change Deploy of arn:aws:iam::111122223333:role/deployer, each from its current document: apply one, then run plan again
      modelled: 6 resource changes, 7 calls
      evidence not given: scps-unknown
      "
    `);
  });
});
