import { parse as parseWithPositions } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A value read from JSON text, or the syntax error that stopped it. */
export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

interface MomoaError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/**
 * Parses JSON text. The fast native parser runs first; only on failure is the text parsed
 * again with a positional parser, so that the error carries a 1-based line and column.
 */
export function parseJson(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, diagnostic: locateSyntaxError(body) };
  }
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
