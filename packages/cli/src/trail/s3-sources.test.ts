import { describe, expect, it } from 'vitest';
import { s3Problem } from './s3-sources.js';

interface ProblemCase {
  readonly name: string;
  readonly failure: { action: string; outcome: string; code: string; message: string };
  /** What the one line holds. */
  readonly says: readonly string[];
}

const OBJECT = 's3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/10/a.json.gz';
const ARN = 'arn:aws:s3:::trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/10/a.json.gz';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const CASES: readonly ProblemCase[] = [
  {
    name: 'a denied read names the action and the object',
    failure: { action: 's3:GetObject', outcome: 'denied', code: 'AccessDenied', message: 'Access Denied' },
    says: [`${OBJECT}: AWS denied s3:GetObject (AccessDenied)`, `s3:GetObject on ${ARN}`],
  },
  {
    name: 'a read denied by the KMS key names kms:Decrypt and the key',
    failure: {
      action: 's3:GetObject',
      outcome: 'denied',
      code: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`,
    },
    says: [`kms:Decrypt on ${KEY}`, `s3:GetObject on ${ARN}`],
  },
  {
    name: 'no credentials',
    failure: {
      action: 's3:ListBucket',
      outcome: 'error',
      code: 'CredentialsProviderError',
      message: 'Could not load credentials from any providers',
    },
    says: [`${OBJECT}: no AWS credentials`],
  },
  {
    name: 'another failure keeps its code and first line',
    failure: {
      action: 's3:GetObject',
      outcome: 'error',
      code: 'SlowDown',
      message: 'Please reduce\nyour rate',
    },
    says: [`${OBJECT}: s3:GetObject failed: SlowDown: Please reduce`],
  },
];

describe('the one line of a failed S3 read', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const error = s3Problem(OBJECT, ARN, c.failure);
      expect(error.exitCode).toBe(1);
      expect(error.message).not.toContain('\n');
      for (const part of c.says) expect(error.message).toContain(part);
    });
  }
});
