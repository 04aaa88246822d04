import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { parseJson } from '../json/parse-json.js';
import { createScanningLocator } from '../json/pointer-position.js';
import { findPolicy } from '../policy/unwrap-policy.js';
import { type LintOptions, lintPolicy } from './lint-policy.js';
import type { LintPolicyKind } from './lint-rule.js';

/**
 * A finding with its position in the file: `span` is always set (1-based line and column), `path` is
 * the JSON pointer inside the policy document (not the wrapper around it).
 */
export interface LintFinding extends Diagnostic {
  readonly span: Span;
}

/**
 * Lints the text of one file holding a policy (see `findPolicy` for the accepted shapes) and maps every
 * finding's pointer to a line and column of the text. For a policy embedded in a string, findings are
 * placed at that string. When the file cannot be read as a policy, the diagnostic says why (with a
 * span when the position is known).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export async function lintPolicyText(
  text: string,
  catalog: Catalog,
  options: LintOptions = {},
): Promise<Result<{ readonly kind: LintPolicyKind; readonly findings: readonly LintFinding[] }>> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJson(body);
  if (!parsed.ok) return parsed;
  const locator = createScanningLocator(body);
  const found = findPolicy(parsed.value);
  if (!found.ok) {
    return { ok: false, diagnostics: found.diagnostics.map((d) => ({ ...d, span: locator.locate(d.path) })) };
  }
  const { document, pointer, embedded, kindHint } = found.value;
  const result = await lintPolicy(document, catalog, options, {
    sourceText: embedded ? null : locator.text(pointer),
    kindHint,
  });
  const findings = result.diagnostics.map(
    (d): LintFinding => ({ ...d, span: locator.locate(embedded ? pointer : `${pointer}${d.path}`) }),
  );
  findings.sort((a, b) => a.span.start.offset - b.span.start.offset || a.code.localeCompare(b.code));
  return { ok: true, value: { kind: result.kind, findings } };
}
