import { parsePatch } from 'diff';

/** One line of a unified diff, numbered in the document it belongs to; a `hunk` starts a new hunk. */
export type DiffLine =
  | { readonly kind: 'hunk' }
  | {
      readonly kind: 'context';
      readonly oldNumber: number;
      readonly newNumber: number;
      readonly text: string;
    }
  | { readonly kind: 'removed'; readonly oldNumber: number; readonly text: string }
  | { readonly kind: 'added'; readonly newNumber: number; readonly text: string };

/**
 * Reads a unified diff (jsdiff's `createTwoFilesPatch` output, as the core writes `fix.diff`) into its
 * numbered lines; both diff views are laid out from these.
 */
export function diffLines(unified: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const patch of parsePatch(unified)) {
    for (const hunk of patch.hunks) {
      lines.push({ kind: 'hunk' });
      let oldNumber = hunk.oldStart;
      let newNumber = hunk.newStart;
      for (const line of hunk.lines) {
        const mark = line[0];
        const text = line.slice(1);
        if (mark === '-') lines.push({ kind: 'removed', oldNumber: oldNumber++, text });
        else if (mark === '+') lines.push({ kind: 'added', newNumber: newNumber++, text });
        else if (mark === ' ')
          lines.push({ kind: 'context', oldNumber: oldNumber++, newNumber: newNumber++, text });
      }
    }
  }
  return lines;
}
