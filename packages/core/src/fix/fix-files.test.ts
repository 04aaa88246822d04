import { describe, expect, it } from 'vitest';
import { fixFileName, withFixFiles } from './fix-files.js';

const FIX = {
  kind: 'inline-role-policy' as const,
  target: 'arn:aws:iam::111122223333:role/deploy-role',
  policyName: 'EC2Launch',
  command: 'stale',
};

describe('withFixFiles', () => {
  it('gives each fix its own file and a command that names it', () => {
    const named = withFixFiles([FIX, { ...FIX, policyName: 'deploy-role/Boundary' }]);
    expect(named.map((f) => f.file)).toEqual(['fix-1-EC2Launch.json', 'fix-2-deploy-role-Boundary.json']);
    expect(named[0]?.command).toBe(
      'aws iam put-role-policy --role-name deploy-role --policy-name EC2Launch --policy-document file://fix-1-EC2Launch.json',
    );
  });

  it('puts the files under the directory the front end writes to, quoted when the shell needs it', () => {
    expect(withFixFiles([FIX], 'out/fixes/')[0]?.command).toMatch(
      / file:\/\/out\/fixes\/fix-1-EC2Launch\.json$/,
    );
    expect(withFixFiles([FIX], 'my fixes')[0]?.command).toMatch(
      / 'file:\/\/my fixes\/fix-1-EC2Launch\.json'$/,
    );
  });

  it('keeps only file-system-safe characters of the policy name', () => {
    expect(fixFileName(2, '../x y')).toBe('fix-3-x-y.json');
    expect(fixFileName(0, '')).toBe('fix-1.json');
    expect(fixFileName(0, '.-a b--')).toBe('fix-1-a-b.json');
    // a long run of dashes not at the end (issue 12, defect 7 sibling: `/-+$/` retried at every dash)
    expect(fixFileName(0, `a${'-'.repeat(1_000_000)}b`)).toBe(`fix-1-a${'-'.repeat(63)}.json`);
  });
});
