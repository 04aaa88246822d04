/**
 * The parameters a call rule reads, as data, and the check that a call's given parameters are ones
 * its rule reads: each key is matched against the rule's paths whatever its spelling (the SDKs'
 * `iamInstanceProfile`, the API's `IamInstanceProfile`, the CLI's `iam-instance-profile`) and renamed
 * to the rule's; a key the rule does not read is refused rather than ignored.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import type { FailureFacts } from '../errors/failure.js';
import { isJsonObject } from '../json/is-json-object.js';
import type { CallRule } from './call-rule.js';
import { callFromFailure } from './expand-call.js';
import { ruleFor } from './rules/index.js';

/** A path segment that accepts any key below it (tags as a `{ key: value }` map). */
const ANY = '*';

/** One level of the rule's parameter paths: each key as the rule spells it, and what is below it. */
interface Level {
  readonly keys: Map<string, { readonly name: string; readonly below: Level }>;
  readonly any: boolean;
}

const fold = (key: string): string => key.replaceAll(/[-_]/g, '').toLowerCase();

function levelsOf(paths: readonly string[]): Level {
  const root: Level = { keys: new Map(), any: false };
  for (const path of paths) {
    let level = root;
    for (const segment of path.split('.')) {
      if (segment === ANY) {
        (level as { any: boolean }).any = true;
        break;
      }
      let next = level.keys.get(fold(segment));
      if (next === undefined) {
        next = { name: segment, below: { keys: new Map(), any: false } };
        level.keys.set(fold(segment), next);
      }
      level = next.below;
    }
  }
  return root;
}

const cache = new WeakMap<CallRule, Level>();

/**
 * The given parameters with every key spelled as `rule` reads it; a key it does not read is refused
 * with a `parameter-unknown` diagnostic (source `parameters`) naming the key and the keys read at
 * that place. List items are checked item by item; a plain value where the rule reads an object is
 * left for the rule to read (an instance profile given by its ARN alone).
 */
export function checkParameters(
  rule: CallRule,
  operation: string,
  given: Readonly<Record<string, unknown>>,
): Result<Readonly<Record<string, unknown>>> {
  let root = cache.get(rule);
  if (root === undefined) {
    root = levelsOf(rule.parameters);
    cache.set(rule, root);
  }
  const diagnostics: Diagnostic[] = [];
  const value = rename(given, root, [], operation, diagnostics);
  return diagnostics.length > 0
    ? { ok: false, diagnostics }
    : { ok: true, value: value as Readonly<Record<string, unknown>> };
}

function rename(
  value: unknown,
  level: Level,
  at: readonly string[],
  operation: string,
  diagnostics: Diagnostic[],
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => rename(item, level, [...at, String(i)], operation, diagnostics));
  }
  if (!isJsonObject(value) || level.any || (level.keys.size === 0 && at.length > 0)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const known = level.keys.get(fold(key));
    if (known === undefined) {
      diagnostics.push(unknownKey([...at, key], level, operation));
      continue;
    }
    out[known.name] = rename(child, known.below, [...at, known.name], operation, diagnostics);
  }
  return out;
}

function unknownKey(path: readonly string[], level: Level, operation: string): Diagnostic {
  const read = [...level.keys.values()].map((k) => `\`${k.name}\``).join(', ');
  return {
    code: 'parameter-unknown',
    severity: 'error',
    message: `\`${operation}\` has no parameter \`${path.join('.')}\` that decides its checks; the ones read${
      path.length > 1 ? ` in \`${path.slice(0, -1).join('.')}\`` : ''
    } are ${read}`,
    path: `/${path.join('/')}`,
    source: 'parameters',
  };
}

/**
 * {@link checkParameters} for the call a failure names (its rule found as {@link callFromFailure}
 * finds it); the parameters unchanged when the failure names no call.
 */
export function checkFailedCallParameters(
  failure: FailureFacts,
  given: Readonly<Record<string, unknown>>,
): Result<Readonly<Record<string, unknown>>> {
  const call = Object.keys(given).length === 0 ? undefined : callFromFailure({ failure });
  if (call === undefined) return { ok: true, value: given };
  return checkParameters(ruleFor(call.service, call.operation), call.operation, given);
}
