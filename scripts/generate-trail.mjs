// Writes a synthetic CloudTrail archive for `trail`'s tests and bench: records shaped like real ones
// (assumed-role sessions of many roles, IAM users, AWS services; S3, EC2, IAM, STS, KMS, Lambda,
// DynamoDB, SSM, Logs calls with their request parameters, TLS details, user agents), about 5% of
// them failed with the error-message shapes of test/corpus/errors.jsonl (the denial sentence with each
// reason clause found there, S3's bare `Access Denied`, EC2's encoded message, look-alikes).
//
//   node scripts/generate-trail.mjs --out DIR [--mb 100] [--layout s3|single|ndjson|all] [--seed 1]
//
// Layouts: `s3` the delivery layout AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz
// (files of a few MB, as CloudTrail delivers every few minutes), `single` one {"Records": [...]} file
// (trail.json), `ndjson` one record per line (trail.ndjson). The same seed gives the same records in
// every layout.
// @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
// @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
// @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from './random.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const ACCOUNTS = ['111122223333', '444455556666', '777788889999', '123456789012'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const ROLES = [
  ['/', 'deploy-role'],
  ['/service-role/', 'ci-runner'],
  ['/', 'payroll-reader'],
  ['/pipelines/', 'data-pipeline'],
  ['/', 'AWSReservedSSO_Developer_0123456789abcdef'],
  ['/', 'app-instance-role'],
  ['/', 'lambda-exec'],
  ['/', 'readonly-audit'],
];
const USERS = ['alice', 'bob', 'carol', 'terraform'];
const BUCKETS = ['acme-payroll-2024', 'acme-logs', 'acme-build-artifacts', 'team-data-lake', 'acme-backups'];
const AGENTS = [
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.8',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.2 exec-env/AWS_Lambda_python3.12',
  'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0',
  'aws-sdk-java/2.25.14 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc.',
];

