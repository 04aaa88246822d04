import { describe, expect, it } from 'vitest';
import { createPointerLocator } from '../json/pointer-position.js';
import { findPolicy } from './unwrap-policy.js';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };

describe('findPolicy', () => {
  it.each([
    ['the document itself', DOC, '', false, null],
    ['a JSON string of one', JSON.stringify(DOC), '', true, null],
    ['a URL-encoded string', encodeURIComponent(JSON.stringify(DOC)), '', true, null],
    ['iam get-role-policy', { RoleName: 'r', PolicyDocument: DOC }, '/PolicyDocument', false, null],
    [
      'iam get-policy-version',
      { PolicyVersion: { Document: encodeURIComponent(JSON.stringify(DOC)) } },
      '/PolicyVersion/Document',
      true,
      null,
    ],
    [
      'iam get-role trust policy',
      { Role: { AssumeRolePolicyDocument: DOC } },
      '/Role/AssumeRolePolicyDocument',
      false,
      'resource',
    ],
    ['s3api get-bucket-policy', { Policy: JSON.stringify(DOC) }, '/Policy', true, 'resource'],
    [
      'kms get-key-policy',
      { Policy: JSON.stringify(DOC), PolicyName: 'default' },
      '/Policy',
      true,
      'resource',
    ],
    [
      'sqs get-queue-attributes',
      { Attributes: { Policy: JSON.stringify(DOC) } },
      '/Attributes/Policy',
      true,
      'resource',
    ],
    [
      'secretsmanager get-resource-policy',
      {
        ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:s-AbCdEf',
        Name: 's',
        ResourcePolicy: JSON.stringify(DOC),
      },
      '/ResourcePolicy',
      true,
      'resource',
    ],
    [
      'ecr get-repository-policy',
      { registryId: '111122223333', repositoryName: 'app', policyText: JSON.stringify(DOC) },
      '/policyText',
      true,
      'resource',
    ],
    [
      'glacier get-vault-access-policy',
      { policy: { Policy: JSON.stringify(DOC) } },
      '/policy/Policy',
      true,
      'resource',
    ],
    [
      'codeartifact get-repository-permissions-policy',
      {
        policy: {
          resourceArn: 'arn:aws:codeartifact:us-east-1:111122223333:repository/d/r',
          document: JSON.stringify(DOC),
        },
      },
      '/policy/document',
      true,
      'resource',
    ],
    [
      'organizations describe-policy of an SCP',
      { Policy: { PolicySummary: { Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify(DOC) } },
      '/Policy/Content',
      true,
      'scp',
    ],
  ])('finds %s', (_name, input, pointer, embedded, kindHint) => {
    const found = findPolicy(input);
    expect(found).toEqual({ ok: true, value: { document: DOC, pointer, embedded, kindHint } });
  });

  it('reports an embedded string that is not JSON', () => {
    const found = findPolicy({ Policy: '{"Version": ' });
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.diagnostics[0]?.path).toBe('/Policy');
  });
});

describe('createPointerLocator', () => {
  const text = '{\n  "Statement": [\n    { "Action": "s3:*", "a/b": 1, "t~": 2 }\n  ]\n}';
  const locator = createPointerLocator(text);
  it.each([
    ['', 1, 1],
    ['/Statement', 2, 16],
    ['/Statement/0/Action', 3, 17],
    ['/Statement/0/a~1b', 3, 32],
    ['/Statement/0/t~0', 3, 41],
    ['/Statement/0/Missing', 3, 5],
    ['/Statement/7', 2, 16],
  ])('places %s at %i:%i (1-based)', (pointer, line, column) => {
    expect(locator.locate(pointer).start).toMatchObject({ line, column });
  });
});
