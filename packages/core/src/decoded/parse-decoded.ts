import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import type {
  DecodedCondition,
  DecodedContext,
  DecodedForm,
  DecodedMessage,
  DecodedPrincipal,
  DecodedStatement,
} from './decoded-model.js';
import { completeCutJson, findJsonValue } from './json-prefix.js';

/** Fields that mark an object as a decoded authorization message. */
const MESSAGE_FIELDS = ['allowed', 'explicitDeny', 'matchedStatements', 'context'] as const;

/** How many times a message may be wrapped in strings or `DecodedMessage` objects. */
const MAX_WRAPPING = 4;

const DECODE_COMMAND =
  'aws sts decode-authorization-message --encoded-message <blob> --query DecodedMessage --output text';

/** Message templates of the diagnostics this parser reports, keyed by code. */
const MESSAGES = {
  'empty-input': () => 'the input is empty, expected a decoded authorization message',
  'decoded-not-json': () => 'no JSON object found in the input, expected a decoded authorization message',
  'decoded-not-a-message': (keys: string) =>
    `the JSON is not a decoded authorization message: expected \`allowed\`, \`explicitDeny\`, \`matchedStatements\` or \`context\`, found ${keys}`,
  'decoded-inner-json': (reason: string) => `the \`DecodedMessage\` string is not JSON: ${reason}`,
  'decoded-too-deep': () => 'the message is wrapped in more than four strings or `DecodedMessage` objects',
  'decoded-truncated': (detail: string) => `the message is cut off ${detail}: only what came before was read`,
  'decoded-elided': (path: string) => `part of the message was elided at \`${path}\` (an ellipsis)`,
  'decoded-field-missing': (field: string) => `the message has no \`${field}\``,
  'decoded-field-invalid': (field: string, expected: string) =>
    `\`${field}\` is not ${expected}, it was ignored`,
} as const;

