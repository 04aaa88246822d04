import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { sarifValidator } from './sarif-schema.js';

/** The records of core's grouping table, one per line. */
const table = JSON.parse(
  readFileSync(join(ROOT, 'packages/core/src/trail/cases/trail.cases.json'), 'utf8'),
) as { records: Record<string, Record<string, unknown>> };
const RECORDS = Object.values(table.records);

const dir = mkdtempSync(join(tmpdir(), 'whydenied-trail-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LINES = join(dir, 'events.jsonl');
writeFileSync(LINES, RECORDS.map((r) => JSON.stringify(r)).join('\n'));

interface Group {
  principal: string | null;
  action: string | null;
  reasonLayer: string | null;
  lookalike: string | null;
  count: number;
  eventIds: string[];
  diagnosis: unknown;
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string; kind: string }[];
      }[];
      properties: Record<string, unknown>;
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function sarifOf(args: readonly string[]): SarifLog {
  const run = runCli(['trail', ...args, '--format', 'sarif', '--top', '100']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as SarifLog;
}

describe('whydenied trail --format sarif', () => {
  const json = runCli(['trail', LINES, '--format', 'json', '--top', '100']);
  const groups = (JSON.parse(json.stdout) as { groups: Group[] }).groups;
  const log = sarifOf([LINES]);
  const results = log.runs[0]?.results ?? [];

  it('is valid SARIF 2.1.0 with one result per group, in the order of the JSON output', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(groups.length).toBeGreaterThan(3);
    expect(results).toHaveLength(groups.length);
    expect(results.map((r) => r.properties)).toEqual(groups.map(({ diagnosis: _d, ...fields }) => fields));
  });

  it('names the rule by the layer or the look-alike, and the level by the kind', () => {
    expect(results.map((r) => [r.ruleId, r.level])).toEqual(
      groups.map((g) =>
        g.lookalike !== null
          ? [`lookalike-${g.lookalike}`, 'warning']
          : [g.reasonLayer === null ? 'denied' : `denied-by-${g.reasonLayer}`, 'error'],
      ),
    );
    expect(results.some((r) => r.level === 'warning')).toBe(true);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(new Set(rules.map((r) => r.id))).toEqual(new Set(results.map((r) => r.ruleId)));
    for (const rule of rules) expect(rule.helpUri).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('places each result at the line of its earliest event, the principal and action as logical locations', () => {
    const lineOf = new Map(RECORDS.map((r, i) => [String(r.eventID), i + 1]));
    results.forEach((r, i) => {
      const group = groups[i] as Group;
      const [where] = r.locations;
      expect(where?.physicalLocation.artifactLocation.uri).toBe(pathToFileURL(LINES).href);
      expect(where?.physicalLocation.region.startLine).toBe(lineOf.get(group.eventIds[0] ?? ''));
      expect(where?.logicalLocations.map((l) => [l.kind, l.fullyQualifiedName])).toEqual([
        ['principal', group.principal ?? '(unknown principal)'],
        ['action', group.action ?? '(unknown action)'],
      ]);
      expect(r.message.text).toContain(`${group.count} time`);
    });
  });

  it('places the groups of a query result at the result file', () => {
    const rows = join(dir, 'result.json');
    writeFileSync(
      rows,
      JSON.stringify([
        {
          principal: 'arn:aws:iam::111122223333:role/deploy',
          action: 's3:GetObject',
          resource_pattern: 'arn:aws:s3:::reports/*',
          error_code: 'AccessDenied',
          reason_layer: 'identity',
          count: 12,
          first_seen: '2026-01-10T10:00:00Z',
          last_seen: '2026-01-11T08:30:00Z',
          kind: 'authorization',
          lookalike: null,
          deny_type: 'implicit',
          event_ids: ['e-1', 'e-2'],
          accounts: ['111122223333'],
          regions: ['us-east-1'],
          example_event_source: 's3.amazonaws.com',
          example_event_name: 'GetObject',
          example_error_message:
            'User: arn:aws:sts::111122223333:assumed-role/deploy/ci is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports/a.csv" because no identity-based policy allows the s3:GetObject action',
          example_caller: 'arn:aws:sts::111122223333:assumed-role/deploy/ci',
          example_resource: 'arn:aws:s3:::reports/a.csv',
        },
      ]),
    );
    const [result] = sarifOf(['--from-sql-result', rows]).runs[0]?.results ?? [];
    expect(result?.ruleId).toBe('denied-by-identity');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(pathToFileURL(rows).href);
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(1);
  });

  it('fingerprints each group by its key: the same on every run, different between groups', () => {
    const prints = (rs: typeof results) => rs.map((r) => r.partialFingerprints['whydenied/v1']);
    expect(prints(sarifOf([LINES]).runs[0]?.results ?? [])).toEqual(prints(results));
    expect(new Set(prints(results)).size).toBe(results.length);
  });
});
