// `npm run bench -- live`: diagnose --live for each seed scenario against the loopback AWS of the
// tests (the fake server, bundled here), through the real SDK clients: AWS calls made per scenario and
// the wall time of the whole run (process start, SDK load, calls, diagnosis).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFakeAws } from './_helpers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');
const SCENARIOS = join(ROOT, 'packages/cli/test/scenarios');

const json = (path) => JSON.parse(readFileSync(path, 'utf8'));

const CASES = [
  [
    '01 PassRole behind RunInstances',
    '01-passrole-behind-runinstances',
    'deploy-role/terraform-ci',
    '111122223333',
    [],
  ],
  [
    '02 instance type condition',
    '02-instance-type-condition',
    'dev-sandbox/jane.doe',
    '111122223333',
    ['--context', 'ec2:InstanceType=m5.large'],
  ],
  [
    '04 SCP deny',
    '04-scp-instance-type-guardrail',
    'ml-training/sagemaker-batch',
    '111122223333',
    ['--context', 'ec2:InstanceType=p4d.24xlarge'],
  ],
  ['06b boundary deny', '06b-boundary-explicit-deny', 'platform-dev/alice', '111122223333', []],
  [
    '12 KMS key policy',
    '12-kms-key-policy-without-caller',
    'web-role/i-0a1b2c3d4e5f67890',
    '111122223333',
    [],
    { 'arn:aws:kms:eu-west-1:111122223333:key/0f8e7d6c-5b4a-4392-8170-6a5b4c3d2e1f': 'key-policy.json' },
  ],
];

function run(args, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (status) => resolve({ status, stdout, ms: performance.now() - started }));
  });
}

export default async function runLiveBench() {
  const { startFakeAws, FAKE_CREDENTIALS } = await importFakeAws();
  for (const [name, folder, role, account, args, policies = {}] of CASES) {
    const dir = join(SCENARIOS, folder);
    const world = {
      caller: {
        arn: `arn:aws:sts::${account}:assumed-role/${role}`,
        account,
        userId: 'AROAWHYDENIEDBENCH:ci',
      },
      accountDetails: json(join(dir, `account-${account}.json`)),
      organization: json(join(dir, 'org.json')),
      delegatedAdministrators: [account],
      resourcePolicies: Object.fromEntries(
        Object.entries(policies).map(([arn, file]) => [arn, json(join(dir, file))]),
      ),
    };
    const fake = await startFakeAws(world);
    const env = {
      AWS_ENDPOINT_URL: fake.endpoint,
      AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const times = [];
    let calls = [];
    for (let i = 0; i < 3; i++) {
      const r = await run(
        ['diagnose', '--live', '--format', 'json', '--error', join(dir, 'error.txt'), ...args],
        env,
      );
      if (r.status !== 0) throw new Error(`${name}: exit ${r.status}`);
      times.push(r.ms);
      calls = JSON.parse(r.stdout).live.calls;
    }
    await fake.close();
    const inCalls = calls.reduce((sum, c) => sum + c.ms, 0);
    const counts = new Map();
    for (const c of calls) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
    console.log(
      `${name}: ${calls.length} calls (${Math.round(inCalls)} ms in calls); wall ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
    );
    console.log(`  ${[...counts].map(([a, n]) => (n > 1 ? `${a} ×${n}` : a)).join(', ')}`);
  }
}
