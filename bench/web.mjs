// Web page benchmark: the built page served by `whydenied web`, loaded in Debian's Chromium
// (playwright-core, fresh profile per run). Reports the bytes of the initial load (HTML + JS + CSS
// fetched before the first diagnosis, gzipped as the server sends them; service data counted apart)
// and the time from navigation to the first diagnosis visible, for a pasted error with an account's
// evidence (the README's seed case). Also the size of the self-contained offline copy, and the page's
// trail reading: a generated ~50 MB CloudTrail Records file (plain, then gzipped) dropped on the page and
// streamed in its worker, MB/s from the drop to the grouped table, with the CPU seconds of Chromium's
// processes (read from /proc: the machine is shared, wall time is noisy).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;
const ERROR_FILE = join(ROOT, 'examples/errors/runinstances-passrole.txt');
const ACCOUNT_FILE = join(ROOT, 'packages/core/src/evidence/fixtures/account-111122223333-cli.json');

async function startWeb() {
  const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/whydenied.js'), 'web', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`whydenied web exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const TRAIL_RUNS = 3;
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) of a process and all its descendants, from /proc (Linux). */
function treeCpuSeconds(rootPid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  const todo = [rootPid];
  while (todo.length > 0) {
    const pid = todo.pop();
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return ticks / CLOCK_TICKS;
}

/** The browser process of a persistent context: the Chromium whose command line names its profile. */
function browserPid(profile) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}

/**
 * Chromium on a profile of its own (a cold cache, nothing of an earlier run), without the background
 * traffic and updates that would add requests and CPU time to what is measured.
 */
async function launchFresh(chromium) {
  const profile = mkdtempSync(join(tmpdir(), 'whydenied-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { profile, context };
}

/** One drop of `file` on a fresh page: wall seconds from the drop to the table, Chromium's CPU seconds. */
async function trailRun(chromium, url, file) {
  const { profile, context } = await launchFresh(chromium);
  context.setDefaultTimeout(300_000);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#evidence-files').waitFor({ state: 'attached' });
    const pid = browserPid(profile);
    const cpuBefore = pid === null ? Number.NaN : treeCpuSeconds(pid);
    const start = performance.now();
    await page.setInputFiles('#evidence-files', file);
    await page.locator('#trail[data-status="done"]').waitFor();
    const wall = (performance.now() - start) / 1000;
    const cpu = pid === null ? Number.NaN : treeCpuSeconds(pid) - cpuBefore;
    const summary = page.locator('#trail-summary');
    const groups = await summary.getAttribute('data-groups');
    const scan = Number(await summary.getAttribute('data-seconds'));
    return { wall, cpu, scan, groups: Number(groups) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's trail figure: MB/s over a generated ~50 MB Records file, plain and gzipped. */
async function trailBench(chromium, url) {
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-bench-web-trail-'));
  try {
    const gen = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/generate-trail.mjs'), '--out', dir, '--mb', '50', '--layout', 'single'],
      { encoding: 'utf8' },
    );
    if (gen.status !== 0) throw new Error(`generate-trail failed: ${gen.stderr}`);
    const plain = join(dir, 'trail.json');
    const gzip = join(dir, 'trail.json.gz');
    writeFileSync(gzip, gzipSync(readFileSync(plain)));
    const raw = statSync(plain).size / 1e6;
    for (const [label, file] of [
      ['plain', plain],
      ['gzip', gzip],
    ]) {
      const runs = [];
      for (let i = 0; i < TRAIL_RUNS; i++) runs.push(await trailRun(chromium, url, file));
      const wall = median(runs.map((r) => r.wall));
      const cpu = median(runs.map((r) => r.cpu));
      const scan = median(runs.map((r) => r.scan));
      console.log(
        `trail on the page (${label}, ${(statSync(file).size / 1e6).toFixed(1)} MB file, ${raw.toFixed(1)} MB JSON, ${runs[0].groups} groups), ${TRAIL_RUNS} runs: ` +
          `${runs.map((r) => r.wall.toFixed(2)).join(', ')} s wall from the drop to the table (median ${wall.toFixed(2)} s, ${(raw / wall).toFixed(0)} MB/s of JSON), ` +
          `of which the worker's scan ${runs.map((r) => r.scan.toFixed(2)).join(', ')} s (median ${scan.toFixed(2)} s, ${(raw / scan).toFixed(0)} MB/s); ` +
          `Chromium CPU ${runs.map((r) => r.cpu.toFixed(2)).join(', ')} s (median ${cpu.toFixed(2)} s, ${(raw / cpu).toFixed(0)} MB of JSON per CPU-second)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function oneRun(chromium, url, errorText) {
  const { profile, context } = await launchFresh(chromium);
  const page = await context.newPage();
  const loaded = [];
  let diagnosed = false;
  page.on('requestfinished', async (request) => {
    if (diagnosed) return;
    const response = await request.response();
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    loaded.push({
      url: request.url(),
      type: request.resourceType(),
      raw: body.length,
      gzip: gzipSync(body).length,
    });
  });
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#error-text').waitFor();
  const ready = performance.now() - start;
  await page.fill('#error-text', errorText);
  await page.setInputFiles('#evidence-files', ACCOUNT_FILE);
  await page.locator('.fix').first().waitFor();
  const firstDiagnosis = performance.now() - start;
  diagnosed = true;
  await page.waitForTimeout(50);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  return { ready, firstDiagnosis, loaded };
}

export default async function runWebBench() {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const server = await startWeb();
  try {
    const errorText = readFileSync(ERROR_FILE, 'utf8');
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(chromium, server.url, errorText));
    const page = runs[0].loaded.filter((r) => ['document', 'script', 'stylesheet'].includes(r.type));
    const data = runs[0].loaded.filter((r) => r.type === 'fetch' || r.type === 'xhr');
    const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
    console.log(`initial load (HTML + JS + CSS before the first diagnosis, ${page.length} files):`);
    for (const r of page) {
      console.log(
        `  ${new URL(r.url).pathname.padEnd(44)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(7)} B gzip`,
      );
    }
    console.log(
      `  total: ${sum(page, 'raw').toLocaleString('en-US')} B raw, ${sum(page, 'gzip').toLocaleString('en-US')} B gzipped (${(sum(page, 'gzip') / 1024).toFixed(1)} KiB)`,
    );
    console.log(
      `service data fetched before the first diagnosis: ${data.length} files, ${sum(data, 'gzip').toLocaleString('en-US')} B gzipped`,
    );
    const offline = readFileSync(join(ROOT, 'packages/web/dist/offline.html'));
    console.log(
      `offline copy (offline.html, one file, downloaded on request): ${offline.length.toLocaleString('en-US')} B raw, ${gzipSync(offline).length.toLocaleString('en-US')} B gzipped (${(gzipSync(offline).length / 1024).toFixed(1)} KiB)`,
    );
    console.log(
      `page ready (navigation to the error box), ${RUNS} cold runs: ${runs.map((r) => r.ready.toFixed(0)).join(', ')} ms (median ${median(runs.map((r) => r.ready)).toFixed(0)})`,
    );
    console.log(
      `time to first diagnosis (navigation → fix visible, incl. paste + evidence file + 120 ms typing pause), ${RUNS} cold runs: ${runs.map((r) => r.firstDiagnosis.toFixed(0)).join(', ')} ms (median ${median(runs.map((r) => r.firstDiagnosis)).toFixed(0)})`,
    );
    await trailBench(chromium, server.url);
  } finally {
    await server.stop();
  }
}
