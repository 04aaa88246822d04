/**
 * A case shared redacted must diagnose to the same answer: the error and its evidence redacted with one
 * map, diagnosed, and the diagnosis turned back through the map equals the diagnosis of the originals.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const SCENARIOS = 'packages/cli/test/scenarios';
const dir = mkdtempSync(join(tmpdir(), 'whydenied-redact-diagnose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: readonly {
  name: string;
  error: string;
  evidence: readonly [flag: string, file: string][];
  /** Arguments that hold nothing to redact. */
  extra?: readonly string[];
}[] = [
  {
    name: 'PassRole behind RunInstances, account and organization evidence',
    error: `${SCENARIOS}/01-passrole-behind-runinstances/error.txt`,
    evidence: [
      ['--account', `${SCENARIOS}/01-passrole-behind-runinstances/account-111122223333.json`],
      ['--org', `${SCENARIOS}/01-passrole-behind-runinstances/org.json`],
    ],
  },
  {
    name: 'instance-type condition: statement, expected and actual values',
    error: `${SCENARIOS}/02-instance-type-condition/error.txt`,
    evidence: [
      ['--account', `${SCENARIOS}/02-instance-type-condition/account-111122223333.json`],
      ['--org', `${SCENARIOS}/02-instance-type-condition/org.json`],
    ],
    extra: ['--context', 'ec2:InstanceType=m5.large'],
  },
];

function ok(args: readonly string[]): string {
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/**
 * The parts of a diagnosis that must survive redaction (everything but prose and free text), without
 * the offsets and columns of spans: a stand-in may be longer or shorter than what it replaced.
 */
function essentials(json: string): unknown {
  const d = JSON.parse(json) as Record<string, unknown>;
  return withoutSpans({
    kind: d.kind,
    failure: d.failure,
    findings: d.findings,
    fixes: d.fixes,
    noFix: d.noFix,
  });
}

function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'span' && key !== 'column' && key !== 'offset')
      .map(([key, v]) => [key, withoutSpans(v)]),
  );
}

describe('redacted error and evidence diagnose to the same answer', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const map = join(dir, `${c.name.length}-${c.evidence.length}-map.json`);
    const redactedError = join(dir, 'error.txt');
    writeFileSync(redactedError, ok(['redact', c.error, '--map', map]));
    const redactedEvidence = c.evidence.map(([flag, file], i) => {
      const out = join(dir, `evidence-${i}.json`);
      writeFileSync(out, ok(['redact', file, '--map', map]));
      return [flag, out] as const;
    });
    const original = ok(['diagnose', '--format', 'json', '--error', c.error, ...c.evidence.flat()]);
    const redacted = ok([
      'diagnose',
      '--format',
      'json',
      '--error',
      redactedError,
      ...redactedEvidence.flat(),
    ]);
    expect(redacted).not.toBe(original);
    const redactedOut = join(dir, 'diagnosis.json');
    writeFileSync(redactedOut, redacted);
    const restored = ok(['redact', '--reverse', '--map', map, redactedOut]);
    expect(JSON.parse(original).findings.length).toBeGreaterThan(0);
    expect(essentials(restored)).toEqual(essentials(original));
  });
});

/** Scenario 17 (a Deny outside the office networks) with private networks and a caller outside them. */
const OFFICE = `${SCENARIOS}/17-source-ip-deny-from-cloudtrail`;

function variant(name: string, change: (text: string) => string, file: string): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  const path = join(out, file);
  writeFileSync(path, change(readFileSync(join(ROOT, OFFICE, file), 'utf8')));
  return path;
}

const PRIVATE_NETWORKS = (text: string): string =>
  text.replace('"192.0.2.0/24", "203.0.113.0/24"', '"10.42.0.0/16", "172.16.0.0/12"');

const SHARED: readonly {
  name: string;
  account: (text: string) => string;
  sourceIp: string;
}[] = [
  {
    name: 'NotIpAddress over private networks, caller outside them: the Deny stays',
    account: PRIVATE_NETWORKS,
    sourceIp: '10.99.7.19',
  },
  {
    name: 'NotIpAddress over private networks, caller inside one: no Deny, as before',
    account: PRIVATE_NETWORKS,
    sourceIp: '10.42.7.19',
  },
  {
    name: 'a Deny on a bucket pattern (acme-rep*/*): it still matches the redacted bucket',
    account: (text) =>
      PRIVATE_NETWORKS(text).replace(
        '"Action": "*",\n                "Resource": "*"',
        '"Action": "*",\n                "Resource": "arn:aws:s3:::acme-rep*/*"',
      ),
    sourceIp: '10.99.7.19',
  },
];

describe('a case redacted in one call (redact --out) diagnoses to the same answer', () => {
  it.each(SHARED.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const account = variant(`case-${i}`, c.account, 'account-111122223333.json');
    const error = variant(
      `case-${i}`,
      (text) => text.replace('"198.51.100.7"', `"${c.sourceIp}"`),
      'event.json',
    );
    const out = join(dir, `case-${i}-redacted`);
    const map = join(dir, `case-${i}-map.json`);
    ok(['redact', '--out', out, '--map', map, error, account]);
    const redactedError = readFileSync(join(out, 'event.json'), 'utf8');
    for (const secret of ['acme-reports', '10.42.0.0', c.sourceIp, '111122223333', 'alice']) {
      expect(redactedError + readFileSync(join(out, 'account-111122223333.json'), 'utf8')).not.toContain(
        secret,
      );
    }
    const original = ok(['diagnose', '--format', 'json', '--error', error, '--account', account]);
    const redacted = ok([
      'diagnose',
      '--format',
      'json',
      '--error',
      join(out, 'event.json'),
      '--account',
      join(out, 'account-111122223333.json'),
    ]);
    const redactedOut = join(dir, `case-${i}-diagnosis.json`);
    writeFileSync(redactedOut, redacted);
    const restored = ok(['redact', '--reverse', '--map', map, redactedOut]);
    const denied = (json: string) =>
      (JSON.parse(json) as { findings: { decision: string }[] }).findings.some(
        (f) => f.decision === 'ExplicitDeny',
      );
    expect(denied(original)).toBe(c.sourceIp === '10.99.7.19');
    expect(essentials(restored)).toEqual(essentials(original));
  });
});
