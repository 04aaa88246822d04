import { pageCatalog } from '../catalog.js';
import { runAccessQuery } from './run-query.js';
import type { AccessRunner } from './start-query.js';

/**
 * `accessRunner` of the self-contained offline page: the queries on the page's thread (a page opened
 * from disk cannot start a worker from a file), after a paint so that the page shows the query running;
 * a cancelled query's answer is dropped.
 */
export function accessRunner(): AccessRunner {
  let current = 0;
  return {
    start(inputs, query, onProgress) {
      const mine = ++current;
      const outcome = new Promise<void>((resolve) => setTimeout(resolve, 30)).then(async () =>
        mine !== current
          ? ({ ok: false, message: 'cancelled' } as const)
          : runAccessQuery(inputs, query, pageCatalog(), onProgress),
      );
      return {
        outcome: outcome.then((o) => (mine === current ? o : { ok: false, message: 'cancelled' })),
        cancel() {
          if (mine === current) current += 1;
        },
      };
    },
    close() {
      current += 1;
    },
  };
}
