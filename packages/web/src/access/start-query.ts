import type { PageInputs } from '../inputs.js';
import type { AccessOutcome, AccessQuery, FromAccessWorker, ToAccessWorker } from './messages.js';

/** A running access query: its outcome, and a way to stop it (a newer query replaces it). */
export interface RunningAccessQuery {
  readonly outcome: Promise<AccessOutcome>;
  cancel(): void;
}

/** Runs access queries, one at a time; `close` ends whatever runs them. */
export interface AccessRunner {
  start(
    inputs: PageInputs,
    query: AccessQuery,
    onProgress: (done: number, total: number) => void,
  ): RunningAccessQuery;
  close(): void;
}

/**
 * Access queries in a Web Worker, kept between queries (it reads the evidence once), so the page stays
 * responsive; cancelling ends the worker and the next query starts a new one. The self-contained
 * offline page replaces this module with `start-query-in-page.ts` (a page opened from disk cannot start
 * a worker from a file).
 */
export function accessRunner(): AccessRunner {
  let worker: Worker | null = null;
  let ticket = 0;
  let pending: {
    ticket: number;
    settle(outcome: AccessOutcome): void;
    progress(d: number, t: number): void;
  } | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
    pending?.settle({ ok: false, message: 'cancelled' });
    pending = null;
  };
  const ensure = (): Worker => {
    if (worker !== null) return worker;
    const started = new Worker(new URL('./access-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<FromAccessWorker>) => {
      const message = event.data;
      if (pending === null || message.ticket !== pending.ticket) return;
      if (message.type === 'progress') pending.progress(message.done, message.total);
      else {
        const done = pending;
        pending = null;
        done.settle(message.outcome);
      }
    };
    started.onerror = (event) => {
      const failed = pending;
      stop();
      failed?.settle({ ok: false, message: `the query stopped: ${event.message}` });
    };
    worker = started;
    return started;
  };
  return {
    start(inputs, query, onProgress) {
      // a query still running is abandoned with its worker: its evidence is read again by the next
      if (pending !== null) stop();
      const mine = ++ticket;
      const outcome = new Promise<AccessOutcome>((resolve) => {
        pending = { ticket: mine, settle: resolve, progress: onProgress };
      });
      ensure().postMessage({ ticket: mine, inputs, query, base: document.baseURI } satisfies ToAccessWorker);
      return {
        outcome,
        cancel() {
          if (pending?.ticket === mine) stop();
        },
      };
    },
    close: stop,
  };
}
