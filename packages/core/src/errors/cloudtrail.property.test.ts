/**
 * A CloudTrail record printed by Python (`print(event)`, boto3's `lookup_events` answers as scripts print them) reads as
 * the same record written as JSON: `withJsonQuotes` gives its strings and keys JSON's quotes; a record as YAML writes it,
 * its keys in any order, likewise with `withYamlQuotes`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCloudTrailText, withJsonQuotes, withYamlQuotes } from './cloudtrail.js';

/** A value as Python's `repr` prints it: a `str` in single quotes, or in double ones where it holds a single quote. */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') {
    return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replaceAll("'", "\\'")}'`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
    .join(', ')}}`;
}

/** A record of a refused CreateBucket, its message, bucket and service given. */
function failedRecord(message: string, bucket: string, source: string): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/r/s' },
    eventSource: source,
    eventName: 'CreateBucket',
    errorCode: 'AccessDenied',
    errorMessage: message,
    requestParameters: { bucketName: bucket },
    readOnly: false,
  };
}

/** Printable text without a backslash (Python's and JSON's other escapes differ), quotes of both kinds among it. */
const text = fc.stringMatching(/^[ -[\]-~]{1,40}$/);

describe('withJsonQuotes', () => {
  it("reads a record Python printed as the same record's JSON", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('s3.amazonaws.com', 'ec2.amazonaws.com'),
        (message, bucket, source) => {
          const record = failedRecord(message, bucket, source);
          expect(readCloudTrailText(withJsonQuotes(pythonRepr(record)))).toEqual(
            readCloudTrailText(JSON.stringify(record)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves a message that looks like a literal key as written (`{A:`, the property's counterexample)", () => {
    const record = `{'eventSource': 's3.amazonaws.com', 'eventName': 'CreateBucket', 'errorCode': 'AccessDenied', 'errorMessage': '{A:', 'requestParameters': {'bucketName': ' '}}`;
    expect(readCloudTrailText(withJsonQuotes(record))?.errorMessage).toBe('{A:');
  });
});

/**
 * A value as YAML's block style writes it: a mapping's keys each on a line, nested ones indented two spaces more; a
 * string plain where YAML reads it back as the same string, else double-quoted (JSON's quoting is YAML's).
 */
function blockYaml(value: Record<string, unknown>, indent = ''): string {
  return Object.entries(value)
    .map(([key, v]) => {
      if (v !== null && typeof v === 'object')
        return `${indent}${key}:\n${blockYaml(v as Record<string, unknown>, `${indent}  `)}`;
      if (typeof v === 'string' && /^[A-Za-z0-9][\w .:/-]*$/.test(v) && !/: |\s$/.test(v))
        return `${indent}${key}: ${v}`;
      return `${indent}${key}: ${JSON.stringify(v)}`;
    })
    .join('\n');
}

describe('withYamlQuotes', () => {
  it("reads a record written as YAML, its keys in any order, as the same record's JSON", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('s3.amazonaws.com', 'ec2.amazonaws.com'),
        fc.boolean(),
        (message, bucket, source, sorted) => {
          const record = failedRecord(message, bucket, source);
          const ordered = sorted
            ? Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)))
            : record;
          expect(readCloudTrailText(withYamlQuotes(blockYaml(ordered)))).toEqual(
            readCloudTrailText(JSON.stringify(record)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
