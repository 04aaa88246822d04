import type { CompiledClause } from '../engine/conditions/evaluate-condition.js';
import { parseTemplate, resolveTemplate } from '../engine/policy-variables.js';
import type { ContextEntry, RequestContext } from '../engine/request-context.js';
import type { WildcardPart } from '../matching/wildcard.js';
import type { PolicyVersion } from '../policy/policy-model.js';
import { arnWitnesses } from './arn-witnesses.js';
import { type GlobToken, globTokens, regionWitnesses, unnamedCharacter } from './glob-regions.js';
import { dateValues, ipValues, numericValues } from './ordered-values.js';

/**
 * The values a condition key is tested with. Each value stands for a class: every value that every
 * condition of both policies on this key treats the same way (same `StringLike` patterns matched,
 * same side of every numeric bound, same address blocks...). Classes are found from candidates
 * (named values, witnesses of patterns and ranges, a value no policy names, no value) and kept when
 * the engine's own clause tests tell them apart.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */

/** One class of values of a key: a value, a set of values (multi-valued keys), or `null` for absent. */
export type KeyValue = string | readonly string[] | null;

/** A clause of either policy on a key, compiled by the engine. */
export interface KeyUse {
  readonly clause: CompiledClause;
  readonly version: PolicyVersion | null;
}

/** A key used as a policy variable: the values it is tested with inside patterns. */
export interface VariableValues {
  /** Lower-cased key. */
  readonly lower: string;
  /** A value no policy names, standing for "the caller's own value" inside patterns. */
  readonly designated: string;
  /** Values the policies name for the key (tried inside patterns too). */
  readonly named: readonly string[];
}

/** The tested values of one key. */
export interface KeySpace {
  /** The key as first written. */
  readonly key: string;
  readonly lower: string;
  readonly multiValued: boolean;
  readonly classes: readonly KeyValue[];
  /** The index of the class of values no policy names, or `null` (numbers, dates, addresses, booleans). */
  readonly otherClass: number | null;
  /** False when a limit cut the search for classes (rare; reported in the comparison's limits). */
  readonly complete: boolean;
}

/** What {@link buildKeySpace} needs to know of a key. */
export interface KeySpaceInput {
  readonly key: string;
  readonly uses: readonly KeyUse[];
  readonly multiValued: boolean;
  /** The key is always in the request (`aws:PrincipalArn` for an IAM caller): no "absent" class. */
  readonly alwaysPresent: boolean;
  /** Every policy variable the policies use, by lower-cased key. */
  readonly variables: ReadonlyMap<string, VariableValues>;
}

/** The value shown for "a value no policy names" when it belongs to that class. */
const OTHER_VALUE = 'other-value';

/** Most sets tried for a multi-valued key: all subsets up to this many single classes. */
const ALL_SUBSETS_UP_TO = 5;
const MAX_PAIR_CLASSES = 10;

type Family = 'string' | 'arn' | 'numeric' | 'date' | 'ip' | 'bool' | 'binary' | 'null';

function familyOf(operator: string): Family {
  if (operator.startsWith('String')) return 'string';
  if (operator.startsWith('Arn')) return 'arn';
  if (operator.startsWith('Numeric')) return 'numeric';
  if (operator.startsWith('Date')) return 'date';
  if (operator === 'IpAddress' || operator === 'NotIpAddress') return 'ip';
  if (operator === 'Bool') return 'bool';
  if (operator === 'BinaryEquals') return 'binary';
  return 'null';
}

const VARIABLE_OPERATOR_FAMILIES: ReadonlySet<Family> = new Set(['string', 'arn']);

/** The variable keys a clause's values use (string and ARN operators of `2012-10-17` only). */
export function clauseVariables(use: KeyUse): string[] {
  const family = familyOf(use.clause.clause.baseOperator);
  if (use.version !== '2012-10-17' || !VARIABLE_OPERATOR_FAMILIES.has(family)) return [];
  const keys = new Set<string>();
  for (const v of use.clause.clause.values) {
    for (const part of parseTemplate(v.value)?.parts ?? [])
      if (part.kind === 'variable') keys.add(part.keyLower);
  }
  return [...keys];
}

