import { parseCaller } from '../engine/caller.js';
import { matchPrincipal } from '../engine/principal-match.js';
import type { RequestContext } from '../engine/request-context.js';
import { addLeaf, type Group, type RowContext, rowOf } from './access-rows.js';
import { type PointBudget, type SearchStatement, searchAccess } from './access-search.js';
import { type ActionPoint, type ActionSpace, actionSendsKey } from './action-points.js';
import type { AccessRow } from './compare-model.js';
import type { CompareSpace, PreparedStatement } from './compare-space.js';
import { allowsImplicitly } from './layer-verdict.js';
import { mergeBoxes } from './merge-regions.js';
import { actionFormats, resourcePoints } from './resource-points.js';

/**
 * Access one policy grants and the other does not, over every tested action, resource and caller:
 * the search's regions grouped into rows by deciding statement, resource pattern and principal, each
 * row's example request re-evaluated with the engine. Actions whose relevant statements, resource
 * types and sendable keys are the same share one search.
 */

/** What {@link findAccess} needs. */
export interface FindAccessInput extends RowContext {
  readonly actions: ActionSpace;
  readonly budget: PointBudget;
  readonly relevant: RelevantStatements;
}

/** Rows found, and whether every action's resources were fully generated. */
export interface FoundAccess {
  readonly rows: readonly AccessRow[];
  readonly complete: boolean;
}

const NO_CONTEXT: RequestContext = new Map();

/** The statements of the old and the new policy that match an action; actions with the same share one. */
export interface ActionStatements {
  readonly sides: readonly [readonly PreparedStatement[], readonly PreparedStatement[]];
  /** The statements' indices on both sides, as a memo key. */
  readonly key: string;
  /** No statement tells ARNs apart (their patterns are `*`): the action's resource types do not matter. */
  readonly anyResource: boolean;
}

/** For each tested action (in order), its {@link ActionStatements}. */
export type RelevantStatements = readonly ActionStatements[];

/** Statements of one side indexed by service prefix, matched against each action in document order. */
function byService(statements: readonly PreparedStatement[]) {
  const buckets = new Map<string, PreparedStatement[]>();
  const any: PreparedStatement[] = [];
  for (const s of statements) {
    const prefix = s.compiled.servicePrefix;
    if (prefix === null) any.push(s);
    else buckets.set(prefix, [...(buckets.get(prefix) ?? []), s]);
  }
  return (action: ActionPoint): PreparedStatement[] => {
    const out: PreparedStatement[] = [];
    const bucket = buckets.get(action.service) ?? [];
    let i = 0;
    let j = 0;
    while (i < bucket.length || j < any.length) {
      const a = bucket[i];
      const b = any[j];
      const next =
        b === undefined || (a !== undefined && a.compiled.statement.index < b.compiled.statement.index)
          ? (bucket[i++] as PreparedStatement)
          : (any[j++] as PreparedStatement);
      if (next.compiled.matchesAction(action.lower)) out.push(next);
    }
    return out;
  };
}

/** The statements of both policies that match each action. */
export function relevantStatements(space: CompareSpace, actions: ActionSpace): RelevantStatements {
  const old = byService(space.statements[0]);
  const next = byService(space.statements[1]);
  const shared = new Map<string, ActionStatements>();
  const ids = (list: readonly PreparedStatement[]) => list.map((s) => s.compiled.statement.index).join(',');
  return actions.actions.map((action) => {
    const sides = [old(action), next(action)] as const;
    const key = `${ids(sides[0])}|${ids(sides[1])}`;
    let found = shared.get(key);
    if (found === undefined) {
      const anyResource = [...sides[0], ...sides[1]].every(
        (s) => s.resourceKeys === null && s.resourcePatterns.every((p) => !p.startsWith('arn:')),
      );
      found = { sides, key, anyResource };
      shared.set(key, found);
    }
    return found;
  });
}

