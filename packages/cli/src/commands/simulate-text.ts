import type { AuthorizationRequest } from '@whydenied/core';
import type { ConditionOutcome, EvaluationResult, StatementTrace } from '@whydenied/core/engine';
import pc from 'picocolors';

const LAYER_TEXT: Readonly<Record<string, string>> = {
  rcp: 'resource control policy',
  scp: 'service control policy',
  resource: 'resource-based policy',
  identity: 'identity-based policy',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
  'vpc-endpoint': 'VPC endpoint policy',
};

function list(values: readonly string[] | null): string {
  if (values === null) return 'absent';
  return values.length === 1 ? `\`${values[0]}\`` : `[${values.map((v) => `\`${v}\``).join(', ')}]`;
}

function describeCondition(c: ConditionOutcome): string {
  const expected = list(c.clause.values.map((v) => v.raw));
  const actual = list(c.actual);
  const note = c.unresolved ? ' (a policy variable has no value)' : '';
  return `${c.clause.operator} ${c.clause.key}: expected ${expected}, actual ${actual}${note}`;
}

function statementLabel(t: StatementTrace): string {
  const s = t.origin.statement;
  const sid = s.sid === null ? `#${s.index}` : `${s.sid} (#${s.index})`;
  const level = t.origin.layer === 'scp' || t.origin.layer === 'rcp' ? ` level ${t.origin.level}` : '';
  return `${t.origin.layer}${level} ${t.origin.policy} ${sid} ${s.effect}`;
}

function whyNot(t: StatementTrace): string {
  if (!t.actionMatched) return 'action does not match';
  if (t.resourceMatched === false) return 'resource does not match';
  if (t.principal !== null && !t.principal.matched) return 'principal does not match';
  const failed = (t.conditions ?? []).filter((c) => !c.matched);
  return failed.map(describeCondition).join('; ');
}

/** Renders one evaluation for people: the decision, the deciding layer, the deciding statements, failing conditions. */
export function renderSimulationText(request: AuthorizationRequest, result: EvaluationResult): string {
  const lines: string[] = [];
  const head = `${request.action} on ${request.resource} by ${request.principal}`;
  const rule = result.builtIn;
  if (rule !== null && rule.effect !== 'require-resource-policy') {
    // AWS allows or refuses it whatever the policies say: no statement decides
    const decision = result.decision === 'Allowed' ? pc.green('Allowed') : pc.red(result.decision);
    lines.push(`${decision}: ${head}`);
    lines.push(`  decided by a rule AWS applies that no policy states: ${rule.id}`);
    return `${lines.join('\n')}\n`;
  }
  if (result.decision === 'Allowed') {
    lines.push(`${pc.green('Allowed')}: ${head}`);
  } else if (result.decision === 'ExplicitDeny') {
    lines.push(`${pc.red('ExplicitDeny')}: ${head}`);
    lines.push(`  an explicit deny in the ${LAYER_TEXT[result.layer ?? ''] ?? result.layer}`);
  } else {
    lines.push(`${pc.red('ImplicitDeny')}: ${head}`);
    lines.push(`  no ${LAYER_TEXT[result.layer ?? ''] ?? result.layer} allows it`);
    if (rule !== null) lines.push(`  and AWS requires it to (${rule.id})`);
  }
  const relevant = result.trace.filter(
    (t) => t.actionMatched && t.resourceMatched !== false && (t.principal === null || t.principal.matched),
  );
  const deciding = relevant.filter((t) =>
    result.decision === 'ExplicitDeny'
      ? t.matched && t.origin.statement.effect === 'Deny'
      : result.decision === 'Allowed'
        ? t.matched && t.origin.statement.effect === 'Allow'
        : t.origin.layer === result.layer,
  );
  if (deciding.length > 0) lines.push('  statements:');
  for (const t of deciding) {
    const status = t.matched ? pc.green('matched') : `${pc.yellow('not matched')}: ${whyNot(t)}`;
    lines.push(`    ${statementLabel(t)} at ${t.origin.statement.pointer}: ${status}`);
  }
  if (result.decision === 'ImplicitDeny' && deciding.length === 0) {
    lines.push(
      `  no statement of the ${LAYER_TEXT[result.layer ?? ''] ?? result.layer} matches this action and resource`,
    );
  }
  return `${lines.join('\n')}\n`;
}
