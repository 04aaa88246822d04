import { parse as parseWithPositions } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';

interface MomoaError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/**
 * Parses JSON text: the value, or the syntax error that stopped it. The fast native parser runs
 * first; only on failure is the text parsed again with a positional parser, so that the error
 * carries a 1-based line and column.
 */
export function parseJson(text: string): Result<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseJsonOrNull(text) ?? { ok: false, diagnostics: [locateSyntaxError(body)] };
}

/**
 * {@link parseJson} without locating a syntax error: `null` where the text is no JSON. For a reader that tries a text
 * as JSON and otherwise reads it another way (a pasted error that opens with `{`), which would pay for a second,
 * positional parse of a megabyte only to drop its answer.
 */
export function parseJsonOrNull(text: string): Result<unknown> | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  // the value parsed, but what reads it next (positions, policies, evidence) walks it recursively
  const tooDeep = nestingBeyond(body, MAX_JSON_DEPTH);
  return tooDeep === null ? { ok: true, value } : { ok: false, diagnostics: [tooDeep] };
}

/** Deeper than any policy, record or snapshot AWS writes (they nest fewer than 20 levels). */
export const MAX_JSON_DEPTH = 256;

/**
 * Where valid JSON text first opens its `limit + 1`-th nested object or array, as a diagnostic;
 * `null` when it nests no deeper than `limit`. One pass over the text, strings skipped.
 */
function nestingBeyond(text: string, limit: number): Diagnostic | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote, past escapes
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++;
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limit) {
        const start = { line, column: i - lineStart + 1, offset: i };
        return {
          code: 'json-too-deep',
          severity: 'error',
          message: `JSON nests deeper than ${limit} levels`,
          path: '',
          span: { start, end: start },
        };
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

function locateSyntaxError(text: string): Diagnostic {
  if (text.trim() === '') {
    return { code: 'json-syntax', severity: 'error', message: 'the input is empty, expected JSON', path: '' };
  }
  // the positional parser recurses once per level: it reads no deeper than the limit, and a text
  // nesting deeper is refused where it goes too deep unless a syntax error comes before
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  const checked = tooDeep === null ? text : text.slice(0, tooDeep.span?.start.offset ?? 0);
  try {
    parseWithPositions(checked, { mode: 'json' });
  } catch (error) {
    const e = error as MomoaError;
    const endOfInput = e.message.startsWith('Unexpected end of input');
    if (tooDeep === null || !endOfInput) {
      const start = { line: e.line ?? 1, column: e.column ?? 1, offset: e.offset ?? 0 };
      return {
        code: 'json-syntax',
        severity: 'error',
        message: `invalid JSON: ${describeMomoaError(e.message)}`,
        path: '',
        span: { start, end: start },
      };
    }
  }
  if (tooDeep !== null) return tooDeep;
  // The native parser rejected what the positional parser accepts: a raw control character inside a
  // string, or something else (e.g. a lone surrogate escape).
  return (
    controlCharacterInString(text) ?? {
      code: 'json-syntax',
      severity: 'error',
      message: 'invalid JSON',
      path: '',
    }
  );
}

/** The longest part of the input a message quotes. */
const MAX_ECHO = 40;

/**
 * A message of the positional parser in our style: lower-case start, no location suffix and no
 * final period, the quoted input in backticks, shortened and with control characters escaped, so a
 * message never carries raw terminal controls or a megabyte of the input.
 */
function describeMomoaError(message: string): string {
  let text = message;
  const location = text.lastIndexOf(' (');
  if (location >= 0 && text.endsWith(')')) text = text.slice(0, location);
  if (text.endsWith('.')) text = text.slice(0, -1);
  const open = text.indexOf("'");
  const close = text.lastIndexOf("'");
  if (open >= 0 && close > open) {
    const quoted = text.slice(open + 1, close);
    const shown = quoted.length > MAX_ECHO ? `${quoted.slice(0, MAX_ECHO)}…` : quoted;
    text = `${text.slice(0, open)}\`${escapeControls(shown)}\`${text.slice(close + 1)}`;
  }
  return lowerFirst(escapeControls(text));
}

/** `text` with every control character written as a `\uXXXX` escape. */
function escapeControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) {
      out += `${text.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The first raw control character inside a string (JSON requires them escaped), as a diagnostic. */
function controlCharacterInString(text: string): Diagnostic | null {
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else if (c < 0x20) {
        const start = { line, column: i - lineStart + 1, offset: i };
        return {
          code: 'json-syntax',
          severity: 'error',
          message: `invalid JSON: control character \`${escapeControls(text.charAt(i))}\` inside a string (write it escaped)`,
          path: '',
          span: { start, end: start },
        };
      }
    } else if (c === 0x22) {
      inString = true;
    }
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
