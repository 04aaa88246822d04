import { parsePatch } from 'diff';

/** One row of a side-by-side diff: the old line on the left, the new on the right. */
export interface DiffRow {
  readonly kind: 'same' | 'changed' | 'removed' | 'added' | 'hunk';
  readonly left: { readonly number: number; readonly text: string } | null;
  readonly right: { readonly number: number; readonly text: string } | null;
}

/**
 * Lays a unified diff (jsdiff's `createTwoFilesPatch` output, as the core writes `fix.diff`) out side by
 * side: unchanged lines on both sides, a block of removals paired line by line with the additions
 * that follow it.
 */
export function sideBySide(unified: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const patch of parsePatch(unified)) {
    for (const hunk of patch.hunks) {
      rows.push({ kind: 'hunk', left: null, right: null });
      let oldLine = hunk.oldStart;
      let newLine = hunk.newStart;
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
      for (const line of hunk.lines) {
        const mark = line[0];
        const text = line.slice(1);
        if (mark === '-') removed.push({ number: oldLine++, text });
        else if (mark === '+') added.push({ number: newLine++, text });
        else if (mark === ' ') {
          flush();
          rows.push({ kind: 'same', left: { number: oldLine++, text }, right: { number: newLine++, text } });
        }
      }
      flush();
    }
  }
  return rows;
}
