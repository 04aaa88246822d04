import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { PointBudget, PointBudgetExceeded } from './access-search.js';
import { actionSpace } from './action-points.js';
import { limitsFor } from './compare-limits.js';
import type { CompareLayer, CompareOptions, Comparison, KeySummary } from './compare-model.js';
import { buildCompareSpace } from './compare-space.js';
import { findAccess, relevantStatements } from './find-access.js';
import { allowsImplicitly, compileAtLayer, isResourceStyle, kindOf, policyAtLayer } from './layer-verdict.js';
import { type ComparedPolicy, type ReadPolicy, readComparedPolicy } from './read-compared-policy.js';

const DEFAULT_MAX_POINTS = 2_000_000;

/**
 * Compares two policies of one layer offline and reports what the new one allows that the old one
 * does not (and what it no longer allows): an offline "no new access" check, like IAM Access
 * Analyzer's `CheckNoNewAccess`, that proves a fix grants nothing beyond what it must.
 *
 * The comparison is exact over a finite set of test points that tells the two policies apart: every
 * action either policy can match (wildcards and `NotAction` expanded through the catalog); for each,
 * ARNs realizing every combination of the resource patterns plus a fresh ARN of each of its resource
 * types; for resource-style layers the principals named and one not named; and for every condition
 * key either policy uses, one value per class of values its conditions tell apart (named values,
 * values between numeric bounds or inside patterns, a value neither names, no value, and small sets
 * for multi-valued keys). Keys are searched one at a time, statement by statement, so independent
 * conditions do not multiply; every reported row's example request is re-evaluated by the engine.
 * What this cannot see is listed in the result's `limits` (see `ALWAYS_LIMITS`).
 *
 * Returns the diagnostics of an input that cannot be read (naming it, with line and column for
 * text), or `compare-too-large` when more than `maxPoints` points would be needed.
 *
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export async function comparePolicies(
  oldPolicy: ComparedPolicy,
  newPolicy: ComparedPolicy,
  options: CompareOptions,
): Promise<Result<Comparison>> {
  const layer: CompareLayer = options.layer ?? 'identity';
  const kind = kindOf(layer);
  const readOld = readComparedPolicy(oldPolicy, kind);
  const readNew = readComparedPolicy(newPolicy, kind);
  if (!readOld.ok || !readNew.ok) {
    return {
      ok: false,
      diagnostics: [...(readOld.ok ? [] : readOld.diagnostics), ...(readNew.ok ? [] : readNew.diagnostics)],
    };
  }
  const policies: [ReadPolicy, ReadPolicy] = [readOld.value, readNew.value];
  const compiledOld = compileAtLayer(layer, policies[0].name, policies[0].raw);
  const compiledNew = compileAtLayer(layer, policies[1].name, policies[1].raw);
  if (!compiledOld.ok || !compiledNew.ok) {
    return {
      ok: false,
      diagnostics: [
        ...(compiledOld.ok ? [] : compiledOld.diagnostics),
        ...(compiledNew.ok ? [] : compiledNew.diagnostics),
      ],
    };
  }
  const sets = [compiledOld.value, compiledNew.value] as const;
  const resourceStyle = isResourceStyle(layer);
  const space = await buildCompareSpace(
    [policyAtLayer(sets[0], layer), policyAtLayer(sets[1], layer)],
    resourceStyle,
    options.catalog,
  );
  const actions = await actionSpace(
    [policies[0].document, policies[1].document],
    options.catalog,
    allowsImplicitly(layer) ? 'Deny' : 'Allow',
  );
  const budget = new PointBudget(options.maxPoints ?? DEFAULT_MAX_POINTS);
  let found: [ReturnType<typeof findAccess>, ReturnType<typeof findAccess>];
  try {
    const relevant = relevantStatements(space, actions);
    const common = { space, actions, layer, sets, policies, budget, relevant };
    found = [findAccess({ ...common, granting: 1 }), findAccess({ ...common, granting: 0 })];
  } catch (error) {
    if (error instanceof PointBudgetExceeded) return { ok: false, diagnostics: [tooLarge(error.limit)] };
    throw error;
  }
  const keys: Record<string, KeySummary> = {};
  for (const [i, s] of space.spaces.entries()) {
    if (space.fixed.has(i)) continue;
    const other = s.otherClass === null ? null : s.classes[s.otherClass];
    const otherValue = typeof other === 'string' ? other : Array.isArray(other) ? (other[0] ?? null) : null;
    keys[s.key] = { multiValued: s.multiValued, otherValue };
  }
  return {
    ok: true,
    value: {
      layer,
      newAccess: found[0].rows,
      removedAccess: found[1].rows,
      keys,
      limits: limitsFor({
        resourceStyle,
        unknownActions: actions.unknown,
        unknownServices: actions.unknownServices,
        approximatedKeys: space.spaces.filter((s) => !s.complete).map((s) => s.key),
        resourcesComplete: found[0].complete && found[1].complete,
      }),
      tested: { actions: actions.actions.length, points: budget.used },
    },
  };
}

function tooLarge(limit: number): Diagnostic {
  return {
    code: 'compare-too-large',
    severity: 'error',
    message: `telling these policies apart needs more than ${limit.toLocaleString('en-US')} test points`,
    path: '',
    help: 'the policies combine many condition keys in the same statements; compare them in parts (a few statements at a time), or raise the limit of test points',
  };
}
