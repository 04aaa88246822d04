import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose/diagnose.js';
import { buildEvidence } from '../evidence/evidence.js';

const PASSROLE_ERROR = readFileSync(
  new URL('../../../../examples/errors/runinstances-passrole.txt', import.meta.url),
  'utf8',
);
const CREATE_TAGS_ERROR =
  'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:111122223333:instance/* because no identity-based policy allows the ec2:CreateTags action';
const S3_BARE = 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied';

async function suggestedFor(errorText: string) {
  const result = await diagnose({ errorText });
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value.suggestedStatements;
}

describe('suggested statements (no evidence given)', () => {
  it('scopes the PassRole a RunInstances makes to the service it passes the role to', async () => {
    const suggested = await suggestedFor(PASSROLE_ERROR);
    const passRole = suggested.find((s) => s.action === 'iam:PassRole');
    expect(passRole?.check).toBe(0);
    expect(passRole?.source).toBe('error');
    expect(passRole?.verified).toBe(false);
    expect(passRole?.statement).toEqual({
      Sid: 'WhydeniedAllowPassRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::111122223333:role/app-role',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    });
    // the call's own checks come along, each its own statement
    expect(suggested.some((s) => s.action === 'ec2:RunInstances' && s.source === 'call')).toBe(true);
    expect(new Set(suggested.map((s) => s.statement.Sid)).size).toBe(suggested.length);
  });

  it('scopes tag-on-create to the creating call', async () => {
    const suggested = await suggestedFor(CREATE_TAGS_ERROR);
    expect(suggested[0]?.action).toBe('ec2:CreateTags');
    expect(suggested[0]?.statement.Condition).toEqual({
      StringEquals: { 'ec2:CreateAction': 'RunInstances' },
    });
  });

  it('gives none for an S3 bare denial that names no caller', async () => {
    expect(await suggestedFor(S3_BARE)).toEqual([]);
  });

  it('gives none when the error blames an explicit deny: an added allow cannot lift it', async () => {
    const explicit =
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in a service control policy';
    expect(await suggestedFor(explicit)).toEqual([]);
  });

  it('gives none once evidence is given: the fixes are verified instead', async () => {
    const evidence = buildEvidence({
      resourcePolicies: [
        { arn: 'arn:aws:s3:::unrelated', document: { Version: '2012-10-17', Statement: [] } },
      ],
    });
    if (!evidence.ok) throw new Error(evidence.diagnostics[0]?.message);
    const result = await diagnose({ errorText: PASSROLE_ERROR, evidence: evidence.value });
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    expect(result.value.suggestedStatements).toEqual([]);
  });

  it('never puts a value the expansion only assumed into a condition', async () => {
    for (const s of await suggestedFor(PASSROLE_ERROR)) {
      const equals = (s.statement.Condition as { StringEquals?: Record<string, string> } | undefined)
        ?.StringEquals;
      for (const key of Object.keys(equals ?? {})) expect(key.startsWith('aws:')).toBe(false);
    }
  });
});
