/**
 * Inputs made to crash, hang or slow the CLI down (issue 12): each ends with the contract's exit code
 * and, when refused, one line naming the input, never a stack trace. None asserts a time: an input
 * that took quadratic time before is large enough here that it would not finish within the run's
 * timeout.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { type CliCase, checkCliCase } from './run-cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'whydenied-hostile-'));

/** Writes `text` to a file of the temporary directory and returns its path. */
function file(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const ALICE = 'arn:aws:iam::111122223333:user/alice';

function simulateCase(condition: object, context: object): string {
  return JSON.stringify({
    request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context },
    identityPolicies: [
      {
        name: 'P',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }],
        },
      },
    ],
  });
}

const DEEP = file('deep.json', '['.repeat(40_000));

const CASES: readonly CliCase[] = [
  {
    name: 'defect 4/5: a decoded message of 40,000 unclosed `[`: where it nests too deep, exit 1',
    args: ['explain', DEEP],
    exit: 1,
    stderr: /^whydenied: .*deep\.json:1:257: JSON nests deeper than 256 levels$/,
  },
  {
    name: 'defect 4: deep invalid JSON in lint: the position, not a stack overflow at 1:1',
    args: ['lint', file('deep-policy.json', `{"Statement": ${'['.repeat(100_000)}`)],
    exit: 1,
    stderr: /^whydenied: .*deep-policy\.json:1:270: JSON nests deeper than 256 levels$/,
  },
  {
    name: 'defect 4: a raw escape sequence inside a string is escaped in the message',
    args: ['lint', file('escape.json', '{"Version": "\u001b]0;pwned\u0007"}')],
    exit: 1,
    stderr: /^whydenied: .*escape\.json:1:14: invalid JSON: control character `\\u001b` inside a string/,
  },
  {
    name: 'defect 3: `s3:` + `G*` × 70,000 is a finding: longer than any policy AWS accepts, exit 0',
    args: [
      'lint',
      '--format',
      'json',
      file(
        'long-action.json',
        JSON.stringify({
          Statement: [{ Effect: 'Allow', Action: `s3:${'G*'.repeat(70_000)}`, Resource: '*' }],
        }),
      ),
    ],
    exit: 0,
    json: { 'findings.0.code': 'policy-value-too-long', 'findings.0.path': '/Statement/0/Action' },
  },
  {
    name: 'defect 7: BinaryEquals against `=` × 2,000,000 + `x`: evaluated, not hung',
    args: [
      'simulate',
      '--format',
      'json',
      '--case',
      file(
        'binary.json',
        simulateCase({ BinaryEquals: { 'aws:x': 'aGk=' } }, { 'aws:x': `${'='.repeat(2_000_000)}x` }),
      ),
    ],
    exit: 0,
    json: { decision: 'ImplicitDeny' },
  },
  {
    name: 'defect 2: context keys named like object members stay keys (`__proto__` with a number in its list)',
    args: [
      'simulate',
      '--format',
      'json',
      '--case',
      file(
        'proto.json',
        simulateCase(
          { 'ForAnyValue:StringEquals': { ['__proto__']: '1', constructor: 'true', toString: 'x' } },
          JSON.parse('{"__proto__": ["a", 1], "constructor": true, "toString": "x"}'),
        ),
      ),
    ],
    exit: 0,
    json: { decision: 'Allowed' },
  },
  {
    name: 'defect 11 sibling: an account file with 5,000 unusable statements is located once, exit 1',
    args: [
      'diagnose',
      '--account',
      file(
        'bad-account.json',
        JSON.stringify(
          {
            UserDetailList: [
              {
                UserName: 'alice',
                UserId: 'AIDAQ3EGUSERALICE001',
                Arn: ALICE,
                Path: '/',
                UserPolicyList: [
                  {
                    PolicyName: 'Bad',
                    PolicyDocument: {
                      Version: '2012-10-17',
                      Statement: Array.from({ length: 5_000 }, () => ({ Effect: 'Permit', Action: '*' })),
                    },
                  },
                ],
              },
            ],
          },
          null,
          1,
        ),
      ),
      'Access Denied',
    ],
    exit: 1,
    stderr: /^whydenied: .*bad-account\.json:\d+:\d+: .*\(and 4999 more\)$/,
  },
];

describe('hostile inputs (issue 12)', () => {
  it.each(CASES)('$name', (c) => checkCliCase(c));

  // defect 10: every command that reads a file stops at the cap while reading
  const reads: readonly (readonly string[])[] = [
    ['diagnose', '--error', '/dev/zero'],
    ['diagnose', '--account', '/dev/zero', 'Access Denied'],
    ['explain', '/dev/zero'],
    ['lint', '/dev/zero'],
    ['compare', '/dev/zero', '/dev/zero'],
    ['redact', '/dev/zero'],
    ['simulate', '--case', '/dev/zero'],
  ];
  it.runIf(existsSync('/dev/zero')).each(reads)(
    'defect 10: %s %s %s stops reading /dev/zero at 256 MiB, exit 1',
    (...args: string[]) => {
      checkCliCase({
        name: args.join(' '),
        args,
        exit: 1,
        stderr: /^whydenied: \/dev\/zero: input is larger than 256 MiB$/,
      });
    },
  );
});
