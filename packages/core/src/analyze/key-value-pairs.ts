import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import type { ContextValue } from '../engine/request.js';
import { dictionary } from '../json/dictionary.js';

/** Keys that would reach an object's prototype: never used as a member name from user text. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function problem(code: string, message: string, source: string): Diagnostic {
  return { code, severity: 'error', message, path: '', source };
}

/**
 * Request context values given as `KEY=VALUE` pairs (one per option or line); a key given several
 * times becomes a multi-valued key. Blank entries are skipped. The map has no prototype, so any key
 * (`constructor`, `toString`) is only a key.
 */
export function parseContextPairs(
  pairs: readonly string[],
  source = 'context',
): Result<Readonly<Record<string, ContextValue>>> {
  const context = dictionary<ContextValue>();
  const diagnostics: Diagnostic[] = [];
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === '') continue;
    const at = pair.indexOf('=');
    if (at <= 0) {
      diagnostics.push(problem('context-pair', `a context value is \`KEY=VALUE\`, got \`${pair}\``, source));
      continue;
    }
    const key = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const existing = context[key];
    context[key] =
      existing === undefined ? value : [...(typeof existing === 'string' ? [existing] : existing), value];
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: { ...context } };
}

/**
 * The failed call's parameters given as `KEY=VALUE` pairs: a dotted key builds nested objects
 * (`iamInstanceProfile.name=web`), a numeric segment an array index (`blockDeviceMappings.0.ebs.encrypted=true`),
 * and a key given several times a list (`securityGroupIds=sg-1`, `securityGroupIds=sg-2`). Values stay
 * strings; the call rules read booleans and numbers from strings.
 */
export function parseParameterPairs(
  pairs: readonly string[],
  source = 'parameters',
): Result<Readonly<Record<string, unknown>>> {
  const root: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const path = at <= 0 ? [] : pair.slice(0, at).split('.');
    if (path.length === 0 || path.some((s) => s === '' || UNSAFE_KEYS.has(s))) {
      diagnostics.push(
        problem(
          'parameter-pair',
          `a call parameter is \`KEY=VALUE\` (KEY may be dotted), got \`${pair}\``,
          source,
        ),
      );
      continue;
    }
    const conflict = place(root, path, pair.slice(at + 1));
    if (conflict !== null) {
      diagnostics.push(
        problem(
          'parameter-conflict',
          `\`${pair}\` conflicts with an earlier value of \`${conflict}\``,
          source,
        ),
      );
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: root };
}

/** Sets `value` at `path`, nesting as needed; the dotted prefix that holds a plain value already, if any. */
function place(root: Record<string, unknown>, path: readonly string[], value: string): string | null {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as string;
    const nextIsIndex = /^\d+$/.test(path[i + 1] as string);
    const key = Array.isArray(node) ? Number(segment) : segment;
    const existing: unknown = (node as Record<string | number, unknown>)[key];
    let child: Record<string, unknown> | unknown[];
    if (typeof existing === 'object' && existing !== null) {
      child = existing as Record<string, unknown> | unknown[];
    } else if (existing === undefined) {
      child = nextIsIndex ? [] : {};
      (node as Record<string | number, unknown>)[key] = child;
    } else {
      return path.slice(0, i + 1).join('.');
    }
    node = child;
  }
  const last = path[path.length - 1] as string;
  const key = Array.isArray(node) ? Number(last) : last;
  const existing: unknown = (node as Record<string | number, unknown>)[key];
  (node as Record<string | number, unknown>)[key] =
    existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  return null;
}