interface Reader {
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a decoded authorization message in any form it is pasted in: the JSON object, the CLI's
 * `{"DecodedMessage": "<JSON string>"}` (JSON in a string, parsed twice), a JSON string holding the
 * JSON, or text around any of these (a prompt, a `DecodedMessage:` label, YAML output). A message
 * cut off mid-way is completed up to its last whole value and read with a `decoded-truncated`
 * warning (the message's `warnings`). Never throws.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/sts/decode-authorization-message.html
 */
export function parseDecodedMessage(input: unknown): Result<DecodedMessage> {
  const reader: Reader = { diagnostics: [] };
  let value = input;
  let form: DecodedForm = 'object';
  for (let depth = 0; depth <= MAX_WRAPPING; depth++) {
    if (typeof value === 'string') {
      const step = readText(value, depth, reader);
      if (!step.ok) return step;
      if (typeof step.value === 'string' && form === 'object') form = 'json-string';
      value = step.value;
      continue;
    }
    if (!isJsonObject(value)) {
      return fail('decoded-not-a-message', MESSAGES['decoded-not-a-message'](describe(value)));
    }
    const record = value;
    const isMessage = MESSAGE_FIELDS.some((f) => f in record);
    const wrapped = record.DecodedMessage ?? record.decodedMessage;
    if (wrapped !== undefined && !isMessage) {
      form = 'cli-wrapper';
      value = wrapped;
      continue;
    }
    if (!isMessage) {
      const keys = Object.keys(record).slice(0, 5);
      const found = keys.length === 0 ? 'an empty object' : keys.map((k) => `\`${k}\``).join(', ');
      return fail('decoded-not-a-message', MESSAGES['decoded-not-a-message'](found));
    }
    return { ok: true, value: normalise(record, form, reader) };
  }
  return fail('decoded-too-deep', MESSAGES['decoded-too-deep']());
}

/** Parses the JSON a text holds; `depth > 0` means the text came from inside a JSON string. */
function readText(text: string, depth: number, reader: Reader): Result<unknown> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty-input', MESSAGES['empty-input']());
  if (trimmed.startsWith('"')) {
    const parsed = parseJson(trimmed);
    if (parsed.ok) return parsed;
    const completed = completeCutJson(trimmed);
    if (completed !== null) {
      const again = parseJson(completed.text);
      if (again.ok) {
        warnTruncated(reader, depth, completed.keptUpTo);
        return again;
      }
    }
    return syntaxError(parsed.diagnostics, text, text.indexOf('"'), depth);
  }
  const slice = findJsonValue(text);
  if (slice === null) return fail('decoded-not-json', MESSAGES['decoded-not-json']());
  const body = text.slice(slice.start, slice.end);
  if (!slice.cut) {
    const parsed = parseJson(body);
    return parsed.ok ? parsed : syntaxError(parsed.diagnostics, text, slice.start, depth);
  }
  const parsed = parseJson(body);
  if (parsed.ok) return parsed;
  const completed = completeCutJson(body);
  if (completed !== null) {
    const again = parseJson(completed.text);
    if (again.ok) {
      warnTruncated(reader, depth, slice.start + completed.keptUpTo);
      return again;
    }
  }
  return syntaxError(parsed.diagnostics, text, slice.start, depth);
}

function warnTruncated(reader: Reader, depth: number, offset: number): void {
  const where = depth === 0 ? `after character ${offset}` : 'inside the `DecodedMessage` string';
  reader.diagnostics.push({
    code: 'decoded-truncated',
    severity: 'warning',
    message: MESSAGES['decoded-truncated'](where),
    path: '',
    help: `decode the message again and keep the whole output: \`${DECODE_COMMAND}\``,
  });
}

/** JSON syntax errors, with their positions moved from the slice to the whole text. */
function syntaxError(
  raw: readonly Diagnostic[],
  text: string,
  sliceStart: number,
  depth: number,
): Result<never> {
  return { ok: false, diagnostics: raw.map((d) => locatedSyntaxError(d, text, sliceStart, depth)) };
}

function locatedSyntaxError(raw: Diagnostic, text: string, sliceStart: number, depth: number): Diagnostic {
  const diagnostic = { ...raw, message: raw.message.replace(/\.$/, '') };
  if (depth > 0) {
    const at = diagnostic.span?.start;
    const reason = at === undefined ? diagnostic.message : `${diagnostic.message} at character ${at.offset}`;
    return error('json-syntax', MESSAGES['decoded-inner-json'](reason.replace(/^invalid JSON: /, '')));
  }
  const start = diagnostic.span?.start;
  if (start === undefined) return diagnostic;
  const moved = positionAt(text, sliceStart + start.offset);
  return { ...diagnostic, span: { start: moved, end: moved } };
}

/** The 1-based line and column of a 0-based offset. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

function normalise(raw: Record<string, unknown>, form: DecodedForm, reader: Reader): DecodedMessage {
  noteElisions(raw, '', reader);
  const statements = list(raw.matchedStatements, '/matchedStatements', reader, (item, path, index) =>
    statementOf(item, path, index, reader),
  );
  const allowed = flag(raw, 'allowed', reader) ?? false;
  const explicitDeny = flag(raw, 'explicitDeny', reader) ?? statements.some((s) => s.effect === 'Deny');
  const failures = list(raw.failures, '/failures', null, (item) => item).length;
  return {
    allowed,
    explicitDeny,
    statements,
    failures,
    context: contextOf(raw.context, reader),
    form,
    warnings: reader.diagnostics,
  };
}

function statementOf(
  item: unknown,
  path: string,
  index: number,
  reader: Reader,
): DecodedStatement | undefined {
  if (!isJsonObject(item)) {
    invalid(reader, path, 'an object');
    return undefined;
  }
  const sid = typeof item.statementId === 'string' && item.statementId !== '' ? item.statementId : null;
  const effectText = typeof item.effect === 'string' ? item.effect.toUpperCase() : null;
  if (effectText === null) missing(reader, `${path}/effect`);
  else if (effectText !== 'DENY' && effectText !== 'ALLOW')
    invalid(reader, `${path}/effect`, '`DENY` or `ALLOW`');
  return {
    index,
    sid,
    effect: effectText === 'ALLOW' ? 'Allow' : 'Deny',
    principals: values(item.principals, `${path}/principals`, reader),
    principalGroups: values(item.principalGroups, `${path}/principalGroups`, reader),
    actions: values(item.actions, `${path}/actions`, reader),
    resources: values(item.resources, `${path}/resources`, reader),
    conditions: conditionsOf(item.conditions, `${path}/conditions`, reader),
    path,
  };
}

function contextOf(raw: unknown, reader: Reader): DecodedContext {
  if (raw === undefined) {
    missing(reader, '/context');
    return { principal: null, action: null, resource: null, conditions: [] };
  }
  if (!isJsonObject(raw)) {
    invalid(reader, '/context', 'an object');
    return { principal: null, action: null, resource: null, conditions: [] };
  }
  return {
    principal: principalOf(raw.principal, reader),
    action: text(raw, 'action', '/context', reader),
    resource: text(raw, 'resource', '/context', reader),
    conditions:
      raw.conditions === undefined ? [] : conditionsOf(raw.conditions, '/context/conditions', reader),
  };
}

function principalOf(raw: unknown, reader: Reader): DecodedPrincipal | null {
  if (raw === undefined) {
    missing(reader, '/context/principal');
    return null;
  }
  if (!isJsonObject(raw)) {
    invalid(reader, '/context/principal', 'an object');
    return null;
  }
  const field = (key: string): string | null =>
    typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : null;
  return { id: field('id'), name: field('name'), arn: field('arn') };
}

function conditionsOf(raw: unknown, path: string, reader: Reader): DecodedCondition[] {
  return list(raw, path, reader, (item, itemPath) => {
    if (!isJsonObject(item) || typeof item.key !== 'string') {
      invalid(reader, itemPath, 'a `{ "key", "values" }` object');
      return undefined;
    }
    return { key: item.key, values: values(item.values, `${itemPath}/values`, reader) };
  });
}

/** A `{ "items": [ { "value": "..." } ] }` list as strings; bare strings and arrays are accepted. */
function values(raw: unknown, path: string, reader: Reader): string[] {
  if (raw === undefined) return [];
  return list(raw, path, reader, (item, itemPath) => {
    const value = isJsonObject(item) ? item.value : item;
    if (typeof value !== 'string') {
      invalid(reader, itemPath, 'a string value');
      return undefined;
    }
    return isElided(value) ? undefined : value;
  });
}

/** Reads AWS's `{ "items": [...] }` list (a plain array is accepted too) and maps each item. */
function list<T>(
  raw: unknown,
  path: string,
  reader: Reader | null,
  map: (item: unknown, path: string, index: number) => T | undefined,
): T[] {
  if (raw === undefined) {
    if (reader !== null) missing(reader, path);
    return [];
  }
  const items = Array.isArray(raw) ? raw : isJsonObject(raw) ? raw.items : undefined;
  const itemsPath = Array.isArray(raw) ? path : `${path}/items`;
  if (!Array.isArray(items)) {
    if (reader !== null) invalid(reader, path, 'a `{ "items": [...] }` list');
    return [];
  }
  const out: T[] = [];
  for (const [index, item] of items.entries()) {
    const mapped = map(item, `${itemsPath}/${index}`, out.length);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

function flag(raw: Record<string, unknown>, key: string, reader: Reader): boolean | null {
  const value = raw[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === undefined) missing(reader, `/${key}`);
  else invalid(reader, `/${key}`, 'a boolean');
  return null;
}

function text(raw: Record<string, unknown>, key: string, parent: string, reader: Reader): string | null {
  const value = raw[key];
  if (typeof value === 'string' && value !== '') return value;
  if (value === undefined) missing(reader, `${parent}/${key}`);
  else invalid(reader, `${parent}/${key}`, 'a string');
  return null;
}

/** Reports the ellipsis keys (`"...": "truncated"`) with which pasted excerpts mark cuts. */
function noteElisions(value: unknown, path: string, reader: Reader): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      noteElisions(v, `${path}/${i}`, reader);
    });
    return;
  }
  if (!isJsonObject(value)) {
    if (typeof value === 'string' && isElided(value)) elided(reader, path);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (isElided(key)) elided(reader, at);
    else noteElisions(v, at, reader);
  }
}

/** `...`, `…` and strings that begin or end with one: an excerpt's cut, not a value. */
function isElided(value: string): boolean {
  return value.startsWith('...') || value.startsWith('…') || value.endsWith('...') || value.endsWith('…');
}

function elided(reader: Reader, path: string): void {
  reader.diagnostics.push({
    code: 'decoded-truncated',
    severity: 'warning',
    message: MESSAGES['decoded-elided'](path),
    path,
    help: `decode the message again and keep the whole output: \`${DECODE_COMMAND}\``,
  });
}

function missing(reader: Reader, path: string): void {
  reader.diagnostics.push({
    code: 'decoded-field-missing',
    severity: 'warning',
    message: MESSAGES['decoded-field-missing'](path.slice(1).replace(/\//g, '.')),
    path,
  });
}

function invalid(reader: Reader, path: string, expected: string): void {
  reader.diagnostics.push({
    code: 'decoded-field-invalid',
    severity: 'warning',
    message: MESSAGES['decoded-field-invalid'](path.slice(1).replace(/\//g, '.'), expected),
    path,
  });
}

function fail(code: string, message: string): Result<never> {
  return { ok: false, diagnostics: [error(code, message)] };
}

function error(code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, path: '' };
}

function describe(value: unknown): string {
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
