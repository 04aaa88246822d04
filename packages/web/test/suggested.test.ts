import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli, describeInBrowser, ERROR_FILE, ROOT, usePageSession } from './browser.js';

describeInBrowser('web page: statements to add without evidence', () => {
  const session = usePageSession();

  it('shows the same not-verified statements as the CLI when no policies are given', async () => {
    const run = cli(['diagnose', '--error', ERROR_FILE, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const expected = (
      JSON.parse(run.stdout) as { suggestedStatements: { action: string; statement: unknown }[] }
    ).suggestedStatements;
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.fill('#error-text', readFileSync(join(ROOT, ERROR_FILE), 'utf8'));
    const items = page.locator('.suggested li[data-verified="false"]');
    await items.first().waitFor();
    expect(await items.count()).toBe(expected.length);
    const first = items.first();
    expect(await first.getAttribute('data-action')).toBe(expected[0]?.action);
    expect(JSON.parse(await first.locator('pre.statement').innerText())).toEqual(expected[0]?.statement);
    await page.close();
  });
});
