import { splitArn } from './principal.js';

/** Which fact of the reading holds a stand-in. */
export type RedactedFact = 'principal' | 'resource';

/** Which field of an ARN holds a stand-in. */
export type ArnPart = 'partition' | 'region' | 'account' | 'resource';

/** A part of an ARN that whoever pasted the error replaced by a stand-in; the ARN itself is kept whole. */
export interface RedactedPart {
  readonly fact: RedactedFact;
  readonly part: ArnPart;
  /** The stand-in as written: `{account-id}`, `XXXX`, `${CLUSTER_NAME}`, `...`, or `''` for an emptied field. */
  readonly text: string;
}

/** Partitions AWS has; another value in the partition field is a stand-in only when it looks like one. */
const PARTITIONS = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
]);

/** Services whose resource ARNs always name an account, so that an empty account field was emptied. */
const ACCOUNT_REQUIRED = new Set(['iam', 'sts']);

/**
 * Stand-ins people write in place of values, found anywhere inside a field: template variables
 * (`${CLUSTER_NAME}`, `{account-id}`, `{{name}}`), bracketed or angled words (`[account id]`, `<role>`),
 * elisions (`...`, `…`) and masks (`XXXX`, `xxxxxxxx-xxxx-...` as one, `****`, `____`, `*redacted*`). Every
 * alternative is bounded or runs over one character class.
 */
const STAND_IN =
  /\$\{[^{}\n]{1,40}\}|\{\{?[^{}\n]{1,40}\}?\}|\[[^[\]\n]{1,40}\]|<[^<>\n]{1,40}>|\.{3}|…|\*redacted\*|\*{3,}|[Xx]{4,}(?:-[Xx]{4,})*|_{3,}|REDACTED/g;

/**
 * The stand-ins inside an ARN of the reading, field by field. An account field that is not twelve
 * digits is one as a whole (in a resource, `aws` (AWS's own policies) and a wildcard excepted); so is an
 * empty account field where the ARN must name one (the caller's, IAM's and STS's).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function redactedParts(fact: RedactedFact, arn: string | null): RedactedPart[] {
  const parts = arn === null ? null : splitArn(arn);
  if (parts === null) return [];
  const found: RedactedPart[] = [];
  if (!PARTITIONS.has(parts.partition)) {
    found.push(...standIns(fact, 'partition', parts.partition));
  }
  found.push(...standIns(fact, 'region', parts.region));
  const account = parts.account;
  if (account === '') {
    if (fact === 'principal' || ACCOUNT_REQUIRED.has(parts.service)) {
      found.push({ fact, part: 'account', text: '' });
    }
  } else if (!/^\d{12}$/.test(account) && (fact === 'principal' || (account !== 'aws' && account !== '*'))) {
    found.push({ fact, part: 'account', text: account });
  }
  found.push(...standIns(fact, 'resource', parts.resource));
  return found;
}

function standIns(fact: RedactedFact, part: ArnPart, value: string): RedactedPart[] {
  return [...value.matchAll(STAND_IN)].slice(0, 20).map((m) => ({ fact, part, text: m[0] }));
}
