// What the trail scan tests share: the records of core's grouping table, a filter that keeps every
// denial, and the UTF-8 encoder and decoder a scan is given.
import { readFileSync } from 'node:fs';
import { compileTrailFilter, type TrailFilter } from '../src/trail/trail-filter.js';
import type { Utf8Decoder } from '../src/trail/trail-scan.js';

export const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const decode: Utf8Decoder = (bytes, start, end) => decoder.decode(bytes.subarray(start, end));

const table = JSON.parse(
  readFileSync(new URL('../src/trail/cases/trail.cases.json', import.meta.url), 'utf8'),
) as { records: Record<string, Record<string, unknown>> };

/** The records of the grouping table (`src/trail/cases/trail.cases.json`), in order. */
export const RECORDS: readonly Record<string, unknown>[] = Object.values(table.records);

/** A filter that keeps every denial. */
export const FILTER: TrailFilter = (() => {
  const compiled = compileTrailFilter({});
  if (!compiled.ok) throw new Error(compiled.problem.message);
  return compiled.value;
})();
