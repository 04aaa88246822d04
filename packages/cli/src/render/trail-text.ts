import type { Diagnosis } from '@whydenied/core';
import type { TrailGroup } from '@whydenied/core/trail';
import type { Style } from './style.js';

/** A group as `trail` prints it: the group's facts, its example event ids, and its diagnosis. */
export interface TrailReportGroup extends Omit<TrailGroup, 'example' | 'exampleAt' | 'events'> {
  readonly eventIds: readonly string[];
  /** The diagnosis of the group's earliest event, with the evidence given; `null` when it has none. */
  readonly diagnosis: Diagnosis | null;
}

/** What `trail` found: counts over every file, and the groups shown (most events first). */
export interface TrailReport {
  readonly files: number;
  /** Records read and failed ones; `null` for groups read from a query's result. */
  readonly records: number | null;
  readonly failed: number | null;
  readonly denials: number;
  readonly groupCount: number;
  readonly groups: readonly TrailReportGroup[];
}

const COLUMNS = ['COUNT', 'PRINCIPAL', 'ACTION', 'RESOURCE', 'CODE', 'LAYER'] as const;

/** The text view: a summary line, a table of the groups shown, then each group's details. */
export function renderTrailText(
  report: TrailReport,
  style: Style,
  options: { readonly evidence: boolean },
): string {
  const lines: string[] = [];
  const read =
    report.records === null || report.failed === null
      ? 'a query result: '
      : `${report.records.toLocaleString('en-US')} record(s) in ${report.files} file(s): ${report.failed.toLocaleString('en-US')} failed, `;
  lines.push(
    read +
      `${report.denials.toLocaleString('en-US')} denial(s) or look-alike(s) in ${report.groupCount.toLocaleString('en-US')} group(s)` +
      (report.groups.length < report.groupCount ? `, the top ${report.groups.length} shown` : ''),
  );
  if (report.groups.length === 0) return `${lines.join('\n')}\n`;
  const rows = report.groups.map((g) => [
    g.count.toLocaleString('en-US'),
    g.principal ?? '-',
    g.action ?? '-',
    g.resourcePattern ?? '-',
    g.errorCode,
    g.reasonLayer ?? (g.lookalike === null ? '-' : g.kind),
  ]);
  const widths = COLUMNS.map((title, i) =>
    Math.min(60, Math.max(title.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const cell = (text: string, i: number) => {
    const width = widths[i] ?? 0;
    const cut = text.length > width ? `…${text.slice(text.length - width + 1)}` : text;
    return i === 0 ? cut.padStart(width) : cut.padEnd(width);
  };
  lines.push('', style.bold(COLUMNS.map(cell).join('  ').trimEnd()));
  for (const row of rows) lines.push(row.map(cell).join('  ').trimEnd());
  report.groups.forEach((g, i) => {
    lines.push(
      '',
      style.bold(
        `${i + 1}. ${g.principal ?? 'unknown caller'} → ${g.action ?? 'unknown action'} on ${g.resourcePattern ?? 'an unnamed resource'}`,
      ),
    );
    const kind = g.lookalike === null ? '' : ` — not a permission problem (${g.kind}: ${g.lookalike})`;
    lines.push(
      `   ${g.errorCode}${g.reasonLayer === null ? '' : ` (${g.reasonLayer}${g.denyType === null ? '' : `, ${g.denyType}`})`}${kind}`,
    );
    lines.push(
      `   ${g.count.toLocaleString('en-US')} event(s), ${g.firstSeen ?? '?'} → ${g.lastSeen ?? '?'}`,
    );
    lines.push(`   accounts: ${g.accounts.join(', ') || '-'}; regions: ${g.regions.join(', ') || '-'}`);
    if (g.eventIds.length > 0) lines.push(style.dim(`   events: ${g.eventIds.join(', ')}`));
    lines.push(...diagnosisLines(g.diagnosis, style, options.evidence));
  });
  return `${lines.join('\n')}\n`;
}

function diagnosisLines(diagnosis: Diagnosis | null, style: Style, evidence: boolean): string[] {
  if (diagnosis === null) return [];
  const lines: string[] = [];
  const finding = diagnosis.findings[0];
  if (finding !== undefined) {
    const where = [finding.policy, finding.sid === null ? null : `statement ${finding.sid}`].filter(
      (x) => x !== null,
    );
    lines.push(
      `   deciding layer: ${style.yellow(finding.layer)}${where.length > 0 ? ` (${where.join(', ')})` : ''}`,
    );
  } else if (evidence && diagnosis.kind === 'authorization') {
    lines.push('   deciding layer: not found in the evidence given');
  }
  const fix = diagnosis.fixes[0];
  if (fix !== undefined) {
    lines.push(`   fix${fix.proposal ? ' (a proposal for the owner)' : ''}: ${style.green(fix.command)}`);
  } else {
    const step = diagnosis.nextSteps[0];
    if (step !== undefined)
      lines.push(
        `   next: ${step.message}${step.command === undefined ? '' : ` — ${style.cyan(step.command)}`}`,
      );
  }
  return lines;
}
