import type { FromTrailWorker, ToTrailWorker } from './messages.js';
import type { OnTrailProgress, TrailScanOutcome } from './scan-files.js';

/** A running trail analysis: its outcome, and a way to stop it (a newer drop replaces it). */
export interface RunningTrailScan {
  readonly outcome: Promise<TrailScanOutcome>;
  cancel(): void;
}

/**
 * Reads the logs in a Web Worker, so that the page stays responsive over files of any size. The
 * self-contained offline page replaces this module with `start-scan-in-page.ts` (a page opened from
 * disk cannot start a worker from a file).
 */
export function startTrailScan(files: readonly File[], onProgress: OnTrailProgress): RunningTrailScan {
  const worker = new Worker(new URL('./trail-worker.ts', import.meta.url), { type: 'module' });
  let settle: (outcome: TrailScanOutcome) => void = () => undefined;
  const outcome = new Promise<TrailScanOutcome>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (event: MessageEvent<FromTrailWorker>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.read, message.total);
    else {
      worker.terminate();
      settle(message.outcome);
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    settle({ ok: false, message: `the log reader stopped: ${event.message}` });
  };
  worker.postMessage({ files } satisfies ToTrailWorker);
  return {
    outcome,
    cancel() {
      worker.terminate();
      settle({ ok: false, message: 'cancelled' });
    },
  };
}
