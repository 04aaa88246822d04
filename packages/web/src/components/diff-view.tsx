import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { type DiffLine, diffLines } from './diff-lines.js';
import { type DiffRow, sideBySide } from './side-by-side.js';

/** A JSON string with its escapes (an unterminated one runs to the end of the line). */
const JSON_STRING = /"(?:[^"\\]|\\.)*"?/g;

/**
 * A line of JSON with each string in its own element, which the unified view never wraps: a line
 * breaks only at the spaces between tokens, and continues indented under its start.
 */
function JsonLine({ text }: { readonly text: string }) {
  const parts: ComponentChildren[] = [];
  let cursor = 0;
  for (const m of text.matchAll(JSON_STRING)) {
    if (m.index > cursor) parts.push(text.slice(cursor, m.index));
    parts.push(<span class="string">{m[0]}</span>);
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

const MARK: Readonly<Record<Exclude<DiffLine['kind'], 'hunk'>, { sign: string; said: string }>> = {
  context: { sign: '', said: '' },
  removed: { sign: '-', said: 'removed' },
  added: { sign: '+', said: 'added' },
};

/** One column: every line once, removed lines marked `-`, added lines `+`, both in their colours. */
function Unified({ lines, name }: { readonly lines: readonly DiffLine[]; readonly name: string }) {
  return (
    <table class="diff unified" data-view="unified" aria-label={`changes to ${name}`}>
      <tbody>
        {lines.map((line, i) => {
          if (line.kind === 'hunk') {
            return (
              <tr key={i} class="hunk">
                <td colSpan={4}>⋯</td>
              </tr>
            );
          }
          const mark = MARK[line.kind];
          const indent = line.text.length - line.text.trimStart().length;
          return (
            <tr key={i} class={`line-${line.kind}`}>
              <td class="ln">{line.kind === 'added' ? '' : line.oldNumber}</td>
              <td class="ln">{line.kind === 'removed' ? '' : line.newNumber}</td>
              <td class="mark">
                <span aria-hidden="true">{mark.sign}</span>
                {mark.said === '' ? null : <span class="visually-hidden">{mark.said}</span>}
              </td>
              <td class="code" style={{ '--indent': String(indent) }}>
                <JsonLine text={line.text} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Cell({ side, kind }: { readonly side: DiffRow['left']; readonly kind: 'old' | 'new' }) {
  return (
    <>
      <td class="ln">{side?.number ?? ''}</td>
      <td class={`code ${kind}`}>{side?.text ?? ''}</td>
    </>
  );
}

/** Two columns: the current document on the left, the fixed one on the right. */
function SideBySide({ lines, name }: { readonly lines: readonly DiffLine[]; readonly name: string }) {
  const rows = sideBySide(lines);
  return (
    <table class="diff side-by-side" data-view="side-by-side" aria-label={`changes to ${name}`}>
      <colgroup>
        <col class="ln" />
        <col />
        <col class="ln" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2}>current</th>
          <th colSpan={2}>fixed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) =>
          row.kind === 'hunk' ? (
            <tr key={i} class="hunk">
              <td colSpan={4}>⋯</td>
            </tr>
          ) : (
            <tr key={i} class={row.kind}>
              <Cell side={row.left} kind="old" />
              <Cell side={row.right} kind="new" />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/**
 * A policy's diff, from one reading of the patch: side by side where the fix has room, one unified
 * column where it has not (the stylesheet picks by the width of the fix, with a container query).
 */
export function DiffView({ diff, name }: { readonly diff: string; readonly name: string }) {
  const lines = useMemo(() => diffLines(diff), [diff]);
  return (
    <div class="diff-scroll">
      <SideBySide lines={lines} name={name} />
      <Unified lines={lines} name={name} />
    </div>
  );
}
