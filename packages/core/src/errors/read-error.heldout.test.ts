/**
 * Issue 11's measure: real pasted errors gathered apart from the corpus, each labelled from its text alone
 * before the reader ran on it, with the seven fields a careful reader takes from it. Two rounds, each from
 * sources none of the corpus (nor the round before) used: `test/corpus/heldout.jsonl` (111 errors from 111
 * sources; 97.2% of fields read right when gathered) and `heldout2.jsonl` (102 errors from 100 sources,
 * gathered after the first round's fixes: 93.6% when gathered, one label corrected after triage). The reader must get at least 98% of each
 * round's fields right and find an error in every one. Labels stay as written even where the reader goes
 * further on purpose (a Terraform step phrase read as `ec2:RunInstances` in round one, whose labeller
 * counted it as not naming the operation; `on resource: *` kept as `*`): those count against it.
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

function readRound(file: string): HeldOut[] {
  return readFileSync(new URL(`../../../../test/corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = checkKeys(JSON.parse(line), ['text', 'source', 'tool', 'expected'], `${file}:${i + 1}`);
      checkKeys(row.expected, [...FIELDS], `${file}:${i + 1} expected`);
      return row as unknown as HeldOut;
    });
}

const ROUNDS = ['heldout.jsonl', 'heldout2.jsonl'].map((file) => ({ file, rows: readRound(file) }));

describe.each(ROUNDS)('readError on the held-out pastes of $file', ({ rows }) => {
  const results = rows.map((row) => ({ row, result: readError(row.text) }));

  it('holds errors of many sources, each with its public source', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.source)).size).toBeGreaterThanOrEqual(rows.length - 5);
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

// no cross-round duplicates: each round is apart from the other
it('shares no source between the rounds', () => {
  const [first, second] = ROUNDS;
  const seen = new Set(first?.rows.map((r) => r.source));
  expect(second?.rows.filter((r) => seen.has(r.source)).map((r) => r.source)).toEqual([]);
});
