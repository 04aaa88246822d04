// The saved copy: `dist/offline.html` (one file, CSS and JavaScript inline) downloaded through the
// page's "Save for offline use" link, then opened from `file://` in Chromium with the network off.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ACCOUNT_FILE,
  type Browser,
  cli,
  describeInBrowser,
  ERROR_FILE,
  launchBrowser,
  ROOT,
  startWeb,
  type WebServer,
} from './browser.js';

const OFFLINE_FILE = join(ROOT, 'packages/web/dist/offline.html');

/** The console's errors and the page's uncaught exceptions (a CSP violation is a console error). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

describeInBrowser('web page saved for offline use, opened from disk', () => {
  let server: WebServer;
  let browser: Browser;
  let dir: string;
  let saved: string;

  beforeAll(async () => {
    server = await startWeb();
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'whydenied-offline-'));
    saved = join(dir, 'whydenied.html');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the self-contained page from the served page\'s "Save for offline use" link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const link = page.locator('#save-offline');
    expect(await link.innerText()).toBe('Save for offline use');
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('whydenied.html');
    await file.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(OFFLINE_FILE))).toBe(true);
    await page.close();
  });

  it('diagnoses a pasted error offline, with no request but the file and no CSP violation', async () => {
    const run = cli(['diagnose', '--error', ERROR_FILE, '--account', ACCOUNT_FILE, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as { findings: { layer: string }[] };

    // the page was saved: from here on there is no server and no network
    await server.stop();
    await browser.context.setOffline(true);
    const url = pathToFileURL(saved).href;
    const before = browser.requests.length;
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    // the inline script ran (a CSP violation would have stopped it, and said so on the console)
    await page
      .locator('#offline-note')
      .waitFor({ timeout: 90_000 })
      .catch(() => {
        throw new Error(`the page did not start: ${errors.join('\n') || 'no console error'}`);
      });
    expect(await page.locator('#save-offline').count()).toBe(0);

    // the error alone: what failed and which layer AWS blamed
    await page.fill('#error-text', readFileSync(join(ROOT, ERROR_FILE), 'utf8'));
    const facts = page.locator('.facts');
    await facts.waitFor();
    expect(await facts.innerText()).toContain('iam:PassRole');
    expect(await facts.innerText()).toMatch(/identity-based policy: no allow/);

    // with the account's evidence: the deciding layer and the fix, as the CLI finds them
    await page.setInputFiles('#evidence-files', join(ROOT, ACCOUNT_FILE));
    const finding = page.locator('.finding').first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-layer')).toBe(expected.findings[0]?.layer);
    await page.locator('.fix').first().waitFor();

    // the policy editor (CodeMirror, inline too) lints without the service data, and says so
    await page.click('#open-editor');
    await page.locator('.cm-editor').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }\n  ]\n}\n',
    );
    await page.locator('#service-data-note').waitFor({ timeout: 90_000 });
    expect(await page.locator('#service-data-note').innerText()).toContain('Service data is unavailable');
    // no finding calls `s3` unknown for want of the data
    expect(await page.locator('.editor-wrap').innerText()).not.toContain('unknown-service');

    expect(browser.requests.slice(before).filter((u) => !u.startsWith('data:'))).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
