import type { DecidingPolicy, Span } from '@whydenied/core';

interface Piece {
  readonly text: string;
  readonly mark: 'none' | 'statement' | 'condition';
}

/** Cuts the text at the spans' offsets: conditions inside the statement, the statement inside the text. */
function pieces(text: string, statement: Span | null, conditions: readonly Span[]): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  const marks: { from: number; to: number; mark: Piece['mark'] }[] = [];
  if (statement !== null)
    marks.push({ from: statement.start.offset, to: statement.end.offset, mark: 'statement' });
  for (const c of conditions) marks.push({ from: c.start.offset, to: c.end.offset, mark: 'condition' });
  for (const m of marks) cuts.add(m.from).add(m.to);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i] ?? 0;
    const to = sorted[i + 1] ?? 0;
    const inside = marks.filter((m) => m.from <= from && to <= m.to);
    const mark = inside.some((m) => m.mark === 'condition')
      ? 'condition'
      : inside.length > 0
        ? 'statement'
        : 'none';
    out.push({ text: text.slice(from, to), mark });
  }
  return out;
}

/** The deciding policy, printed, with the deciding statement and its failing conditions highlighted. */
export function PolicyHighlight({ policy }: { readonly policy: DecidingPolicy }) {
  return (
    <figure class="policy">
      <figcaption>
        <code>{policy.name}</code>: the deciding statement is highlighted
        {policy.conditions.length > 0 ? ', the failing condition marked' : ''}
      </figcaption>
      <pre class="policy-text">
        {pieces(
          policy.text,
          policy.statement?.span ?? null,
          policy.conditions.map((c) => c.span),
        ).map((p, i) =>
          p.mark === 'none' ? (
            p.text
          ) : (
            <mark key={i} class={p.mark}>
              {p.text}
            </mark>
          ),
        )}
      </pre>
    </figure>
  );
}
