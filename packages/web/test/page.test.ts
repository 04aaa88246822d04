import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  ACCOUNT_FILE,
  cli,
  describeInBrowser,
  ERROR_FILE,
  foreignRequests,
  ROOT,
  usePageSession,
} from './browser.js';

interface CliDiagnosis {
  findings: { layer: string; action: string; decision: string }[];
  fixes: { layer: string; policyName: string; command: string; document: unknown }[];
}

/** What the CLI answers for the same inputs: the page must show the same. */
function cliDiagnosis(): CliDiagnosis {
  const run = cli(['diagnose', '--error', ERROR_FILE, '--account', ACCOUNT_FILE, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as CliDiagnosis;
}

async function pasteSeed(page: Page): Promise<void> {
  await page.fill('#error-text', readFileSync(join(ROOT, ERROR_FILE), 'utf8'));
  await page.setInputFiles('#evidence-files', join(ROOT, ACCOUNT_FILE));
}

describeInBrowser('web page in Chromium', () => {
  const session = usePageSession();

  it('shows the same deciding layer and fix as the CLI for a pasted error with evidence', async () => {
    const expected = cliDiagnosis();
    const first = expected.findings[0];
    const fix = expected.fixes[0];
    expect(first?.action).toBe('iam:PassRole');
    expect(fix).toBeDefined();
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await pasteSeed(page);
    const finding = page.locator('.finding').first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-layer')).toBe(first?.layer);
    expect(await finding.innerText()).toContain('iam:PassRole');
    const fixView = page.locator('.fix').first();
    expect(await fixView.getAttribute('data-layer')).toBe(fix?.layer);
    expect(await fixView.locator('h4').innerText()).toContain(fix?.policyName ?? '?');
    // side by side: the added PassRole statement on the right only
    const added = await fixView.locator('tr.added td.new, tr.changed td.new').allInnerTexts();
    expect(added.join('\n')).toContain('"Action": "iam:PassRole"');
    expect(await fixView.locator('.command code').innerText()).toBe(`$ ${fix?.command}`);
    // AWS's own words are shown too: it blamed the identity-based policies
    expect(await page.locator('.facts').innerText()).toMatch(/identity-based policy: no allow/);
    await page.close();
  });

  it('highlights the deciding statement and its condition in the policy (an explicit deny in an RCP)', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.fill('#error-text', readFileSync(join(ROOT, 'examples/errors/s3-rcp.txt'), 'utf8'));
    await page.setInputFiles('#evidence-files', [
      join(ROOT, ACCOUNT_FILE),
      join(ROOT, 'packages/core/src/evidence/fixtures/org.json'),
    ]);
    const finding = page.locator('.finding').first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-layer')).toBe('rcp');
    expect(await finding.innerText()).toContain('explicit deny');
    expect(await finding.locator('.conditions').innerText()).toContain('aws:SecureTransport');
    const statement = await page.locator('.policy mark.statement').allInnerTexts();
    expect(statement.join('')).toContain('"Sid": "DenyInsecureS3"');
    expect(await page.locator('.policy mark.condition').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('redacts with one toggle, shows what it replaced when asked, and shares a case the CLI accepts', async () => {
    const expected = cliDiagnosis();
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await pasteSeed(page);
    await page.locator('.fix').first().waitFor();
    await page.check('#redact-toggle');
    // what was replaced shows only when asked for
    await page.getByRole('button', { name: 'show the replaced values' }).click();
    const map = page.locator('.redaction-map');
    await map.waitFor();
    const originals = await map.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(originals).toContain('111122223333');
    expect(originals).toContain('deploy-role');
    // the diagnosis now sees only stand-ins, and still finds the same layer
    const facts = await page.locator('.facts').innerText();
    expect(facts).not.toContain('111122223333');
    expect(facts).not.toContain('deploy-role');
    await page.locator('.finding').first().waitFor();
    expect(await page.locator('.finding').first().getAttribute('data-layer')).toBe(
      expected.findings[0]?.layer,
    );
    expect(await page.locator('.diagnosis').innerText()).not.toContain('111122223333');

    const download = page.waitForEvent('download');
    await page.click('#share');
    expect((await download).suggestedFilename()).toBe('whydenied-case.json');
    const caseText = await page.locator('#share-case').innerText();
    expect(caseText).not.toContain('111122223333');
    expect(caseText).not.toContain('deploy-role');
    const dir = mkdtempSync(join(tmpdir(), 'whydenied-share-'));
    const file = join(dir, 'case.json');
    writeFileSync(file, caseText);
    const run = cli(['simulate', '--case', file, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const simulated = JSON.parse(run.stdout) as { decision: string; layer: string | null };
    expect(simulated.decision).toBe(expected.findings[0]?.decision);
    expect(simulated.layer).toBe(expected.findings[0]?.layer);
    await page.uncheck('#redact-toggle');
    await page.locator('.redaction-map').waitFor({ state: 'detached' });
    expect(await page.locator('.facts').innerText()).toContain('111122223333');
    await page.close();
  });

  it('lints in the policy editor, with findings inline, and simulates the request', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await pasteSeed(page);
    const fixView = page.locator('.fix').first();
    await fixView.waitFor();
    // the fix opened in the editor: the simulate panel evaluates it with the evidence's other policies
    await fixView.getByRole('button', { name: 'edit and simulate' }).click();
    await page.locator('.cm-editor').waitFor();
    await expect
      .poll(() => page.locator('#simulate-decision').textContent(), { timeout: 90_000 })
      .toBe('Allowed');
    // a typo in an action: the core's `unknown-action` finding, underlined in the editor and listed
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }\n  ]\n}\n',
    );
    await page.locator('.cm-lintRange-error, .cm-lintRange-warning').first().waitFor({ timeout: 90_000 });
    const listed = await page.locator('.lint-findings').innerText();
    expect(listed).toContain('unknown-action');
    expect(listed).toMatch(/^4:\d+ /m);
    await expect.poll(() => page.locator('#simulate-decision').textContent()).toMatch(/Deny/);
    await page.close();
  });

  it('lists the failed events of a CloudTrail file and diagnoses the one picked', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    const file = join(ROOT, 'packages/cli/test/fixtures/diagnose/two-failures.json');
    await page.fill('#error-text', readFileSync(file, 'utf8'));
    const facts = page.locator('.facts');
    await facts.waitFor();
    expect(await facts.innerText()).toContain('GetObject (s3)');
    expect(await facts.innerText()).toContain('aws:SourceIp=198.51.100.7');
    expect(await page.locator('#event-select option').count()).toBe(2);
    await page.selectOption('#event-select', '2');
    await page.locator('.facts', { hasText: 'DescribeInstances (ec2)' }).waitFor();
    expect(await facts.innerText()).toContain('no aws:MultiFactorAuthPresent');
    await page.close();
  });

  it('sends no request to any other origin', async () => {
    const origin = new URL(session.server.url).origin;
    expect(session.browser.requests.length).toBeGreaterThan(3);
    expect(foreignRequests(session.browser.requests, origin)).toEqual([]);
    // the service data came lazily from the page's own files
    expect(session.browser.requests.some((u) => u.startsWith(`${origin}/iam-data/actions/`))).toBe(true);
  });
});
