import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readError } from './read-error.js';
import { severalErrors } from './several-errors.js';

describe('severalErrors', () => {
  // lines of each of Terraform's two shapes and of clients' envelopes and of what surrounds them, in any order (a paste holds one version's)
  const around = [
    '\tstatus code: 403, request id: 5b888a64-eba0-439a-8929-e1c5a0f593e3',
    '',
    'Releasing state lock.',
  ];
  const list = fc.constantFrom(
    ...around,
    '* aws_vpc.main: Error creating VPC: UnauthorizedOperation: You are not authorized to perform this operation.',
    '* module.eks.data.aws_ami.worker[0]: 1 error(s) occurred:',
    '* aws_iam_role.r: Error creating IAM Role r: AccessDenied: User: arn:aws:iam::111122223333:user/u is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/r',
    'Error applying plan:',
    '2 error(s) occurred:',
  );
  const blocks = fc.constantFrom(
    ...around,
    'Error: creating IAM Role (r): AccessDenied: User: arn:aws:iam::111122223333:user/u is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/r',
    '│ Error: reading S3 Bucket (b): Forbidden: Forbidden',
    'Error: Process completed with exit code 1.',
    '  on main.tf line 12, in resource "aws_iam_role" "r":',
    '│   with aws_s3_bucket.b,',
    '╷',
    '╵',
  );
  const envelopes = fc.constantFrom(
    ...around,
    'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
    'upload failed: ./a to s3://b/a An error occurred (403) when calling the HeadObject operation: Forbidden',
    'ERRO[0044] unable to list tasks: operation error ECS: ListTasks, https response error StatusCode: 400, RequestID: 1, api error ThrottlingException: Rate exceeded',
    'User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::b/a',
    'Traceback (most recent call last):',
  );
  // each paste's lines, its text and its split
  const pastes = fc
    .oneof(
      fc.array(list, { maxLength: 20 }),
      fc.array(blocks, { maxLength: 20 }),
      fc.array(envelopes, { maxLength: 20 }),
    )
    .map((lines) => {
      const text = lines.join('\n');
      return { lines, text, several: severalErrors(text) };
    });

  it('cuts the paste into its preamble and errors, losing and adding nothing, each error at a line start', () => {
    fc.assert(
      fc.property(pastes, ({ lines, text, several }) => {
        if (several === null) return;
        expect(several.items.length).toBeGreaterThanOrEqual(2);
        expect(several.preamble + several.items.join('')).toBe(text);
        // (the same errors where a paste quoted every line, or a collector stamped it)
        for (const lead of ['> ', '2024-11-05T09:12:44.5310925Z ']) {
          const led = lines.map((line) => `${lead}${line}`).join('\n');
          expect(severalErrors(led)?.items.length).toBe(several.items.length);
        }
        let at = several.preamble.length;
        for (const item of several.items) {
          expect(at === 0 || text[at - 1] === '\n').toBe(true);
          at += item.length;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads one of the errors whole, and counts each other one that holds another AWS answer', () => {
    fc.assert(
      fc.property(pastes, ({ text, several }) => {
        if (several === null) return;
        const whole = readError(text);
        const apart = several.items.map((item) => readError(several.preamble + item));
        const first = apart.find((reading) => reading.ok);
        if (first?.ok !== true) return;
        expect(whole.ok && whole.value.failure).toEqual(first.value.failure);
        const others = new Set(
          apart.flatMap((reading) => (reading.ok ? [JSON.stringify(reading.value.failure)] : [])),
        );
        others.delete(JSON.stringify(first.value.failure));
        expect(whole.ok && whole.value.otherFailures).toBe(first.value.otherFailures + others.size);
      }),
      { numRuns: 300 },
    );
  });
});
