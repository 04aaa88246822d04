import type { LintContext } from '../lint-rule.js';

/**
 * The largest SCP or RCP AWS Organizations accepts, in characters. Every character counts, white
 * space included, unless the console strips it.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const ORGANIZATIONS_POLICY_MAX_CHARACTERS = 5120;

/** Size of the document as written and without white space outside strings. */
export function policySizes(context: LintContext): { written: number; minified: number } {
  const minified = JSON.stringify(context.raw).length;
  return { written: context.sourceText?.length ?? minified, minified };
}
