// Web page benchmark: the built page served by `whydenied web`, loaded in Debian's Chromium
// (playwright-core, fresh profile per run). Reports the bytes of the initial load (HTML + JS + CSS
// fetched before the first diagnosis, gzipped as the server sends them; service data counted apart)
// and the time from navigation to the first diagnosis visible, for a pasted error with an account's
// evidence (the README's seed case). Also the size of the self-contained offline copy.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

async function oneRun(chromium, url, errorText) {
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
  } finally {
    await server.stop();
  }
}
