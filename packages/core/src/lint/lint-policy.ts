import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { PolicyDocument } from '../policy/policy-model.js';
import { formatTemplate, type LintPolicyKind, type LintRule } from './lint-rule.js';
import { LINT_RULES } from './rules/index.js';

/** Options of {@link lintPolicy}. */
export interface LintOptions {
  /** The kind of policy; `auto` (the default) reads a document with a `Principal` as a resource policy. */
  readonly kind?: LintPolicyKind | 'auto';
  /** The rules to run; all of {@link LINT_RULES} by default. */
  readonly rules?: Readonly<Record<string, LintRule>>;
}

/** What {@link lintPolicy} found: the kind it linted the document as, and the findings. */
export interface LintPolicyResult {
  readonly kind: LintPolicyKind;
  /** Grammar errors (the parser's codes, `policy-*`) or rule findings (the rule id as `code`). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Extra inputs of {@link lintPolicy} that only a caller with the source text has. */
export interface LintSource {
  /** The document as written in its file, when it was written as JSON there. */
  readonly sourceText?: string | null;
  /** A kind implied by how the document was wrapped, used when the kind is `auto`. */
  readonly kindHint?: LintPolicyKind | null;
}

/**
 * Lints one raw policy document: checks its grammar, then runs every rule registered for its kind
 * against the catalog. A grammar error stops the rules (they need the parsed model).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export async function lintPolicy(
  raw: unknown,
  catalog: Catalog,
  options: LintOptions = {},
  source: LintSource = {},
): Promise<LintPolicyResult> {
  const requested = options.kind ?? 'auto';
  const kind = requested === 'auto' ? (source.kindHint ?? detectKind(raw)) : requested;
  const parsed = parsePolicy(raw, { kind: kind === 'resource' || kind === 'rcp' ? 'resource' : 'identity' });
  if (!parsed.ok) return { kind, diagnostics: parsed.diagnostics };
  const policy = parsed.value;
  const snapshot = await catalog.snapshot(servicesNamed(policy));
  const context = { policy, kind, catalog: snapshot, raw, sourceText: source.sourceText ?? null };
  const diagnostics: Diagnostic[] = [...policy.warnings];
  for (const rule of Object.values(options.rules ?? LINT_RULES)) {
    if (!rule.meta.kinds.includes(kind)) continue;
    for (const finding of rule.check(context)) {
      const template = rule.meta.messages[finding.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${finding.messageId}`);
      const help = template.help === undefined ? undefined : formatTemplate(template.help, finding.data);
      diagnostics.push({
        code: rule.meta.id,
        severity: finding.severity ?? rule.meta.severity,
        message: formatTemplate(template.message, finding.data),
        path: finding.path,
        ...(help === undefined ? {} : { help }),
      });
    }
  }
  return { kind, diagnostics };
}

/**
 * The kind of an unlabelled document: a resource policy when a statement names a `Principal` or
 * `NotPrincipal`, else an identity policy. SCPs, RCPs and boundaries look like these and are only
 * linted as such when the caller says so.
 */
export function detectKind(raw: unknown): LintPolicyKind {
  if (typeof raw !== 'object' || raw === null) return 'identity';
  const statements = (raw as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  const named = list.some(
    (s) => typeof s === 'object' && s !== null && ('Principal' in s || 'NotPrincipal' in s),
  );
  return named ? 'resource' : 'identity';
}

/** Service prefixes the policy names in actions, resource ARNs and condition keys. */
function servicesNamed(policy: PolicyDocument): Set<string> {
  const out = new Set<string>();
  const add = (prefix: string) => {
    if (prefix !== '' && !prefix.includes('*') && !prefix.includes('?')) out.add(prefix.toLowerCase());
  };
  for (const statement of policy.statements) {
    for (const v of statement.action.values) {
      const colon = v.value.indexOf(':');
      if (colon > 0) add(v.value.slice(0, colon));
    }
    for (const r of statement.resource?.values ?? []) {
      if (r.value.startsWith('arn:')) add(r.value.split(':')[2] ?? '');
    }
    for (const c of statement.conditions) {
      const colon = c.key.indexOf(':');
      if (colon > 0) add(c.key.slice(0, colon));
    }
  }
  return out;
}
