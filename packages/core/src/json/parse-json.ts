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
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return { ok: false, diagnostics: [locateSyntaxError(body)] };
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
  try {
    parseWithPositions(text, { mode: 'json' });
  } catch (error) {
    const e = error as MomoaError;
    const line = e.line ?? 1;
    const column = e.column ?? 1;
    const offset = e.offset ?? 0;
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    const start = { line, column, offset };
    return {
      code: 'json-syntax',
      severity: 'error',
      message: `invalid JSON: ${lowerFirst(message)}`,
      path: '',
      span: { start, end: start },
    };
  }
  // The native parser rejected what the positional parser accepts (e.g. a lone surrogate escape).
  return { code: 'json-syntax', severity: 'error', message: 'invalid JSON', path: '' };
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
