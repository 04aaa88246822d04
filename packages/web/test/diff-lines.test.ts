// The fix's diff read once (diffLines) and laid out two ways: the unified lines and the side-by-side rows.
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../src/components/diff-lines.js';
import { sideBySide } from '../src/components/side-by-side.js';

const CURRENT = ['{', '  "Action": "s3:GetObject",', '  "Resource": "*"', '}', ''].join('\n');
const FIXED = ['{', '  "Action": "s3:PutObject",', '  "Effect": "Allow",', '  "Resource": "*"', '}', ''].join(
  '\n',
);
const PATCH = createTwoFilesPatch('p (current)', 'p (fixed)', CURRENT, FIXED);

describe('diffLines', () => {
  it('numbers each line in the document it belongs to', () => {
    expect(diffLines(PATCH)).toEqual([
      { kind: 'hunk' },
      { kind: 'context', oldNumber: 1, newNumber: 1, text: '{' },
      { kind: 'removed', oldNumber: 2, text: '  "Action": "s3:GetObject",' },
      { kind: 'added', newNumber: 2, text: '  "Action": "s3:PutObject",' },
      { kind: 'added', newNumber: 3, text: '  "Effect": "Allow",' },
      { kind: 'context', oldNumber: 3, newNumber: 4, text: '  "Resource": "*"' },
      { kind: 'context', oldNumber: 4, newNumber: 5, text: '}' },
    ]);
  });
});

describe('sideBySide', () => {
  it('pairs a removal with the addition that follows it, and leaves the extra addition alone', () => {
    const rows = sideBySide(diffLines(PATCH));
    expect(rows.map((r) => [r.kind, r.left?.number ?? null, r.right?.number ?? null])).toEqual([
      ['hunk', null, null],
      ['same', 1, 1],
      ['changed', 2, 2],
      ['added', null, 3],
      ['same', 3, 4],
      ['same', 4, 5],
    ]);
  });
});
