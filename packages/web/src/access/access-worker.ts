/**
 * The page's access worker: runs who-can and what-can over the dropped evidence off the page's thread
 * (an account of a thousand roles takes seconds), posting progress at most every 100 ms. It stays alive
 * between queries, so the evidence is read once. Bundled by Vite as its own file beside the page (same
 * origin: the CSP's `default-src 'self'` allows it).
 */
import { pageCatalog } from '../catalog.js';
import type { FromAccessWorker, ToAccessWorker } from './messages.js';
import { runAccessQuery } from './run-query.js';

/** The worker's global scope, as far as it is used here (the page's DOM types lack it). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToAccessWorker>) => void) | null;
  postMessage(message: FromAccessWorker): void;
}

const PROGRESS_EVERY_MS = 100;
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { ticket, inputs, query, base } = event.data;
  let lastProgress = 0;
  void runAccessQuery(inputs, query, pageCatalog(base), (done, total) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
    lastProgress = now;
    scope.postMessage({ type: 'progress', ticket, done, total });
  }).then(
    (outcome) => scope.postMessage({ type: 'done', ticket, outcome }),
    (error: unknown) =>
      scope.postMessage({
        type: 'done',
        ticket,
        outcome: { ok: false, message: `the query failed: ${String(error)}` },
      }),
  );
};
