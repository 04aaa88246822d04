import { parseJson } from '../json/parse-json.js';
import { matchWildcard } from '../matching/wildcard.js';
import { decodePolicyText, parsePolicy } from '../policy/parse-policy.js';

/** A policy document as a plain object with its statements as a list, ready to edit. */
export interface EditableDocument {
  readonly Version: string;
  readonly Statement: Record<string, unknown>[];
  readonly [key: string]: unknown;
}

/**
 * Reads a document given as an object, JSON text or URL-encoded JSON text (as IAM APIs return them)
 * into an editable object, keeping every statement as written. `null` stands for a policy to create.
 */
export function toEditable(document: unknown): EditableDocument | null {
  if (document === null || document === undefined) {
    return { Version: '2012-10-17', Statement: [] };
  }
  const raw = typeof document === 'string' ? fromText(document) : document;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return null;
  }
  const record = raw as Record<string, unknown>;
  // only documents the engine can read are edited: a fix is always re-evaluated
  const kind = JSON.stringify(record).includes('"Principal"') ? 'resource' : 'identity';
  if (!parsePolicy(record, { kind }).ok) {
    return null;
  }
  const statement = record.Statement;
  const statements = Array.isArray(statement)
    ? statement.map((s) => ({ ...(s as Record<string, unknown>) }))
    : [{ ...(statement as Record<string, unknown>) }];
  return {
    ...record,
    Version: typeof record.Version === 'string' ? record.Version : '2012-10-17',
    Statement: statements,
  };
}

function fromText(text: string): unknown {
  const json = decodePolicyText(text);
  if (json === undefined) return null;
  const parsed = parseJson(json);
  return parsed.ok ? parsed.value : null;
}

/** The document with `statement` appended; every existing statement is kept as written. */
export function addStatement(
  document: EditableDocument,
  statement: Record<string, unknown>,
): EditableDocument {
  return { ...document, Statement: [...document.Statement, statement] };
}

/** A Sid not used in the document: `base`, else `base2`, `base3`... */
export function freshSid(document: EditableDocument, base: string): string {
  const used = new Set(document.Statement.map((s) => s.Sid));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}${n}`)) return `${base}${n}`;
  }
}

/**
 * The document with the Deny statement `index` no longer applying to `principalArn` for `actions`:
 * the statement gets an `ArnNotLike aws:PrincipalArn` exception, and when it denies through
 * `NotAction`, a copy of it keeps denying the principal everything else (its `NotAction` extended by
 * `actions`, limited to the principal with `ArnLike`). When it denies through `Action` and names the
 * actions only as exact entries, the copy keeps denying the principal its other entries. An action the
 * Deny reaches through a wildcard (`ec2:*`) cannot be subtracted without `NotAction`, which would deny
 * more than the statement does; there the principal is exempted from the whole statement.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export function exemptPrincipal(
  document: EditableDocument,
  index: number,
  principalArn: string,
  actions: readonly string[],
): EditableDocument | null {
  const statement = document.Statement[index];
  if (statement === undefined || statement.Effect !== 'Deny') {
    return null;
  }
  const amended = {
    ...statement,
    Condition: withArnCondition(statement.Condition, 'ArnNotLike', principalArn),
  };
  const statements = document.Statement.map((s, i) => (i === index ? amended : s));
  const kept = keptForCaller(statement, actions);
  if (kept !== null) {
    const { Sid: sid, ...rest } = statement;
    statements.splice(index + 1, 0, {
      ...(typeof sid === 'string' ? { Sid: `${sid}ForCaller` } : {}),
      ...rest,
      ...kept,
      Condition: withArnCondition(statement.Condition, 'ArnLike', principalArn),
    });
  }
  return { ...document, Statement: statements };
}

/**
 * The action element of the copy that keeps denying the caller the rest of the statement: its
 * `NotAction` extended by `actions`, or its `Action` without them; `null` when no copy is needed (the
 * Deny named only `actions`) or none can be written (an action reached through a wildcard).
 */
function keptForCaller(
  statement: Record<string, unknown>,
  actions: readonly string[],
): { NotAction: unknown[] } | { Action: string | string[] } | null {
  if (statement.NotAction !== undefined) {
    const notAction = Array.isArray(statement.NotAction) ? statement.NotAction : [statement.NotAction];
    return { NotAction: [...notAction, ...actions.filter((a) => !notAction.includes(a))] };
  }
  const rest = remainingActions(statement.Action, actions);
  if (rest === null || rest.length === 0) return null;
  return { Action: rest.length === 1 ? (rest[0] as string) : rest };
}

/**
 * The Deny's `Action` entries without `actions`, or `null` when one of `actions` is reached through a
 * wildcard entry and so cannot be taken out. Action names compare case-insensitively.
 */
function remainingActions(written: unknown, actions: readonly string[]): string[] | null {
  const entries = (Array.isArray(written) ? written : [written]).filter(
    (a): a is string => typeof a === 'string',
  );
  const wanted = new Set(actions.map((a) => a.toLowerCase()));
  const rest = entries.filter((entry) => !wanted.has(entry.toLowerCase()));
  const throughWildcard = rest.some((entry) =>
    actions.some((action) => matchWildcard(entry, action, { ignoreCase: true })),
  );
  return throughWildcard ? null : rest;
}

function withArnCondition(
  condition: unknown,
  operator: 'ArnLike' | 'ArnNotLike',
  arn: string,
): Record<string, unknown> {
  const blocks = { ...((condition as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  const block = { ...(blocks[operator] ?? {}) };
  const existing = block['aws:PrincipalArn'];
  const values = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  block['aws:PrincipalArn'] = values.includes(arn) ? values : [...values, arn];
  blocks[operator] = block;
  return blocks;
}

/**
 * The document with `value` added to the values of `key` under `operator` in statement `index` (both
 * matched without regard to case, as IAM reads them); every other element is kept as written.
 * `null` when the statement has no such condition, or already names the value.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function extendCondition(
  document: EditableDocument,
  index: number,
  operator: string,
  key: string,
  value: string,
): EditableDocument | null {
  const statement = document.Statement[index];
  const condition = statement?.Condition;
  if (statement === undefined || typeof condition !== 'object' || condition === null) return null;
  const blocks = condition as Record<string, unknown>;
  const blockName = Object.keys(blocks).find((k) => k.toLowerCase() === operator.toLowerCase());
  const block = blockName === undefined ? undefined : blocks[blockName];
  if (blockName === undefined || typeof block !== 'object' || block === null) return null;
  const entries = block as Record<string, unknown>;
  const keyName = Object.keys(entries).find((k) => k.toLowerCase() === key.toLowerCase());
  if (keyName === undefined) return null;
  const written = entries[keyName];
  const values = Array.isArray(written) ? [...written] : [written];
  if (values.includes(value)) return null;
  const amended = {
    ...statement,
    Condition: { ...blocks, [blockName]: { ...entries, [keyName]: [...values, value] } },
  };
  return { ...document, Statement: document.Statement.map((s, i) => (i === index ? amended : s)) };
}
