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

/** What `JSON.stringify({ grants: [g] }, null, 2)` puts around the grant: `{\n  "grants": [\n` and `\n  ]\n}`. */
const GRANT_PREFIX = '{\n  "grants": [\n'.length;
const GRANT_SUFFIX = '\n  ]\n}'.length;

/** How much JSON text is gathered before it is written. */
const JSON_CHUNK = 1 << 20;

/**
 * `what-can --format json` as the text `toJsonText` gives (two-space indent, final newline), in
 * pieces of about 1 MiB: each grant is serialised on its own, so that an administrator's 45 MB answer
 * is never one string.
 */
export function* whatCanJsonText(result: WhatCanResult): Generator<string> {
  const json = whatCanJson(result);
  const whole = JSON.stringify({ ...json, grants: [] }, null, 2);
  if (result.grants.length === 0) {
    yield `${whole}\n`;
    return;
  }
  const marker = '"grants": []';
  const at = whole.indexOf(marker);
  let piece = `${whole.slice(0, at)}"grants": [`;
  const last = result.grants.length - 1;
  for (const [i, g] of result.grants.entries()) {
    // serialised inside `{ "grants": [ … ] }`, a grant comes out at its final indent, with no re-indenting pass
    piece += `\n${JSON.stringify({ grants: [g] }, null, 2).slice(GRANT_PREFIX, -GRANT_SUFFIX)}${i < last ? ',' : ''}`;
    if (piece.length >= JSON_CHUNK) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n  ]${whole.slice(at + marker.length)}\n`;
}

/** `what-can --format ndjson`: one grant per line, in pieces of about 1 MiB. */
export function* whatCanNdjsonText(result: WhatCanResult): Generator<string> {
  let piece = '';
  for (const g of result.grants) {
    piece += `${JSON.stringify(g)}\n`;
    if (piece.length >= JSON_CHUNK) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
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
  const via = g.via === null ? '' : ` (through ${g.via.policy})`;
  return `${g.resource}${within}${except}${g.exact ? '' : ' (approximate)'}${own}${via}`;
}

/** One row of a service's table: the cells as plain text, and the escalation code to colour. */
interface Row {
  readonly cells: readonly [string, string, string, string, string];
  readonly escalation: boolean;
}

/**
 * The rows of one service and access level: grants alike in all but the action and resource type on
 * one row (an administrator's `*` covers every resource type of an action).
 */
function rowsOf(level: string, grants: readonly WhatCanGrant[]): Row[] {
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
  const rows: Row[] = [];
  for (const { actions, types, grant } of groups.values()) {
    const shown =
      actions.length > 4
        ? `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`
        : actions.join(', ');
    const type =
      types.length === 0 ? '' : types.length === 1 ? ` [${types[0]}]` : ` [${types.length} resource types]`;
    rows.push({
      cells: [
        rows.length === 0 ? (LEVEL_NAMES[level] ?? level) : '',
        terminalSafe(`${shown}${type}`),
        terminalSafe(resourcesText(grant)),
        grant.escalation?.code ?? '',
        terminalSafe(grant.conditions.map(conditionText).join('; ')),
      ],
      escalation: grant.escalation !== null,
    });
  }
  return rows;
}

const HEADER = ['ACCESS', 'ACTIONS', 'RESOURCES', 'ESCALATION', 'CONDITIONS'] as const;

/** A service's rows as a table: columns padded to their widest cell, the last one not padded. */
function table(rows: readonly Row[], style: Style): string[] {
  const used = HEADER.map((_, i) => i === 0 || i === 1 || i === 2 || rows.some((r) => r.cells[i] !== ''));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]?.length ?? 0)));
  const last = used.lastIndexOf(true);
  const render = (cells: readonly string[], escalation: boolean) =>
    `  ${cells
      .flatMap((c, i) => {
        if (!used[i]) return [];
        const padded = i === last ? c : c.padEnd(widths[i] ?? 0);
        return [i === 3 && escalation ? style.red(padded) : padded];
      })
      .join('  ')
      .trimEnd()}`;
  return [style.bold(render(HEADER, false)), ...rows.map((r) => render(r.cells, r.escalation))];
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
  let rows: Row[] = [];
  const flushLevel = () => {
    if (group.length > 0) rows.push(...rowsOf(level, group));
    group = [];
  };
  const flushService = () => {
    flushLevel();
    if (rows.length > 0) out.push('', style.bold(t(service)), ...table(rows, style));
    rows = [];
  };
  for (const g of result.grants) {
    if (g.service !== service) {
      flushService();
      service = g.service;
      level = '';
    }
    if (g.accessLevel !== level) {
      flushLevel();
      level = g.accessLevel;
    }
    group.push(g);
  }
  flushService();
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
  'via',
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
        g.via?.policy ?? '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
