import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ErrorReading, FailureFacts, FailureKind, PolicyLayer, Unknown } from '../errors/failure.js';
import { type ReadErrorOptions, readError } from '../errors/read-error.js';
import { refineWithCatalog } from '../errors/refine-with-catalog.js';
import { type NextStep, nextSteps } from './next-steps.js';

/** A denied (action, resource) check found by evaluating the caller's policies. */
export interface Finding {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'ExplicitDeny' | 'ImplicitDeny';
  readonly layer: PolicyLayer;
  readonly policy: string | null;
  readonly sid: string | null;
}

/** A complete new policy document for the target that must change. */
export interface Fix {
  readonly layer: PolicyLayer;
  readonly target: string;
  readonly owner: 'account' | 'organization' | 'resource-owner';
  readonly document: unknown;
}

/** The contract's `diagnose --format json` output, plus the reading's details. */
export interface Diagnosis {
  readonly kind: FailureKind;
  readonly failure: FailureFacts;
  /** One entry per denied check, the deciding one first; empty when no policies were given. */
  readonly findings: readonly Finding[];
  readonly fixes: readonly Fix[];
  readonly lookalike: string | null;
  readonly details: Omit<ErrorReading, 'kind' | 'failure' | 'lookalike' | 'unknowns'>;
  readonly unknowns: readonly Unknown[];
  readonly nextSteps: readonly NextStep[];
}

/** What `diagnose` reads. */
export interface DiagnoseInput {
  readonly errorText: string;
  readonly options?: ReadErrorOptions;
  /** Service knowledge: resolves operations the error reader's own table does not know. */
  readonly catalog?: Catalog;
}

export type DiagnoseResult =
  | { readonly ok: true; readonly value: Diagnosis }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * Diagnoses a pasted AWS error: what failed, who called, which layer AWS blamed, what is still unknown,
 * and what to do next.
 */
export async function diagnose(input: DiagnoseInput): Promise<DiagnoseResult> {
  const read = readError(input.errorText, input.options);
  if (!read.ok) {
    return read;
  }
  const reading =
    input.catalog === undefined ? read.value : await refineWithCatalog(read.value, input.catalog);
  const { kind, failure, lookalike, unknowns, ...details } = reading;
  return {
    ok: true,
    value: {
      kind,
      failure,
      findings: [],
      fixes: [],
      lookalike,
      details,
      unknowns,
      nextSteps: nextSteps(reading),
    },
  };
}
