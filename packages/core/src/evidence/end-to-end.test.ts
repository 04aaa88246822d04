/**
 * From evidence files to an engine decision whose deciding statements name policies that the
 * provenance map resolves to a fix target: the path `diagnose` takes to print findings and fixes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicySet } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { AuthorizationRequest } from '../engine/request.js';
import { buildEvidence, type EvidenceParts } from './evidence.js';
import { policySetFor } from './policy-set-for.js';

const fixture = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'));

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/0f8e7d6c-5b4a-4392-8170-6a5b4c3d2e1f';

interface Scenario {
  readonly name: string;
  readonly parts: EvidenceParts;
  readonly request: Pick<AuthorizationRequest, 'principal' | 'action' | 'resource'>;
  readonly decision: string;
  readonly layer: string | null;
  /** The deciding statements as `policy#sid → fix operation on target`. */
  readonly deciding: readonly string[];
}

const base = {
  accounts: [fixture('account-111122223333-api.json')],
  organization: fixture('org.json'),
};

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'SCP deny at an OU names the SCP to update',
    parts: {
      ...base,
      context: { 'aws:RequestedRegion': 'eu-west-1', 'ec2:InstanceType': 'x2iedn.32xlarge' },
    },
    request: {
      principal: 'arn:aws:sts::111122223333:assumed-role/deploy-role/ci-4821',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*',
    },
    decision: 'ExplicitDeny',
    layer: 'scp',
    deciding: [
      'scp:p-9m4prodguard ProdInstanceTypes#OnlyApprovedInstanceTypes → UpdatePolicy p-9m4prodguard',
    ],
  },
  {
    name: 'an instance-profile session allowed by its inline policy and the key policy',
    parts: {
      ...base,
      resourcePolicies: [{ arn: KEY, document: fixture('key-policy-web-config.json') }],
      context: { 'aws:RequestedRegion': 'eu-west-1' },
    },
    request: {
      principal: 'arn:aws:sts::111122223333:assumed-role/web-role/i-0a1b2c3d4e5f67890',
      action: 'kms:Decrypt',
      resource: KEY,
    },
    decision: 'Allowed',
    layer: null,
    deciding: [
      'scp:p-FullAWSAccess FullAWSAccess#null → UpdatePolicy p-FullAWSAccess',
      'scp:p-FullAWSAccess FullAWSAccess @ou-a1b2-workloads#null → UpdatePolicy p-FullAWSAccess',
      'scp:p-FullAWSAccess FullAWSAccess @ou-a1b2-prod#null → UpdatePolicy p-FullAWSAccess',
      'scp:p-FullAWSAccess FullAWSAccess @111122223333#null → UpdatePolicy p-FullAWSAccess',
      `key-policy:0f8e7d6c-5b4a-4392-8170-6a5b4c3d2e1f#Enable IAM User Permissions → PutKeyPolicy ${KEY}`,
      'web-role/ReadConfig#null → PutRolePolicy arn:aws:iam::111122223333:role/web-role',
    ],
  },
  {
    name: 'a bucket policy deny names the bucket policy to change',
    parts: {
      ...base,
      resourcePolicies: [
        { arn: 'arn:aws:s3:::acme-web-assets', document: fixture('bucket-policy-acme-web-assets.json') },
      ],
      context: { 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true' },
    },
    request: {
      principal: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PlatformAdmin_5f2c8a0e1b3d4c6f/jane',
      action: 's3:DeleteObject',
      resource: 'arn:aws:s3:::acme-web-assets/index.html',
    },
    decision: 'ExplicitDeny',
    layer: 'resource',
    deciding: ['bucket-policy:acme-web-assets#NoDeletes → PutBucketPolicy arn:aws:s3:::acme-web-assets'],
  },
  {
    name: 'a boundary implicit deny: no boundary statement matches, so none decides',
    parts: { ...base, context: { 'aws:RequestedRegion': 'eu-west-1' } },
    request: {
      principal: 'arn:aws:sts::111122223333:assumed-role/deploy-role/ci-4821',
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::111122223333:role/app-role',
    },
    decision: 'ImplicitDeny',
    layer: 'permissions-boundary',
    deciding: [],
  },
];

describe('evidence → engine → provenance', () => {
  for (const s of SCENARIOS) {
    it(s.name, () => {
      const built = buildEvidence(s.parts);
      if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
      const set = policySetFor(built.value, s.request);
      const compiled = compilePolicySet(set.input);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const result = evaluate(compiled.value, set.request);
      expect({ decision: result.decision, layer: result.layer }).toEqual({
        decision: s.decision,
        layer: s.layer,
      });
      const deciding = result.statements.map((st) => {
        const p = set.provenance.get(st.policy);
        if (p === undefined) throw new Error(`no provenance for \`${st.policy}\``);
        return `${st.policy}#${st.sid} → ${p.fix.operation} ${p.fix.target}`;
      });
      expect(deciding).toEqual(s.deciding);
    });
  }
});
