// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and condition keys of the reference data use ${Placeholder} syntax
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWildcard } from '../matching/wildcard.js';
import { arnPatternMatchesFormat, tokensOverlap } from './arn-format.js';
import { templateParts } from './condition-key-template.js';

const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const INSTANCE = 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}';
const IMAGE = 'arn:${Partition}:ec2:${Region}::image/${ImageId}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
const LOG_GROUP = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}';

describe('arnPatternMatchesFormat', () => {
  it.each([
    ['*', OBJECT, true],
    ['arn:aws:s3:::bucket/*', OBJECT, true],
    ['arn:aws:s3:::bucket/*', BUCKET, false],
    ['arn:aws:s3:::bucket', BUCKET, true],
    ['arn:aws:s3:::bucket', OBJECT, false],
    ['arn:aws:s3:::*', OBJECT, true],
    ['arn:aws:s3:::*', BUCKET, true],
    ['arn:aws:s3:::buck?t', BUCKET, true],
    ['arn:aws:s3:*', OBJECT, true],
    ['arn:aws:s3', OBJECT, false],
    ['arn:aws:s3:::home/${aws:username}/*', OBJECT, true],
    ['arn:aws:ec2:us-east-1:111122223333:instance/*', INSTANCE, true],
    ['arn:aws:ec2:*:*:instance/i-0abc', INSTANCE, true],
    ['arn:aws:ec2:*:111122223333:*', IMAGE, false],
    ['arn:aws:ec2:*::image/ami-*', IMAGE, true],
    ['arn:aws:ec2:*:*:*', IMAGE, true],
    ['arn:aws:ec2:*:*:instance/*', IMAGE, false],
    ['arn:aws:iam::111122223333:role/path/app', ROLE, true],
    ['arn:aws:iam::111122223333:instance-profile/app', ROLE, false],
    ['arn:aws:logs:*:*:log-group:/aws/lambda/*', LOG_GROUP, true],
    ['arn:aws:logs:*:*:log-group:/aws/lambda/x:*', LOG_GROUP, true],
    ['bucket/*', OBJECT, false],
  ])('%s against %s: %s', (pattern, format, expected) => {
    expect(arnPatternMatchesFormat(pattern, format)).toBe(expected);
  });
});

/** Tokens as a string: `*` any, `?` one, other characters literal. */
const alphabet = fc.constantFrom('a', 'b', '/', '*', '?');
const tokens = (s: string) =>
  [...s].map((c) =>
    c === '*'
      ? { kind: 'any' as const }
      : c === '?'
        ? { kind: 'one' as const }
        : { kind: 'char' as const, char: c },
  );

describe('tokensOverlap', () => {
  it('agrees with the linear matcher when one side has no wildcard', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '/'), maxLength: 8 }),
        (pattern, text) => {
          expect(tokensOverlap(tokens(pattern), tokens(text))).toBe(compileWildcard(pattern).matches(text));
        },
      ),
    );
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: alphabet, maxLength: 8 }),
        (a, b) => {
          expect(tokensOverlap(tokens(a), tokens(b))).toBe(tokensOverlap(tokens(b), tokens(a)));
        },
      ),
    );
  });
  it('finds a witness: when a sample of one pattern matches the other, they overlap', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 6 }),
        fc.string({ unit: alphabet, maxLength: 6 }),
        fc.constantFrom('', 'a', 'ab/'),
        (a, b, fill) => {
          // instantiate b's wildcards with a fixed filler; if a matches that string, a and b overlap
          const sample = b.replaceAll('*', fill).replaceAll('?', 'b');
          if (compileWildcard(a).matches(sample)) expect(tokensOverlap(tokens(a), tokens(b))).toBe(true);
        },
      ),
    );
  });
  it('keeps template parts literal', () => {
    expect(templateParts('a*${X}b')).toEqual([
      { kind: 'literal', text: 'a*' },
      { kind: 'star' },
      { kind: 'literal', text: 'b' },
    ]);
  });
});
