import { compileWildcard, type WildcardMatcher, type WildcardPart } from '../matching/wildcard.js';

/**
 * A condition key name as the reference data writes it, possibly with placeholders
 * (`aws:RequestTag/${TagKey}`, `codebuild:secondarySources/${sourceIdentifier}.location`), compiled
 * to match the key names written in policies. Key names are case-insensitive; a placeholder matches
 * any text. Matching uses the linear wildcard matcher, never a RegExp built from the data.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export interface ConditionKeyTemplate {
  /** The key as the data writes it. */
  readonly key: string;
  matches(name: string): boolean;
}

/** Compiles a condition key name with `${Placeholder}`s into a {@link ConditionKeyTemplate}. */
export function compileConditionKeyTemplate(key: string): ConditionKeyTemplate {
  const parts = templateParts(key);
  if (!parts.some((p) => p.kind === 'star')) {
    const lower = key.toLowerCase();
    return { key, matches: (name) => name.toLowerCase() === lower };
  }
  const matcher: WildcardMatcher = compileWildcard(parts, { ignoreCase: true });
  return { key, matches: (name) => matcher.matches(name) };
}

/** Splits text at its `${...}` placeholders: the text is literal, each placeholder a star. */
export function templateParts(template: string): WildcardPart[] {
  const parts: WildcardPart[] = [];
  let start = 0;
  while (start < template.length) {
    const open = template.indexOf('${', start);
    const close = open < 0 ? -1 : template.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      parts.push({ kind: 'literal', text: template.slice(start) });
      break;
    }
    if (open > start) parts.push({ kind: 'literal', text: template.slice(start, open) });
    parts.push({ kind: 'star' });
    start = close + 1;
  }
  return parts;
}
