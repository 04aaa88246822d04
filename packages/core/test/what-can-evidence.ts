/**
 * The evidence of what-can's tests: one role (`app` in account 111122223333) with inline policies, an
 * optional permissions boundary and tags, other roles of its account by their trust policies, its
 * account's SCPs in an organization snapshot, and resource-based policies.
 */
import type { ContextValue } from '../src/engine/request.js';
import { buildEvidence, type Evidence } from '../src/evidence/evidence.js';

/** The account and role every case is about. */
export const CASE_ACCOUNT = '111122223333';
export const CASE_ROLE = `arn:aws:iam::${CASE_ACCOUNT}:role/app`;

/** The role's world, as the table writes it. */
export interface WhatCanCaseInput {
  readonly policies: readonly unknown[];
  readonly boundary?: unknown;
  readonly scps?: readonly unknown[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly context?: Readonly<Record<string, ContextValue>>;
  readonly service?: string;
  readonly resource?: string;
  /** Resource-based policies given as evidence, by the ARN they are given for. */
  readonly resourcePolicies?: readonly { readonly arn: string; readonly document: unknown }[];
  /** Other roles of the account (no permissions), by name: their trust policies. */
  readonly roles?: Readonly<Record<string, unknown>>;
}

/** The evidence of a case: the role in its account's authorization details, its SCPs in an organization. */
export function caseEvidence(input: WhatCanCaseInput): Evidence {
  const boundaryArn = `arn:aws:iam::${CASE_ACCOUNT}:policy/boundary`;
  const account = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/',
        RoleName: 'app',
        RoleId: 'AROAQ3EGROLEAPP00001',
        Arn: CASE_ROLE,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        RolePolicyList: input.policies.map((document, i) => ({
          PolicyName: `policy-${i}`,
          PolicyDocument: document,
        })),
        AttachedManagedPolicies: [],
        Tags: Object.entries(input.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        ...(input.boundary === undefined
          ? {}
          : {
              PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn },
            }),
      },
      ...Object.entries(input.roles ?? {}).map(([name, trust], i) => ({
        Path: '/',
        RoleName: name,
        RoleId: `AROAQ3EGROLEOTHER${String(i).padStart(3, '0')}`,
        Arn: `arn:aws:iam::${CASE_ACCOUNT}:role/${name}`,
        AssumeRolePolicyDocument: trust,
        RolePolicyList: [],
        AttachedManagedPolicies: [],
        Tags: [],
      })),
    ],
    Policies:
      input.boundary === undefined
        ? []
        : [
            {
              PolicyName: 'boundary',
              PolicyId: 'ANPAQ3EGPOLBOUNDARY1',
              Arn: boundaryArn,
              Path: '/',
              DefaultVersionId: 'v1',
              AttachmentCount: 0,
              PermissionsBoundaryUsageCount: 1,
              IsAttachable: true,
              PolicyVersionList: [{ Document: input.boundary, VersionId: 'v1', IsDefaultVersion: true }],
            },
          ],
  };
  const organization =
    input.scps === undefined
      ? undefined
      : {
          managementAccountId: '999988887777',
          targets: { [CASE_ACCOUNT]: ['r-root'] },
          policies: [
            {
              id: 'p-FullAWSAccess',
              name: 'FullAWSAccess',
              type: 'SERVICE_CONTROL_POLICY',
              document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
              },
              targets: ['r-root', CASE_ACCOUNT],
            },
            ...input.scps.map((document, i) => ({
              id: `p-scp${i}`,
              name: `scp-${i}`,
              type: 'SERVICE_CONTROL_POLICY',
              document,
              targets: [CASE_ACCOUNT],
            })),
          ],
        };
  const built = buildEvidence({
    accounts: [account],
    ...(organization === undefined ? {} : { organization }),
    ...(input.resourcePolicies === undefined ? {} : { resourcePolicies: input.resourcePolicies }),
    context: input.context ?? {},
  });
  if (!built.ok) throw new Error(`case evidence: ${JSON.stringify(built.diagnostics)}`);
  return built.value;
}
