import { parseCaller } from '../engine/caller.js';
import type { CompiledPolicySet } from '../engine/compile-policy-set.js';
import { parseTemplate, resolveTemplate } from '../engine/policy-variables.js';
import { matchPrincipal } from '../engine/principal-match.js';
import type { AuthorizationRequest, ContextValue } from '../engine/request.js';
import type { ContextEntry, RequestContext } from '../engine/request-context.js';
import { compileArnPattern } from '../matching/arn.js';
import type { PolicyStatement } from '../policy/policy-model.js';
import { entryOf, type Leaf } from './access-search.js';
import type { ActionPoint } from './action-points.js';
import type { CallerPoint } from './caller-points.js';
import type { AccessRow, CompareLayer, ConditionValue, StatementRef } from './compare-model.js';
import type { CompareSpace, PreparedStatement } from './compare-space.js';
import { allowsImplicitly, isResourceStyle, layerVerdict } from './layer-verdict.js';
import type { Box } from './merge-regions.js';
import type { ReadPolicy } from './read-compared-policy.js';
import { resourceMatcher } from './resource-points.js';

/**
 * Rows of access from the search's regions: each leaf joins the group of its deciding statement,
 * the statement's resource pattern that matched and (resource-style layers) the principal entry that
 * named the caller; each merged box becomes a row whose example request the engine evaluates again,
 * with the statements located in their files.
 */

/** What rows are built from: the comparison's dimensions and both policies, compiled and as read. */
export interface RowContext {
  readonly space: CompareSpace;
  /** The side that must allow: 1 for new access, 0 for removed access. */
  readonly granting: 0 | 1;
  readonly layer: CompareLayer;
  readonly sets: readonly [CompiledPolicySet, CompiledPolicySet];
  readonly policies: readonly [ReadPolicy, ReadPolicy];
}

/** Where a region was found: the resource, the caller, and the key classes of its first leaf. */
export interface Origin {
  readonly resource: string;
  readonly caller: CallerPoint;
  readonly assignment: ReadonlyMap<number, number>;
}

/** Regions of one deciding statement, resource pattern and principal, as boxes. */
export interface Group {
  readonly anchor: PreparedStatement;
  readonly resource: string;
  readonly notResource: readonly string[] | undefined;
  readonly principal: string | undefined;
  readonly boxes: Box<Origin>[];
}

/** The context of a caller with a leaf's key classes. */
function contextOf(
  caller: CallerPoint,
  assignment: ReadonlyMap<number, number>,
  input: RowContext,
): RequestContext {
  const context = new Map<string, ContextEntry>(caller.context);
  for (const [k, cls] of assignment) {
    const space = input.space.spaces[k];
    if (space === undefined) continue;
    const entry = entryOf(space, cls);
    if (entry === null) context.delete(space.lower);
    else context.set(space.lower, entry);
  }
  return context;
}

export function addLeaf(
  groups: Map<string, Group>,
  anchor: PreparedStatement,
  leaf: Leaf,
  resource: string,
  caller: CallerPoint,
  input: RowContext,
): void {
  const context = contextOf(caller, leaf.assignment, input);
  const matched = matchedResource(
    anchor.compiled.statement,
    anchor.compiled.resource === null,
    resource,
    context,
  );
  const principal = isResourceStyle(input.layer)
    ? matchedPrincipal(anchor.compiled.statement, caller)
    : undefined;
  const key = [
    anchor.side,
    anchor.compiled.statement.index,
    matched.resource,
    matched.notResource?.join(' '),
    principal,
  ].join('\u0000');
  let group = groups.get(key);
  if (group === undefined) {
    group = { anchor, resource: matched.resource, notResource: matched.notResource, principal, boxes: [] };
    groups.set(key, group);
  }
  const sets = new Map<number, readonly number[]>();
  for (const [k, cls] of leaf.assignment) if (!input.space.fixed.has(k)) sets.set(k, [cls]);
  group.boxes.push({ sets, origin: { resource, caller, assignment: leaf.assignment } });
}

