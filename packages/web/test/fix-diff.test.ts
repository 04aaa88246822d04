// The fix's diff as a person reads it: side by side in a wide window, one unified column in a narrow
// one, where no JSON string is broken across two lines and the page never scrolls sideways.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ACCOUNT_FILE,
  type Browser,
  describeInBrowser,
  ERROR_FILE,
  launchBrowser,
  ROOT,
  startWeb,
  type WebServer,
} from './browser.js';

async function showSeedFix(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill('#error-text', readFileSync(join(ROOT, ERROR_FILE), 'utf8'));
  await page.setInputFiles('#evidence-files', join(ROOT, ACCOUNT_FILE));
  await page.locator('.fix').first().waitFor();
}

/**
 * Every JSON string of the visible diff cells that the layout put on more than one line, with the
 * line tops it spans. A string is found in a cell's text (whatever elements it is split into) and
 * measured with a Range, so the check holds for any markup. (An expression: the tests are compiled
 * without the DOM library.)
 */
const SPLIT_STRINGS = `(() => {
  const split = [];
  for (const cell of document.querySelectorAll('.fix td.code')) {
    if (!cell.checkVisibility()) continue;
    const nodes = [];
    let text = '';
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      nodes.push({ node, start: text.length });
      text += node.data;
    }
    const at = (offset) => {
      let i = nodes.length - 1;
      while (i > 0 && nodes[i].start > offset) i--;
      return [nodes[i].node, offset - nodes[i].start];
    };
    for (const m of text.matchAll(/"(?:[^"\\\\]|\\\\.)*"/g)) {
      const range = document.createRange();
      range.setStart(...at(m.index));
      range.setEnd(...at(m.index + m[0].length));
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) split.push(m[0] + ' on ' + tops.size + ' lines');
    }
  }
  return split;
})()`;

describeInBrowser('fix diff layout', () => {
  let server: WebServer;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    server = await startWeb();
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it('shows one unified column at 390 px, no JSON string broken across lines, no sideways page scroll', async () => {
    const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    browsers.push(browser);
    const page = await browser.newPage();
    await showSeedFix(page, server.url);
    const fix = page.locator('.fix').first();

    // whatever the diff shows, no string of it is laid out across two lines
    expect(await page.evaluate<string[]>(SPLIT_STRINGS)).toEqual([]);

    const unified = fix.locator('table[data-view="unified"]');
    const sideBySide = fix.locator('table[data-view="side-by-side"]');
    expect(await unified.isVisible()).toBe(true);
    expect(await sideBySide.isVisible()).toBe(false);
    // one column of code: a line number column or two, the +/- mark, the code
    expect(await unified.locator('tbody tr:not(.hunk)').first().locator('td.code').count()).toBe(1);

    // the added statement, each line marked and styled as added; the context lines unmarked
    const added = unified.locator('tr.line-added');
    expect((await added.locator('td.code').allInnerTexts()).join('\n')).toContain('"Action": "iam:PassRole"');
    expect(await added.first().locator('td.mark').innerText()).toContain('+');
    const context = unified.locator('tr.line-context').first();
    expect((await context.locator('td.mark').innerText()).trim()).toBe('');
    const background = (row: string) =>
      page.evaluate<string>(
        `getComputedStyle(document.querySelector('.fix table[data-view="unified"] tr.${row} td.code')).backgroundColor`,
      );
    expect(await background('line-added')).not.toBe(await background('line-context'));

    // the page itself is no wider than the window (the diff box scrolls if a single string is wider)
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('keeps the side-by-side view in a wide window', async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    browsers.push(browser);
    const page = await browser.newPage();
    await showSeedFix(page, server.url);
    const fix = page.locator('.fix').first();
    expect(await fix.locator('table[data-view="side-by-side"]').isVisible()).toBe(true);
    expect(await fix.locator('table[data-view="unified"]').isVisible()).toBe(false);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    await page.close();
  });
});
