// Hostile inputs (issue 12): each input that crashed, hung or took superlinear time, timed at 1x, 10x
// and 100x its size. Near-linear means each step takes about ten times the one before (less when a
// fixed cost such as starting the CLI or loading the catalog dominates the small size). The core
// inputs run in-process on the bundled core; the ones that need files or the catalog run the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCore } from './_bundle-core.mjs';

const BIN = fileURLToPath(new URL('../packages/cli/bin/whydenied.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCALES = [1, 10, 100];

/** Milliseconds `f` takes (best of `runs`), and what it returned the last time. */
function time(f, runs = 1) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

/** Runs the built CLI; milliseconds of wall time, exit status and the first line of standard error. */
function cli(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return {
    ms: performance.now() - start,
    result: `exit ${r.status}${r.stderr ? `: ${r.stderr.split('\n')[0]}` : ''}`,
  };
}

function row(name, sizes) {
  const cells = sizes.map(({ label, ms }) => `${label} ${ms.toFixed(0).padStart(6)} ms`);
  const ratios = sizes.slice(1).map((s, i) => (s.ms / Math.max(sizes[i].ms, 0.01)).toFixed(1));
  console.log(`${name.padEnd(58)} ${cells.join('   ')}   (x${ratios.join(', x')})`);
}

function policy(statements) {
  return { Version: '2012-10-17', Statement: statements };
}

export default async function run() {
  const core = await importCore();
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-hostile-bench-'));
  try {
    // defect 4: deep invalid JSON is located without recursion past the limit
    row(
      '4  deep invalid JSON: "[" x 20,000 n',
      SCALES.map((k) => {
        const text = '['.repeat(20_000 * k);
        return { label: `${20 * k}k`, ...time(() => core.parseJson(text), 3) };
      }),
    );
    // defect 5: a cut decoded message is completed in one pass
    row(
      '5  explain: decoded message of 4,000 n unclosed "["',
      SCALES.map((k) => {
        const text = `{"allowed":false,"context":${'['.repeat(4_000 * k)}`;
        return { label: `${4 * k}k`, ...time(() => core.parseDecodedMessage(text), 3) };
      }),
    );
    // defect 7: base64 padding is trimmed by a backward scan
    row(
      '7  BinaryEquals: "=" x 20,000 n + "x"',
      SCALES.map((k) => {
        const value = `${'='.repeat(20_000 * k)}x`;
        const evaluate = () =>
          core.simulateCase({
            request: {
              principal: 'arn:aws:iam::111122223333:user/a',
              action: 's3:GetObject',
              resource: 'arn:aws:s3:::b/k',
              context: { 'aws:x': value },
            },
            identityPolicies: [
              {
                name: 'P',
                document: policy([
                  {
                    Effect: 'Allow',
                    Action: 's3:GetObject',
                    Resource: '*',
                    Condition: { BinaryEquals: { 'aws:x': 'aGk=' } },
                  },
                ]),
              },
            ],
          });
        return { label: `${20 * k}k`, ...time(evaluate, 3) };
      }),
    );
    // defect 8: a piece's edge `?`s only reserve characters; inner `?`s cost words bounded by the
    // policy value limit, so the time grows with the text only
    row(
      '8  wildcard "*?" + "a" x 4,500 n + "b*" against 2x that',
      SCALES.map((k) => {
        const n = 4_500 * k;
        const matcher = () => core.compileWildcard(`*?${'a'.repeat(n)}b*`).matches('a'.repeat(2 * n));
        return { label: `${(4.5 * k).toFixed(1)}k`, ...time(matcher, 3) };
      }),
    );
    const inner = `*${'a?'.repeat(16_000)}b*`; // 32,001 characters: the longest policy value
    row(
      '8  wildcard "*" + "a?" x 16,000 + "b*" against 10,000 n "a"',
      SCALES.map((k) => {
        const text = 'a'.repeat(10_000 * k);
        return { label: `${10 * k}k`, ...time(() => core.compileWildcard(inner).matches(text), 1) };
      }),
    );
    // defect 10: the cap stops a read as it happens (the last size is past the 256 MiB cap)
    row(
      '10 lint FILE of 2.7 n MB of spaces (270 MB: refused at the cap)',
      SCALES.map((k) => {
        const path = join(dir, `spaces-${k}.json`);
        writeFileSync(path, ' '.repeat(2_700_000 * k));
        const r = cli(['lint', path]);
        rmSync(path);
        return { label: `${(2.7 * k).toFixed(1)}MB`, ...r };
      }),
    );
    row('10 diagnose --error /dev/zero (stops at 256 MiB)', [
      { label: '-', ...cli(['diagnose', '--error', '/dev/zero']) },
    ]);
    // lint of a YAML text of many errors: each error's place found once, not from the text's start (it was quadratic:
    // 640 KB took 215 s), and a text nested hundreds of levels refused before the parser recurses into it
    row(
      "12 lint: YAML of 8,000 n errors ('[' then '\"s3:G*\",')",
      SCALES.map((k) => {
        const path = join(dir, `yaml-errors-${k}.yaml`);
        writeFileSync(path, `[${'"s3:G*",'.repeat(800 * k)}`);
        const r = cli(['lint', path]);
        rmSync(path);
        return { label: `${(6.4 * k).toFixed(1)}KB`, ...r };
      }),
    );
    row(
      '12 lint: YAML nested "[" x 8,000 n',
      SCALES.map((k) => {
        const path = join(dir, `yaml-deep-${k}.yaml`);
        writeFileSync(path, '['.repeat(8_000 * k));
        const r = cli(['lint', path]);
        rmSync(path);
        return { label: `${8 * k}k`, ...r };
      }),
    );
    // defect 11: lint and diagnose of long policies, CLI wall time (process start and catalog included)
    row(
      '11 lint: 1,000 n statements naming ec2:Describe*',
      SCALES.map((k) => {
        const statements = Array.from({ length: 1_000 * k }, (_, i) => ({
          Effect: 'Allow',
          Action: ['s3:GetObject', 'ec2:Describe*'],
          Resource: `arn:aws:s3:::bucket${i}/*`,
          Condition: { StringEquals: { 'aws:RequestedRegion': `eu-west-${i % 3}` } },
        }));
        const path = join(dir, `lint-${k}.json`);
        writeFileSync(path, JSON.stringify(policy(statements)));
        return { label: `${k}k`, ...cli(['lint', path]) };
      }),
    );
    row(
      '11 diagnose RunInstances: role policy of 300 n statements',
      SCALES.map((k) => {
        const statements = Array.from({ length: 300 * k }, (_, i) => ({
          Sid: `S${i}`,
          Effect: 'Allow',
          Action: ['ec2:RunInstances', 'iam:PassRole'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': `eu-west-${i % 3}` } },
        }));
        const account = {
          UserDetailList: [],
          GroupDetailList: [],
          Policies: [],
          RoleDetailList: [
            {
              Path: '/',
              RoleName: 'deploy-role',
              RoleId: 'AROAQ3EGROLEDEPLOY01',
              Arn: 'arn:aws:iam::111122223333:role/deploy-role',
              AssumeRolePolicyDocument: policy([]),
              RolePolicyList: [{ PolicyName: 'Big', PolicyDocument: policy(statements) }],
              AttachedManagedPolicies: [],
              Tags: [],
              InstanceProfileList: [],
            },
          ],
        };
        const path = join(dir, `account-${k}.json`);
        writeFileSync(path, JSON.stringify(account));
        const args = ['diagnose', '--format', 'json', '--account', path];
        return {
          label: `${(0.3 * k).toFixed(1)}k`,
          ...cli([...args, '--error', 'examples/errors/runinstances-passrole.txt']),
        };
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
