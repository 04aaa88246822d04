import type { WhoCanCondition, WhoCanResult, WhoCanRow } from '@whydenied/core/access';
import type { Style } from './style.js';

const COLUMNS = ['PRINCIPAL', 'KIND', 'ACCESS', 'CONDITIONS'] as const;

/** A condition in plain terms: "only with MFA", "only from vpce-1a2b", "denied when …". */
export function conditionPhrase(c: WhoCanCondition): string {
  const values = c.values.join(' or ');
  if (c.effect === 'unless') {
    // a Deny unless the key matches (`StringNotEquals`, `NotIpAddress`...) allows only where it matches
    const base = c.operator.replace(/IfExists$/, '').replace(/^For(All|Any)Values:/, '');
    const negated = base.includes('Not') && base !== 'Null';
    if (negated) return conditionPhrase({ ...c, effect: 'requires' });
    if (
      base === 'Bool' &&
      c.values.every((v) => v.toLowerCase() === 'false') &&
      (c.category === 'tls' || c.category === 'mfa')
    )
      return conditionPhrase({ ...c, effect: 'requires', values: ['true'] });
    return `denied when ${c.key} ${c.operator} ${c.values.join(', ')}`;
  }
  const tag = c.key.slice(c.key.indexOf('/') + 1);
  switch (c.category) {
    case 'mfa':
      return c.key.toLowerCase() === 'aws:multifactorauthage'
        ? `only with MFA (${c.operator} ${values} seconds)`
        : 'only with MFA';
    case 'source-vpce':
      return `only from ${values}`;
    case 'source-vpc':
      return `only from VPC ${values}`;
    case 'source-ip':
      return `only from ${values}`;
    case 'tls':
      return 'only over TLS';
    case 'region':
      return `only in ${values}`;
    case 'principal-tag':
      return `only if the caller is tagged ${tag}=${values}`;
    case 'resource-tag':
      return `only if the resource is tagged ${tag}=${values}`;
    case 'request-tag':
      return `only if the request tags ${c.key.includes('/') ? `${tag}=${values}` : values}`;
    case 'principal-org':
      return `only from organization ${values}`;
    case 'source-resource':
      return `only on behalf of ${values}`;
    default:
      return `only if ${c.key} ${c.operator} ${values}`;
  }
}

/** One row's conditions in a few words, for the table. */
function conditionsCell(row: WhoCanRow): string {
  const parts = [...new Set(row.conditions.map(conditionPhrase))];
  if (row.identity === 'unknown') parts.push('if its own account allows');
  return parts.join('; ') || '-';
}

/** The text view: a summary line, a table of the allowed principals, then each one's statements and conditions. */
export function renderWhoCanText(result: WhoCanResult, style: Style): string {
  const lines: string[] = [];
  const allowed = result.principals.length;
  lines.push(
    `${result.action} on ${result.resource}: ${allowed} of ${result.evaluated} principal(s) allowed` +
      (allowed === 0 ? '' : ` (${result.allowedCount} always, ${result.conditionalCount} under conditions)`),
  );
  if (result.anyone)
    lines.push(style.yellow('the resource policy also allows any principal ("Principal": "*")'));
  if (allowed > 0) {
    const rows = result.principals.map((r) => [r.principal, r.kind, r.access, conditionsCell(r)]);
    const widths = COLUMNS.map((title, i) =>
      Math.min(i === 3 ? 80 : 72, Math.max(title.length, ...rows.map((r) => (r[i] ?? '').length))),
    );
    const cell = (text: string, i: number) => {
      const width = widths[i] ?? 0;
      // a principal keeps its end (the name), a condition its start
      const cut =
        text.length <= width
          ? text
          : i === 3
            ? `${text.slice(0, width - 1)}…`
            : `…${text.slice(text.length - width + 1)}`;
      return cut.padEnd(width);
    };
    lines.push('', style.bold(COLUMNS.map(cell).join('  ').trimEnd()));
    for (const row of rows) lines.push(row.map(cell).join('  ').trimEnd());
    result.principals.forEach((r, i) => {
      lines.push('', `${style.bold(`${i + 1}. ${r.principal}`)} — ${r.access}`);
      const by = r.statements.map((s) => `${s.layer} ${s.policy}${s.sid === null ? '' : ` (${s.sid})`}`);
      if (by.length > 0) lines.push(`   allowed by: ${by.join('; ')}`);
      if (r.resourceGrant !== null) lines.push(`   the resource policy names it (${r.resourceGrant})`);
      for (const c of r.conditions)
        lines.push(
          `   ${conditionPhrase(c)}  ${style.dim(`(${c.layer} ${c.policy}${c.sid === null ? '' : ` ${c.sid}`})`)}`,
        );
      if (r.session !== null && (r.session.tags.length > 0 || r.session.conditions.length > 0)) {
        const needs = [
          ...(r.session.tags.length > 0 ? [`session tags ${r.session.tags.join(', ')}`] : []),
          ...(r.session.conditions.length > 0 ? [r.session.conditions.join(', ')] : []),
        ];
        lines.push(`   a session needs: ${needs.join('; ')}`);
      }
      if (r.identity === 'unknown')
        lines.push(
          style.yellow("   its account's identity policies were not given: allowed only if they allow too"),
        );
      if (!r.complete) lines.push(style.yellow('   not every combination of condition values was tried'));
    });
  }
  if (result.missing.length > 0) {
    lines.push('', 'missing evidence (the answer may change with it):');
    for (const m of result.missing) lines.push(`   ${m.message}`, style.dim(`     ${m.command}`));
  }
  for (const p of result.problems) lines.push('', style.red(`${p.principal} left out: ${p.message}`));
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = [
  'principal',
  'kind',
  'account',
  'source',
  'identity',
  'access',
  'categories',
  'conditions',
  'session_tags',
  'session_conditions',
  'statements',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  // a cell a spreadsheet would read as a formula is prefixed with `'` (as what-can does)
  const cell = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The allowed principals as CSV (RFC 4180, a header row, CRLF line ends); lists joined by `; `. */
export function renderWhoCanCsv(result: WhoCanResult): string {
  const rows = result.principals.map((r) => [
    r.principal,
    r.kind,
    r.account ?? '',
    r.source,
    r.identity,
    r.access,
    r.categories.join('; '),
    [...new Set(r.conditions.map(conditionPhrase))].join('; '),
    r.session?.tags.join('; ') ?? '',
    r.session?.conditions.join('; ') ?? '',
    r.statements.map((s) => `${s.layer} ${s.policy}${s.sid === null ? '' : ` ${s.sid}`}`).join('; '),
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
