/** Words the views of a diagnosis share: headlines, layer names, who acts on a fix. */

import type { PolicyLayer } from '../engine/layers.js';
import type { CloudTrailCall } from '../errors/cloudtrail.js';
import type { FailureKind } from '../errors/failure.js';

/** The headline of each kind of failure, shared by the CLI's text view and the web page. */
export const KIND_HEADLINE: Readonly<Record<FailureKind, string>> = {
  authorization: 'AWS denied the request: a policy does not allow it',
  authentication: 'not a permission problem: AWS did not accept the credentials',
  'credential-type': 'not a permission problem: this call cannot be made with this kind of credentials',
  quota: 'not a permission problem: a service quota is reached',
  capacity: 'not a permission problem: AWS has no capacity for this request right now',
  'opt-in': 'not a permission problem: the account or region is not subscribed or enabled',
  'not-shared': 'not a permission problem: the image is not available to this account',
  'kms-key-state': 'not a policy on the call: a KMS key or grant is unusable',
  'ambiguous-kms': 'KMS refused: a missing key, a wrong region or account, or a missing permission',
  throttling: 'not a permission problem: the request was throttled',
  other: 'not an access failure',
};

/** The full name of each policy layer. */
export const LAYER_NAME: Readonly<Record<PolicyLayer, string>> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy (SCP)',
  rcp: 'resource control policy (RCP)',
  'vpc-endpoint': 'VPC endpoint policy',
  'trust-policy': 'role trust policy',
};

/** Who acts on a fix, by its owner. */
export const OWNER: Readonly<Record<string, string>> = {
  account: "the account's IAM administrators",
  organization: "the organization's administrators (management account)",
  'resource-owner': "the resource's owner",
};

/**
 * The request context a CloudTrail record gave, as one line: its values (`aws:EpochTime` left out,
 * it repeats `aws:CurrentTime`) and the keys it shows absent; `null` when it gave none.
 */
export function requestContextLine(call: CloudTrailCall | null): string | null {
  if (call === null) return null;
  const known = Object.entries(call.requestContext)
    .filter(([key]) => key !== 'aws:EpochTime')
    .map(([key, value]) => `${key}=${value}`);
  const parts = [...known, ...call.absentContext.map((key) => `no ${key}`)];
  return parts.length === 0 ? null : parts.join(', ');
}
