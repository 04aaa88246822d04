// Redaction as a person sees it: once it is on, the page shows only stand-ins, and the original
// text and the table of replacements appear only when asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ACCOUNT_FILE, describeInBrowser, ERROR_FILE, ROOT, usePageSession } from './browser.js';

/** An access key id, an IP address, an e-mail address, an account id, a user name and a bucket name. */
const SECRET_ERROR = `Caller AKIAZ7QW3ERTY5UIOPAS from 52.94.76.10 (alice.smith@acme-corp.com):
An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/alice.smith is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-payroll-exports/2024/report.csv" because no identity-based policy allows the s3:GetObject action
`;

const SECRETS = [
  'AKIAZ7QW3ERTY5UIOPAS',
  '52.94.76.10',
  'alice.smith@acme-corp.com',
  '111122223333',
  'arn:aws:iam::111122223333:user/alice.smith',
  'alice.smith',
  'acme-payroll-exports',
];

/** What a person can read on the page: its rendered text and the values of the visible fields. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate<string>(`[
    document.body.innerText,
    ...[...document.querySelectorAll('input, textarea, select')]
      .filter((field) => field.checkVisibility())
      .map((field) => field.value),
  ].join('\\n')`);
}

async function leaked(page: Page): Promise<string[]> {
  const text = await visibleText(page);
  return SECRETS.filter((secret) => text.includes(secret));
}

describeInBrowser('redaction in the page', () => {
  const session = usePageSession();

  it('shows only stand-ins until the original or the replacements are asked for', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.fill('#error-text', SECRET_ERROR);
    await page.locator('.facts').waitFor();
    expect(await leaked(page)).toContain('111122223333');

    await page.check('#redact-toggle');
    // at once, before the redacted diagnosis has arrived, and after
    expect(await leaked(page)).toEqual([]);
    await page.locator('.facts', { hasText: 'arn:aws:iam::100000000001:user/' }).waitFor();
    expect(await leaked(page)).toEqual([]);
    // the error box shows the text the diagnosis read: the redacted one, not to be edited
    const redacted = page.locator('#error-text-redacted');
    expect(await redacted.inputValue()).toContain('arn:aws:iam::100000000001:user/');
    expect(await redacted.getAttribute('readonly')).not.toBeNull();

    // asked for: the table of what was replaced, and nothing else
    await page.getByRole('button', { name: 'show the replaced values' }).click();
    const originals = await page.locator('.redaction-map tbody tr td:nth-child(2)').allInnerTexts();
    expect(originals).toEqual(expect.arrayContaining(['111122223333', 'AKIAZ7QW3ERTY5UIOPAS']));
    expect(await page.locator('#error-text').count()).toBe(0);
    await page.getByRole('button', { name: 'hide the replaced values' }).click();
    expect(await leaked(page)).toEqual([]);

    // asked for: the original error, to read or edit
    await page.getByRole('button', { name: 'show the original error' }).click();
    expect(await page.locator('#error-text').inputValue()).toBe(SECRET_ERROR);
    expect(await leaked(page)).toContain('AKIAZ7QW3ERTY5UIOPAS');
    await page.getByRole('button', { name: 'hide the original error' }).click();
    expect(await leaked(page)).toEqual([]);

    // redaction off: the original is back in the box, to edit
    await page.uncheck('#redact-toggle');
    expect(await page.locator('#error-text').inputValue()).toBe(SECRET_ERROR);
    await page.close();
  });

  it('hides the evidence file names and the typed request context too, until asked for', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.fill('#error-text', readFileSync(join(ROOT, ERROR_FILE), 'utf8'));
    await page.setInputFiles('#evidence-files', join(ROOT, ACCOUNT_FILE));
    await page.fill('#context-text', 'aws:SourceIp=52.94.76.10');
    await page.locator('.fix').first().waitFor();
    const originals = ['111122223333', 'deploy-role', '52.94.76.10'];
    const shown = async () => {
      const text = await visibleText(page);
      return originals.filter((original) => text.includes(original));
    };
    expect(await shown()).toEqual(originals);

    await page.check('#redact-toggle');
    expect(await shown()).toEqual([]);
    await page.locator('.fix').first().waitFor();
    expect(await shown()).toEqual([]);
    expect(await page.locator('.file-name').innerText()).toBe('evidence file 1');
    expect(await page.locator('#context-text-redacted').inputValue()).toMatch(
      /^aws:SourceIp=(?!52\.94\.76\.10)/,
    );

    await page.getByRole('button', { name: 'show the file names and resource ARNs' }).click();
    expect(await page.locator('.file-name').innerText()).toBe('account-111122223333-cli.json');
    await page.getByRole('button', { name: 'show the original context' }).click();
    expect(await page.locator('#context-text').inputValue()).toBe('aws:SourceIp=52.94.76.10');
    await page.close();
  });

  it('keeps what is typed with redaction on visible while typing, and redacted once the box is left', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.check('#redact-toggle');
    await page.fill('#error-text', SECRET_ERROR);
    expect(await page.locator('#error-text').inputValue()).toBe(SECRET_ERROR);
    await page.locator('#context-text').focus();
    await page.locator('.facts', { hasText: 'arn:aws:iam::100000000001:user/' }).waitFor();
    expect(await leaked(page)).toEqual([]);
    await page.close();
  });
});
