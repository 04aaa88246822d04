/**
 * What a condition key is about, in plain terms: an access query (who-can, what-can) reports the
 * conditions an allow still depends on by these categories ("only with MFA", "only from vpce-…", "only
 * if tagged team=x") instead of by raw key names alone.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */

/** The plain-terms category of a condition key. */
export type ConditionCategory =
  | 'mfa'
  | 'source-vpce'
  | 'source-vpc'
  | 'source-ip'
  | 'tls'
  | 'region'
  | 'time'
  | 'principal-tag'
  | 'resource-tag'
  | 'request-tag'
  | 'principal-org'
  | 'resource-org'
  | 'principal'
  | 'session'
  | 'via-service'
  | 'source-resource'
  | 'service-key'
  | 'other';

/** Exact global keys (lower-cased) and their categories. */
const EXACT: Readonly<Record<string, ConditionCategory>> = {
  'aws:multifactorauthpresent': 'mfa',
  'aws:multifactorauthage': 'mfa',
  'aws:sourcevpce': 'source-vpce',
  'aws:sourcevpc': 'source-vpc',
  'aws:vpcsourceip': 'source-ip',
  'aws:sourceip': 'source-ip',
  'aws:securetransport': 'tls',
  'aws:requestedregion': 'region',
  'aws:currenttime': 'time',
  'aws:epochtime': 'time',
  'aws:tokenissuetime': 'session',
  'aws:sourceidentity': 'session',
  'aws:federatedprovider': 'session',
  'aws:userid': 'session',
  'aws:tagkeys': 'request-tag',
  'aws:principalorgid': 'principal-org',
  'aws:principalorgpaths': 'principal-org',
  'aws:resourceorgid': 'resource-org',
  'aws:resourceorgpaths': 'resource-org',
  'aws:resourceaccount': 'resource-org',
  'aws:principalarn': 'principal',
  'aws:principalaccount': 'principal',
  'aws:principaltype': 'principal',
  'aws:username': 'principal',
  'aws:principalisawsservice': 'principal',
  'aws:principalservicename': 'principal',
  'aws:principalservicenameslist': 'principal',
  'aws:viaawsservice': 'via-service',
  'aws:calledvia': 'via-service',
  'aws:calledviafirst': 'via-service',
  'aws:calledvialast': 'via-service',
  'aws:sourcearn': 'source-resource',
  'aws:sourceaccount': 'source-resource',
  'aws:sourceorgid': 'source-resource',
  'aws:sourceorgpaths': 'source-resource',
};

/** Key prefixes (lower-cased) and their categories; service keys such as `s3:ResourceTag/` included. */
const PREFIXES: readonly (readonly [string, ConditionCategory])[] = [
  ['aws:principaltag/', 'principal-tag'],
  ['aws:resourcetag/', 'resource-tag'],
  ['aws:requesttag/', 'request-tag'],
];

/**
 * The category of a condition key: MFA, network origin (VPC endpoint, VPC, IP), TLS, region, time,
 * tags of the principal, resource or request, organization, the principal itself, the session, the
 * calling service or source resource; `service-key` for a service's own key (`s3:prefix`).
 */
export function conditionCategory(key: string): ConditionCategory {
  const lower = key.toLowerCase();
  const exact = EXACT[lower];
  if (exact !== undefined) return exact;
  for (const [prefix, category] of PREFIXES) if (lower.startsWith(prefix)) return category;
  if (lower.startsWith('sts:')) return 'session';
  // a service's tag keys (`ec2:ResourceTag/…`, `s3:ExistingObjectTag/…`) name the resource's tags
  if (lower.includes(':resourcetag/') || lower.includes(':existingobjecttag/')) return 'resource-tag';
  if (lower.includes(':requesttag/')) return 'request-tag';
  if (lower.startsWith('aws:')) return 'other';
  return 'service-key';
}

/**
 * Categories that are properties of a role session (how it was made: MFA, session tags, source
 * identity, issue time): a role is allowed only in sessions that carry them.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export const SESSION_CATEGORIES: ReadonlySet<ConditionCategory> = new Set([
  'mfa',
  'principal-tag',
  'session',
]);
