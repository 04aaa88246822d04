import type { Check, CheckOrigin } from '../calls/check.js';
import type { ContextValue } from '../engine/request.js';
import { dictionary } from '../json/dictionary.js';
import { narrowStatement } from './narrow-statement.js';

/**
 * The statement to add for one check of the failed call when no policies were given: its exact
 * action and resource, and the condition values the call itself carries. Nothing verified it.
 */
export interface SuggestedStatement {
  /** The check's position among the call's checks (the one the error names first). */
  readonly check: number;
  readonly action: string;
  readonly resource: string;
  /** Where the check comes from: the error's own sentence, the call's expansion, a decoded message. */
  readonly source: CheckOrigin;
  /** An identity-policy statement allowing the check, scoped by the condition values the call sends. */
  readonly statement: Readonly<Record<string, unknown>>;
  /** Always `false`: without the caller's policies the engine cannot tell whether this is what is missing. */
  readonly verified: false;
  /** Why AWS makes the check. */
  readonly why: string;
  /** Parts that are stand-ins rather than facts (`resource`, `check`), as in a check. */
  readonly assumed: readonly string[];
  /** Why each assumed part is assumed. */
  readonly assumedWhy: Readonly<Record<string, string>>;
}

/**
 * A statement to add for each check of a failed call, built from the checks alone (no evidence):
 * the call's companions (PassRole with `iam:PassedToService`, tag-on-create with `ec2:CreateAction`,
 * KMS with `kms:ViaService`) each get their own. A condition holds only a value the call sends for
 * that check and the error, the CloudTrail record, the parameters or the decoded message gave;
 * a value the expansion assumed is left out, never guessed.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
 */
export function suggestStatements(checks: readonly Check[]): SuggestedStatement[] {
  const sids = new Map<string, number>();
  return checks.map((check, index) => {
    const base = `WhydeniedAllow${check.action.slice(check.action.indexOf(':') + 1).replace(/[^A-Za-z0-9]/g, '')}`;
    const seen = (sids.get(base) ?? 0) + 1;
    sids.set(base, seen);
    const known = knownContext(check);
    const statement = narrowStatement(
      [{ principal: check.principal, action: check.action, resource: check.resource, context: known }],
      seen === 1 ? base : `${base}${seen}`,
    );
    const assumed = check.assumed.filter((part) => !part.startsWith('context:'));
    return {
      check: index,
      action: check.action,
      resource: check.resource,
      source: check.origin,
      statement,
      verified: false,
      why: check.why,
      assumed,
      assumedWhy: Object.fromEntries(
        assumed.flatMap((part) => {
          const why = check.assumedWhy[part];
          return why === undefined ? [] : [[part, why]];
        }),
      ),
    };
  });
}

/** The check's context without the values the expansion only assumed. */
function knownContext(check: Check): Record<string, ContextValue> {
  const known = dictionary<ContextValue>();
  for (const [key, value] of Object.entries(check.context)) {
    if (!check.assumed.includes(`context:${key}`)) known[key] = value;
  }
  return known;
}
