/**
 * A case shared redacted must diagnose to the same answer: the error and its evidence redacted with one
 * map, diagnosed, and the diagnosis turned back through the map equals the diagnosis of the originals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

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

/** The parts of a diagnosis that must survive redaction (everything but prose and free text). */
function essentials(json: string): unknown {
  const d = JSON.parse(json) as Record<string, unknown>;
  return { kind: d.kind, failure: d.failure, findings: d.findings, fixes: d.fixes, noFix: d.noFix };
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
