import type { CompiledStatement } from '../engine/compile-policy-set.js';
import type { ContextEntry, RequestContext } from '../engine/request-context.js';
import type { KeySpace } from './key-space.js';

/**
 * The search for requests one policy allows and the other does not, at one action, resource and
 * caller. Each statement's conditions are a conjunction of clauses, and each clause reads one key
 * (plus the keys of the policy variables in its values), so keys are assigned one at a time and every
 * statement is kept as true, false or still unknown. A branch stops as soon as the answer no longer
 * depends on the keys left: "no new access" prunes it, "new access, decided by this statement" ends
 * it with the remaining keys free. Keys that no undecided statement reads are never branched on,
 * which is what keeps independent statements from multiplying each other's values.
 */

/** A test of one statement that reads some keys: a condition clause, or a resource pattern with variables. */
export interface StatementTest {
  /** Indices (into the key table) of the keys the test reads. */
  readonly keys: readonly number[];
  test(context: RequestContext): boolean;
}

/** A statement of either policy, relevant at the current action, resource and caller. */
export interface SearchStatement {
  /** 0 for the old policy, 1 for the new one. */
  readonly side: 0 | 1;
  readonly compiled: CompiledStatement;
  readonly tests: readonly StatementTest[];
}

/** Counts evaluated points and stops the comparison beyond a limit. */
export class PointBudget {
  used = 0;
  constructor(readonly limit: number) {}

  spend(): void {
    this.used += 1;
    if (this.used > this.limit) throw new PointBudgetExceeded(this.limit);
  }
}

