import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Browser,
  describeInBrowser,
  foreignRequests,
  launchBrowser,
  ROOT,
  startWeb,
  type WebServer,
} from './browser.js';

/** Screenshots land here (ignored by git) for a person to look at. */
const OUT = join(ROOT, 'coverage', 'web');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function showSeed(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill(
    '#error-text',
    readFileSync(join(ROOT, 'examples/errors/runinstances-passrole.txt'), 'utf8'),
  );
  await page.setInputFiles(
    '#evidence-files',
    join(ROOT, 'packages/core/src/evidence/fixtures/account-111122223333-cli.json'),
  );
  await page.locator('.fix').first().waitFor();
}

describeInBrowser('web page screenshots', () => {
  let server: WebServer;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    server = await startWeb();
    mkdirSync(OUT, { recursive: true });
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it.each([
    ['light', 'light', 1280],
    ['dark', 'dark', 1280],
    ['narrow', 'light', 380],
  ] as const)('main view, %s', async (name, colorScheme, width) => {
    const browser = await launchBrowser({ colorScheme, viewport: { width, height: 900 } });
    browsers.push(browser);
    const page = await browser.newPage();
    await showSeed(page, server.url);
    const png = await page.screenshot({ fullPage: true });
    writeFileSync(join(OUT, `main-view-${name}.png`), png);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
    const size = pngSize(png);
    expect(size.width).toBe(width);
    expect(size.height).toBeGreaterThan(900);
    // nothing wider than the window: usable on a narrow one without scrolling sideways
    // (expressions as strings: the tests are compiled without the DOM library)
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // the theme follows the system's: the page background differs between light and dark
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(255, 255, 255)');
    expect(foreignRequests(browser.requests, new URL(server.url).origin)).toEqual([]);
    await page.close();
  });

  it('is usable from the keyboard: tab reaches the error box, the evidence picker and the redaction toggle', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    await page.goto(server.url);
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate<string>("document.activeElement?.id ?? ''"));
    }
    expect(reached).toContain('redact-toggle');
    expect(reached).toContain('error-text');
    expect(reached).toContain('evidence-files');
    await page.close();
  });
});
