/**
 * What the rules ask of each statement is worked out once per statement and once per distinct
 * `Action` list (issue 12, defect 11: lint of 100,000 statements naming `ec2:Describe*` took 129 s,
 * expanding the pattern again for each rule and each statement).
 */
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog.js';
import { lintPolicy } from './lint-policy.js';

/** The catalog, counting the `matchActions` calls of every snapshot it gives. */
function countingCatalog(catalog: Catalog): { catalog: Catalog; calls: () => number } {
  let calls = 0;
  const counting: Catalog = {
    ...catalog,
    async snapshot(prefixes) {
      const snapshot = await catalog.snapshot(prefixes);
      return {
        ...snapshot,
        matchActions(pattern) {
          calls += 1;
          return snapshot.matchActions(pattern);
        },
      } satisfies CatalogSnapshot;
    },
  };
  return { catalog: counting, calls: () => calls };
}

describe('statement facts', () => {
  it('expands each Action value once, whatever the number of rules that ask', async () => {
    const statements = Array.from({ length: 50 }, (_, i) => ({
      Effect: 'Allow',
      Action: ['ec2:Describe*', 's3:GetObject'],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
      Condition: { StringEquals: { 's3:prefix': 'home/' } },
    }));
    const { catalog, calls } = countingCatalog(nodeCatalog());
    const result = await lintPolicy({ Version: '2012-10-17', Statement: statements }, catalog, {
      kind: 'identity',
    });
    expect(result.kind).toBe('identity');
    expect(calls()).toBe(statements.length * 2);
  });
});
