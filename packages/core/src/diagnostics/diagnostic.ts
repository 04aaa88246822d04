/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A position in a text document.
 * `line` is 1-based, `column` is 1-based (in UTF-16 code units), `offset` is 0-based.
 */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A range in a text document, from `start` (inclusive) to `end` (exclusive). */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/**
 * The one diagnostic shape used everywhere: parse errors, validation errors, lint findings.
 * `message` starts lower-case, has no final period, and quotes user values in backticks;
 * longer advice goes in `help`.
 */
export interface Diagnostic {
  /** Stable machine-readable identifier, e.g. `json-syntax`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** JSON pointer (RFC 6901) to the node the diagnostic is about; `''` for the whole document. */
  readonly path: string;
  readonly span?: Span;
  readonly help?: string;
  /**
   * The input the diagnostic is about, as the front end named it (a file name, `<stdin>`, a pasted
   * field); absent when it is about no one input.
   */
  readonly source?: string;
}

/**
 * A diagnostic as one line, the way compilers print them: `source:line:column: message`, leaving out
 * what is unknown (`source: message`, or the message alone). A front end that shows the message beside
 * its input leaves the source out (`line:column: message`).
 */
export function formatDiagnostic(
  diagnostic: Diagnostic,
  options: { readonly source?: boolean } = {},
): string {
  const where = formatLocation(diagnostic, options);
  return where === '' ? diagnostic.message : `${where}: ${diagnostic.message}`;
}

/** Where a diagnostic is, as {@link formatDiagnostic} prints it: `source:line:column`, or `''` when unknown. */
export function formatLocation(diagnostic: Diagnostic, options: { readonly source?: boolean } = {}): string {
  const start = diagnostic.span?.start;
  const at = start === undefined ? '' : `${start.line}:${start.column}`;
  const source = options.source === false ? undefined : diagnostic.source;
  return source === undefined ? at : at === '' ? source : `${source}:${at}`;
}
