import type { Catalog } from '../catalog/catalog.js';
import type { CompiledPolicy, CompiledStatement } from '../engine/compile-policy-set.js';
import { joinParts, parseTemplate, resolveTemplate } from '../engine/policy-variables.js';
import type { ContextEntry } from '../engine/request-context.js';
import type { StatementTest } from './access-search.js';
import {
  CALLER_KEYS,
  type CallerPoint,
  callerPoint,
  callerPoints,
  IDENTITY_CALLER,
  SESSION_KEYS,
} from './caller-points.js';
import {
  buildKeySpace,
  clauseVariables,
  type KeySpace,
  type KeyUse,
  type VariableValues,
  variableContexts,
} from './key-space.js';

/**
 * Everything a comparison varies, built once from both policies: the condition keys and their value
 * classes, the policy variables, the callers, and each statement prepared for the search (its clause
 * tests with the keys they read, its resource patterns with variables substituted).
 */

/** A statement prepared for the search. */
export interface PreparedStatement {
  readonly side: 0 | 1;
  readonly compiled: CompiledStatement;
  readonly clauseTests: readonly StatementTest[];
  /** The `Resource`/`NotResource` patterns, variables substituted with their tested values. */
  readonly resourcePatterns: readonly string[];
  /** The keys a resource pattern with variables reads; `null` when its patterns have none. */
  readonly resourceKeys: readonly number[] | null;
}

/** The varied dimensions of a comparison. */
export interface CompareSpace {
  readonly spaces: readonly KeySpace[];
  readonly keyIndex: ReadonlyMap<string, number>;
  /** Keys read from the caller, never varied (resource-style layers). */
  readonly fixed: ReadonlySet<number>;
  readonly statements: readonly [readonly PreparedStatement[], readonly PreparedStatement[]];
  readonly callers: readonly CallerPoint[];
  readonly variables: ReadonlyMap<string, VariableValues>;
  /** Every statement's resource patterns (variables substituted), sorted, without repeats. */
  readonly resourcePatterns: readonly string[];
}

function slug(key: string): string {
  const last = key.slice(Math.max(key.lastIndexOf(':'), key.lastIndexOf('/')) + 1);
  return last.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase() || 'value';
}

/** The variable keys in a statement's resource patterns (`2012-10-17` only). */
function resourceVariables(policy: CompiledPolicy, statement: CompiledStatement): string[] {
  if (policy.document.version !== '2012-10-17' || statement.statement.resource === null) return [];
  const keys = new Set<string>();
  for (const v of statement.statement.resource.values) {
    for (const part of parseTemplate(v.value)?.parts ?? [])
      if (part.kind === 'variable') keys.add(part.keyLower);
  }
  return [...keys];
}

const LITERAL_OPERATORS = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
]);

