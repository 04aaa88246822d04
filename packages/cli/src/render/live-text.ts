import type { LiveReport } from '../live.js';
import type { Style } from './style.js';

/** The live section of `diagnose --live`: who called, what could not be read and why, AWS's simulator beside the engine. */
export function renderLiveText(report: LiveReport, s: Style, whydenied: string): string {
  const out: string[] = [''];
  const ms = report.calls.reduce((sum, c) => sum + c.ms, 0);
  out.push(s.bold(`Live evidence (read-only: ${report.calls.length} AWS calls, ${ms} ms)`));
  const same =
    report.sameCaller === null
      ? ''
      : report.sameCaller
        ? " (the error's caller)"
        : " (not the error's caller: the evidence read is the error caller's where these credentials could read it)";
  out.push(`  credentials: ${report.caller.arn}${same}`);
  for (const note of report.notes) out.push(`  ${note}`);
  if (report.gaps.length > 0) {
    out.push('', s.bold('Could not read'));
    for (const gap of report.gaps) {
      const why =
        gap.outcome === 'denied'
          ? `denied${gap.reasonLayer === null ? '' : ` (${gap.denyType ?? 'a'} deny in the ${gap.reasonLayer} layer)`}: needs \`${gap.action}\``
          : `${gap.code}: ${gap.message.split('\n')[0]}`;
      out.push(`  - ${gap.action} on ${gap.subject}: ${why}`);
    }
    if (report.gaps.some((g) => g.action.startsWith('organizations:') && g.outcome === 'denied')) {
      out.push(
        "  the organization's SCPs and RCPs can be read only from its management account or a delegated",
        '  administrator; they can export them for you:',
        `    ${s.cyan(`$ ${whydenied} collect --for error.txt --out org-evidence/`)}`,
        '  then give org-evidence/org.json with --org',
      );
    }
  }
  if (report.simulator.length > 0) {
    out.push('', s.bold("AWS's simulator beside the engine (iam:SimulatePrincipalPolicy)"));
    for (const row of report.simulator) {
      const verdict = row.agree ? s.green('agree') : s.yellow(`differ: ${row.explanation}`);
      const layer = row.layer === null ? '' : ` in the ${row.layer} layer`;
      out.push(
        `  - ${row.action} on ${row.resource}: AWS ${row.aws}, whydenied ${row.whydenied}${layer}: ${verdict}`,
      );
    }
  }
  if (report.livePolicy !== null) {
    out.push('', s.dim('to let live mode read everything it needs, the credentials need this policy:'));
    for (const line of JSON.stringify(report.livePolicy, null, 2).split('\n')) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}
