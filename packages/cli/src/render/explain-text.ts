import type { ExplainedStatement, Explanation } from '@whydenied/core';
import type { Style } from './style.js';

const LAYER_WORDS: Readonly<Record<string, string>> = {
  scp: 'service control policy (SCP)',
  'permissions-boundary': 'permissions boundary',
  identity: 'identity-based policy',
};

const HEADLINES: Readonly<Record<Explanation['decision'], string>> = {
  ExplicitDeny: 'AWS denied the request: a statement denies it (explicit deny)',
  ImplicitDeny: 'AWS denied the request: no statement allows it (implicit deny)',
  Allowed: 'AWS allowed this check: the failure came from another one',
};

/** The text view of `whydenied explain`: what failed, the statements and their layers, the next steps. */
export function renderExplainText(e: Explanation, style: Style): string {
  const lines: string[] = [style.bold(HEADLINES[e.decision])];
  const row = (label: string, value: string | null): void => {
    if (value === null) return;
    if (lines.length === 1) lines.push('');
    lines.push(`  ${label.padEnd(9)} ${value}`);
  };
  const written =
    e.actionAsWritten !== null && e.actionAsWritten !== e.action ? ` (written ${e.actionAsWritten})` : '';
  row('action', e.action === null ? null : `${e.action}${written}`);
  row(
    'resource',
    e.resource === null ? null : `${e.resource}${e.resourceType === null ? '' : ` (${e.resourceType})`}`,
  );
  row('caller', e.principal);
  row(
    '',
    e.principalId === null
      ? null
      : `id ${e.principalId}${e.principalName === null ? '' : `, user ${e.principalName}`}`,
  );
  row('account', e.account);
  row('region', e.region);

  lines.push('', style.bold('Matched statements'));
  if (e.statements.length === 0) {
    lines.push(
      e.decision === 'ImplicitDeny'
        ? '  none: no statement matched, which is what an implicit deny looks like'
        : '  none in the message',
    );
  }
  e.statements.forEach((s, i) => {
    for (const line of statementLines(s, i + 1, style)) lines.push(line);
  });

  const context = e.context;
  if (context.length > 0) {
    lines.push('', style.bold('Request context'));
    const width = Math.min(
      context.reduce((w, c) => Math.max(w, c.key.length), 0),
      40,
    );
    for (const c of context) lines.push(`  ${c.key.padEnd(width)} ${c.values.join(', ')}`);
  }

  if (e.diagnostics.length > 0) {
    lines.push('', style.bold('Could not read'));
    for (const d of e.diagnostics) lines.push(`  - ${d.message}`);
  }

  if (e.nextSteps.length > 0) {
    lines.push('', style.bold('Next steps'));
    e.nextSteps.forEach((step, i) => {
      lines.push(`  ${i + 1}. ${step.message}`);
      if (step.command !== undefined) lines.push(`     ${style.cyan(`$ ${step.command}`)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

function statementLines(s: ExplainedStatement, n: number, style: Style): string[] {
  const effect = s.effect === 'Deny' ? style.red('Deny') : style.green('Allow');
  const sid = s.sid === null ? 'without a Sid' : `\`${s.sid}\``;
  const layer = s.layer === null ? 'layer unknown' : (LAYER_WORDS[s.layer] ?? s.layer);
  const lines = [
    `  ${n}. ${effect} ${sid}: ${layer}`,
    `     why        ${s.layerReason}`,
    `     actions    ${s.actions.join(', ') || '(not in the message)'}`,
    `     resources  ${s.resources.join(', ') || '(not in the message)'}`,
  ];
  for (const c of s.conditions) {
    const had =
      c.requestValues === null ? 'the request had none' : `the request had ${c.requestValues.join(', ')}`;
    lines.push(`     condition  ${c.key} against ${c.values.join(', ')} (operator not shown; ${had})`);
  }
  return lines;
}
