import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '@whydenied/core';
import { whatCan, whoCan } from '@whydenied/core/access';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { writeAccount } from '../../../scripts/generate-account.mjs';
import { nodeCatalog } from '../../core/test/node-catalog.js';
import { ACCOUNT_FILE, describeInBrowser, ROOT, usePageSession } from './browser.js';

const ORG_FILE = 'packages/core/src/evidence/fixtures/org.json';
const WEB_ROLE = 'arn:aws:iam::111122223333:role/web-role';

/** The evidence of the files as core's `analyze` reads them, for the answers the page must show. */
async function evidenceOf(files: readonly string[]) {
  const analysis = await analyze({
    inputs: files.map((f) => ({ id: f, text: readFileSync(join(ROOT, f), 'utf8') })),
  });
  if (analysis.evidence === null) throw new Error(JSON.stringify(analysis.diagnostics));
  return analysis.evidence;
}

/** The rows of a result table, as their data attributes say. */
function rows(page: Page, table: string, attributes: readonly string[]): Promise<string[][]> {
  return page
    .locator(`${table} tbody tr`)
    .evaluateAll(
      (trs, names) => trs.map((tr) => (names as string[]).map((n) => tr.getAttribute(n) ?? '')),
      attributes,
    );
}

async function dropEvidence(page: Page, files: readonly string[]): Promise<void> {
  await page.setInputFiles(
    '#evidence-files',
    files.map((f) => (f.startsWith('/') ? f : join(ROOT, f))),
  );
  await page.locator('#access').waitFor();
}

describeInBrowser('who-can and what-can on the web page', () => {
  const session = usePageSession();

  interface WhoCanCase {
    readonly name: string;
    readonly action: string;
    readonly resource: string;
  }
  const WHO_CAN: readonly WhoCanCase[] = [
    {
      name: 'an object of a bucket',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::acme-web-assets/index.html',
    },
    {
      name: 'a role passed to a service',
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::111122223333:role/app-role',
    },
  ];

  it.each(WHO_CAN)('who-can $name: the rows core gives, in order', async ({ action, resource }) => {
    const expected = whoCan(await evidenceOf([ACCOUNT_FILE, ORG_FILE]), { action, resource });
    if (!expected.ok) throw new Error(JSON.stringify(expected.diagnostics));
    expect(expected.value.principals.length).toBeGreaterThan(0);
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await dropEvidence(page, [ACCOUNT_FILE, ORG_FILE]);
    await page.fill('#who-can-action', action);
    await page.fill('#who-can-resource', resource);
    await page.click('#who-can-run');
    const result = page.locator('#who-can-result');
    await result.waitFor();
    expect(await result.getAttribute('data-allowed-count')).toBe(String(expected.value.allowedCount));
    expect(await result.getAttribute('data-conditional-count')).toBe(String(expected.value.conditionalCount));
    expect(await rows(page, '#who-can-result', ['data-principal', 'data-access', 'data-kind'])).toEqual(
      expected.value.principals.map((p) => [p.principal, p.access, p.kind]),
    );
    await page.close();
  });

  it('what-can for a picked role and one service: the grants core gives', async () => {
    const expected = await whatCan(await evidenceOf([ACCOUNT_FILE, ORG_FILE]), WEB_ROLE, {
      catalog: nodeCatalog(),
      service: 's3',
    });
    if (!expected.ok) throw new Error(JSON.stringify(expected.diagnostics));
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await dropEvidence(page, [ACCOUNT_FILE, ORG_FILE]);
    // the picker offers the account's roles and users
    const offered = await page
      .locator('#access-principals option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
    expect(offered).toContain(WEB_ROLE);
    await page.fill('#what-can-principal', WEB_ROLE);
    await page.fill('#what-can-service', 's3');
    await page.click('#what-can-run');
    const result = page.locator('#what-can-result');
    await result.waitFor();
    expect(await result.getAttribute('data-principal')).toBe(WEB_ROLE);
    const shown = await rows(page, '#what-can-result', ['data-action', 'data-resource', 'data-conditional']);
    expect(shown).toEqual(
      expected.value.grants.map((g) => [g.action, g.resource, g.conditions.length > 0 ? 'true' : 'false']),
    );
    expect(shown.map((r) => r.slice(0, 2))).toContainEqual([
      's3:GetObject',
      'arn:aws:s3:::acme-web-assets/*',
    ]);
    await page.close();
  });

  it('a bad query is one line beside the panel, and a role the files lack is named', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await dropEvidence(page, [ACCOUNT_FILE]);
    await page.fill('#who-can-action', 's3:Get*');
    await page.fill('#who-can-resource', 'arn:aws:s3:::acme-web-assets/index.html');
    await page.click('#who-can-run');
    const failed = page.locator('#access-result [data-status="failed"]');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('s3:Get*');
    await page.fill('#what-can-principal', 'arn:aws:iam::111122223333:role/nobody');
    await page.click('#what-can-run');
    await page.locator('#access-result [data-status="failed"]').filter({ hasText: 'nobody' }).waitFor();
    await page.close();
  });

  it('the copy saved for offline use answers who-can on its own thread, and says what-can needs the service data', async () => {
    const action = 's3:GetObject';
    const resource = 'arn:aws:s3:::acme-web-assets/index.html';
    const expected = whoCan(await evidenceOf([ACCOUNT_FILE, ORG_FILE]), { action, resource });
    if (!expected.ok) throw new Error(JSON.stringify(expected.diagnostics));
    const page = await session.browser.newPage();
    await page.goto(pathToFileURL(join(ROOT, 'packages/web/dist/offline.html')).href);
    await dropEvidence(page, [ACCOUNT_FILE, ORG_FILE]);
    expect(await page.locator('#what-can-offline').count()).toBe(1);
    await page.fill('#who-can-action', action);
    await page.fill('#who-can-resource', resource);
    await page.click('#who-can-run');
    await page.locator('#who-can-result').waitFor();
    expect(await rows(page, '#who-can-result', ['data-principal', 'data-access'])).toEqual(
      expected.value.principals.map((p) => [p.principal, p.access]),
    );
    await page.close();
  });

  it('a large account is queried off the page thread: the running query can be cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whydenied-access-page-'));
    const { accountFile } = writeAccount({ out: dir, roles: 600, policies: 3000, seed: 3 });
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await dropEvidence(page, [accountFile]);
    await page.fill('#who-can-action', 's3:GetObject');
    await page.fill('#who-can-resource', 'arn:aws:s3:::acme-payments-data/reports/x.csv');
    await page.click('#who-can-run');
    const running = page.locator('#access-result [data-status="running"]');
    await running.waitFor();
    // the page answers while the worker evaluates: the cancel link is clicked and the query ends
    // (its click event dispatched on the link itself: the progress line is drawn again as the worker reports, and on a
    // loaded machine a pointer click kept meeting a redrawn or covered link until the query had ended)
    await running.getByRole('button', { name: 'cancel' }).dispatchEvent('click');
    await running.waitFor({ state: 'detached' });
    expect(await page.locator('#who-can-result').count()).toBe(0);
    // and the next query runs to its answer
    await page.click('#who-can-run');
    await page.locator('#who-can-result').waitFor({ timeout: 170_000 });
    expect(Number(await page.locator('#who-can-result').getAttribute('data-evaluated'))).toBeGreaterThan(600);
    await page.close();
  });
});
