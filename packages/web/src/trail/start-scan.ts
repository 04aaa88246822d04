import type { TrailFilterOptions } from '@whydenied/core/trail';
import type { FromTrailWorker, ToTrailWorker } from './messages.js';
import type { OnTrailProgress, TrailScanOutcome } from './scan-files.js';
import { startTrailScan as startInPage } from './start-scan-in-page.js';

/** A running trail analysis: its outcome, and a way to stop it (a newer drop replaces it). */
export interface RunningTrailScan {
  readonly outcome: Promise<TrailScanOutcome>;
  cancel(): void;
}

/**
 * Reads the logs in a Web Worker, so that the page stays responsive over files of any size. A worker
 * that does not start (its script cannot be loaded) leaves the reading to the page's own thread, as
 * does the self-contained offline page, which replaces this module with `start-scan-in-page.ts` (a
 * page opened from disk cannot start a worker from a file).
 */
export function startTrailScan(
  files: readonly File[],
  filter: TrailFilterOptions,
  onProgress: OnTrailProgress,
): RunningTrailScan {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./trail-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return startInPage(files, filter, onProgress);
  }
  let settle: (outcome: TrailScanOutcome) => void = () => undefined;
  const outcome = new Promise<TrailScanOutcome>((resolve) => {
    settle = resolve;
  });
  let heard = false;
  let inPage: RunningTrailScan | null = null;
  worker.onmessage = (event: MessageEvent<FromTrailWorker>) => {
    heard = true;
    const message = event.data;
    if (message.type === 'progress') onProgress(message.read, message.total);
    else {
      worker.terminate();
      settle(message.outcome);
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    if (heard) {
      settle({ ok: false, message: `the log reader stopped: ${event.message}` });
      return;
    }
    inPage = startInPage(files, filter, onProgress);
    void inPage.outcome.then(settle);
  };
  worker.postMessage({ files, filter } satisfies ToTrailWorker);
  return {
    outcome,
    cancel() {
      worker.terminate();
      inPage?.cancel();
      settle({ ok: false, message: 'cancelled' });
    },
  };
}
