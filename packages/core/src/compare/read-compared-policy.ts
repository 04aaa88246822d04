import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { parseJson } from '../json/parse-json.js';
import { createPointerLocator } from '../json/pointer-position.js';
import { type PolicyKind, parsePolicy } from '../policy/parse-policy.js';
import type { PolicyDocument } from '../policy/policy-model.js';
import { findPolicy } from '../policy/unwrap-policy.js';

/** One policy given to a comparison: its name (for messages) and its content. */
export interface ComparedPolicy {
  /** How the front end names it: a file name, `<stdin>`, a field of the page. */
  readonly name: string;
  /**
   * The policy: JSON text, or an already parsed value. Either may be the document itself, a JSON or
   * URL-encoded string of it, or a wrapper the AWS CLI prints (`{"PolicyDocument": ...}`,
   * `{"Policy": "..."}`, `{"PolicyVersion": {"Document": ...}}`...).
   */
  readonly policy: unknown;
}

/** A policy read for comparison: the raw document, its model, and where each node is in the input. */
export interface ReadPolicy {
  readonly name: string;
  /** The document as found inside any wrapper, still raw (for the engine's policy set). */
  readonly raw: unknown;
  readonly document: PolicyDocument;
  /** The pointer, in the input, of a node of the document; and its span when the input was text. */
  locate(pointer: string): { readonly pointer: string; readonly span?: Span };
}

/**
 * Reads one side of a comparison: JSON text is parsed with positions, the document is found inside
 * any wrapper (`findPolicy`) and validated by `parsePolicy` for the layer's kind. Diagnostics name the
 * input (`source`) and, for text, carry the line and column.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function readComparedPolicy(input: ComparedPolicy, kind: PolicyKind): Result<ReadPolicy> {
  const fail = (diagnostics: readonly Diagnostic[]): Result<ReadPolicy> => ({
    ok: false,
    diagnostics: diagnostics.map((d) => ({ ...d, source: input.name })),
  });
  let value = input.policy;
  let locator: ReturnType<typeof createPointerLocator> | null = null;
  if (typeof value === 'string') {
    const body = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
    const trimmed = body.trimStart();
    if (!trimmed.startsWith('%')) {
      const parsed = parseJson(body);
      if (!parsed.ok) return fail(parsed.diagnostics);
      value = parsed.value;
      locator = createPointerLocator(body);
    }
  }
  const found = findPolicy(value);
  if (!found.ok) {
    return fail(
      found.diagnostics.map((d) => {
        const span = locator?.locate(d.path);
        return { ...d, ...(span === undefined ? {} : { span }) };
      }),
    );
  }
  const { document: raw, pointer: at, embedded } = found.value;
  const parsed = parsePolicy(raw, { kind });
  const locate = (pointer: string) => {
    const inFile = embedded ? at : `${at}${pointer}`;
    const span = locator?.locate(inFile);
    return { pointer: embedded ? pointer : inFile, ...(span === undefined ? {} : { span }) };
  };
  if (!parsed.ok) {
    return fail(
      parsed.diagnostics.map((d) => {
        const where = locate(d.path);
        return { ...d, path: where.pointer, ...(where.span === undefined ? {} : { span: where.span }) };
      }),
    );
  }
  return { ok: true, value: { name: input.name, raw, document: parsed.value, locate } };
}
