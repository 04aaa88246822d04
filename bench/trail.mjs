// `trail` benchmark (issue 14): a generated CloudTrail archive of about 1 GB of raw JSON in the S3
// delivery layout (gzip files of 2–12 MB), and the same records as one 1 GB {"Records": [...]} object.
// Reports, in one run: `whydenied trail` with 1 worker held to one core (taskset), 1 worker free and 2
// worker threads (raw MB/s, MB/s per core, peak RSS of the whole process, workers included), `zcat` over
// the same files, and a plain parse-every-record loop (gunzip + JSON.parse of each file, one core); then
// the single 1 GB object the same ways (cut into one shard per worker); then the scaling, 2 workers
// against 1, and both cores against one, beside the machine's own: zcat and the parse loop over the two
// halves of the archive in two independent processes, each held to a core, against one process on one core. Each run of ours also says where its CPU
// went: the main thread, each worker, the rest (libuv's thread pool, V8's helper threads); and each
// round the load average, since the machine may be shared. WHYDENIED_TRAIL_BIN measures another
// build of the CLI (a checkout's packages/cli/bin/whydenied.js) over the same archives.
// Each figure is measured ROUNDS times (the rounds interleave the figures, so a burst of load from
// elsewhere touches all of them): the medians are printed with every run's MB/s and MB per
// CPU-second. CPU seconds count every thread of the process (workers and the thread pool's gunzip):
// on a shared machine they still measure the cost when wall time no longer does.
// The archive is generated once into the system's temporary folder and reused (WHYDENIED_TRAIL_MB
// changes its size; delete the folder to regenerate).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { generateTrail } from '../scripts/generate-trail.mjs';
import { filesUnder } from './_helpers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = process.env.WHYDENIED_TRAIL_BIN ?? join(ROOT, 'packages/cli/bin/whydenied.js');
const USAGE = join(ROOT, 'bench/_trail-usage.mjs');
const PARSE_FILES = join(ROOT, 'bench/_parse-files.mjs');
const MB = Number(process.env.WHYDENIED_TRAIL_MB ?? 1000);
const ROUNDS = Number(process.env.WHYDENIED_TRAIL_ROUNDS ?? 3);

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

/** Whether `taskset` can pin a run to one core (util-linux; absent on some systems). */
const TASKSET = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/**
 * One run of the built CLI: wall seconds, peak RSS (MiB), its summary. `oneCore` pins the whole process
 * (its thread pool and V8's helper threads too) to one core: the base against which the two cores'
 * figure is scaling.
 */
function runTrail(path, jobs, oneCore = false) {
  const usageFile = join(mkdtempSync(join(tmpdir(), 'whydenied-usage-')), 'usage.json');
  const started = performance.now();
  const node = [
    '--import',
    USAGE,
    BIN,
    'trail',
    path,
    '--jobs',
    String(jobs),
    '--format',
    'json',
    '--top',
    '5',
  ];
  const r = spawnSync(
    oneCore ? 'taskset' : process.execPath,
    oneCore ? ['-c', '0', process.execPath, ...node] : node,
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
  return { seconds, rss: usage.maxRssKiB / 1024, cpu: usage.cpuSeconds, threads: usage.threads, report };
}

/**
 * Wall-clock throughput, per core used, and per CPU-second (what a shared, loaded machine still
 * measures): the median of each over the runs, then every run's.
 */
function line(label, rawBytes, runs, cores, extra = '') {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const mbs = (run) => rawBytes / 1e6 / run.seconds;
  const perCpu = (run) => rawBytes / 1e6 / run.cpu;
  const wall = median(runs.map(mbs));
  const seconds = median(runs.map((r) => r.seconds));
  const all = runs.map((r) => `${mbs(r).toFixed(0)}/${perCpu(r).toFixed(0)}`).join(' ');
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${wall.toFixed(0).padStart(5)} MB/s raw  ${(wall / cores).toFixed(0).padStart(5)} MB/s per core  ${median(runs.map(perCpu)).toFixed(0).padStart(5)} MB/s per CPU-second  (runs, MB/s / per CPU-second: ${all})${extra === '' ? '' : `\n${' '.repeat(36)}${extra(middle)}`}`,
  );
}

/** zcat alone, one core: wall seconds and zcat's CPU seconds. */
function runZcat(gz) {
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
  return { seconds: (performance.now() - started) / 1000, cpu: seconds(user) + seconds(system) };
}

/** A plain parse-every-record loop, one core: gunzip then JSON.parse each whole file. */
function runParseAll(gz) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let records = 0;
  for (const f of gz) records += JSON.parse(gunzipSync(readFileSync(f)).toString('utf8')).Records.length;
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, records };
}

/** One process held to `core`, running `command` with `input` on standard input; resolves when it ends. */
function pinned(core, command, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', String(core), command, ...args], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr}`)),
    );
    child.stdin.end(input);
  });
}

/**
 * The machine's own scaling of independent work: `job` (zcat, or the parse-every-record loop) over the
 * whole archive in one process held to one core, against its two halves (by bytes) in two processes held to
 * one core each, side by side. No thread, heap or message is shared: what both cores give over one here is
 * what this machine gives (its shared caches, memory bandwidth and host), the ceiling for the trail's workers.
 */
