/**
 * "Did you mean" suggestions: the candidates closest to `word` by optimal-string-alignment distance
 * (insertions, deletions, substitutions and adjacent transpositions), case-insensitive: those at the
 * smallest distance found, at most `limit`, and only when that distance is small enough for a typo.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = word.toLowerCase();
  const budget = Math.max(1, Math.min(4, Math.floor(target.length / 3)));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === target) continue;
    if (Math.abs(lower.length - target.length) > budget) continue;
    const distance = editDistance(target, lower, budget);
    if (distance <= budget) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1));
  const best = scored[0]?.distance;
  return scored
    .filter((s) => s.distance === best)
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** Optimal-string-alignment distance, giving up (returning `budget + 1`) once every row exceeds `budget`. */
export function editDistance(a: string, b: string, budget = Number.POSITIVE_INFINITY): number {
  const m = b.length;
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > budget) return budget + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[m] as number;
}
