/**
 * Issue 11's measure: real pasted errors gathered apart from the corpus (`test/corpus/heldout.jsonl`, 111
 * errors from 111 public sources, labelled from the text alone before the reader ran on them), each with
 * the seven fields a careful reader takes from it. The reader must get at least 98% of those fields right
 * and never answer "no AWS error found" for one of them. Labels stay as written even where the reader
 * goes further on purpose (a Terraform step phrase named as `ec2:RunInstances`, `on resource: role NAME`
 * rebuilt as an ARN): those count against it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import { readError } from './read-error.js';

const FIELDS = ['kind', 'code', 'action', 'principal', 'resource', 'reasonLayer', 'denyType'] as const;
type Field = (typeof FIELDS)[number];

interface HeldOut {
  readonly text: string;
  readonly source: string;
  readonly tool: string;
  readonly expected: Readonly<Record<Field, string | null>>;
}

const rows: HeldOut[] = readFileSync(
  new URL('../../../../test/corpus/heldout.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => {
    const row = checkKeys(JSON.parse(line), ['text', 'source', 'tool', 'expected'], `heldout.jsonl:${i + 1}`);
    checkKeys(row.expected, [...FIELDS], `heldout.jsonl:${i + 1} expected`);
    return row as unknown as HeldOut;
  });

describe('readError on the held-out pastes', () => {
  const results = rows.map((row) => ({ row, result: readError(row.text) }));

  it('holds errors of many sources, each with its public source', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.source)).size).toBe(rows.length);
    for (const r of rows) expect(r.source).toMatch(/^https:\/\/\S+$/);
  });

  it('finds an AWS error in every one of them', () => {
    expect(results.filter(({ result }) => !result.ok).map(({ row }) => row.source)).toEqual([]);
  });

  it('reads at least 98% of the labelled fields right', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const { row, result } of results) {
      const got: Record<string, unknown> = result.ok
        ? { kind: result.value.kind, ...result.value.failure }
        : {};
      for (const field of FIELDS) {
        if ((got[field] ?? null) === row.expected[field]) right++;
        else wrong.push(`${row.source} ${field}: ${row.expected[field]} ≠ ${String(got[field] ?? null)}`);
      }
    }
    const total = rows.length * FIELDS.length;
    expect(right / total, wrong.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