/** Access the granting side allows and the other does not, as rows sorted by action and resource. */
export function findAccess(input: FindAccessInput): FoundAccess {
  const { space, granting, layer } = input;
  const other = granting === 1 ? 0 : 1;
  const implicit = allowsImplicitly(layer);
  const memo = new Map<string, Group[]>();
  const full = space.spaces.map((s) => s.classes.map((_, i) => i));
  const rows: AccessRow[] = [];
  let complete = true;
  for (const [n, action] of input.actions.actions.entries()) {
    const relevant = input.relevant[n] as ActionStatements;
    const g = relevant.sides[granting];
    const o = relevant.sides[other];
    const decisive = implicit ? o : g;
    if (!decisive.some((s) => s.compiled.statement.effect === (implicit ? 'Deny' : 'Allow'))) continue;
    const domains = domainsFor(action, relevant, full, input);
    const restricted =
      domains === full ? '' : domains.flatMap((d, k) => (d === full[k] ? [] : [k])).join(',');
    // when no statement tells ARNs apart, the action's resource types do not matter to the search
    const { anyResource } = relevant;
    const kind = action.info === null ? 'unknown' : action.info.wildcardOnly ? 'wildcard-only' : 'typed';
    const resources = anyResource ? kind : `${kind} ${actionFormats(action).join(' ')}`;
    const signature = `${relevant.key}|${resources}|${restricted}`;
    let groups = memo.get(signature);
    if (groups === undefined) {
      const found = groupsFor(action, g, o, domains, input);
      complete &&= found.complete;
      groups = found.groups;
      memo.set(signature, groups);
    }
    for (const group of groups) {
      for (const box of group.boxes) {
        // a shared search ran on another action's resource: show one of this action's own
        const own = anyResource && kind === 'typed' ? resourcePoints(action, []).resources[0] : undefined;
        rows.push(rowOf(action, group, box, own ?? box.origin.resource, input));
      }
    }
  }
  rows.sort(
    (a, b) =>
      compareText(a.action, b.action) ||
      compareText(a.resource, b.resource) ||
      (a.statement?.index ?? -1) - (b.statement?.index ?? -1),
  );
  return { rows, complete };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For each key read by the action's statements, the classes the action can send (shared when all can). */
function domainsFor(
  action: ActionPoint,
  relevant: ActionStatements,
  full: readonly (readonly number[])[],
  input: FindAccessInput,
): readonly (readonly number[])[] {
  const { spaces } = input.space;
  let domains: (readonly number[])[] | undefined;
  const seen = new Set<number>();
  const restrict = (k: number) => {
    if (seen.has(k)) return;
    seen.add(k);
    const space = spaces[k];
    if (space === undefined || actionSendsKey(action, space.key, input.actions.snapshot)) return;
    const absent = space.classes.indexOf(null);
    if (absent < 0) return;
    domains ??= [...full];
    domains[k] = [absent];
  };
  for (const side of relevant.sides) {
    for (const s of side) {
      for (const t of s.clauseTests) for (const k of t.keys) restrict(k);
      for (const k of s.resourceKeys ?? []) restrict(k);
    }
  }
  return domains ?? full;
}

/** Searches every resource and caller of one action and groups the regions found. */
function groupsFor(
  action: ActionPoint,
  granting: readonly PreparedStatement[],
  other: readonly PreparedStatement[],
  domains: readonly (readonly number[])[],
  input: FindAccessInput,
): { groups: Group[]; complete: boolean } {
  const { space, layer } = input;
  const implicit = allowsImplicitly(layer);
  const patterns = [...granting, ...other].flatMap((s) => s.resourcePatterns);
  const { resources, complete } = resourcePoints(action, patterns, space.resourcePatterns);
  const groups = new Map<string, Group>();
  const principalMatches = new Map<string, boolean>();
  for (const resource of resources) {
    const resourceOk = (s: PreparedStatement) => {
      const r = s.compiled.resource;
      return r === null || !r.isStatic || r.matches(resource, NO_CONTEXT);
    };
    const g1 = granting.filter(resourceOk);
    const o1 = other.filter(resourceOk);
    for (const caller of space.callers) {
      const parsed = parseCaller(caller.principal, caller.sessionIssuer);
      const principalOk = (s: PreparedStatement) => {
        const element = s.compiled.statement.principal;
        if (element === null) return true;
        const key = `${s.side}:${s.compiled.statement.index}:${caller.principal}`;
        let ok = principalMatches.get(key);
        if (ok === undefined) {
          ok = matchPrincipal(element, parsed, caller.context).matched;
          principalMatches.set(key, ok);
        }
        return ok;
      };
      const g2 = g1.filter(principalOk);
      const o2 = o1.filter(principalOk);
      const decisive = implicit ? o2 : g2;
      if (!decisive.some((s) => s.compiled.statement.effect === (implicit ? 'Deny' : 'Allow'))) continue;
      const prepared = new Map<SearchStatement, PreparedStatement>();
      const toSearch = (s: PreparedStatement): SearchStatement => {
        const r = s.compiled.resource;
        const tests =
          s.resourceKeys === null || r === null
            ? s.clauseTests
            : [
                ...s.clauseTests,
                { keys: s.resourceKeys, test: (ctx: RequestContext) => r.matches(resource, ctx) },
              ];
        const searched: SearchStatement = { side: s.side, compiled: s.compiled, tests };
        prepared.set(searched, s);
        return searched;
      };
      const leaves = searchAccess({
        granting: g2.map(toSearch),
        other: o2.map(toSearch),
        implicitAllow: implicit,
        spaces: space.spaces,
        domains,
        base: caller.context,
        fixed: space.fixed,
        budget: input.budget,
      });
      for (const leaf of leaves) {
        const anchor = prepared.get(leaf.anchor) as PreparedStatement;
        addLeaf(groups, anchor, leaf, resource, caller, input);
      }
    }
  }
  const merged = [...groups.values()].map((group) => ({ ...group, boxes: mergeBoxes(group.boxes, domains) }));
  return { groups: merged, complete };
}
