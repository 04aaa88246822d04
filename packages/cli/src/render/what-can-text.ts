import type { OpenCondition, WhatCanGrant, WhatCanResult } from '@whydenied/core/access';
import type { Style } from './style.js';
import { terminalSafe } from './terminal-safe.js';

/** The JSON of `what-can --format json`: the result with its counts first. */
export function whatCanJson(result: WhatCanResult): Record<string, unknown> {
  return {
    principal: result.principal,
    identity: result.identity,
    actionCount: new Set(result.grants.map((g) => g.action)).size,
    grantCount: result.grants.length,
    escalationCount: result.grants.filter((g) => g.escalation !== null).length,
    grants: result.grants,
    missingEvidence: result.missingEvidence,
    limits: result.limits,
    unknownActions: result.unknownActions,
    tested: result.tested,
  };
}

/** `key (category)` for a condition; `unless …` for a deny's. */
function conditionText(c: OpenCondition): string {
  const values = c.values.length === 1 ? (c.values[0] as string) : `[${c.values.join(', ')}]`;
  return `${c.effect === 'unless' ? 'unless' : 'only if'} ${c.key} ${c.operator} ${values} (${c.category})`;
}

function resourcesText(g: WhatCanGrant): string {
  const within = g.within.length === 0 ? '' : ` within ${g.within.join(', ')}`;
  const except = g.except.length === 0 ? '' : ` except ${g.except.join(', ')}`;
  const own = g.resourcePolicyRequired === null ? '' : ' (if its own policy trusts the account)';
  return `${g.resource}${within}${except}${g.exact ? '' : ' (approximate)'}${own}`;
}

/**
 * The grants of one service and access level: those alike in all but the action and resource type on
 * one line (an administrator's `*` covers every resource type of an action).
 */
function lines(grants: readonly WhatCanGrant[], style: Style): string[] {
  const groups = new Map<string, { actions: string[]; types: string[]; grant: WhatCanGrant }>();
  for (const g of grants) {
    const key = JSON.stringify([resourcesText(g), g.conditions.map(conditionText), g.escalation?.code]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { actions: [], types: [], grant: g };
      groups.set(key, group);
    }
    if (!group.actions.includes(g.action)) group.actions.push(g.action);
    if (g.resourceType !== null && !group.types.includes(g.resourceType)) group.types.push(g.resourceType);
  }
  const out: string[] = [];
  for (const { actions, types, grant } of groups.values()) {
    const shown =
      actions.length > 4
        ? `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`
        : actions.join(', ');
    const flag = grant.escalation === null ? '' : style.red(` ! ${grant.escalation.code}`);
    const type =
      types.length === 0 ? '' : types.length === 1 ? ` [${types[0]}]` : ` [${types.length} resource types]`;
    out.push(`    ${terminalSafe(`${shown}${type} on ${resourcesText(grant)}`)}${flag}`);
    for (const c of grant.conditions) out.push(style.dim(`      ${terminalSafe(conditionText(c))}`));
  }
  return out;
}

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  list: 'List',
  read: 'Read',
  write: 'Write',
  tagging: 'Tagging',
  'permissions-management': 'Permissions management',
};

/**
 * `what-can`'s text view: a summary, the grants by service and access level, escalation paths, limits.
 * Every line is made terminal-safe before it is styled (the input's strings are printed once each
 * group, so the result is not copied as a whole).
 */
export function renderWhatCanText(result: WhatCanResult, style: Style): string {
  const t = terminalSafe;
  const actions = new Set(result.grants.map((g) => g.action));
  const services = new Set(result.grants.map((g) => g.service));
  const escalations = result.grants.filter((g) => g.escalation !== null);
  const out = [
    `${style.bold(t(result.principal))} (${t(result.identity.kind)} of account ${t(result.identity.account)}): ${actions.size} actions in ${services.size} services${escalations.length === 0 ? '' : `, ${style.red(`${escalations.length} privilege-escalation grants`)}`}`,
  ];
  let service = '';
  let level = '';
  let group: WhatCanGrant[] = [];
  const flush = () => {
    if (group.length > 0) out.push(...lines(group, style));
    group = [];
  };
  for (const g of result.grants) {
    if (g.service !== service) {
      flush();
      service = g.service;
      level = '';
      out.push('', style.bold(t(service)));
    }
    if (g.accessLevel !== level) {
      flush();
      level = g.accessLevel;
      out.push(`  ${LEVEL_NAMES[level] ?? level}`);
    }
    group.push(g);
  }
  flush();
  if (escalations.length > 0) {
    out.push('', style.bold('Privilege escalation'));
    for (const g of escalations)
      out.push(
        `  ${style.red('!')} ${t(`${g.action} on ${g.resource}`)}: ${g.escalation?.summary} (${g.escalation?.code}, ${g.escalation?.source})`,
      );
  }
  if (result.missingEvidence.length > 0) {
    out.push('', style.bold('Missing evidence'));
    for (const m of result.missingEvidence) out.push(`  ${t(m.message)}`, style.dim(`    ${t(m.command)}`));
  }
  out.push('', style.bold('Limits'));
  for (const l of result.limits) out.push(`  ${l.message}`);
  return `${out.join('\n')}\n`;
}

/** The CSV columns of `what-can --format csv`. */
export const WHAT_CAN_CSV_COLUMNS = [
  'service',
  'accessLevel',
  'action',
  'resourceType',
  'resource',
  'within',
  'except',
  'exact',
  'conditions',
  'statements',
  'resourcePolicyRequired',
  'escalation',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell a spreadsheet
 * would read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `what-can --format csv`: a header, then one row per grant; lists joined with `; `. */
export function renderWhatCanCsv(result: WhatCanResult): string {
  const rows = [WHAT_CAN_CSV_COLUMNS.join(',')];
  for (const g of result.grants) {
    rows.push(
      [
        g.service,
        g.accessLevel,
        g.action,
        g.resourceType ?? '',
        g.resource,
        g.within.join('; '),
        g.except.join('; '),
        String(g.exact),
        g.conditions.map(conditionText).join('; '),
        g.statements
          .map((s) => `${s.layer}:${s.policy}#${s.index}${s.sid === null ? '' : ` ${s.sid}`}`)
          .join('; '),
        g.resourcePolicyRequired ?? '',
        g.escalation?.code ?? '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
