// Engine benchmark: a realistic, seeded workload run through the built CLI in batch mode.
// ~50 identity policies / 500 statements (wildcards, variables, ~40% conditions over a dozen
// operators, ~15% Deny, some NotAction/NotResource), three SCP levels with guardrails, a
// permissions boundary, and 10,000 requests over ~200 distinct (action, resource, context)
// triples, repeated to 100,000 requests. Reports decisions/second (wall time including process
// start and parsing) and the CLI process's peak RSS.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../scripts/random.mjs';

const ACCOUNT = '111122223333';

const SERVICES = {
  s3: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetObjectTagging', 'PutObjectAcl'],
  ec2: [
    'RunInstances',
    'DescribeInstances',
    'StartInstances',
    'StopInstances',
    'TerminateInstances',
    'CreateTags',
  ],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteItem', 'UpdateItem'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueUrl'],
  sns: ['Publish', 'Subscribe', 'ListTopics'],
  lambda: ['InvokeFunction', 'CreateFunction', 'GetFunction', 'UpdateFunctionCode'],
  iam: ['PassRole', 'CreateUser', 'GetRole', 'ListRoles', 'CreateAccessKey'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey'],
  logs: ['PutLogEvents', 'CreateLogStream', 'CreateLogGroup'],
};
const SERVICE_NAMES = Object.keys(SERVICES);
const TEAMS = ['red', 'blue', 'green', 'ops'];
const REGIONS = [
  'us-east-1',
  'eu-west-1',
  'us-east-1',
  'eu-west-1',
  'us-east-1',
  'eu-west-1',
  'us-east-1',
  'eu-west-1',
  'us-east-1',
  'ap-south-1',
];

function resourceFor(rand, service, action) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  switch (service) {
    case 's3':
      return action === 'ListBucket'
        ? `arn:aws:s3:::data-${pick(TEAMS)}`
        : `arn:aws:s3:::data-${pick(TEAMS)}/home/user${Math.floor(rand() * 8)}/f${Math.floor(rand() * 5)}.csv`;
    case 'ec2':
      return action.startsWith('Describe')
        ? '*'
        : `arn:aws:ec2:${pick(REGIONS)}:${ACCOUNT}:instance/i-${Math.floor(rand() * 1e6).toString(16)}`;
    case 'dynamodb':
      return `arn:aws:dynamodb:${pick(REGIONS)}:${ACCOUNT}:table/${pick(TEAMS)}-orders`;
    case 'sqs':
      return `arn:aws:sqs:${pick(REGIONS)}:${ACCOUNT}:${pick(TEAMS)}-queue`;
    case 'sns':
      return `arn:aws:sns:${pick(REGIONS)}:${ACCOUNT}:${pick(TEAMS)}-topic`;
    case 'lambda':
      return `arn:aws:lambda:${pick(REGIONS)}:${ACCOUNT}:function:${pick(TEAMS)}-fn`;
    case 'iam':
      return `arn:aws:iam::${ACCOUNT}:role/${pick(TEAMS)}-role`;
    case 'kms':
      return `arn:aws:kms:${pick(REGIONS)}:${ACCOUNT}:key/${pick(TEAMS)}-key`;
    default:
      return `arn:aws:logs:${pick(REGIONS)}:${ACCOUNT}:log-group:/app/${pick(TEAMS)}:log-stream:s`;
  }
}

function resourcePattern(rand, service) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const r = rand();
  if (r < 0.2) return '*';
  switch (service) {
    case 's3':
      return r < 0.5
        ? // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
          'arn:aws:s3:::data-${aws:PrincipalTag/team}/*'
        : r < 0.7
          ? // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
            'arn:aws:s3:::data-*/home/${aws:username}/*'
          : `arn:aws:s3:::data-${pick(TEAMS)}*`;
    case 'ec2':
      return `arn:aws:ec2:${r < 0.6 ? '*' : pick(REGIONS)}:${ACCOUNT}:instance/*`;
    case 'dynamodb':
      return r < 0.5
        ? `arn:aws:dynamodb:*:${ACCOUNT}:table/\${aws:PrincipalTag/team}-*`
        : `arn:aws:dynamodb:*:*:table/${pick(TEAMS)}-*`;
    case 'iam':
      return `arn:aws:iam::${ACCOUNT}:role/${pick(TEAMS)}-*`;
    default:
      return `arn:aws:${service}:*:${ACCOUNT}:*${pick(TEAMS)}*`;
  }
}

