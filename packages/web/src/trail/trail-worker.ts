/**
 * The page's trail worker: reads the dropped CloudTrail logs (streamed, gunzipped in the stream) into
 * the grouping off the page's thread, posting progress at most every 100 ms, then the groups. Bundled by
 * Vite as its own file beside the page (same origin: the CSP's `default-src 'self'` allows it).
 */
import type { FromTrailWorker, ToTrailWorker } from './messages.js';
import { scanTrailFiles } from './scan-files.js';

/** The worker's global scope, as far as it is used here (the page's DOM types lack it). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToTrailWorker>) => void) | null;
  postMessage(message: FromTrailWorker): void;
}

const PROGRESS_EVERY_MS = 100;
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  let last = 0;
  void scanTrailFiles(event.data.files, event.data.filter, (read, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && read < total) return;
    last = now;
    scope.postMessage({ type: 'progress', read, total });
  }).then(
    (outcome) => scope.postMessage({ type: 'done', outcome }),
    (error: unknown) =>
      scope.postMessage({
        type: 'done',
        outcome: { ok: false, message: `the logs could not be read: ${String(error)}` },
      }),
  );
};
