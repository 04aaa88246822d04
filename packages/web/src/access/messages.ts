import type { WhatCanResult, WhoCanResult } from '@whydenied/core/access';
import type { PageInputs } from '../inputs.js';

/** One access query over the evidence the user dropped. */
export type AccessQuery =
  | { readonly type: 'who-can'; readonly action: string; readonly resource: string }
  | { readonly type: 'what-can'; readonly principal: string; readonly service: string };

/** What a query gives: core's result, or one line saying why there is none. */
export type AccessOutcome =
  | { readonly ok: true; readonly type: 'who-can'; readonly value: WhoCanResult }
  | { readonly ok: true; readonly type: 'what-can'; readonly value: WhatCanResult }
  | { readonly ok: false; readonly message: string };

/** What the page sends the access worker: the page's inputs (plain texts), the query, the page's address. */
export interface ToAccessWorker {
  readonly ticket: number;
  readonly inputs: PageInputs;
  readonly query: AccessQuery;
  /** The page's base URL, to fetch the service data from (a worker's own URL is under `assets/`). */
  readonly base: string;
}

/** What the access worker answers: progress (principals evaluated of all), then the outcome. */
export type FromAccessWorker =
  | { readonly type: 'progress'; readonly ticket: number; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly ticket: number; readonly outcome: AccessOutcome };
