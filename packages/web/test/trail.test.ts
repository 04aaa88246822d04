// The page reads CloudTrail logs: a ~50 MB Records file (generated here, not committed) and gzipped
// delivered files are recognised by content, streamed in a Web Worker, and shown as the CLI's groups
// (compared by data attributes with `whydenied trail --format json` on the same files); progress
// arrives while the page's own thread stays free; a group expands to its diagnosis with the evidence
// dropped on the page, as `trail --account` diagnoses it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ACCOUNT_FILE,
  cli,
  describeInBrowser,
  foreignRequests,
  launchBrowser,
  ROOT,
  usePageSession,
} from './browser.js';

interface CliGroup {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resourcePattern: string | null;
  readonly errorCode: string;
  readonly reasonLayer: string | null;
  readonly count: number;
  readonly diagnosis: { readonly findings: readonly { readonly layer: string }[] } | null;
}

interface CliTrail {
  readonly files: number;
  readonly records: number;
  readonly failed: number;
  readonly denials: number;
  readonly groupCount: number;
  readonly groups: readonly CliGroup[];
}

/** A group row as the page marks it: the grouping key and the count. */
interface Row {
  readonly count: number;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly code: string;
  readonly layer: string;
}

const dir = mkdtempSync(join(tmpdir(), 'whydenied-web-trail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generate(out: string, mb: number, layout: string, seed: number): void {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts/generate-trail.mjs'),
      '--out',
      out,
      '--mb',
      String(mb),
      '--layout',
      layout,
      '--seed',
      String(seed),
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`generate-trail failed: ${run.stderr}`);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function cliTrail(paths: readonly string[], evidence: readonly string[] = []): CliTrail {
  const run = cli(['trail', ...paths, ...evidence, '--format', 'json', '--top', '100000']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as CliTrail;
}

const asRow = (g: CliGroup): Row => ({
  count: g.count,
  principal: g.principal ?? '',
  action: g.action ?? '',
  resource: g.resourcePattern ?? '',
  code: g.errorCode,
  layer: g.reasonLayer ?? '',
});

async function rowsOnPage(page: Page): Promise<Row[]> {
  return page.locator('tr.trail-group').evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return {
        count: Number(d.count),
        principal: d.principal ?? '',
        action: d.action ?? '',
        resource: d.resource ?? '',
        code: d.code ?? '',
        layer: d.layer ?? '',
      };
    }),
  );
}

async function summaryOnPage(page: Page) {
  return page.locator('#trail-summary').evaluate((p) => {
    const d = (p as HTMLElement).dataset;
    return {
      files: Number(d.files),
      records: Number(d.records),
      failed: Number(d.failed),
      denials: Number(d.denials),
      groupCount: Number(d.groups),
    };
  });
}

/** Waits until the logs are read; a log the page could not read fails the test with the page's message. */
async function trailRead(page: Page): Promise<void> {
  const trail = page.locator('#trail[data-status="done"], #trail[data-status="failed"]');
  await trail.waitFor();
  if ((await trail.getAttribute('data-status')) === 'failed') {
    throw new Error(`the page could not read the logs: ${await page.locator('#trail-problem').innerText()}`);
  }
}

/** Shows every group ("show more" until it is gone). */
async function showAll(page: Page): Promise<void> {
  const more = page.locator('#trail-more');
  while ((await more.count()) > 0) await more.click();
}

