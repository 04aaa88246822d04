import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { PolicyDocument } from '../policy/policy-model.js';

/**
 * The kinds of policy lint knows. Identity-style kinds (identity, boundary, SCP) name no principal;
 * resource-style kinds (resource, RCP) must.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html
 */
export type LintPolicyKind = 'identity' | 'resource' | 'scp' | 'rcp' | 'boundary';

/** Every {@link LintPolicyKind}, in the order the CLI lists them. */
export const LINT_POLICY_KINDS: readonly LintPolicyKind[] = [
  'identity',
  'resource',
  'scp',
  'rcp',
  'boundary',
];

/** A message template: `{name}` is replaced by the finding's data of that name. */
export interface MessageTemplate {
  /** Lower-case start, no final period, user values in backticks. */
  readonly message: string;
  /** The longer advice, shown under the message. */
  readonly help?: string;
}

/** What a rule is: its stable id, default severity, where it applies, and its message templates. */
export interface LintRuleMeta<MessageId extends string = string> {
  /** Stable id, used as the finding's `code`; never derived from a file name. */
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  /** The AWS page that explains the problem. */
  readonly docsUrl: string;
  /** The policy kinds the rule checks. */
  readonly kinds: readonly LintPolicyKind[];
  /**
   * True when the rule reads the values of conditions (not only their keys and operators): a finding
   * of it is not reported for a statement whose condition values stand in for deploy-time values.
   */
  readonly readsConditionValues?: boolean;
  readonly messages: Readonly<Record<MessageId, MessageTemplate>>;
}

/** What a rule sees: the parsed policy, its kind and the catalog loaded for the services it names. */
export interface LintContext {
  readonly policy: PolicyDocument;
  readonly kind: LintPolicyKind;
  readonly catalog: CatalogSnapshot;
  /** The document as read (before normalization). */
  readonly raw: unknown;
  /** The document's text as written in the file, when it was written there as JSON (not in a string). */
  readonly sourceText: string | null;
}

/** One problem a rule found: which template, its data, and the JSON pointer of the node it is about. */
export interface RuleFinding<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data: Readonly<Record<string, string>>;
  readonly path: string;
  /** Overrides the rule's default severity for this finding. */
  readonly severity?: Severity;
}

/**
 * A lint rule: one per file under `rules/`, registered in `rules/index.ts`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export interface LintRule<MessageId extends string = string> {
  readonly meta: LintRuleMeta<MessageId>;
  check(context: LintContext): readonly RuleFinding<MessageId>[];
}

/** Fills a message template with a finding's data; an unknown `{name}` is left as written. */
export function formatTemplate(template: string, data: Readonly<Record<string, string>>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = open < 0 ? -1 : template.indexOf('}', open + 1);
    if (open < 0 || close < 0) {
      out += template.slice(i);
      break;
    }
    const name = template.slice(open + 1, close);
    const value = data[name];
    out += template.slice(i, open) + (value ?? template.slice(open, close + 1));
    i = close + 1;
  }
  return out;
}
