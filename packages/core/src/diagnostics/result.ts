import type { Diagnostic } from './diagnostic.js';

/** The outcome of reading or computing something: its value, or the diagnostics of why not. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
