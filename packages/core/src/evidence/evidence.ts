import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import type { ContextValue } from '../engine/request.js';
import { valueAtPointer } from '../json/pointer-position.js';
import { parseArn } from '../matching/arn.js';
import { findPolicy } from '../policy/unwrap-policy.js';
import type { AccountSnapshot } from './account-model.js';
import { parseAccountDetails } from './parse-account-details.js';
import { type OrgSnapshot, parseOrganization } from './parse-organization.js';
import { childPointer, RawReader, type RawRecord } from './raw-reader.js';
import { policyHolderOf } from './resource-policies.js';

/** A resource-based policy given with `--resource-policy ARN=FILE`. */
export interface ResourcePolicyEvidence {
  readonly arn: string;
  /** The name the policy is reported under (`bucket-policy:my-bucket`, `key-policy:1234abcd-…`). */
  readonly name: string;
  readonly document: RawRecord;
}

/**
 * Everything the user gave about the caller's and the resource's world: the accounts' IAM
 * snapshots, the organization snapshot, resource policies and request context values.
 */
export interface Evidence {
  readonly accounts: readonly AccountSnapshot[];
  readonly organization: OrgSnapshot | null;
  readonly resourcePolicies: readonly ResourcePolicyEvidence[];
  /** `--context KEY=VALUE` values; a list for a key given several times. */
  readonly context: Readonly<Record<string, ContextValue>>;
}

/** The raw parts of the evidence, as read from the files (JSON values, not yet validated). */
export interface EvidenceParts {
  /** One `get-account-authorization-details` output per account. */
  readonly accounts?: readonly unknown[];
  readonly organization?: unknown;
  /** `--resource-policy ARN=FILE`: the ARN, the file's JSON value, and optionally a name. */
  readonly resourcePolicies?: readonly {
    readonly arn: string;
    readonly document: unknown;
    readonly name?: string;
  }[];
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** An empty evidence: no files given. */
export const NO_EVIDENCE: Evidence = { accounts: [], organization: null, resourcePolicies: [], context: {} };

/**
 * Validates and assembles the evidence from the parts the user gave, or says which parts could not be
 * read. Diagnostic pointers are
 * prefixed with the part they are in: `/accounts/1/RoleDetailList/0/Arn`, `/organization/policies/2`,
 * `/resourcePolicies/0/document`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function buildEvidence(parts: EvidenceParts): Result<Evidence> {
  const diagnostics: Diagnostic[] = [];
  const within = (prefix: string, found: readonly Diagnostic[]) => {
    for (const d of found) diagnostics.push({ ...d, path: `${prefix}${d.path}` });
  };
  const accounts: AccountSnapshot[] = [];
  (parts.accounts ?? []).forEach((raw, i) => {
    const parsed = parseAccountDetails(raw);
    if (!parsed.ok) {
      within(`/accounts/${i}`, parsed.diagnostics);
      return;
    }
    const twin = accounts.findIndex((a) => a.accountId === parsed.value.accountId);
    if (twin >= 0) {
      diagnostics.push({
        code: 'account-duplicate',
        severity: 'error',
        message: `two account authorization details are for account \`${parsed.value.accountId}\` (files ${twin + 1} and ${i + 1})`,
        path: `/accounts/${i}`,
        help: 'give one `get-account-authorization-details` output per account',
      });
      return;
    }
    accounts.push(parsed.value);
  });
  let organization: OrgSnapshot | null = null;
  if (parts.organization !== undefined) {
    const parsed = parseOrganization(parts.organization);
    if (parsed.ok) organization = parsed.value;
    else within('/organization', parsed.diagnostics);
  }
  const reader = new RawReader('resource-policy');
  const resourcePolicies: ResourcePolicyEvidence[] = [];
  (parts.resourcePolicies ?? []).forEach((given, i) => {
    const at = `/resourcePolicies/${i}`;
    if (parseArn(given.arn) === undefined) {
      reader.fail(childPointer(at, 'arn'), `\`${given.arn}\` is not an ARN`);
      return;
    }
    if (resourcePolicies.some((p) => p.arn === given.arn)) {
      reader.fail(childPointer(at, 'arn'), `\`${given.arn}\` is given twice`, 'duplicate');
      return;
    }
    // the document itself, or as an AWS CLI command printed it (`{"Policy": "…"}`, `{"Attributes": …}`)
    const found = findPolicy(given.document);
    const documentAt = childPointer(at, 'document');
    if (!found.ok) {
      for (const d of found.diagnostics) reader.fail(`${documentAt}${d.path}`, d.message, 'document');
      return;
    }
    const document = reader.document(
      found.value.embedded ? valueAtPointer(given.document, found.value.pointer) : found.value.document,
      `${documentAt}${found.value.pointer}`,
      'resource',
    );
    if (document === undefined) return;
    resourcePolicies.push({ arn: given.arn, name: given.name ?? resourcePolicyName(given.arn), document });
  });
  for (const d of reader.diagnostics) diagnostics.push(d);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: { accounts, organization, resourcePolicies, context: { ...parts.context } } };
}

/**
 * The default name of a resource policy: `bucket-policy:my-bucket`, `key-policy:<key id>`,
 * `trust-policy:<role>`, or `resource-policy:<ARN>` for services without a known kind.
 */
export function resourcePolicyName(arn: string): string {
  const held = policyHolderOf(arn);
  if (held !== undefined) return `${held.kind.prefix}:${held.kind.shortName(held.holderArn)}`;
  const parsed = parseArn(arn);
  if (parsed?.service === 'iam' && parsed.resource.startsWith('role/'))
    return `trust-policy:${parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1)}`;
  return `resource-policy:${arn}`;
}
