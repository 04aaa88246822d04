/** Types of scripts/generate-trail.mjs for the tests that import it. */
export function trailRecords(
  seed: number,
  start?: number,
): Generator<Record<string, unknown>, never, unknown>;
export function generateTrail(options: {
  out: string;
  mb?: number;
  layout?: 's3' | 'single' | 'ndjson';
  seed?: number;
}): { files: number; records: number; rawBytes: number };