/** Builds the comparison's dimensions from the two compiled policies. */
export async function buildCompareSpace(
  policies: readonly [CompiledPolicy, CompiledPolicy],
  resourceStyle: boolean,
  catalog: Catalog,
): Promise<CompareSpace> {
  const uses = new Map<string, { key: string; uses: KeyUse[]; set: boolean }>();
  const variableKeys = new Set<string>();
  for (const policy of policies) {
    for (const statement of policy.statements) {
      for (const clause of statement.clauses) {
        const lower = clause.clause.key.toLowerCase();
        const entry = uses.get(lower) ?? { key: clause.clause.key, uses: [], set: false };
        const use: KeyUse = { clause, version: policy.document.version };
        entry.uses.push(use);
        entry.set ||= clause.clause.setOperator !== null;
        uses.set(lower, entry);
        for (const v of clauseVariables(use)) variableKeys.add(v);
      }
      for (const v of resourceVariables(policy, statement)) variableKeys.add(v);
    }
  }
  const callerUses = [...uses.entries()].filter(([k]) => CALLER_KEYS.has(k)).flatMap(([, e]) => e.uses);
  const statements = policies.flatMap((p) => p.statements.map((s) => s.statement));
  const callers = resourceStyle ? callerPoints(statements, callerUses) : [callerPoint(IDENTITY_CALLER)];
  const variables = new Map<string, VariableValues>();
  for (const lower of variableKeys) {
    const named = new Set<string>();
    for (const use of uses.get(lower)?.uses ?? []) {
      if (!LITERAL_OPERATORS.has(use.clause.clause.baseOperator)) continue;
      for (const v of use.clause.clause.values) if (!/[*?$]/.test(v.value)) named.add(v.value);
    }
    if (resourceStyle && CALLER_KEYS.has(lower)) {
      for (const caller of callers) for (const v of caller.context.get(lower)?.values ?? []) named.add(v);
    }
    const display = uses.get(lower)?.key ?? lower;
    variables.set(lower, { lower, designated: `example-${slug(display)}`, named: [...named] });
  }
  const keys = [...new Set([...uses.keys(), ...variableKeys])];
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const fixed = new Set<number>();
  const spaces: KeySpace[] = [];
  for (const [i, lower] of keys.entries()) {
    const entry = uses.get(lower);
    const key = entry?.key ?? lower;
    if (resourceStyle && CALLER_KEYS.has(lower)) {
      fixed.add(i);
      spaces.push({ key, lower, multiValued: false, classes: [], otherClass: null, complete: true });
      continue;
    }
    const info = await catalog.conditionKey(key);
    spaces.push(
      buildKeySpace({
        key,
        uses: entry?.uses ?? [],
        multiValued: info?.multiValued ?? entry?.set ?? false,
        alwaysPresent: !resourceStyle && SESSION_KEYS.has(lower),
        variables,
      }),
    );
  }
  const indexOf = (lower: string) => keyIndex.get(lower) as number;
  // inside resource patterns a variable takes every class of its key, so each class meets its own ARNs
  const classValues = new Map<string, VariableValues>();
  for (const [lower, info] of variables) {
    const classes = fixed.has(indexOf(lower)) ? [] : (spaces[indexOf(lower)]?.classes ?? []);
    const values = classes.filter((c): c is string => typeof c === 'string' && c !== info.designated);
    classValues.set(lower, { ...info, named: [...new Set([...info.named, ...values])] });
  }
  const prepare = (policy: CompiledPolicy, side: 0 | 1): PreparedStatement[] =>
    policy.statements.map((compiled) => {
      const clauseTests: StatementTest[] = compiled.clauses.map((clause) => {
        const use: KeyUse = { clause, version: policy.document.version };
        const keysRead = [clause.clause.key.toLowerCase(), ...clauseVariables(use)].map(indexOf);
        return { keys: [...new Set(keysRead)], test: (ctx) => clause.test(ctx) };
      });
      const resourceKeys = resourceVariables(policy, compiled);
      return {
        side,
        compiled,
        clauseTests,
        resourcePatterns: substitutedPatterns(compiled, resourceKeys, classValues),
        resourceKeys: resourceKeys.length === 0 ? null : resourceKeys.map(indexOf),
      };
    });
  const prepared = [prepare(policies[0], 0), prepare(policies[1], 1)] as const;
  return {
    spaces,
    keyIndex,
    fixed,
    statements: prepared,
    callers,
    variables,
    resourcePatterns: [...new Set(prepared.flat().flatMap((s) => s.resourcePatterns))].sort(),
  };
}

/** A statement's resource patterns with each variable given its tested values. */
function substitutedPatterns(
  compiled: CompiledStatement,
  variableKeys: readonly string[],
  variables: ReadonlyMap<string, VariableValues>,
): string[] {
  const values = compiled.statement.resource?.values ?? [];
  if (variableKeys.length === 0) return values.map((v) => v.value);
  const contexts: Map<string, ContextEntry>[] = variableContexts(variableKeys, variables, 8, 16);
  const out: string[] = [];
  for (const v of values) {
    const template = parseTemplate(v.value);
    if (template === undefined) {
      out.push(v.value);
      continue;
    }
    for (const ctx of contexts) {
      const parts = resolveTemplate(template, ctx);
      if (parts !== undefined) out.push(joinParts(parts));
    }
  }
  return out;
}
