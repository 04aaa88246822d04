import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, type SarifResultInput, toSarif } from './sarif.js';

const tool = { name: 't', version: '1.0.0', informationUri: 'https://example.com/t' };
const result: SarifResultInput = {
  ruleId: 'r',
  severity: 'info',
  message: 'm',
  file: 'infra/plan.json',
  line: 3,
  column: 5,
  logicalLocation: 'aws_iam_role.a /Statement/0',
};

type Log = {
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: {
      level: string;
      ruleIndex: number;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
};

function fingerprints(results: readonly SarifResultInput[]): string[] {
  const log = toSarif({ tool, rules: [], results }) as unknown as Log;
  return (log.runs[0]?.results ?? []).map((r) => r.partialFingerprints[FINGERPRINT_KEY] ?? '');
}

describe('toSarif', () => {
  it('keeps a fingerprint when the finding moves to another line', () => {
    expect(fingerprints([{ ...result, line: 40, column: 1 }])).toEqual(fingerprints([result]));
    expect(fingerprints([{ ...result, logicalLocation: 'aws_iam_role.b /Statement/0' }])).not.toEqual(
      fingerprints([result]),
    );
  });

  it('tells equal findings of one file apart by their order', () => {
    const [a, b] = fingerprints([result, { ...result, line: 9 }]);
    expect(a).not.toBe(b);
    expect(a?.endsWith(':1') && b?.endsWith(':2')).toBe(true);
  });

  it('lists a rule for every result, maps info to note, and keeps relative paths relative', () => {
    const log = toSarif({ tool, rules: [], results: [result] }) as unknown as Log;
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([['r', 'note']]);
    expect(run?.results[0]?.level).toBe('note');
    expect(run?.results[0]?.ruleIndex).toBe(0);
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'infra/plan.json',
      uriBaseId: '%SRCROOT%',
    });
  });
});
