// `trail` benchmark (issue 14): a generated CloudTrail archive of about 1 GB of raw JSON in the S3
// delivery layout (gzip files of 2–12 MB), and the same records as one 1 GB {"Records": [...]} object.
// Reports, in one run: `whydenied trail` with 1 and 2 worker threads (raw MB/s, MB/s per core, peak
// RSS of the whole process, workers included), `zcat` over the same files, and a plain
// parse-every-record loop (gunzip + JSON.parse of each file, one core); then the single 1 GB object.
// The archive is generated once into the system's temporary folder and reused (WHYDENIED_TRAIL_MB
// changes its size; delete the folder to regenerate).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { generateTrail } from '../scripts/generate-trail.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');
const USAGE = join(ROOT, 'bench/_trail-usage.mjs');
const MB = Number(process.env.WHYDENIED_TRAIL_MB ?? 1000);

function archive(layout) {
  const dir = join(tmpdir(), `whydenied-bench-trail-${MB}-${layout}`);
  const done = join(dir, '.done.json');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const started = performance.now();
    const result = generateTrail({ out: dir, mb: MB, layout, seed: 14 });
    writeFileSync(done, JSON.stringify(result));
    console.log(
      `generated ${layout}: ${result.files} file(s), ${result.records.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { dir, ...JSON.parse(readFileSync(done, 'utf8')) };
}

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** One run of the built CLI: wall seconds, peak RSS (MiB), its summary. */
function runTrail(path, jobs) {
  const usageFile = join(mkdtempSync(join(tmpdir(), 'whydenied-usage-')), 'usage.json');
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', USAGE, BIN, 'trail', path, '--jobs', String(jobs), '--format', 'json', '--top', '5'],
    {
      env: { ...process.env, WHYDENIED_BENCH_USAGE_FILE: usageFile },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`trail failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { seconds, rss: usage.maxRssKiB / 1024, cpu: usage.cpuSeconds, report };
}

/** Wall-clock throughput, per core used, and per CPU-second (what a shared, loaded machine still measures). */
function line(label, rawBytes, seconds, cores, cpu, extra = '') {
  const mbs = rawBytes / 1e6 / seconds;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${mbs.toFixed(0).padStart(5)} MB/s raw  ${(mbs / cores).toFixed(0).padStart(5)} MB/s per core  ${(rawBytes / 1e6 / cpu).toFixed(0).padStart(5)} MB/s per CPU-second${extra}`,
  );
}

export default async function runTrailBench() {
  const s3 = archive('s3');
  const gz = files(s3.dir);
  const compressed = gz.reduce((n, f) => n + statSync(f).size, 0);
  console.log(
    `S3 layout: ${gz.length} files, ${(s3.rawBytes / 1e6).toFixed(0)} MB raw JSON (${(compressed / 1e6).toFixed(0)} MB gzip), ${s3.records.toLocaleString('en-US')} records`,
  );
  for (const jobs of [1, 2]) {
    const r = runTrail(s3.dir, jobs);
    line(
      `whydenied trail, ${jobs} worker(s)`,
      s3.rawBytes,
      r.seconds,
      jobs,
      r.cpu,
      `  peak RSS ${r.rss.toFixed(0)} MiB  (${r.report.denials.toLocaleString('en-US')} denials, ${r.report.groupCount} groups)`,
    );
  }
  // zcat alone, one core
  {
    const started = performance.now();
    // `times` prints the CPU time of the shell's finished children: zcat's
    const z = spawnSync('bash', ['-c', 'xargs -0 zcat > /dev/null; times'], {
      input: `${gz.join('\0')}\0`,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (z.status !== 0) throw new Error(`zcat failed: ${z.stderr}`);
    const seconds = (text) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(text);
      return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
    };
    const [user = '', system = ''] = (z.stdout.trim().split('\n')[1] ?? '').split(/\s+/);
    line(
      'zcat > /dev/null',
      s3.rawBytes,
      (performance.now() - started) / 1000,
      1,
      seconds(user) + seconds(system),
    );
  }
  // a plain parse-every-record loop, one core: gunzip then JSON.parse each whole file
  {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let records = 0;
    for (const f of gz) records += JSON.parse(gunzipSync(readFileSync(f)).toString('utf8')).Records.length;
    const used = process.cpuUsage(cpu);
    line(
      'gunzip + JSON.parse every file',
      s3.rawBytes,
      (performance.now() - started) / 1000,
      1,
      (used.user + used.system) / 1e6,
      `  (${records.toLocaleString('en-US')} records)`,
    );
  }
  // the single 1 GB object: streamed, never one string
  const single = archive('single');
  const path = join(single.dir, 'trail.json');
  const r = runTrail(path, 1);
  line(
    `one ${(single.rawBytes / 1e6).toFixed(0)} MB Records object`,
    single.rawBytes,
    r.seconds,
    1,
    r.cpu,
    `  peak RSS ${r.rss.toFixed(0)} MiB  (${r.report.records.toLocaleString('en-US')} records, ${r.report.groupCount} groups)`,
  );
}
