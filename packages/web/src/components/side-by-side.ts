import type { DiffLine } from './diff-lines.js';

/** One row of a side-by-side diff: the old line on the left, the new on the right. */
export interface DiffRow {
  readonly kind: 'same' | 'changed' | 'removed' | 'added' | 'hunk';
  readonly left: { readonly number: number; readonly text: string } | null;
  readonly right: { readonly number: number; readonly text: string } | null;
}

/**
 * Lays the lines of a diff out side by side: unchanged lines on both sides, a block of removals
 * paired line by line with the additions that follow it.
 */
export function sideBySide(lines: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: { number: number; text: string }[] = [];
  let added: { number: number; text: string }[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++) {
      const left = removed[i] ?? null;
      const right = added[i] ?? null;
      rows.push({ kind: left && right ? 'changed' : left ? 'removed' : 'added', left, right });
    }
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === 'removed') removed.push({ number: line.oldNumber, text: line.text });
    else if (line.kind === 'added') added.push({ number: line.newNumber, text: line.text });
    else {
      flush();
      rows.push(
        line.kind === 'hunk'
          ? { kind: 'hunk', left: null, right: null }
          : {
              kind: 'same',
              left: { number: line.oldNumber, text: line.text },
              right: { number: line.newNumber, text: line.text },
            },
      );
    }
  }
  flush();
  return rows;
}
