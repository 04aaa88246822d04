/**
 * Regions of new access as boxes: for each key, the set of its classes (a key not listed may take
 * any class). Two boxes that differ in one key only are one box with the union of that key's classes;
 * merging until no pair is left gives few boxes whose union is exactly the regions found, and a key
 * whose classes become all of its domain drops out (it does not matter).
 */

/** A region: key index → class indices (sorted), and the first leaf it came from. */
export interface Box<T> {
  readonly sets: ReadonlyMap<number, readonly number[]>;
  readonly origin: T;
}

/** Most boxes merged pairwise in one group; beyond, boxes are kept as found (still exact, only longer). */
const MERGE_LIMIT = 2000;

/** A box over a fixed list of keys: each key's sorted classes as text, `*` for its whole domain. */
interface Dense<T> {
  readonly sets: (readonly number[] | null)[];
  readonly texts: string[];
  readonly origin: T;
}

/** Merges boxes that differ in one key until none do; keys whose set is their whole domain drop out. */
export function mergeBoxes<T>(boxes: readonly Box<T>[], domains: readonly (readonly number[])[]): Box<T>[] {
  const keys = [...new Set(boxes.flatMap((b) => [...b.sets.keys()]))].sort((a, b) => a - b);
  const full = (k: number, set: readonly number[]) => (domains[k] ?? []).every((c) => set.includes(c));
  const dense = (sets: (readonly number[] | null)[], origin: T): Dense<T> => {
    const normalized = sets.map((set, i) => (set === null || full(keys[i] as number, set) ? null : set));
    return { sets: normalized, texts: normalized.map((set) => (set === null ? '*' : set.join(','))), origin };
  };
  let list = boxes.map((b) =>
    dense(
      keys.map((k) => b.sets.get(k) ?? null),
      b.origin,
    ),
  );
  if (list.length <= MERGE_LIMIT) list = mergeDense(list, keys, domains, dense);
  return list.map((d) => {
    const sets = new Map<number, readonly number[]>();
    d.sets.forEach((set, i) => {
      if (set !== null) sets.set(keys[i] as number, set);
    });
    return { sets, origin: d.origin };
  });
}

function mergeDense<T>(
  boxes: Dense<T>[],
  keys: readonly number[],
  domains: readonly (readonly number[])[],
  dense: (sets: (readonly number[] | null)[], origin: T) => Dense<T>,
): Dense<T>[] {
  const list = [...boxes];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Dense<T>;
        const b = list[j] as Dense<T>;
        let at = -1;
        let many = false;
        for (let k = 0; k < keys.length; k++) {
          if (a.texts[k] === b.texts[k]) continue;
          if (at >= 0) {
            many = true;
            break;
          }
          at = k;
        }
        if (many) continue;
        if (at >= 0) {
          const domain = domains[keys[at] as number] ?? [];
          const union = [...new Set([...(a.sets[at] ?? domain), ...(b.sets[at] ?? domain)])].sort(
            (x, y) => x - y,
          );
          const sets = [...a.sets];
          sets[at] = union;
          list[i] = dense(sets, a.origin);
        }
        list.splice(j, 1);
        changed = true;
        j = i; // the merged box may now merge with boxes already passed
      }
    }
  }
  return list;
}
