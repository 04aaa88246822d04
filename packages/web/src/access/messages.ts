import type { AccessLevel, EscalationCode, WhoCanResult } from '@whydenied/core/access';
import type { PageInputs } from '../inputs.js';

/** One access query over the evidence the user dropped. */
export type AccessQuery =
  | { readonly type: 'who-can'; readonly action: string; readonly resource: string }
  | { readonly type: 'what-can'; readonly principal: string; readonly service: string };

/**
 * A what-can grant as the panel shows it. The worker keeps core's full grants (their example requests
 * and statements): an administrator's 28,000 of them would take the page's thread most of a second to
 * receive.
 */
export interface GrantRow {
  readonly action: string;
  readonly accessLevel: AccessLevel;
  readonly resourceType: string | null;
  readonly resource: string;
  readonly except: readonly string[];
  /** The context keys the grant depends on, each once; `unless KEY` for a denying statement's. */
  readonly conditions: readonly string[];
  readonly escalation: { readonly code: EscalationCode; readonly summary: string } | null;
  /** The resource-based policy that takes part in the grant (its name), or `null`. */
  readonly via: string | null;
}

/** What the panel shows of a what-can result. */
export interface WhatCanView {
  readonly principal: string;
  /** In core's order. */
  readonly grants: readonly GrantRow[];
  /** Actions the policies name that the service data does not know. */
  readonly unknownActions: number;
  /** What the answer cannot see: missing evidence and the query's limits. */
  readonly notes: readonly string[];
}

/** What a query gives: core's result (a what-can as the panel shows it), or one line saying why there is none. */
export type AccessOutcome =
  | { readonly ok: true; readonly type: 'who-can'; readonly value: WhoCanResult }
  | { readonly ok: true; readonly type: 'what-can'; readonly value: WhatCanView }
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
