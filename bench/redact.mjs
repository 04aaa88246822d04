// Redaction benchmark: `redact` of a generated CloudTrail file (`{"Records": [...]}`, indented as the
// AWS CLI prints it) of about 0.5, 5 and 50 MB. Each record has a caller (assumed role with its unique
// id and session), an access key, a source IP, an S3 or EC2 request with its parameters, some denied
// with an error message naming the caller and the resource. Reports seconds and MB/s per size, and
// the time to put the originals back (restore): both must grow linearly with the size.

import { mulberry32 } from '../scripts/random.mjs';
import { importCore } from './_bundle-core.mjs';

const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const ROLES = ['deploy-role', 'ci-runner', 'payroll-reader', 'data-pipeline', 'admin-break-glass'];
const BUCKETS = ['acme-payroll-2024', 'acme-logs', 'acme-build-artifacts', 'team-data-lake'];
const EVENTS = [
  ['s3.amazonaws.com', 'GetObject'],
  ['s3.amazonaws.com', 'PutObject'],
  ['ec2.amazonaws.com', 'RunInstances'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['kms.amazonaws.com', 'Decrypt'],
];

function hexOf(random, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

function upperOf(random, n) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(random() * chars.length)];
  return s;
}

/** One CloudTrail record. */
function record(random, i) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const account = pick(ACCOUNTS);
  const role = pick(ROLES);
  const session = `session-user${Math.floor(random() * 500)}`;
  const [source, name] = pick(EVENTS);
  const bucket = pick(BUCKETS);
  const key = `reports/${2020 + Math.floor(random() * 5)}/q${1 + Math.floor(random() * 4)}-${hexOf(random, 6)}.csv`;
  const denied = random() < 0.3;
  const ip = `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const principal = `arn:aws:sts::${account}:assumed-role/${role}/${session}`;
  const resource =
    source === 's3.amazonaws.com'
      ? `arn:aws:s3:::${bucket}/${key}`
      : `arn:aws:ec2:us-east-1:${account}:instance/i-${hexOf(random, 17)}`;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROA${upperOf(random, 17)}:${session}`,
      arn: principal,
      accountId: account,
      accessKeyId: `ASIA${upperOf(random, 16)}`,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: `AROA${upperOf(random, 17)}`,
          arn: `arn:aws:iam::${account}:role/${role}`,
          accountId: account,
          userName: role,
        },
        attributes: { creationDate: '2024-05-01T10:00:00Z', mfaAuthenticated: 'false' },
      },
    },
    eventTime: `2024-05-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: ip,
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64',
    ...(denied
      ? {
          errorCode: 'AccessDenied',
          errorMessage: `User: ${principal} is not authorized to perform: ${source.split('.')[0]}:${name} on resource: "${resource}" because no identity-based policy allows the ${source.split('.')[0]}:${name} action`,
        }
      : {}),
    requestParameters:
      source === 's3.amazonaws.com'
        ? { bucketName: bucket, Host: `${bucket}.s3.us-east-1.amazonaws.com`, key }
        : { instancesSet: { items: [{ instanceId: `i-${hexOf(random, 17)}` }] } },
    responseElements: null,
    requestID: upperOf(random, 16),
    eventID: `${hexOf(random, 8)}-${hexOf(random, 4)}-4${hexOf(random, 3)}-8${hexOf(random, 3)}-${hexOf(random, 12)}`,
    readOnly: name.startsWith('Get') || name.startsWith('Describe'),
    resources: [{ accountId: account, type: 'AWS::S3::Object', ARN: resource }],
    eventType: 'AwsApiCall',
    recipientAccountId: account,
  };
}

/** A CloudTrail file of about `megabytes` MB, seeded: the same text on every run. */
export function cloudTrailFile(megabytes, seed = 12) {
  const random = mulberry32(seed);
  const records = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1_000_000; i++) {
    const r = record(random, i);
    records.push(r);
    size += JSON.stringify(r, null, 4).length + 6;
  }
  return JSON.stringify({ Records: records }, null, 4);
}

export default async function runRedactBench(sizes = [0.5, 5, 50]) {
  const core = await importCore();
  for (const megabytes of sizes) {
    const text = cloudTrailFile(megabytes);
    const started = performance.now();
    const result = core.redact(text);
    const seconds = (performance.now() - started) / 1000;
    const restoring = performance.now();
    const back = core.restore(result.text, result.map);
    const restoreSeconds = (performance.now() - restoring) / 1000;
    if (back.text !== text) throw new Error('restore did not give the file back');
    console.log(
      `${(text.length / 1e6).toFixed(1)} MB: redact ${seconds.toFixed(2)} s (${(text.length / 1e6 / seconds).toFixed(1)} MB/s, ${result.map.entries.length.toLocaleString('en-US')} stand-ins), restore ${restoreSeconds.toFixed(2)} s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  await runRedactBench(sizes.length > 0 ? sizes : undefined);
}