/**
 * Contexts giving each variable one of its tested values: its example value and up to `perVariable`
 * named ones, at most `limit` combinations.
 */
export function variableContexts(
  keys: readonly string[],
  variables: ReadonlyMap<string, VariableValues>,
  perVariable = 3,
  limit = 8,
): Map<string, ContextEntry>[] {
  let out: Map<string, ContextEntry>[] = [new Map()];
  for (const key of keys) {
    const info = variables.get(key);
    if (info === undefined) continue;
    const values = [info.designated, ...info.named.slice(0, perVariable)];
    out = out.flatMap((ctx) => values.map((v) => new Map(ctx).set(key, { values: [v], multi: false })));
    out = out.slice(0, limit);
  }
  return out;
}

/** A clause's values with variables substituted from `context`, as wildcard parts. */
function substituted(use: KeyUse, context: RequestContext): WildcardPart[][] {
  const variables = clauseVariables(use).length > 0;
  return use.clause.clause.values.map((v) => {
    const template = variables ? parseTemplate(v.value) : undefined;
    if (template === undefined) return [{ kind: 'text', text: v.value }];
    return resolveTemplate(template, context) ?? [{ kind: 'text', text: v.value }];
  });
}

function partsText(parts: readonly WildcardPart[]): string {
  return parts.map((p) => (p.kind === 'star' ? '*' : p.kind === 'any-char' ? '?' : p.text)).join('');
}

function partsTokens(parts: readonly WildcardPart[], wildcards: boolean, ignoreCase: boolean): GlobToken[] {
  return parts.flatMap((p): GlobToken[] => {
    if (p.kind === 'star') return [{ kind: 'star', excluded: '' }];
    if (p.kind === 'any-char') return [{ kind: 'one' }];
    return globTokens(p.text, { wildcards: wildcards && p.kind === 'text', ignoreCase });
  });
}

/** Candidate single values of a key, readable ones first; `complete` false when a search was cut. */
function candidates(input: KeySpaceInput): { values: string[]; probe: string | null; complete: boolean } {
  const texts: string[] = [];
  const tokens: GlobToken[][] = [];
  const seeds: string[] = [];
  const byFamily = new Map<Family, string[]>();
  for (const use of input.uses) {
    const operator = use.clause.clause.baseOperator;
    const family = familyOf(operator);
    for (const ctx of variableContexts(clauseVariables(use), input.variables)) {
      for (const parts of substituted(use, ctx)) {
        const text = partsText(parts);
        texts.push(text);
        byFamily.set(family, [...(byFamily.get(family) ?? []), text]);
        if (family === 'string') {
          const like = operator === 'StringLike' || operator === 'StringNotLike';
          tokens.push(partsTokens(parts, like, operator.includes('IgnoreCase')));
          seeds.push(like ? text.replaceAll('*', '').replaceAll('?', 'x') : text);
        }
      }
    }
  }
  const values: string[] = [];
  let complete = true;
  const strings = byFamily.get('string');
  if (strings !== undefined) {
    const found = regionWitnesses(tokens, [...seeds, OTHER_VALUE]);
    complete &&= found.complete;
    for (const w of found.witnesses) values.push(w);
  }
  const arns = byFamily.get('arn');
  if (arns !== undefined) {
    const found = arnWitnesses(arns, [], 2000);
    complete &&= found.complete;
    for (const a of arns) if (!a.includes('*') && !a.includes('?')) values.push(a);
    for (const w of found.witnesses) values.push(w);
  }
  for (const v of numericValues(byFamily.get('numeric') ?? [])) values.push(v);
  for (const v of dateValues(byFamily.get('date') ?? [])) values.push(v);
  if (byFamily.has('ip')) for (const v of ipValues(byFamily.get('ip') ?? [])) values.push(v);
  if (byFamily.has('bool')) values.push('true', 'false');
  if (byFamily.has('binary')) {
    for (const v of byFamily.get('binary') ?? []) values.push(v);
    values.push('b3RoZXItdmFsdWU=');
  }
  // values of one family tell that family's conditions apart; mixed families are only tried together
  if ([...byFamily.keys()].filter((f) => f !== 'null').length > 1) complete = false;
  // a value no policy names: made of a character no value holds, longer than any value
  const ordered =
    byFamily.has('string') || byFamily.has('arn') || byFamily.has('binary') || byFamily.has('null');
  let probe: string | null = null;
  if (ordered || byFamily.size === 0) {
    const length = Math.max(0, ...texts.map((t) => t.length)) + 1;
    probe = unnamedCharacter(texts.map((t) => globTokens(t, { wildcards: false }))).repeat(length);
    values.push(OTHER_VALUE, probe);
  }
  return { values, probe, complete };
}

