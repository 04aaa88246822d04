import { describe, expect, it } from 'vitest';
import { MAX_POLICY_STRING, parsePolicy } from './parse-policy.js';

describe('parsePolicy', () => {
  it('normalizes singletons, Principal "*", lower-cased actions and keeps pointers', () => {
    const parsed = parsePolicy({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: '*', Action: 'S3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    });
    if (!parsed.ok) throw new Error('expected ok');
    const [s] = parsed.value.statements;
    expect(s?.pointer).toBe('/Statement');
    expect(s?.action.values[0]).toEqual({
      value: 's3:getobject',
      raw: 'S3:GetObject',
      pointer: '/Statement/Action',
    });
    expect(s?.principal?.entries).toEqual([
      { type: 'AWS', value: '*', raw: '*', pointer: '/Statement/Principal' },
    ]);
  });

  it('accepts JSON text and URL-encoded JSON text', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    expect(parsePolicy(text).ok).toBe(true);
    expect(parsePolicy(encodeURIComponent(text)).ok).toBe(true);
  });

  it('returns diagnostics with JSON pointers', () => {
    const parsed = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Permit', Action: '*' },
          { Effect: 'Allow', Action: '*', Colour: 1 },
        ],
      },
      { kind: 'identity' },
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['policy-effect', '/Statement/0/Effect'],
      ['policy-unknown-key', '/Statement/1/Colour'],
    ]);
  });

  it('refuses a value longer than any policy AWS accepts, wherever it stands (issue 12, defect 8)', () => {
    const long = `arn:aws:s3:::b/*?${'a'.repeat(MAX_POLICY_STRING)}b*`;
    const parsed = parsePolicy({
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: [long, 'arn:aws:s3:::b/x'] },
        { Effect: 'Allow', Action: long, Resource: '*', Condition: { StringLike: { 's3:prefix': long } } },
      ],
    });
    expect(parsed.ok ? [] : parsed.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['policy-value-too-long', '/Statement/0/Resource/0'],
      ['policy-value-too-long', '/Statement/1/Action'],
      ['policy-value-too-long', '/Statement/1/Condition/StringLike/s3:prefix'],
    ]);
    const atLimit = parsePolicy({
      Statement: { Effect: 'Allow', Action: '*', Resource: 'x'.repeat(MAX_POLICY_STRING) },
    });
    expect(atLimit.ok).toBe(true);
  });

  it('rejects unknown condition operators and Principal in identity policies', () => {
    const parsed = parsePolicy(
      {
        Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Condition: { StringSorta: { k: 'v' } } }],
      },
      { kind: 'identity' },
    );
    expect(parsed.ok ? [] : parsed.diagnostics.map((d) => d.code)).toEqual([
      'policy-principal-not-allowed',
      'policy-condition-operator',
    ]);
  });

  it('splits set operators and IfExists', () => {
    const parsed = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a', true] } },
        },
      ],
    });
    if (!parsed.ok) throw new Error('expected ok');
    const clause = parsed.value.statements[0]?.conditions[0];
    expect(clause).toMatchObject({ setOperator: 'ForAnyValue', baseOperator: 'StringLike', ifExists: true });
    expect(clause?.values.map((v) => v.value)).toEqual(['a', 'true']);
  });
});
