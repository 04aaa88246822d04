import type { AccessRow, Comparison, ConditionValue, StatementRef } from '@whydenied/core';
import type { Style } from './style.js';

/** Most actions named in one line of a group of rows that differ only by action. */
const ACTIONS_SHOWN = 3;

interface Names {
  readonly old: string;
  readonly new: string;
}

/**
 * `file:line:column #index Sid`, or the pointer when the input had no text positions; an RCP allows
 * without a statement, through the `RCPFullAWSAccess` every level carries.
 */
function statementCell(file: string, ref: StatementRef | null | undefined, layer?: string): string {
  if (ref === null && layer === 'rcp') return '(RCPFullAWSAccess)';
  if (ref === null || ref === undefined) return '-';
  const at = ref.line === undefined ? `${file}${ref.pointer}` : `${file}:${ref.line}:${ref.column}`;
  return ref.sid === null ? `${at} #${ref.index}` : `${at} #${ref.index} ${ref.sid}`;
}

function valueText(value: ConditionValue, other: string | null): string {
  if (value === null) return '(absent)';
  if (typeof value === 'string') return value === other ? '(any other value)' : value;
  return `[${value.map((v) => (v === other ? '(any other value)' : v)).join(', ')}]`;
}

function conditionsCell(row: AccessRow, comparison: Comparison): string {
  const parts = Object.entries(row.conditions).map(([key, values]) => {
    const other = comparison.keys[key]?.otherValue ?? null;
    return `${key}: ${values.map((v) => valueText(v, other)).join(' | ')}`;
  });
  return parts.length === 0 ? '-' : parts.join('; ');
}

function resourceCell(row: AccessRow): string {
  const base = row.notResource === undefined ? row.resource : `* except ${row.notResource.join(', ')}`;
  return row.principal === undefined ? base : `${base} (principal ${row.principal})`;
}

/** Rows that differ only by action, as one line naming the first actions. */
function groupRows(
  rows: readonly AccessRow[],
  cells: (row: AccessRow) => string[],
): { actions: string[]; cells: string[] }[] {
  const groups = new Map<string, { actions: string[]; cells: string[] }>();
  for (const row of rows) {
    const rest = cells(row);
    const key = rest.join('\u0000');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { actions: [row.action], cells: rest });
    else group.actions.push(row.action);
  }
  return [...groups.values()];
}

function table(header: readonly string[], lines: readonly (readonly string[])[], style: Style): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    `  ${cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()}`;
  return [style.bold(render(header)), ...lines.map(render)];
}

function section(
  title: string,
  rows: readonly AccessRow[],
  granting: string,
  denying: string,
  comparison: Comparison,
  style: Style,
): string[] {
  if (rows.length === 0) return [`${style.bold(title)}: ${style.green('none')}`];
  const withDeny = rows.some((r) => r.deniedBy !== undefined);
  const groups = groupRows(rows, (row) => [
    resourceCell(row),
    conditionsCell(row, comparison),
    statementCell(granting, row.statement, comparison.layer),
    ...(withDeny ? [statementCell(denying, row.deniedBy)] : []),
  ]);
  const lines = groups.map((g) => {
    const shown = g.actions.slice(0, ACTIONS_SHOWN).join(', ');
    const more = g.actions.length > ACTIONS_SHOWN ? ` and ${g.actions.length - ACTIONS_SHOWN} more` : '';
    return [`${shown}${more}`, ...g.cells];
  });
  const header = ['action', 'resource', 'conditions', 'allowed by', ...(withDeny ? ['denied by'] : [])];
  const count = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  return [`${style.bold(title)} (${count}):`, '', ...table(header, lines, style)];
}

/**
 * The text view of a comparison: a table of the new access (and of the removed access) for a person,
 * rows that differ only by action on one line, then what an offline comparison cannot see.
 */
export function renderCompareText(comparison: Comparison, names: Names, style: Style): string {
  const out = [
    ...section(
      `new access: what ${names.new} allows that ${names.old} does not`,
      comparison.newAccess,
      names.new,
      names.old,
      comparison,
      style,
    ),
    '',
    ...section(
      `removed access: what ${names.old} allowed that ${names.new} does not`,
      comparison.removedAccess,
      names.old,
      names.new,
      comparison,
      style,
    ),
    '',
    style.dim(`compared at the ${comparison.layer} layer; not seen offline:`),
    ...comparison.limits.map((l) => style.dim(`  - ${l.message}`)),
  ];
  return `${out.join('\n')}\n`;
}
