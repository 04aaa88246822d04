import { arnPatternMatchesFormat } from '../catalog/arn-format.js';
import { type ArnMatcher, arnSegments, compileArnPattern } from '../matching/arn.js';
import { compileWildcard } from '../matching/wildcard.js';
import type { ActionPoint } from './action-points.js';
import { arnWitnesses } from './arn-witnesses.js';

/**
 * The resources an action is tested on: ARNs that realize every combination of the relevant
 * statements' resource patterns (named ARNs, the parts a wildcard covers, ARNs no policy names) and
 * fit one of the action's resource types in the catalog. An action without resource-level permissions
 * is requested on `*`; an action the catalog does not know is tested on the witnesses and on `*`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** The resources to test, and whether a limit cut the search. */
export interface ResourcePoints {
  readonly resources: readonly string[];
  readonly complete: boolean;
}

const matchers = new Map<string, ArnMatcher>();
const cache = new Map<string, ResourcePoints>();

/** A compiled `Resource` pattern (cached; patterns repeat across actions). */
export function resourceMatcher(pattern: string): ArnMatcher {
  let matcher = matchers.get(pattern);
  if (matcher === undefined) {
    if (matchers.size > 10_000) matchers.clear();
    matcher = compileArnPattern(pattern);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/** The ARN formats of an action's resource types (empty for unknown and wildcard-only actions). */
export function actionFormats(action: ActionPoint): string[] {
  const types = [...(action.info?.resourceTypes ?? [])].sort(
    (a, b) => Number(b.required) - Number(a.required),
  );
  return [...new Set(types.map((t) => t.arnFormat).filter((f): f is string => f !== null))];
}

/** ARNs of one format for a set of patterns, shared by every action of the format in one comparison. */
const formatCache = new Map<string, { witnesses: readonly string[]; complete: boolean }>();
/** The patterns that can match an ARN of each format, per list of all patterns. */
const compatibleCache = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * ARNs of `format` that realize every combination of the patterns that can match an ARN of it. All
 * patterns of both policies take part (not only those of one action), so that one search per format
 * serves every action of that resource type: any set of patterns is a subset of them.
 */
function formatWitnesses(
  format: string,
  all: readonly string[],
): { witnesses: readonly string[]; complete: boolean } {
  let byFormat = compatibleCache.get(all);
  if (byFormat === undefined) {
    byFormat = new Map();
    compatibleCache.set(all, byFormat);
  }
  let compatible = byFormat.get(format);
  if (compatible === undefined) {
    // the service segment rules most patterns out cheaply
    const service = arnSegments(format)?.[2] ?? '';
    compatible = all.filter(
      (p) =>
        p.startsWith('arn:') &&
        compileWildcard(arnSegments(p)?.[2] ?? '').matches(service) &&
        arnPatternMatchesFormat(p, format),
    );
    byFormat.set(format, compatible);
  }
  const key = `${format}\u0000${compatible.join('\u0000')}`;
  let found = formatCache.get(key);
  if (found === undefined) {
    found = arnWitnesses(compatible, [format]);
    if (formatCache.size > 2000) formatCache.clear();
    formatCache.set(key, found);
  }
  return found;
}

/**
 * The resources to test `action` on, given the resource patterns (variables already substituted) of
 * the statements of both policies that match the action (`patterns`) and of all statements (`all`);
 * one resource per distinct combination of matching patterns, each of one of the action's resource
 * types.
 */
export function resourcePoints(
  action: ActionPoint,
  patterns: readonly string[],
  all: readonly string[] = patterns,
): ResourcePoints {
  if (action.info?.wildcardOnly === true) return { resources: ['*'], complete: true };
  const formats = actionFormats(action);
  const unique = [...new Set(patterns)].sort();
  const cacheKey = `${formats.join(' ')}\u0000${unique.join(' ')}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (!unique.some((p) => p.startsWith('arn:'))) {
    // no pattern tells ARNs apart (`*`): one ARN of the first resource type stands for all
    const one = arnWitnesses([], formats.slice(0, 1)).witnesses.slice(0, 1);
    const points = {
      resources: action.info === null || formats.length === 0 ? [...one, '*'] : one,
      complete: true,
    };
    cache.set(cacheKey, points);
    return points;
  }
  let complete = true;
  const witnesses: string[] = [];
  if (formats.length === 0) {
    const found = arnWitnesses(unique, []);
    complete = found.complete;
    for (const w of found.witnesses) witnesses.push(w);
  }
  for (const format of formats) {
    const found = formatWitnesses(format, all);
    complete &&= found.complete;
    for (const w of found.witnesses) witnesses.push(w);
  }
  const seen = new Set<string>();
  const resources: string[] = [];
  // each witness is of one of the action's formats; the engine sees only which patterns match it
  for (const arn of witnesses) {
    const vector = unique.map((p) => (resourceMatcher(p).matches(arn) ? '1' : '0')).join('');
    if (seen.has(vector)) continue;
    seen.add(vector);
    resources.push(arn);
  }
  if (action.info === null || formats.length === 0) resources.push('*');
  const points = { resources, complete };
  if (cache.size > 1000) cache.clear();
  cache.set(cacheKey, points);
  return points;
}