const CONDITIONS = [
  () => ({ StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }),
  (rand) => ({ StringLike: { 'aws:PrincipalTag/team': `${TEAMS[Math.floor(rand() * 4)].slice(0, 2)}*` } }),
  () => ({ StringNotEquals: { 'aws:PrincipalTag/env': 'sandbox' } }),
  () => ({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/env': 'PROD' } }),
  () => ({ NumericLessThan: { 's3:max-keys': '100' } }),
  () => ({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } }),
  () => ({ DateLessThan: { 'aws:TokenIssueTime': '2030-01-01T00:00:00Z' } }),
  () => ({ Bool: { 'aws:SecureTransport': 'true' } }),
  () => ({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }),
  () => ({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }),
  () => ({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
  () => ({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/*` } }),
  () => ({ Null: { 'aws:RequestTag/cost-center': 'false' } }),
  () => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }),
  () => ({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'env', 'cost-*'] } }),
  () => ({ StringEqualsIfExists: { 'ec2:InstanceType': ['t3.micro', 't3.small', 'm5.large'] } }),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
  () => ({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }),
];

// guardrail conditions: usually false for ordinary requests
const DENY_CONDITIONS = [
  () => ({ Bool: { 'aws:SecureTransport': 'false' } }),
  () => ({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }),
  () => ({ StringEquals: { 'aws:PrincipalTag/env': 'sandbox' } }),
  () => ({ Null: { 'aws:PrincipalTag/team': 'true' } }),
  () => ({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
  () => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['secret'] } }),
  () => ({ StringNotEqualsIfExists: { 'ec2:InstanceType': ['t3.micro', 't3.small'] } }),
  () => ({ NumericGreaterThan: { 's3:max-keys': '1000' } }),
];

function makeStatement(rand, i) {
  const service = SERVICE_NAMES[Math.floor(rand() * SERVICE_NAMES.length)];
  const actions = SERVICES[service];
  const deny = rand() < 0.15;
  const statement = { Sid: `S${i}`, Effect: deny ? 'Deny' : 'Allow' };
  // guardrail-style denies: narrow actions, mostly conditional
  const a = deny ? 0.5 + rand() * 0.5 : rand();
  if (a < 0.06) statement.NotAction = [`iam:*`, `${service}:Delete*`];
  else if (a < 0.2) statement.Action = `${service}:*`;
  else if (a < 0.45)
    statement.Action = `${service}:${actions[Math.floor(rand() * actions.length)].slice(0, 3)}*`;
  else if (a < 0.5) statement.Action = '*';
  else
    statement.Action = Array.from(
      { length: 1 + Math.floor(rand() * 3) },
      () => `${service}:${actions[Math.floor(rand() * actions.length)]}`,
    );
  if (rand() < 0.06) statement.NotResource = [resourcePattern(rand, service), `arn:aws:s3:::audit-*`];
  else
    statement.Resource =
      rand() < 0.3
        ? [resourcePattern(rand, service), resourcePattern(rand, service)]
        : resourcePattern(rand, service);
  if (deny ? rand() < 0.8 : rand() < 0.33) {
    const count = 1 + Math.floor(rand() * 2);
    const condition = {};
    for (let c = 0; c < count; c++)
      Object.assign(
        condition,
        (deny ? DENY_CONDITIONS : CONDITIONS)[
          Math.floor(rand() * (deny ? DENY_CONDITIONS : CONDITIONS).length)
        ](rand),
      );
    statement.Condition = condition;
  }
  return statement;
}

const FULL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Builds the seeded workload: one case (policies + 10,000 requests). */
export function buildWorkload(seed = 20240611) {
  const rand = mulberry32(seed);
  const identityPolicies = Array.from({ length: 50 }, (_, p) => ({
    name: `policy-${p}`,
    document: {
      Version: '2012-10-17',
      Statement: Array.from({ length: 10 }, (_, s) => makeStatement(rand, p * 10 + s)),
    },
  }));
  const scps = [
    [
      { name: 'FullAWSAccess', document: FULL },
      {
        name: 'RegionGuard',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyRegions',
              Effect: 'Deny',
              NotAction: ['iam:*', 'sts:*'],
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
            },
          ],
        },
      },
    ],
    [
      { name: 'FullAWSAccess', document: FULL },
      {
        name: 'ProtectIam',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyIamWrites',
              Effect: 'Deny',
              Action: ['iam:Create*', 'iam:Delete*', 'iam:Put*'],
              Resource: '*',
              Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgAdmin' } },
            },
          ],
        },
      },
    ],
    [
      {
        name: 'Workloads',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', NotAction: ['organizations:*', 'account:*'], Resource: '*' }],
        },
      },
    ],
  ];
  const permissionsBoundary = {
    name: 'Boundary',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Services',
          Effect: 'Allow',
          Action: [
            's3:*',
            'ec2:*',
            'dynamodb:*',
            'sqs:*',
            'sns:*',
            'lambda:*',
            'logs:*',
            'kms:*',
            'iam:Get*',
            'iam:List*',
            'iam:PassRole',
          ],
          Resource: '*',
        },
        { Sid: 'NoKeys', Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' },
      ],
    },
  };
  const triples = Array.from({ length: 200 }, (_, t) => {
    const service = SERVICE_NAMES[Math.floor(rand() * SERVICE_NAMES.length)];
    const actions = SERVICES[service];
    const action = actions[Math.floor(rand() * actions.length)];
    const user = `user${Math.floor(rand() * 8)}`;
    const context = {
      'aws:RequestedRegion': REGIONS[Math.floor(rand() * REGIONS.length)],
      'aws:PrincipalTag/team': TEAMS[Math.floor(rand() * TEAMS.length)],
      'aws:PrincipalTag/env': rand() < 0.7 ? 'prod' : 'sandbox',
      'aws:SecureTransport': rand() < 0.9 ? 'true' : 'false',
      'aws:CurrentTime': '2025-06-01T12:00:00Z',
      'aws:TokenIssueTime': '2025-06-01T11:00:00Z',
      'aws:SourceIp': rand() < 0.8 ? `10.1.${t % 250}.7` : '203.0.113.9',
    };
    if (rand() < 0.3) context['aws:TagKeys'] = ['team', rand() < 0.5 ? 'env' : 'owner'];
    if (rand() < 0.3) context['aws:RequestTag/cost-center'] = '42';
    if (service === 's3') {
      context['s3:prefix'] = `home/${user}/x`;
      context['s3:max-keys'] = String(Math.floor(rand() * 200));
    }
    if (service === 'ec2') context['ec2:InstanceType'] = rand() < 0.5 ? 't3.micro' : 'c5.4xlarge';
    return {
      principal: `arn:aws:iam::${ACCOUNT}:user/${user}`,
      action: `${service}:${action}`,
      resource: resourceFor(rand, service, action),
      context,
    };
  });
  const requests = Array.from({ length: 10_000 }, () => triples[Math.floor(rand() * triples.length)]);
  return { requests, identityPolicies, permissionsBoundary, scps };
}