/** Thrown by {@link PointBudget.spend} when the limit is passed; turned into a diagnostic by the caller. */
export class PointBudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} test points`);
  }
}

/** The problem at one action, resource and caller. */
export interface SearchInput {
  /** Relevant statements of the policy that must allow, in document order. */
  readonly granting: readonly SearchStatement[];
  /** Relevant statements of the policy that must not allow, in document order. */
  readonly other: readonly SearchStatement[];
  /** The layer allows whatever it does not deny (RCP). */
  readonly implicitAllow: boolean;
  readonly spaces: readonly KeySpace[];
  /** For each key, the classes this action can send (a key it never sends: only "absent"). */
  readonly domains: readonly (readonly number[])[];
  /** The caller's derived keys. */
  readonly base: RequestContext;
  /** Keys read from `base`, never varied (the caller's keys in resource-style layers). */
  readonly fixed: ReadonlySet<number>;
  readonly budget: PointBudget;
}

/** A region of new access: the statement that decides it, and the key classes that lead there. */
export interface Leaf {
  /** The granting policy's allowing statement, or (implicit allow) the other policy's denying one. */
  readonly anchor: SearchStatement;
  /** Key index → class index; keys not here may have any value. */
  readonly assignment: ReadonlyMap<number, number>;
}

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
type Tri = 0 | 1 | 2;

function not3(s: Tri): Tri {
  return s === UNKNOWN ? UNKNOWN : s === TRUE ? FALSE : TRUE;
}

function and3(a: Tri, b: Tri): Tri {
  if (a === FALSE || b === FALSE) return FALSE;
  return a === TRUE && b === TRUE ? TRUE : UNKNOWN;
}

/** The context entry of a class: a single value, a set, or nothing (absent). */
export function entryOf(space: KeySpace, classIndex: number): ContextEntry | null {
  const value = space.classes[classIndex];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? { values: [value], multi: false } : { values: value, multi: true };
}

/** Every region where the granting policy allows and the other does not, with its deciding statement. */
export function searchAccess(input: SearchInput): Leaf[] {
  const leaves: Leaf[] = [];
  const context = new Map<string, ContextEntry>(input.base);
  // class of each key: -1 unassigned, -2 read from the caller (fixed)
  const classOf = new Int32Array(input.spaces.length).fill(-1);
  for (const k of input.fixed) classOf[k] = -2;
  const known = (key: number) => (classOf[key] as number) !== -1;
  const assign = (key: number, cls: number) => {
    const space = input.spaces[key] as KeySpace;
    const entry = entryOf(space, cls);
    if (entry === null) context.delete(space.lower);
    else context.set(space.lower, entry);
    classOf[key] = cls;
  };
  const unassign = (key: number) => {
    const space = input.spaces[key] as KeySpace;
    const original = input.base.get(space.lower);
    if (original === undefined) context.delete(space.lower);
    else context.set(space.lower, original);
    classOf[key] = -1;
  };
  const assignment = (): Map<number, number> => {
    const out = new Map<number, number>();
    classOf.forEach((cls, k) => {
      if (cls >= 0) out.set(k, cls);
    });
    return out;
  };
  const all = [...input.granting, ...input.other];
  const count = all.length;
  const granting = input.granting.length;
  const deny = all.map((s) => s.compiled.statement.effect === 'Deny');
  const states = new Uint8Array(count);
  // keys this action can send with one class only are settled up front
  for (const s of all) {
    for (const t of s.tests) {
      for (const k of t.keys) {
        const domain = input.domains[k] as readonly number[];
        if (!known(k) && domain.length === 1) assign(k, domain[0] as number);
      }
    }
  }
  const stateOf = (s: SearchStatement): Tri => {
    let unknown = false;
    for (const t of s.tests) {
      let ready = true;
      for (const k of t.keys) {
        if ((classOf[k] as number) === -1) {
          ready = false;
          break;
        }
      }
      if (!ready) unknown = true;
      else if (!t.test(context)) return FALSE;
    }
    return unknown ? UNKNOWN : TRUE;
  };
  /** Whether the statements from `from` to `to` allow: an allow and no deny, or (implicit) no deny. */
  const allowed = (from: number, to: number): Tri => {
    let allow: Tri = FALSE;
    let denied: Tri = FALSE;
    for (let i = from; i < to; i++) {
      const state = states[i] as Tri;
      if (state === FALSE) continue;
      if (deny[i]) denied = denied === TRUE || state === TRUE ? TRUE : UNKNOWN;
      else allow = allow === TRUE || state === TRUE ? TRUE : UNKNOWN;
    }
    return input.implicitAllow ? not3(denied) : and3(allow, not3(denied));
  };
  /** The first statement of an effect in a range that matches, if every one before it surely does not. */
  const anchorOf = (from: number, to: number, wantDeny: boolean): SearchStatement | undefined => {
    for (let i = from; i < to; i++) {
      if (deny[i] !== wantDeny) continue;
      if (states[i] === UNKNOWN) return undefined;
      if (states[i] === TRUE) return all[i];
    }
    return undefined;
  };
  const visit = (): void => {
    input.budget.spend();
    for (let i = 0; i < count; i++) states[i] = stateOf(all[i] as SearchStatement);
    const access = and3(allowed(0, granting), not3(allowed(granting, count)));
    if (access === FALSE) return;
    if (access === TRUE) {
      const anchor = input.implicitAllow ? anchorOf(granting, count, true) : anchorOf(0, granting, false);
      if (anchor !== undefined) {
        leaves.push({ anchor, assignment: assignment() });
        return;
      }
    }
    const key = nextKey(all, states, known);
    if (key === undefined) throw new Error('compare: an undecided statement reads no unassigned key');
    for (const cls of input.domains[key] as readonly number[]) {
      assign(key, cls);
      visit();
      unassign(key);
    }
  };
  visit();
  return leaves;
}

/** The unassigned key read by the most undecided statements (the lowest index on a tie). */
function nextKey(
  statements: readonly SearchStatement[],
  states: Uint8Array,
  known: (key: number) => boolean,
): number | undefined {
  const counts = new Map<number, number>();
  statements.forEach((s, i) => {
    if (states[i] !== UNKNOWN) return;
    for (const t of s.tests) for (const k of t.keys) if (!known(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  let best: number | undefined;
  let bestCount = 0;
  for (const [k, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && k < best)) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}
