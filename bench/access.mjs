// Access queries benchmark (issue 16): `who-can` for one action over an account of 1,000 roles and
// 5,000 customer managed policies (scripts/generate-account.mjs, with its organization snapshot of three
// SCP levels), and `what-can` for one role over the full catalog; the goal is each under 2 s.
// Every query runs through the built CLI (packages/cli/dist) several times: the median wall seconds,
// the median CPU seconds of the process (user + system, from bench/report-rss.mjs: the machine is
// shared, CPU time says what a query costs), the largest peak RSS, and the result counts.
// A baseline row, `diagnose` of one denial with the same evidence files, gives the floor every query
// pays: process start, reading and checking the 9 MB account file.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNT_ID, writeAccount } from '../scripts/generate-account.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');
const RSS = new URL('./report-rss.mjs', import.meta.url).href;
const GOAL_SECONDS = 2;

/**
 * One run of the built CLI with `args`: wall seconds, CPU seconds, peak RSS (MiB), exit status, output.
 * The answer goes to a file, as `> out.json` would send it: through a pipe to this process, the time
 * would include how fast this process drains 45 MB (0.5 s more for what-can of an administrator).
 */
function runCli(args, dir) {
  const rssFile = join(dir, 'rss.json');
  const outFile = join(dir, 'out.json');
  rmSync(rssFile, { force: true });
  const out = openSync(outFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', RSS, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, WHYDENIED_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  const stdout = readFileSync(outFile, 'utf8');
  let usage = { maxRssKiB: 0, cpuSeconds: Number.NaN };
  try {
    usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  } catch {
    // the process ended before its exit hook (a crash): the status below says so
  }
  return {
    seconds,
    cpuSeconds: usage.cpuSeconds,
    peakRssMiB: usage.maxRssKiB / 1024,
    status: child.status,
    stdout,
    stderr: child.stderr,
  };
}

/** The counts a query's JSON reports: its numeric `…Count` members and the length of each list. */
function counts(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return 'output is not one JSON document';
  }
  const parts = [];
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === 'number' && (key.endsWith('Count') || key === 'evaluated'))
      parts.push(`${key} ${value}`);
    else if (Array.isArray(value) && value.length > 0) parts.push(`${key} ${value.length}`);
  }
  return parts.join(', ') || 'nothing counted';
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Whether the built CLI has `command` (the access commands land separately). */
function hasCommand(command, dir) {
  const r = runCli([command], dir);
  return !/unknown command/.test(r.stderr);
}

/** The roles `what-can` is asked about: an administrator, the role with most policies, a bounded service role. */
function pickRoles(account) {
  const roles = account.RoleDetailList;
  const admin = roles.find((r) =>
    r.AttachedManagedPolicies.some((p) => p.PolicyName === 'AdministratorAccess'),
  );
  const policies = (r) => r.AttachedManagedPolicies.length + r.RolePolicyList.length;
  const busiest = roles.reduce((a, b) => (policies(b) > policies(a) ? b : a));
  const bounded = roles.find((r) => r.PermissionsBoundary !== undefined && r.Path === '/service-role/');
  return [
    ['administrator (SSO, AdministratorAccess)', admin],
    [`most policies (${policies(busiest)})`, busiest],
    ['service role with a boundary', bounded],
  ].filter(([, role]) => role !== undefined);
}

/** Runs the benchmark: `runs` runs of each query, medians printed against the 2 s goal. */
export default async function runAccessBench({ runs = 5, roles = 1000, policies = 5000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-bench-access-'));
  try {
    const started = performance.now();
    const written = writeAccount({ out: dir, roles, policies, seed: 16 });
    const text = readFileSync(written.accountFile, 'utf8');
    const account = JSON.parse(text);
    const size = text.length / 1e6;
    console.log(
      `account: ${written.roles} roles, ${written.policies} customer managed policies, ${written.users} users, ${written.groups} groups (${size.toFixed(1)} MB, generated in ${((performance.now() - started) / 1000).toFixed(1)} s); organization: 3 SCP levels, 1 RCP`,
    );
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on this machine`,
    );
    const evidence = ['--account', written.accountFile, '--org', written.orgFile, '--format', 'json'];
    const errorFile = join(dir, 'error.txt');
    const someRole = account.RoleDetailList[0];
    writeFileSync(
      errorFile,
      `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/${someRole.RoleName}/bench is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-payments-data/reports/2026/01/summary.csv" because no identity-based policy allows the s3:GetObject action`,
    );
    const queries = [
      [
        'baseline: diagnose one denial with the same evidence',
        ['diagnose', '--error', errorFile, ...evidence],
      ],
    ];
    if (hasCommand('who-can', dir)) {
      for (const [label, action, resource] of [
        ['broad', 's3:GetObject', 'arn:aws:s3:::acme-payments-data/reports/2026/01/summary.csv'],
        [
          'narrow',
          'secretsmanager:GetSecretValue',
          `arn:aws:secretsmanager:eu-west-1:${ACCOUNT_ID}:secret:prod/ledger/db-AbCdEf`,
        ],
        [
          'narrow',
          'iam:PassRole',
          account.RoleDetailList.find((r) => r.Path === '/service-role/')?.Arn ?? '*',
        ],
      ]) {
        queries.push([`who-can ${action} (${label})`, ['who-can', action, resource, ...evidence]]);
      }
    } else {
      console.log('who-can: not in the built CLI yet');
    }
    if (hasCommand('what-can', dir)) {
      for (const [label, role] of pickRoles(account)) {
        queries.push([`what-can ${role.RoleName} (${label})`, ['what-can', role.Arn, ...evidence]]);
      }
    } else {
      console.log('what-can: not in the built CLI yet');
    }
    const show = (n) => n.toFixed(2);
    for (const [name, args] of queries) {
      const results = Array.from({ length: runs }, () => runCli(args, dir));
      const failed = results.find((r) => r.status !== 0);
      if (failed !== undefined) {
        console.log(`${name}: exit ${failed.status}: ${failed.stderr.trim().split('\n')[0]}`);
        continue;
      }
      const seconds = median(results.map((r) => r.seconds));
      const cpu = median(results.map((r) => r.cpuSeconds));
      const rss = Math.max(...results.map((r) => r.peakRssMiB));
      // on a shared machine wall time is mostly waiting: the goal is read on both
      const goal = (value) => (value < GOAL_SECONDS ? 'met' : 'NOT MET');
      const verdict = name.startsWith('baseline')
        ? ''
        : `; 2 s goal: wall ${goal(seconds)}, CPU ${goal(cpu)}`;
      console.log(`${name}`);
      console.log(
        `  seconds: median ${show(seconds)} [${results.map((r) => show(r.seconds)).join(', ')}], CPU seconds: median ${show(cpu)}, peak RSS: ${rss.toFixed(0)} MiB${verdict}`,
      );
      const megabytes = (results[0].stdout.length / 1e6).toFixed(1);
      console.log(`  result: ${counts(results[0].stdout)} (${megabytes} MB of JSON)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