describeInBrowser('trail logs on the web page', () => {
  const session = usePageSession();
  let big = '';
  let delivered: string[] = [];

  beforeAll(() => {
    generate(join(dir, 'big'), 50, 'single', 1);
    big = join(dir, 'big', 'trail.json');
    generate(join(dir, 's3'), 3, 's3', 2);
    delivered = filesUnder(join(dir, 's3'));
  });

  it('streams a 50 MB Records file in a worker into the CLI groups, with progress and the page responsive', async () => {
    const size = statSync(big).size;
    expect(size).toBeGreaterThan(45e6);
    const expected = cliTrail([big]);
    expect(expected.groupCount).toBeGreaterThan(20);
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.locator('#evidence-files').waitFor({ state: 'attached' });
    // the page's thread: a timer's largest gap, and each progress value as it is shown
    await page.evaluate(() => {
      const w = window as unknown as { probe: { reads: number[]; ticks: number; maxGap: number } };
      w.probe = { reads: [], ticks: 0, maxGap: 0 };
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.probe.maxGap = Math.max(w.probe.maxGap, now - last);
        w.probe.ticks += 1;
        last = now;
      }, 20);
      new MutationObserver(() => {
        const bar = document.getElementById('trail-progress');
        const read = Number(bar?.dataset.read ?? Number.NaN);
        if (Number.isFinite(read) && w.probe.reads.at(-1) !== read) w.probe.reads.push(read);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-read'],
      });
    });
    const started = Date.now();
    await page.setInputFiles('#evidence-files', big);
    await trailRead(page);
    const wall = (Date.now() - started) / 1000;
    const probe = await page.evaluate(
      () => (window as unknown as { probe: { reads: number[]; ticks: number; maxGap: number } }).probe,
    );
    // progress came in steps, in order (the last step may be replaced by the table before it paints)
    expect(probe.reads.length, `progress values ${probe.reads.join(', ')} over ${wall} s`).toBeGreaterThan(2);
    expect(probe.reads).toEqual([...probe.reads].sort((a, b) => a - b));
    expect(probe.reads.every((r) => r <= size)).toBe(true);
    // the page's thread ran its timer throughout (a generous bound: the machine is shared)
    expect(probe.maxGap, `largest timer gap over ${wall} s`).toBeLessThan(2000);
    // the big file went to the trail view, not to the evidence list
    expect(await page.locator('.files .file').count()).toBe(0);

    expect(await summaryOnPage(page)).toEqual({
      files: 1,
      records: expected.records,
      failed: expected.failed,
      denials: expected.denials,
      groupCount: expected.groupCount,
    });
    // the top 20 first, then every group with "show more", in the CLI's order
    expect(await rowsOnPage(page)).toEqual(expected.groups.slice(0, 20).map(asRow));
    await showAll(page);
    expect(await rowsOnPage(page)).toEqual(expected.groups.map(asRow));
    await page.close();
  });

  it('reads several gzipped delivered files as one grouping, and diagnoses a group with the dropped evidence', async () => {
    const expected = cliTrail(delivered, ['--account', join(ROOT, ACCOUNT_FILE)]);
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    // the evidence first (it stays in the evidence list), then the logs
    await page.setInputFiles('#evidence-files', join(ROOT, ACCOUNT_FILE));
    await page.locator('.files .file').first().waitFor();
    await page.setInputFiles('#evidence-files', delivered);
    await trailRead(page);
    expect(await summaryOnPage(page)).toMatchObject({
      files: delivered.length,
      records: expected.records,
      denials: expected.denials,
      groupCount: expected.groupCount,
    });
    await showAll(page);
    expect(await rowsOnPage(page)).toEqual(expected.groups.map(asRow));
    expect(await page.locator('.files .file').count()).toBe(1);

    // a group the CLI diagnosed with findings: the page finds the same deciding layer
    const index = expected.groups.findIndex((g) => (g.diagnosis?.findings.length ?? 0) > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const group = expected.groups[index];
    const row = page.locator(`#trail-group-${index + 1}`);
    await row.getByRole('button', { name: 'diagnose' }).click();
    const finding = page.locator(`#trail-group-${index + 1}-diagnosis .finding`).first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-layer')).toBe(group?.diagnosis?.findings[0]?.layer);
    expect(await page.locator(`#trail-group-${index + 1}-diagnosis .facts`).innerText()).toContain(
      group?.action ?? '?',
    );
    await page.close();
  });

  it('reads the logs on the page itself when its worker does not start', async () => {
    const expected = cliTrail(delivered);
    const page = await session.browser.newPage();
    let refused = 0;
    await page.route(/\/assets\/trail-worker-[\w-]+\.js$/, (route) => {
      refused += 1;
      return route.abort();
    });
    await page.goto(session.server.url);
    await page.setInputFiles('#evidence-files', delivered);
    await trailRead(page);
    expect(refused).toBe(1);
    await showAll(page);
    expect(await rowsOnPage(page)).toEqual(expected.groups.map(asRow));
    await page.close();
  });

  it("reads the logs again with trail's filters, giving the CLI's groups for the same options", async () => {
    const all = cliTrail(delivered);
    const filtered = cliTrail([...delivered, '--action', 's3:*', '--principal', '*role*']);
    expect(filtered.groupCount).toBeGreaterThan(0);
    expect(filtered.groupCount).toBeLessThan(all.groupCount);
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.setInputFiles('#evidence-files', delivered);
    await trailRead(page);
    await page.fill('#trail-filter-action', 's3:*');
    await page.fill('#trail-filter-principal', '*role*');
    await page.click('#trail-filter-apply');
    // the filtered reading replaces the first one's table when it is done
    await page.waitForFunction(
      (denials) => document.querySelector<HTMLElement>('#trail-summary')?.dataset.denials === String(denials),
      filtered.denials,
      { timeout: 60_000 },
    );
    await trailRead(page);
    expect(await summaryOnPage(page)).toMatchObject({
      denials: filtered.denials,
      groupCount: filtered.groupCount,
    });
    await showAll(page);
    expect(await rowsOnPage(page)).toEqual(filtered.groups.map(asRow));
    // a time that is no date: one line naming the option, as the CLI refuses it
    await page.fill('#trail-filter-since', 'last week');
    await page.click('#trail-filter-apply');
    const problem = page.locator('#trail-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/^since: /);
    await page.close();
  });

  it('leaves a file of one CloudTrail record to the error box, as before', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.setInputFiles('#evidence-files', join(ROOT, 'examples/errors/cloudtrail-runinstances.json'));
    await page.locator('.facts').waitFor();
    expect(await page.locator('.facts').innerText()).toContain('RunInstances');
    expect(await page.locator('#trail').count()).toBe(0);
    await page.close();
  });

  it('names a log that cannot be read in one line', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    const cut = join(dir, 'cut.json.gz');
    writeFileSync(cut, readFileSync(delivered[0] ?? '').subarray(0, 3000));
    await page.setInputFiles('#evidence-files', cut);
    const problem = page.locator('#trail-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/^cut\.json\.gz: not a readable gzip file/);
    await page.close();
  });

  it('reads the logs on its own thread in the copy saved for offline use (no worker from a file)', async () => {
    const expected = cliTrail(delivered);
    const offline = await launchBrowser();
    try {
      await offline.context.setOffline(true);
      const page = await offline.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const url = pathToFileURL(join(ROOT, 'packages/web/dist/offline.html')).href;
      await page.goto(url);
      await page.locator('#offline-note').waitFor();
      await page.setInputFiles('#evidence-files', delivered);
      await trailRead(page);
      await showAll(page);
      expect(await rowsOnPage(page)).toEqual(expected.groups.map(asRow));
      expect(offline.requests.filter((u) => !u.startsWith('data:'))).toEqual([url]);
      expect(errors).toEqual([]);
    } finally {
      await offline.close();
    }
  });

  it('sends nothing anywhere: the worker is one of the page own files', async () => {
    const origin = new URL(session.server.url).origin;
    expect(foreignRequests(session.browser.requests, origin)).toEqual([]);
    expect(session.browser.requests.some((u) => /\/assets\/trail-worker-[\w-]+\.js$/.test(u))).toBe(true);
  });
});
