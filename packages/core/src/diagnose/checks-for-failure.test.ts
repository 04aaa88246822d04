import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecodedMessage } from '../decoded/parse-decoded.js';
import { readError } from '../errors/read-error.js';
import { checksForFailure } from './checks-for-failure.js';

const DECODED = readFileSync(
  new URL('../../../cli/test/fixtures/diagnose/decoded-passrole.json', import.meta.url),
  'utf8',
);
const ERROR =
  'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: Zm9vYmFy';

describe('checksForFailure with a decoded message (issue 10, defect 4)', () => {
  it('adds the exact decoded check first and keeps every other check of the call, marked as maybe not reached', () => {
    const reading = readError(ERROR);
    const decoded = parseDecodedMessage(DECODED);
    if (!reading.ok || !decoded.ok) throw new Error('fixtures must read');
    const checks = checksForFailure(reading.value, decoded.value);
    const [first, ...others] = checks;
    expect(first).toMatchObject({
      origin: 'decoded',
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::111122223333:role/web-role',
      principal: 'arn:aws:sts::111122223333:assumed-role/deploy-role/ci',
      assumed: [],
    });
    // what the call sends with the PassRole check, where the message does not list it
    expect(first?.context['iam:PassedToService']).toBe('ec2.amazonaws.com');
    const launch = others.filter((c) => c.action === 'ec2:RunInstances');
    expect(launch.length).toBeGreaterThan(3);
    for (const c of launch) {
      expect(['call', 'error']).toContain(c.origin);
      expect(c.assumed).toContain('check');
      // the caller's account from the message's principal, not a wildcard
      expect(c.resource).not.toMatch(/^arn:aws:ec2:[^:]*:\*:/);
    }
    expect(others.some((c) => c.action.toLowerCase() === 'iam:passrole')).toBe(false);
  });
});