/**
 * The classes of values of one key. Two candidates are in one class when every clause on the key,
 * under every tested value of the variables it uses, gives the same answer for both.
 */
export function buildKeySpace(input: KeySpaceInput): KeySpace {
  const lower = input.key.toLowerCase();
  const contexts = input.uses.map((use) => variableContexts(clauseVariables(use), input.variables));
  const vectorOf = (entry: ContextEntry | null): string => {
    let v = '';
    input.uses.forEach((use, i) => {
      for (const base of contexts[i] as Map<string, ContextEntry>[]) {
        const ctx = new Map(base);
        if (entry === null) ctx.delete(lower);
        else ctx.set(lower, entry);
        v += use.clause.test(ctx) ? '1' : '0';
      }
    });
    return v;
  };
  const { values, probe, complete } = candidates(input);
  const classes: KeyValue[] = [];
  const seen = new Map<string, number>();
  let otherClass: number | null = null;
  const keep = (value: KeyValue, entry: ContextEntry | null, pinned: boolean): number => {
    const vector = vectorOf(entry);
    const found = seen.get(vector);
    if (found !== undefined && !pinned) return found;
    classes.push(value);
    if (found === undefined) seen.set(vector, classes.length - 1);
    return classes.length - 1;
  };
  let singles: string[] = [];
  for (const value of values) {
    const index = keep(value, { values: [value], multi: false }, false);
    if (index === classes.length - 1 && classes[index] === value) singles.push(value);
    if (value === probe) otherClass = index;
  }
  const variable = input.variables.get(lower);
  if (variable !== undefined) {
    for (const value of [variable.designated, ...variable.named]) {
      if (classes.includes(value)) continue;
      classes.push(value);
      singles.push(value);
    }
  }
  let setsComplete = true;
  if (input.multiValued) {
    // a multi-valued key carries a set: its class depends on which single classes the set holds
    const other = otherClass === null ? null : (classes[otherClass] as string);
    singles = [...new Set(singles)];
    classes.length = 0;
    seen.clear();
    otherClass = null;
    const sets = subsets(singles);
    setsComplete = sets.complete;
    for (const set of sets.sets) keep(set, { values: set, multi: true }, false);
    if (other !== null)
      otherClass = classes.findIndex((c) => Array.isArray(c) && c.length === 1 && c[0] === other);
    if (otherClass === -1) otherClass = null;
  }
  if (!input.alwaysPresent) {
    const index = keep(null, null, false);
    if (classes[index] !== null) classes.push(null);
  }
  return {
    key: input.key,
    lower,
    multiValued: input.multiValued,
    classes,
    otherClass,
    complete: complete && setsComplete,
  };
}

/** Sets of single values: every subset of a few, else the empty set, singletons, pairs and all. */
function subsets(singles: readonly string[]): { sets: string[][]; complete: boolean } {
  if (singles.length <= ALL_SUBSETS_UP_TO) {
    const sets: string[][] = [];
    for (let mask = 0; mask < 1 << singles.length; mask++) {
      sets.push(singles.filter((_, i) => (mask & (1 << i)) !== 0));
    }
    return { sets: sets.sort((a, b) => a.length - b.length), complete: true };
  }
  const sets: string[][] = [[], ...singles.map((s) => [s])];
  const paired = singles.slice(0, MAX_PAIR_CLASSES);
  paired.forEach((a, i) => {
    for (const b of paired.slice(i + 1)) sets.push([a, b]);
  });
  sets.push([...singles]);
  return { sets, complete: false };
}
