import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { sarifValidator } from './sarif-schema.js';

const SOURCES = 'packages/core/src/lint/sources/fixtures';

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string }; helpUri: string }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
        logicalLocations?: { fullyQualifiedName: string }[];
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const FILES = [
  `${SOURCES}/terraform-plan.json`,
  `${SOURCES}/account-details.json`,
  `${SOURCES}/organization.json`,
  `${SOURCES}/sam-template.yaml`,
  `${SOURCES}/cdk.out`,
];

describe('whydenied lint --format sarif', () => {
  const run = runCli(['lint', '--format', 'sarif', ...FILES]);
  const log = JSON.parse(run.stdout) as SarifLog;

  it('is valid SARIF 2.1.0', () => {
    expect(run.status).toBe(0);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('gives every rule a help text and an AWS page, and every result a rule of the run', () => {
    const [first] = log.runs;
    const rules = new Map(first?.tool.driver.rules.map((r) => [r.id, r]));
    for (const rule of rules.values()) {
      expect(rule.help.text).not.toBe('');
      expect(rule.helpUri).toMatch(/^https:\/\//);
    }
    for (const result of first?.results ?? []) expect(rules.has(result.ruleId)).toBe(true);
  });

  it('places results where the JSON output does, in the file as written', () => {
    const json = JSON.parse(runCli(['lint', '--format', 'json', ...FILES]).stdout) as {
      findings: { file: string; code: string; line: number; column: number; severity: string }[];
    };
    const results = log.runs[0]?.results ?? [];
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
    expect(
      results.map((r) => [
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.region.startLine,
        r.locations[0]?.physicalLocation.region.startColumn,
      ]),
    ).toEqual(json.findings.map((f) => [f.file, f.code, level[f.severity], f.line, f.column]));
    const sam = results.find(
      (r) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri.endsWith('.yaml') &&
        r.ruleId === 'wildcard-in-string-equals',
    );
    expect(sam?.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(sam?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/^DeployRole /);
  });

  it('fingerprints each result the same way on every run, and differently from the others', () => {
    const again = JSON.parse(runCli(['lint', '--format', 'sarif', ...FILES]).stdout) as SarifLog;
    const prints = (l: SarifLog) =>
      (l.runs[0]?.results ?? []).map((r) => r.partialFingerprints['whydenied/v1']);
    expect(prints(again)).toEqual(prints(log));
    expect(new Set(prints(log)).size).toBe(prints(log).length);
  });
});

describe('whydenied lint --fail-on', () => {
  it.each([
    [['--fail-on', 'warning', `${SOURCES}/organization.json`], 3],
    [['--fail-on', 'error', `${SOURCES}/organization.json`], 0],
    [['--fail-on', 'error', `${SOURCES}/terraform-plan.json`], 3],
    [['--fail-on', 'info', `${SOURCES}/cdk.out`], 3],
    [['--fail-on', 'info', 'packages/cli/test/fixtures/lint/clean.json'], 0],
    [[`${SOURCES}/terraform-plan.json`], 0],
  ])('%j exits %i', (args, status) => {
    const r = runCli(['lint', '--format', 'json', ...args]);
    expect(r.status, r.stderr).toBe(status);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it.each([
    [['lint', '--fail-on', 'fatal', `${SOURCES}/organization.json`], /--fail-on must be one of/],
    [
      ['lint', '--format', 'xml', `${SOURCES}/organization.json`],
      /--format must be one of text, json, sarif/,
    ],
  ])('exits 2 on wrong usage: %j', (args, stderr) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });

  it('reads a cdk.out directory: every template of it and of its stage assemblies', () => {
    const r = runCli(['lint', `${SOURCES}/cdk.out`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/in 2 files\n$/);
    expect(r.stdout).toContain('cdk.out/assembly-Prod/ProdBuildStack.template.json:');
  });

  it('names the policy of a file of several in the text output', () => {
    const r = runCli(['lint', `${SOURCES}/organization.json`, `${SOURCES}/cloudformation-template.json`]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => !l.startsWith('  help:'))).toMatchInlineSnapshot(`
      [
        "packages/core/src/lint/sources/fixtures/organization.json:27:19: warning region-deny-global-services: this \`Deny\` outside \`eu-west-1\` also denies \`cloudfront:*\`, \`iam:*\`, \`route53:*\`, \`support:*\`, global services whose requests all go to \`us-east-1\` (scp/RegionGuard)",
        "packages/core/src/lint/sources/fixtures/organization.json:44:39: warning principal-org-key-service: \`StringNotEqualsIfExists\` on \`aws:PrincipalOrgID\` is true for every AWS service principal, so this \`Deny\` also denies services that deliver to this resource (rcp/DataPerimeter)",
        "packages/core/src/lint/sources/fixtures/cloudformation-template.json:21:28: warning region-deny-global-services: this \`Deny\` outside \`eu-west-1\`, \`eu-central-1\` also denies \`cloudfront:*\`, \`route53:*\`, \`support:*\`, global services whose requests all go to \`us-east-1\` (RegionGuard Content)",
        "3 findings in 2 files",
        "",
      ]
    `);
  });

  it('refuses a directory without templates, naming it', () => {
    const r = runCli(['lint', 'packages/cli/test/fixtures/sarif']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^whydenied: packages\/cli\/test\/fixtures\/sarif: a directory without/);
  });
});