/**
 * Runs the engine benchmark and returns its numbers: `repeats` JSON lines of the 10,000-request case,
 * or with `oneLine` one case of `repeats` x 10,000 requests on a single line; `fields` is passed to
 * `--fields`.
 */
export function runEngineBench({ repeats = 10, oneLine = false, fields } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-bench-'));
  try {
    const workload = buildWorkload();
    const caseFile = join(dir, 'cases.jsonl');
    if (oneLine) {
      const requests = Array.from({ length: repeats }, () => workload.requests).flat();
      writeFileSync(caseFile, `${JSON.stringify({ ...workload, requests })}\n`);
    } else {
      const line = JSON.stringify(workload);
      writeFileSync(caseFile, `${Array.from({ length: repeats }, () => line).join('\n')}\n`);
    }
    const expected = workload.requests.length * repeats;
    const outFile = join(dir, 'out.jsonl');
    const rssFile = join(dir, 'rss.json');
    const out = openSync(outFile, 'w');
    const start = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        new URL('./report-rss.mjs', import.meta.url).href,
        'packages/cli/bin/whydenied.js',
        'simulate',
        '--case',
        caseFile,
        '--format',
        'json',
        ...(fields === undefined ? [] : ['--fields', fields]),
      ],
      { stdio: ['ignore', out, 'pipe'], env: { ...process.env, WHYDENIED_BENCH_RSS_FILE: rssFile } },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    closeSync(out);
    if (child.status !== 0) throw new Error(`simulate failed (${child.status}): ${child.stderr}`);
    const output = readFileSync(outFile, 'utf8').trimEnd().split('\n');
    if (output.length !== expected) throw new Error(`expected ${expected} results, got ${output.length}`);
    const counts = {};
    for (const l of output) {
      const decision = JSON.parse(l).decision;
      counts[decision] = (counts[decision] ?? 0) + 1;
    }
    const { maxRssKiB, cpuSeconds } = JSON.parse(readFileSync(rssFile, 'utf8'));
    return {
      requests: expected,
      seconds,
      cpuSeconds,
      decisionsPerSecond: expected / seconds,
      peakRssMiB: maxRssKiB / 1024,
      decisions: counts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Engine throughput in one process with the repeated-request reuse defeated: every request gets a
 * distinct extra context key that no policy reads, so each one is evaluated in full.
 */
export async function runEngineInProcess() {
  const { importCore } = await import('./_bundle-core.mjs');
  const core = await importCore();
  const workload = buildWorkload();
  const parsed = core.parseSimulationCase(workload);
  if (!parsed.ok) throw new Error('bench workload is invalid');
  const compiled = core.compilePolicySet(parsed.value.policies);
  if (!compiled.ok) throw new Error('bench policies are invalid');
  const requests = parsed.value.requests.map((r, i) => ({
    ...r,
    context: { ...r.context, 'bench:n': String(i) },
  }));
  // rounds of 10,000 fresh requests each: the first two warm the JIT up (reported as the cold rate,
  // the first), then the median of five by wall time, and by CPU time (the machine is shared: CPU
  // time says what the engine costs, wall time what a caller waits)
  const rate = (trace) => {
    const rounds = Array.from({ length: 7 }, (_, round) => {
      const fresh = requests.map((r) => ({ ...r, context: { ...r.context, 'bench:m': `${trace}${round}` } }));
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (const r of fresh) core.evaluate(compiled.value, r, { trace });
      const { user, system } = process.cpuUsage(cpu);
      return {
        wall: fresh.length / ((performance.now() - start) / 1000),
        cpu: fresh.length / ((user + system) / 1e6),
      };
    });
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timed = rounds.slice(2);
    return {
      wall: median(timed.map((r) => r.wall)),
      cpu: median(timed.map((r) => r.cpu)),
      coldCpu: (rounds[0] ?? { cpu: 0 }).cpu,
    };
  };
  return { lean: rate('none'), traced: rate('relevant') };
}

/**
 * `simulate` through the CLI on one case of 100,000 requests on a single line (~42 MB), with the full
 * JSON and with `--fields decision,layer`, `runs` times each: medians of wall and CPU time, and the
 * largest peak RSS.
 */
export function runOneLineBench({ runs = 5 } = {}) {
  const show = (n) => Math.round(n).toLocaleString('en-US');
  for (const fields of [undefined, 'decision,layer']) {
    const results = Array.from({ length: runs }, () => runEngineBench({ oneLine: true, fields }));
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const seconds = median(results.map((r) => r.seconds));
    const cpu = median(results.map((r) => r.cpuSeconds));
    const requests = results[0].requests;
    console.log(
      `${fields === undefined ? 'full JSON' : `--fields ${fields}`}: median ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU: ${show(requests / seconds)} decisions/second (${show(requests / cpu)} per CPU-second); peak RSS max ${Math.max(...results.map((r) => r.peakRssMiB)).toFixed(1)} MiB (${results.map((r) => r.peakRssMiB.toFixed(0)).join(', ')})`,
    );
  }
}