/** The statement's `Resource` pattern (as written) that matches, or `*` and its `NotResource` list. */
function matchedResource(
  statement: PolicyStatement,
  noResource: boolean,
  resource: string,
  context: RequestContext,
): { resource: string; notResource: readonly string[] | undefined } {
  const element = statement.resource;
  if (noResource || element === null) return { resource: '*', notResource: undefined };
  if (element.negated) return { resource: '*', notResource: element.values.map((v) => v.raw) };
  for (const v of element.values) {
    const template = parseTemplate(v.value);
    const parts = template === undefined ? undefined : resolveTemplate(template, context);
    const matches =
      template === undefined
        ? resourceMatcher(v.value).matches(resource)
        : parts !== undefined && compileArnPattern(parts).matches(resource);
    if (matches) return { resource: v.raw, notResource: undefined };
  }
  return { resource: '*', notResource: undefined };
}

/** The `Principal` entry (as written) that names the caller; `*` for `NotPrincipal`. */
function matchedPrincipal(statement: PolicyStatement, caller: CallerPoint): string | undefined {
  const element = statement.principal;
  if (element === null) return undefined;
  if (element.negated) return '*';
  const outcome = matchPrincipal(
    element,
    parseCaller(caller.principal, caller.sessionIssuer),
    caller.context,
  );
  return outcome.matchedEntries[0]?.raw ?? '*';
}

function refOf(policy: ReadPolicy, statement: PolicyStatement): StatementRef {
  const where = policy.locate(statement.pointer);
  const start = where.span?.start;
  return {
    sid: statement.sid,
    index: statement.index,
    pointer: where.pointer,
    ...(start === undefined ? {} : { line: start.line, column: start.column }),
  };
}

/** One row: the box's conditions, its example request checked with the engine, and the statements. */
export function rowOf(
  action: ActionPoint,
  group: Group,
  box: Box<Origin>,
  resource: string,
  input: RowContext,
): AccessRow {
  const { space, layer, granting } = input;
  const other = granting === 1 ? 0 : 1;
  const conditions: Record<string, ConditionValue[]> = {};
  for (const [k, set] of [...box.sets].sort((a, b) => a[0] - b[0])) {
    const s = space.spaces[k];
    if (s !== undefined) conditions[s.key] = set.map((c) => s.classes[c] ?? null);
  }
  const context: Record<string, ContextValue> = {};
  for (const [k, cls] of box.origin.assignment) {
    const s = space.spaces[k];
    const value = s === undefined || space.fixed.has(k) ? null : (s.classes[cls] ?? null);
    if (s !== undefined && value !== null) context[s.key] = value;
  }
  const { caller } = box.origin;
  const request: AuthorizationRequest = {
    principal: caller.principal,
    action: action.name,
    resource,
    context,
    ...(caller.sessionIssuer === undefined ? {} : { sessionIssuer: caller.sessionIssuer }),
  };
  const granted = layerVerdict(input.sets[granting], layer, request);
  const withheld = layerVerdict(input.sets[other], layer, request);
  if (!granted.allowed || withheld.allowed) {
    throw new Error(`compare: the engine disagrees with the search at ${JSON.stringify(request)}`);
  }
  const implicit = allowsImplicitly(layer);
  const deniedBy = implicit ? group.anchor.compiled.statement : withheld.denying;
  return {
    action: action.name,
    resource: group.resource,
    ...(group.notResource === undefined ? {} : { notResource: group.notResource }),
    ...(group.principal === undefined ? {} : { principal: group.principal }),
    conditions,
    statement: implicit ? null : refOf(input.policies[granting], group.anchor.compiled.statement),
    ...(deniedBy === null ? {} : { deniedBy: refOf(input.policies[other], deniedBy) }),
    example: {
      principal: caller.principal,
      action: action.name,
      resource,
      context,
    },
  };
}