/** Reason clauses of the denial sentence, as the corpus holds them. */
function corpusReasons() {
  const reasons = new Set();
  for (const line of readFileSync(join(ROOT, 'test/corpus/errors.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { text } = JSON.parse(line);
    for (const m of text.matchAll(
      /(because no [a-zA-Z -]+? (?:policy|boundary) allows the \S+ action|with an explicit deny in an? [a-zA-Z -]+?(?:policy|boundary))/g,
    )) {
      reasons.add(m[1].replace(/the \S+ action/, 'the {action} action'));
    }
  }
  return [...reasons];
}

const EVENTS = [
  // source, name, weight, read-only, parameters, resources
  ['s3.amazonaws.com', 'GetObject', 18],
  ['s3.amazonaws.com', 'PutObject', 8],
  ['s3.amazonaws.com', 'ListObjects', 6],
  ['ec2.amazonaws.com', 'DescribeInstances', 14],
  ['ec2.amazonaws.com', 'RunInstances', 2],
  ['sts.amazonaws.com', 'AssumeRole', 10],
  ['kms.amazonaws.com', 'Decrypt', 10],
  ['kms.amazonaws.com', 'GenerateDataKey', 4],
  ['iam.amazonaws.com', 'GetRole', 4],
  ['iam.amazonaws.com', 'PassRole', 0],
  ['lambda.amazonaws.com', 'Invoke', 5],
  ['dynamodb.amazonaws.com', 'GetItem', 6],
  ['ssm.amazonaws.com', 'GetParameter', 6],
  ['logs.amazonaws.com', 'PutLogEvents', 7],
];
const TOTAL_WEIGHT = EVENTS.reduce((n, e) => n + e[2], 0);

function hex(random, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

function uuid(random) {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;
}

/** The records of one archive, in time order, from `seed`. */
export function* trailRecords(seed, start = Date.UTC(2026, 0, 5)) {
  const random = mulberry32(seed);
  const reasons = corpusReasons();
  let time = start;
  for (;;) {
    time += Math.floor(random() * 400);
    // a denial repeats one of 100 misconfigurations, a few of them often (the structural choices come
    // from the misconfiguration's own generator); the rest of the record varies
    const failing = random() < 0.05;
    const structural = failing ? mulberry32(seed * 7919 + Math.floor(100 * random() ** 3) + 1) : random;
    const pick = (list) => list[Math.floor(structural() * list.length)];
    const vary = (list) => list[Math.floor(random() * list.length)];
    const account = pick(ACCOUNTS);
    const region = pick(REGIONS);
    let w = structural() * TOTAL_WEIGHT;
    let event = EVENTS[0];
    for (const e of EVENTS) {
      w -= e[2];
      if (w < 0) {
        event = e;
        break;
      }
    }
    const [source, name] = event;
    const service = source.split('.')[0];
    const who = structural();
    let identity;
    let caller;
    if (who < 0.75) {
      const [path, role] = pick(ROLES);
      const session = role.startsWith('app')
        ? `i-${hex(random, 17)}`
        : `session-${Math.floor(random() * 300)}`;
      caller = `arn:aws:sts::${account}:assumed-role/${role}/${session}`;
      identity = {
        type: 'AssumedRole',
        principalId: `AROA${hex(random, 16).toUpperCase()}:${session}`,
        arn: caller,
        accountId: account,
        accessKeyId: `ASIA${hex(random, 16).toUpperCase()}`,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: `AROA${hex(random, 16).toUpperCase()}`,
            arn: `arn:aws:iam::${account}:role${path}${role}`,
            accountId: account,
            userName: role,
          },
          attributes: {
            creationDate: new Date(time - 600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
            mfaAuthenticated: 'false',
          },
        },
      };
    } else if (who < 0.95) {
      const user = pick(USERS);
      caller = `arn:aws:iam::${account}:user/${user}`;
      identity = {
        type: 'IAMUser',
        principalId: `AIDA${hex(random, 16).toUpperCase()}`,
        arn: caller,
        accountId: account,
        accessKeyId: `AKIA${hex(random, 16).toUpperCase()}`,
        userName: user,
      };
    } else {
      caller = null;
      identity = {
        type: 'AWSService',
        invokedBy: vary(['cloudtrail.amazonaws.com', 'ec2.amazonaws.com', 'lambda.amazonaws.com']),
      };
    }
    const bucket = pick(BUCKETS);
    const key = `reports/${2020 + Math.floor(random() * 6)}/q${1 + Math.floor(random() * 4)}-${hex(random, 8)}.csv`;
    let requestParameters = null;
    let resources;
    let resource = null;
    switch (name) {
      case 'GetObject':
      case 'PutObject':
        requestParameters = { bucketName: bucket, Host: `${bucket}.s3.${region}.amazonaws.com`, key };
        resource = `arn:aws:s3:::${bucket}/${key}`;
        resources = [
          { type: 'AWS::S3::Object', ARN: resource },
          { accountId: account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
        ];
        break;
      case 'ListObjects':
        requestParameters = {
          bucketName: bucket,
          Host: `${bucket}.s3.${region}.amazonaws.com`,
          prefix: 'reports/',
          'list-type': '2',
        };
        resource = `arn:aws:s3:::${bucket}`;
        resources = [{ accountId: account, type: 'AWS::S3::Bucket', ARN: resource }];
        break;
      case 'DescribeInstances':
        requestParameters = {
          instancesSet: {},
          filterSet: { items: [{ name: 'tag:team', valueSet: { items: [{ value: 'data' }] } }] },
        };
        break;
      case 'RunInstances':
        requestParameters = {
          instancesSet: { items: [{ imageId: `ami-${hex(random, 17)}`, minCount: 1, maxCount: 1 }] },
          instanceType: pick(['t3.micro', 'm5.large', 'c6i.xlarge']),
          subnetId: `subnet-${hex(random, 17)}`,
          iamInstanceProfile: { arn: `arn:aws:iam::${account}:instance-profile/app-instance-role` },
        };
        resource = `arn:aws:ec2:${region}:${account}:instance/*`;
        break;
      case 'AssumeRole':
        resource = `arn:aws:iam::${pick(ACCOUNTS)}:role/${pick(ROLES)[1]}`;
        requestParameters = {
          roleArn: resource,
          roleSessionName: `s-${hex(random, 6)}`,
          durationSeconds: 3600,
        };
        resources = [{ accountId: account, type: 'AWS::IAM::Role', ARN: resource }];
        break;
      case 'Decrypt':
      case 'GenerateDataKey':
        resource = `arn:aws:kms:${region}:${account}:key/${['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'][Math.floor(random() * 2)]}`;
        requestParameters = {
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
          encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${bucket}` },
        };
        resources = [{ accountId: account, type: 'AWS::KMS::Key', ARN: resource }];
        break;
      case 'GetRole':
        requestParameters = { roleName: pick(ROLES)[1] };
        resource = `arn:aws:iam::${account}:role/${requestParameters.roleName}`;
        break;
      case 'Invoke':
        resource = `arn:aws:lambda:${region}:${account}:function:${pick(['ingest', 'resize', 'notify'])}`;
        requestParameters = { functionName: resource };
        resources = [{ accountId: account, type: 'AWS::Lambda::Function', ARN: resource }];
        break;
      case 'GetItem':
        resource = `arn:aws:dynamodb:${region}:${account}:table/${pick(['orders', 'sessions', 'users'])}`;
        requestParameters = {
          tableName: resource.split('/')[1],
          key: { id: { S: hex(random, 12) } },
          consistentRead: false,
        };
        resources = [{ accountId: account, type: 'AWS::DynamoDB::Table', ARN: resource }];
        break;
      case 'GetParameter':
        requestParameters = {
          name: `/app/${pick(['db-password', 'api-key', 'feature-flags'])}`,
          withDecryption: true,
        };
        resource = `arn:aws:ssm:${region}:${account}:parameter${requestParameters.name}`;
        break;
      case 'PutLogEvents':
        requestParameters = {
          logGroupName: `/aws/lambda/${pick(['ingest', 'resize', 'notify'])}`,
          logStreamName: `2026/01/05/[$LATEST]${hex(random, 32)}`,
        };
        break;
    }
    const record = {
      eventVersion: '1.09',
      userIdentity: identity,
      eventTime: new Date(time).toISOString().replace(/\.\d+Z$/, 'Z'),
      eventSource: source,
      eventName: name,
      awsRegion: region,
      sourceIPAddress:
        identity.type === 'AWSService' ? identity.invokedBy : `198.51.100.${Math.floor(random() * 254) + 1}`,
      userAgent: identity.type === 'AWSService' ? identity.invokedBy : vary(AGENTS),
    };
    if (failing && caller !== null) {
      const action = `${service}:${name === 'ListObjects' ? 'ListBucket' : name === 'Invoke' ? 'InvokeFunction' : name}`;
      const kind = structural();
      if (kind < 0.08) {
        record.errorCode = pick(['ExpiredToken', 'ThrottlingException']);
        record.errorMessage =
          record.errorCode === 'ExpiredToken'
            ? 'The security token included in the request is expired'
            : 'Rate exceeded';
      } else if (service === 's3' && kind < 0.4) {
        record.errorCode = 'AccessDenied';
        record.errorMessage = 'Access Denied';
      } else {
        record.errorCode =
          service === 's3'
            ? 'AccessDenied'
            : service === 'ec2'
              ? 'Client.UnauthorizedOperation'
              : service === 'sts'
                ? 'AccessDenied'
                : 'AccessDeniedException';
        const reason = pick(reasons).replace('{action}', action);
        const on = resource === null ? '' : ` on resource: ${service === 's3' ? `"${resource}"` : resource}`;
        const sentence = `User: ${caller} is not authorized to perform: ${action}${on} ${reason}`;
        record.errorMessage =
          service === 'ec2'
            ? `You are not authorized to perform this operation. ${sentence}. Encoded authorization failure message: ${hex(random, 64)}`
            : sentence;
      }
    }
    record.requestParameters = requestParameters;
    record.responseElements =
      record.errorCode === undefined && name === 'AssumeRole'
        ? {
            credentials: {
              accessKeyId: `ASIA${hex(random, 16).toUpperCase()}`,
              sessionToken: hex(random, 120),
              expiration: 'Jan 5, 2026, 1:00:00 PM',
            },
          }
        : null;
    record.requestID = uuid(random);
    record.eventID = uuid(random);
    record.readOnly =
      name.startsWith('Get') || name.startsWith('Describe') || name.startsWith('List') || name === 'Decrypt';
    if (resources !== undefined) record.resources = resources;
    record.eventType = 'AwsApiCall';
    record.managementEvent = service !== 's3' && service !== 'lambda' && service !== 'dynamodb';
    record.recipientAccountId = account;
    record.eventCategory = record.managementEvent ? 'Management' : 'Data';
    record.tlsDetails = {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${service}.${region}.amazonaws.com`,
    };
    yield record;
  }
}

/** Writes `mb` MB of raw JSON records in `layout` under `out`; returns { files, records, rawBytes }. */
export function generateTrail({ out, mb = 100, layout = 's3', seed = 1 }) {
  const limit = mb * 1_000_000;
  const records = trailRecords(seed);
  let rawBytes = 0;
  let count = 0;
  let files = 0;
  if (layout === 's3') {
    // files of 2–12 MB of records, each under its account, region and day
    while (rawBytes < limit) {
      const target = Math.min(limit - rawBytes, 2_000_000 + ((files * 7_919_000) % 10_000_000));
      const parts = [];
      let size = 0;
      let first;
      while (size < target) {
        const text = JSON.stringify(records.next().value);
        first ??= JSON.parse(text);
        parts.push(text);
        size += text.length + 1;
      }
      const body = `{"Records":[${parts.join(',')}]}`;
      const [y, m, d] = first.eventTime.slice(0, 10).split('-');
      const stamp = first.eventTime.replace(/[-:]/g, '').slice(0, 13);
      const path = join(
        out,
        'AWSLogs',
        first.recipientAccountId,
        'CloudTrail',
        first.awsRegion,
        y,
        m,
        d,
        `${first.recipientAccountId}_CloudTrail_${first.awsRegion}_${stamp}Z_${files.toString(36).padStart(16, '0')}.json.gz`,
      );
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'w');
      writeSync(fd, gzipSync(body, { level: 1 }));
      closeSync(fd);
      rawBytes += body.length;
      count += parts.length;
      files += 1;
    }
    return { files, records: count, rawBytes };
  }
  mkdirSync(out, { recursive: true });
  const fd = openSync(join(out, layout === 'single' ? 'trail.json' : 'trail.ndjson'), 'w');
  const write = (text) => {
    writeSync(fd, text);
    rawBytes += Buffer.byteLength(text);
  };
  if (layout === 'single') write('{"Records":[');
  const batch = [];
  while (rawBytes < limit) {
    const text = JSON.stringify(records.next().value);
    batch.push(layout === 'single' ? `${count === 0 ? '' : ','}${text}` : `${text}\n`);
    count += 1;
    if (batch.length === 2000) write(batch.splice(0).join(''));
  }
  if (batch.length > 0) write(batch.join(''));
  if (layout === 'single') write(']}');
  closeSync(fd);
  return { files: 1, records: count, rawBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name, fallback) => {
    const at = args.indexOf(name);
    return at < 0 ? fallback : args[at + 1];
  };
  const out = value('--out');
  if (out === undefined) {
    console.error(
      'usage: node scripts/generate-trail.mjs --out DIR [--mb 100] [--layout s3|single|ndjson|all] [--seed 1]',
    );
    process.exit(2);
  }
  const mb = Number(value('--mb', '100'));
  const seed = Number(value('--seed', '1'));
  const layout = value('--layout', 's3');
  for (const one of layout === 'all' ? ['s3', 'single', 'ndjson'] : [layout]) {
    const result = generateTrail({ out: layout === 'all' ? join(out, one) : out, mb, layout: one, seed });
    console.log(
      `${one}: ${result.files} file(s), ${result.records} records, ${(result.rawBytes / 1e6).toFixed(1)} MB raw`,
    );
  }
}