async function runIndependent(gz, job) {
  const [command, args, input] =
    job === 'zcat'
      ? ['bash', ['-c', 'xargs -0 zcat > /dev/null'], (files) => `${files.join('\0')}\0`]
      : [process.execPath, [PARSE_FILES], (files) => `${files.join('\n')}\n`];
  const sizes = gz.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const halves = [[], []];
  let sum = 0;
  gz.forEach((f, i) => {
    halves[sum < total / 2 ? 0 : 1].push(f);
    sum += sizes[i];
  });
  let started = performance.now();
  await pinned(0, command, args, input(gz));
  const one = (performance.now() - started) / 1000;
  started = performance.now();
  await Promise.all(halves.map((half, core) => pinned(core, command, args, input(half))));
  return { one, two: (performance.now() - started) / 1000 };
}

export default async function runTrailBench() {
  const s3 = archive('s3');
  const single = archive('single');
  const singlePath = join(single.dir, 'trail.json');
  const gz = filesUnder(s3.dir);
  const compressed = gz.reduce((n, f) => n + statSync(f).size, 0);
  console.log(
    `S3 layout: ${gz.length} files, ${(s3.rawBytes / 1e6).toFixed(0)} MB raw JSON (${(compressed / 1e6).toFixed(0)} MB gzip), ${s3.records.toLocaleString('en-US')} records; ${ROUNDS} rounds, medians`,
  );
  const runs = { core: [], one: [], two: [], zcat: [], parse: [], singleCore: [], single: [], singleTwo: [] };
  const independent = { zcat: [], parse: [] };
  const loads = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const load = loadavg()[0];
    if (TASKSET) runs.core.push(runTrail(s3.dir, 1, true));
    runs.one.push(runTrail(s3.dir, 1));
    runs.two.push(runTrail(s3.dir, 2));
    runs.zcat.push(runZcat(gz));
    runs.parse.push(runParseAll(gz));
    if (TASKSET) runs.singleCore.push(runTrail(singlePath, 1, true));
    runs.single.push(runTrail(singlePath, 1));
    runs.singleTwo.push(runTrail(singlePath, 2));
    if (TASKSET) {
      independent.zcat.push(await runIndependent(gz, 'zcat'));
      independent.parse.push(await runIndependent(gz, 'parse'));
    }
    loads.push(`${load.toFixed(2)}-${loadavg()[0].toFixed(2)}`);
  }
  console.log(`load average (1 min) at the start and end of each round: ${loads.join(', ')}`);
  const threads = (t) =>
    t === null || t === undefined
      ? ''
      : `; CPU in main ${t.main.toFixed(2)} s${t.workers.length === 0 ? '' : `, workers ${t.workers.map((w) => w.toFixed(2)).join(' + ')} s`}, pool and V8 helpers ${t.rest.toFixed(2)} s`;
  const found = (r) =>
    `peak RSS ${r.rss.toFixed(0)} MiB, CPU ${r.cpu.toFixed(2)} s${threads(r.threads)}  (${r.report.records.toLocaleString('en-US')} records, ${r.report.denials.toLocaleString('en-US')} denials, ${r.report.groupCount} groups)`;
  if (TASKSET) line('whydenied trail, 1 worker, one core', s3.rawBytes, runs.core, 1, found);
  line('whydenied trail, 1 worker', s3.rawBytes, runs.one, 1, found);
  line('whydenied trail, 2 workers', s3.rawBytes, runs.two, 2, found);
  line('zcat > /dev/null', s3.rawBytes, runs.zcat, 1);
  line(
    'gunzip + JSON.parse every file',
    s3.rawBytes,
    runs.parse,
    1,
    (r) => `(${r.records.toLocaleString('en-US')} records)`,
  );
  const object = `one ${(single.rawBytes / 1e6).toFixed(0)} MB Records object`;
  if (TASKSET) line(`${object}, 1 worker, one core`, single.rawBytes, runs.singleCore, 1, found);
  line(`${object}, 1 worker`, single.rawBytes, runs.single, 1, found);
  line(`${object}, 2 workers`, single.rawBytes, runs.singleTwo, 2, found);
  // scaling, judged on CPU time as well as on the clock
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [what, one, two] of [
    ['S3 layout', runs.one, runs.two],
    ['one object', runs.single, runs.singleTwo],
  ]) {
    const wall = median(one.map((r) => r.seconds)) / median(two.map((r) => r.seconds));
    const cpu = median(one.map((r) => r.cpu)) / median(two.map((r) => r.cpu));
    console.log(
      `${what}: 2 workers against 1: ${wall.toFixed(2)}x the wall-clock speed, ${cpu.toFixed(2)}x the MB per CPU-second (1.00 = no cost to sharing out the work)`,
    );
  }
  // one worker alone already uses more than a core (gunzip on the thread pool, V8's helpers): the scaling
  // to both cores is judged against the same run held to one core
  if (TASKSET) {
    for (const [what, core, two] of [
      ['S3 layout', runs.core, runs.two],
      ['one object', runs.singleCore, runs.singleTwo],
    ]) {
      const wall = median(core.map((r) => r.seconds)) / median(two.map((r) => r.seconds));
      console.log(
        `${what}: both cores (2 workers) against one core (1 worker, taskset -c 0): ${wall.toFixed(2)}x the wall-clock speed (2.00 = linear)`,
      );
    }
    for (const [what, runsOf] of [
      ['zcat', independent.zcat],
      ['gunzip + JSON.parse every file', independent.parse],
    ]) {
      const speedups = runsOf.map((r) => r.one / r.two);
      console.log(
        `the machine, ${what} in two independent processes on both cores against one process on one core: ${median(speedups).toFixed(2)}x the wall-clock speed (runs: ${speedups.map((x) => x.toFixed(2)).join(' ')}; one core ${median(runsOf.map((r) => r.one)).toFixed(2)} s)`,
      );
    }
  } else console.log('taskset is absent: no run held to one core, no scaling to both cores');
}
