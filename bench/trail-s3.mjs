// `npm run bench -- trail-s3` (issue 14): `trail s3://bucket/` against the loopback AWS of the tests
// (the fake server, bundled here; real SDK clients, `AWS_ENDPOINT_URL`) over a generated archive in the
// S3 delivery layout (gzip), beside `trail DIR` on the same files with one worker. Each answer of the
// fake can wait (WHYDENIED_TRAIL_S3_LATENCY_MS, default 0 and 30) as S3's first byte does. Wall seconds,
// the CLI's CPU seconds (every thread) and peak RSS, median of WHYDENIED_TRAIL_ROUNDS runs (default 3);
// the fake's own CPU is this process's and is not counted.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateTrail } from '../scripts/generate-trail.mjs';
import { filesUnder, importFakeAws } from './_helpers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');
const USAGE = join(ROOT, 'bench/_trail-usage.mjs');
const MB = Number(process.env.WHYDENIED_TRAIL_S3_MB ?? 200);
const ROUNDS = Number(process.env.WHYDENIED_TRAIL_ROUNDS ?? 3);
const SMALL_RECORDS = 150;
const LATENCIES = (process.env.WHYDENIED_TRAIL_S3_LATENCY_MS ?? '0,30').split(',').map(Number);

/**
 * The archive, generated once into the temporary folder, gzip as CloudTrail delivers: the generator's
 * files of 2–12 MB raw (`large`), or the same records in objects of SMALL_RECORDS records (`small`, as a
 * quiet account's five-minute files are).
 */
function archive(kind) {
  const dir = join(tmpdir(), `whydenied-bench-trail-s3-${MB}-${kind}`);
  const done = join(dir, '.done.json');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const result = generateTrail({ out: dir, mb: MB, layout: 's3', seed: 14 });
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file);
      rmSync(file);
      const plain = file.endsWith('.gz') ? gunzipSync(text) : text;
      const base = file.replace(/\.json(\.gz)?$/, '');
      if (kind === 'large') {
        writeFileSync(`${base}.json.gz`, gzipSync(plain));
        continue;
      }
      const { Records } = JSON.parse(plain.toString('utf8'));
      for (let i = 0; i < Records.length; i += SMALL_RECORDS)
        writeFileSync(
          `${base}_${String(i / SMALL_RECORDS).padStart(4, '0')}.json.gz`,
          gzipSync(JSON.stringify({ Records: Records.slice(i, i + SMALL_RECORDS) })),
        );
    }
    writeFileSync(done, JSON.stringify(result));
  }
  return { dir, ...JSON.parse(readFileSync(done, 'utf8')) };
}

/** One run of the built CLI, without blocking this process (the fake answers from it). */
function runTrail(args, env) {
  const usageFile = join(mkdtempSync(join(tmpdir(), 'whydenied-usage-')), 'usage.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', USAGE, BIN, 'trail', ...args, '--format', 'json', '--top', '5'],
      { env: { PATH: process.env.PATH, NO_COLOR: '1', WHYDENIED_BENCH_USAGE_FILE: usageFile, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      if (status !== 0) {
        reject(new Error(`trail failed: ${stderr}`));
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      resolve({ seconds, cpu: usage.cpuSeconds, rss: usage.maxRssKiB / 1024, report: JSON.parse(stdout) });
    });
  });
}

function median(runs, key) {
  const sorted = [...runs].sort((a, b) => a[key] - b[key]);
  return sorted[Math.floor(sorted.length / 2)];
}

function line(label, rawBytes, runs) {
  const wall = median(runs, 'seconds');
  const cpu = median(runs, 'cpu');
  const rss = median(runs, 'rss');
  const r = wall.report;
  return `${label.padEnd(34)} ${wall.seconds.toFixed(2)} s wall (${(rawBytes / 1e6 / wall.seconds).toFixed(0)} MB/s raw), CPU ${cpu.cpu.toFixed(2)} s (${(rawBytes / 1e6 / cpu.cpu).toFixed(0)} MB per CPU-second), peak RSS ${rss.rss.toFixed(0)} MiB  (${r.files} objects, ${r.records.toLocaleString('en-US')} records, ${r.groupCount} groups)`;
}

export default async function runTrailS3Bench() {
  const { startFakeAws, FAKE_CREDENTIALS } = await importFakeAws();
  for (const kind of (process.env.WHYDENIED_TRAIL_S3_KINDS ?? 'large,small').split(','))
    await runArchive(kind, startFakeAws, FAKE_CREDENTIALS);
}

async function runArchive(kind, startFakeAws, FAKE_CREDENTIALS) {
  const { dir, rawBytes } = archive(kind);
  const objects = Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f), readFileSync(f)]));
  const gzBytes = Object.values(objects).reduce((n, b) => n + b.length, 0);
  console.log(
    `${kind}: ${Object.keys(objects).length} gzip objects, ${(rawBytes / 1e6).toFixed(0)} MB raw JSON, ${(gzBytes / 1e6).toFixed(1)} MB gzip`,
  );
  const local = [];
  for (let i = 0; i < ROUNDS; i += 1) local.push(await runTrail([dir, '--jobs', '1'], {}));
  console.log(line('trail DIR (1 worker)', rawBytes, local));
  for (const latencyMs of LATENCIES) {
    const fake = await startFakeAws({
      caller: { arn: 'arn:aws:iam::111122223333:user/bench', account: '111122223333', userId: 'AIDABENCH' },
      buckets: { bench: objects },
      latencyMs,
    });
    const env = {
      AWS_ENDPOINT_URL: fake.endpoint,
      AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/whydenied-bench-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/whydenied-bench-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const runs = [];
    try {
      for (let i = 0; i < ROUNDS; i += 1) runs.push(await runTrail(['s3://bench/'], env));
    } finally {
      await fake.close();
    }
    console.log(line(`trail s3://bench/ (${latencyMs} ms per call)`, rawBytes, runs));
    const same = JSON.stringify(runs[0].report.groups) === JSON.stringify(local[0].report.groups);
    if (!same) console.log('  the groups differ from those of the files on disk');
  }
}
