import type { CompareLimit } from './compare-model.js';

/**
 * What an offline comparison cannot see. The first entries hold for every comparison and are always
 * reported; {@link limitsFor} adds the ones that depend on the policies compared.
 *
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */
export const ALWAYS_LIMITS: readonly CompareLimit[] = [
  {
    code: 'one-policy',
    message:
      'only the two documents are compared at their layer; the other policies of a request (identity, boundary, session, resource, SCP, RCP, VPC endpoint) can still allow or deny what a row shows',
  },
  {
    code: 'unnamed-values',
    message:
      'condition keys neither policy uses are not varied, and values neither policy names count as one value; a request that differs only in them gets the same answer from these policies, but other policies may treat it differently',
  },
  {
    code: 'service-semantics',
    message:
      'what a service does comes from the catalog only: the actions a wildcard or NotAction covers, their resource types and ARN formats, and the keys each action sends (a key the catalog does not list for an action is tested only as absent); actions and keys newer than the catalog and service-specific rules beyond it are not seen',
  },
  {
    code: 'policy-variables',
    message:
      'policy variables are resolved against example callers: each variable takes an example value, the values the policies name, or none; a principal whose own names or tags differ from these is not seen',
  },
];

/** The limits that depend on the policies compared. */
export interface LimitFacts {
  readonly resourceStyle: boolean;
  readonly unknownActions: readonly string[];
  readonly unknownServices: readonly string[];
  /** Condition keys whose values or value sets were cut by a limit. */
  readonly approximatedKeys: readonly string[];
  /** Whether every action's resources were generated without a limit. */
  readonly resourcesComplete: boolean;
}

/** Every limit of one comparison: the ones that always hold, then those these policies raise. */
export function limitsFor(facts: LimitFacts): CompareLimit[] {
  const out = [...ALWAYS_LIMITS];
  if (facts.resourceStyle) {
    out.push({
      code: 'example-principals',
      message:
        'callers are the principals either policy names (a session of a named role, a role of a named account), the ones that aws:PrincipalArn and aws:PrincipalAccount conditions name, and a role session, a service and an anonymous caller neither names; the keys AWS derives from the caller (aws:PrincipalArn, aws:PrincipalType...) come from these callers',
    });
  }
  if (facts.unknownActions.length > 0) {
    out.push({
      code: 'unknown-actions',
      message: `the catalog does not know ${list(facts.unknownActions)}: tested as named, on any resource, with every condition key`,
    });
  }
  if (facts.unknownServices.length > 0) {
    out.push({
      code: 'unknown-services',
      message: `the catalog does not know the services of ${list(facts.unknownServices)}: no action of theirs was tested`,
    });
  }
  if (facts.approximatedKeys.length > 0) {
    out.push({
      code: 'values-approximated',
      message: `the values of ${list(facts.approximatedKeys)} were tested up to a limit (many patterns, a large set of values, or operators of several kinds on one key): a rare combination may be missed`,
    });
  }
  if (!facts.resourcesComplete) {
    out.push({
      code: 'resources-approximated',
      message:
        'the resources were tested up to a limit (many resource patterns): a rare combination of patterns may be missed',
    });
  }
  return out;
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((v) => `\`${v}\``);
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}
