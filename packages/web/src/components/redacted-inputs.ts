import type { PageAnalysis } from '../analyze.js';

/**
 * What the input fields show while redaction is on: the texts the diagnosis read, with stand-ins.
 * A text is `null` until the redacted diagnosis has arrived (the original is not shown meanwhile).
 */
export interface RedactedInputs {
  /**
   * Redaction was just turned on and the analysis at hand is still the one of the originals: the
   * page shows none of it (not its diagnosis either) until the redacted one arrives.
   */
  readonly pending: boolean;
  readonly errorText: string | null;
  /** The request context as `KEY=VALUE` lines. */
  readonly contextText: string | null;
  /** The call's parameters as `KEY=VALUE` lines, dotted keys for nested ones. */
  readonly parametersText: string | null;
}

/** The redacted texts of the inputs when redaction is on; `null` when it is off. */
export function redactedInputs(redactOn: boolean, analysis: PageAnalysis): RedactedInputs | null {
  if (!redactOn) return null;
  if (analysis.redaction === null) {
    return { pending: true, errorText: null, contextText: null, parametersText: null };
  }
  const contextText = Object.entries(analysis.context)
    .flatMap(([key, value]) => (typeof value === 'string' ? [value] : value).map((v) => `${key}=${v}`))
    .join('\n');
  return {
    pending: false,
    errorText: analysis.errorText,
    contextText,
    parametersText: pairLines(analysis.parameters, '').join('\n'),
  };
}

/** Nested parameters back as the dotted `KEY=VALUE` lines they are typed as (a list repeats its key). */
function pairLines(value: unknown, key: string): string[] {
  if (Array.isArray(value)) {
    return value.every((v) => typeof v !== 'object' || v === null)
      ? value.map((v) => `${key}=${String(v)}`)
      : value.flatMap((v, i) => pairLines(v, `${key}.${i}`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => pairLines(v, key === '' ? k : `${key}.${k}`));
  }
  return [`${key}=${String(value)}`];
}
