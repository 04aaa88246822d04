import type { FailureKind } from './failure.js';
import { lookForPhrases, phrasesIn } from './phrase-scan.js';

/** What to do about a look-alike, for the next steps of a diagnosis. */
export interface LookalikeAdvice {
  /** The remedy in plain words. */
  readonly message: string;
  /** A command that checks or fixes it; a function when it runs whydenied, given how the user runs it. */
  readonly command?: string | ((whydenied: string) => string);
}

/** Stable identifiers of the look-alike rules; renderers and tests key on them. */
export type LookalikeId =
  | 'lambda-stale-kms-grant'
  | 'kms-ciphertext-ambiguous'
  | 'session-credentials'
  | 'federated-sign-in-credentials'
  | 'root-credentials'
  | 'ami-not-shared'
  | 'ami-storage-not-shared'
  | 'image-not-found'
  | 'ebs-kms-key-inaccessible'
  | 'ebs-kms-key-revoked'
  | 'kms-key-not-accessible'
  | 'roles-anywhere-certificate'
  | 'identity-aware-credentials'
  | 'organization-admin-account'
  | 'kms-key-state'
  | 'expired-token'
  | 'invalid-token'
  | 'signature-mismatch'
  | 'signature-version'
  | 'request-expired'
  | 'presigned-url-expired'
  | 'presigned-url-not-yet-valid'
  | 'post-policy-expired'
  | 'mfa-code-invalid'
  | 's3-date-header-invalid'
  | 's3-headers-not-signed'
  | 'credentials-not-validated'
  | 'not-authenticated'
  | 'opt-in-required'
  | 'bedrock-use-case-form'
  | 'account-blocked'
  | 's3-access-disabled'
  | 'object-lock-retention'
  | 'acls-disabled'
  | 's3-object-archived'
  | 'ssm-instance-management-role'
  | 'insufficient-capacity'
  | 'throttling'
  | 'quota-exceeded'
  | 'malformed-policy'
  | 'policy-validation'
  | 'dry-run-succeeded'
  | 'request-not-routed'
  | 'unsupported-configuration'
  | 'ecr-registry-login'
  | 'web-identity-token'
  | 'saml-response-invalid'
  | 'database-iam-auth'
  | 'ses-smtp-credentials'
  | 'api-not-in-region'
  | 'sts-region-disabled'
  | 'no-credentials'
  | 'sso-session-expired'
  | 'console-login-expired'
  | 'console-sign-in-failed'
  | 'eks-cluster-access'
  | 'emr-cluster-validation'
  | 'cfn-invalid-request'
  | 'snapshot-not-found'
  | 'cors-preflight';

/**
 * Errors that look like access failures but are not caused by a missing Allow or a matching Deny
 * (spec A.5). Rules are tried in order; the first whose code or phrase matches classifies the error.
 * `id` is stable: renderers key their advice on it.
 */
export interface LookalikeRule {
  readonly id: LookalikeId;
  readonly kind: FailureKind;
  /** What to do instead: no policy change fixes a look-alike. */
  readonly advice: LookalikeAdvice;
  /** Error codes (without `Client.`), compared exactly. */
  readonly codes?: readonly string[];
  /** Text that, where found, says the error is no look-alike after all. */
  readonly unlessPhrase?: RegExp;
  /** Code suffixes, e.g. `LimitExceeded`. */
  readonly codeSuffixes?: readonly string[];
  /** Phrases searched case-insensitively in the whole text. */
  readonly phrases?: readonly string[];
  /** Whether the rule applies even when the text also holds a denial sentence. */
  readonly overridesDenial?: boolean;
}

/** The look-alike rules, most specific first. */
export const LOOKALIKE_RULES: readonly LookalikeRule[] = [
  {
    // The function's KMS grant still names the old role id after the role was re-created (C#92).
    id: 'lambda-stale-kms-grant',
    kind: 'kms-key-state',
    advice: {
      message:
        "the function's execution role was deleted and re-created under the same name; the KMS grant still names the old role: update the function so that Lambda creates a new grant (no policy change helps)",
      command:
        'aws lambda update-function-configuration --function-name <function> --role <execution-role-arn>',
    },
    phrases: ['KMS Exception: UnrecognizedClientException'],
    overridesDenial: true,
  },
  {
    id: 'kms-ciphertext-ambiguous',
    kind: 'ambiguous-kms',
    advice: {
      message:
        'KMS answers the same for a key that does not exist, a key in another region or account, and a caller without kms:Decrypt: first check that the key exists where the data was encrypted, then the key policy and the caller’s kms:Decrypt permission',
      command: 'aws kms describe-key --key-id <key-id> --region <region>',
    },
    phrases: [
      'ciphertext refers to a customer master key that does not exist',
      'ciphertext refers to a KMS key',
      // (KMS's older words for the same, `The ciphertext references a key that either does not exist or you do not have
      // access to`: getsops/sops#32)
      'ciphertext references a key that either does not exist or you do not have access to',
      // CloudWatch Logs' AccessDeniedException for a log group's key, with the same three causes
      // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
      'The specified KMS key does not exist or is not allowed to be used with',
      // KMS's own denial of a ciphertext's key, which names the three causes after its denial sentence (`… is not
      // authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not
      // exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies
      // access`: metaps/genova#375) https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html
      'because the resource does not exist in this Region, no resource-based policies allow access',
    ],
    overridesDenial: true,
    // Kinesis Video Streams' PutMedia acknowledgement for a stream's key it may not use (`"ErrorCode":
    // "KMS_KEY_ACCESS_DENIED"`): the key policy, or a key in another account or region
    // https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_PutMedia.html
    codes: ['KMS_KEY_ACCESS_DENIED'],
  },
  {
    // RDS's, DocumentDB's, DMS's and Glue's KMSKeyNotAccessibleFault (`An error occurred accessing an Amazon Web
    // Services KMS key`; RDS: `The specified KMS key … does not exist, is not enabled or you do not have permissions
    // to access it`): the key's state or the key policy and grants, which the code does not tell apart
    // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html
    // https://docs.aws.amazon.com/botocore/latest/reference/services/rds/client/exceptions/KMSKeyNotAccessibleFault.html
    id: 'kms-key-not-accessible',
    kind: 'ambiguous-kms',
    advice: {
      message:
        'the service could not use the KMS key: it may not exist in that region, be disabled or pending deletion, or its key policy and grants may not let the caller (and the service on its behalf) use it: check the key first, then the key policy',
      command:
        'aws kms describe-key --key-id <key-id> && aws kms get-key-policy --key-id <key-id> --policy-name default',
    },
    codes: ['KMSKeyNotAccessibleFault'],
    // (EC2's image import, under InvalidParameterValue: `The specified KMS key is not accessible.`:
    // hashicorp/packer-plugin-amazon#225) https://docs.aws.amazon.com/vm-import/latest/userguide/required-permissions.html
    phrases: ['The specified KMS key is not accessible'],
  },
  {
    // EC2's answer for an encrypted volume whose KMS key it could not use when attaching or starting it: the key
    // disabled or deleted, or the key policy or a grant no longer letting EC2 use it for the caller
    // (`CustomerKeyHasBeenRevoked: … The encrypted volume was unable to access the KMS master key.`)
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
    id: 'ebs-kms-key-revoked',
    kind: 'ambiguous-kms',
    advice: {
      message:
        "EC2 could not use the volume's KMS key: check that the key is enabled, then that its key policy lets the caller use it through EC2 (kms:CreateGrant, kms:Decrypt, kms:DescribeKey with kms:ViaService ec2)",
      command:
        'aws kms describe-key --key-id <key-id> && aws kms get-key-policy --key-id <key-id> --policy-name default',
    },
    codes: ['CustomerKeyHasBeenRevoked'],
  },
  {
    id: 'session-credentials',
    kind: 'credential-type',
    advice: {
      message:
        'this STS call needs long-term IAM user (or root) credentials; temporary credentials can never call it, and no policy change fixes that',
      command: 'aws sts get-caller-identity',
    },
    phrases: ['with session credentials'],
  },
  {
    // AWS Sign-In's federation endpoint refusing to make a console session of credentials that are no role's or federation
    // token's (`Only federation tokens or assume role tokens may be used for federated login.`: 99designs/aws-vault#1191)
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
    id: 'federated-sign-in-credentials',
    kind: 'credential-type',
    advice: {
      message:
        "the console's federation endpoint takes only a role's session (AssumeRole) or a federation token (GetFederationToken): sign in with such credentials, not an IAM user's keys or a GetSessionToken session; no policy change fixes that",
    },
    phrases: ['Only federation tokens or assume role tokens may be used for federated login'],
  },
  {
    // Amazon Q Business refusing a caller's own credentials for an application tied to IAM Identity Center: it needs
    // identity-aware credentials (trusted identity propagation), not more permissions
    // https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/making-sigv4-authenticated-api-calls.html
    id: 'identity-aware-credentials',
    kind: 'credential-type',
    advice: {
      message:
        "the application is tied to IAM Identity Center: call it with identity-aware credentials (exchange the user's token with sso-oauth:CreateTokenWithIAM, then assume the role with that identity context), not the caller's own; no policy change helps",
    },
    phrases: ['identity-aware credentials must be passed'],
  },
  {
    // Organizations' service-managed StackSets run from the management account or a delegated administrator only:
    // another account's credentials can never, whatever its policies
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-delegated-admin.html
    id: 'organization-admin-account',
    kind: 'credential-type',
    advice: {
      message:
        "this operation runs only from the organization's management account or a registered delegated administrator: call it with credentials of that account (or register this one as delegated administrator); no policy change helps",
      command:
        'aws organizations list-delegated-administrators --service-principal member.org.stacksets.cloudformation.amazonaws.com',
    },
    phrases: [
      'Account used is not a delegated administrator',
      'You must be the management account or delegated admin account',
      // (its older wording, before Organizations renamed the master account: hashicorp/terraform-provider-aws#22867)
      'You must be the master or delegated admin account',
    ],
  },
  {
    // STS refuses AssumeRole to the root user whatever the policies say: "You cannot use AWS account root user
    // credentials to call AssumeRole" https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
    id: 'root-credentials',
    kind: 'credential-type',
    advice: {
      message:
        "the root user's credentials can never assume a role, and no policy change fixes that: call with an IAM user's or a role's credentials",
      command: 'aws sts get-caller-identity',
    },
    phrases: ['Roles may not be assumed by root accounts'],
  },
  {
    id: 'ami-not-shared',
    kind: 'not-shared',
    advice: {
      message:
        'the AMI is not shared with this account, lives in another region, or was deregistered: ask its owner to share it, or copy it into this region',
      command: 'aws ec2 describe-images --image-ids <ami-id> --region <region>',
    },
    // (also of one image: `AuthFailure … DescribeImageAttribute operation: Not authorized for image:ami-…`)
    // (and the console's launch wizard for an AMI it cannot see: `The AMI ID (ami-…) is not valid. The AMI might no
    // longer exist or may be specific to another account or Region.`: ahleksu/umak-elec3-bcsad's lab submissions)
    phrases: [
      'Not authorized for images',
      'Not authorized for image:',
      'The AMI might no longer exist or may be specific to another account or Region',
    ],
  },
  {
    // the console's refusal to copy an AMI shared with the account whose snapshots were not (`Failed to copy ami-…` /
    // `You do not have permission to access the storage of this ami`): the owner must grant read permission on the
    // storage that backs it https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/CopyingAMIs.html
    id: 'ami-storage-not-shared',
    kind: 'not-shared',
    advice: {
      message:
        "the AMI's snapshots are not shared with this account: ask the owner to share them (createVolumePermission), and the KMS key of an encrypted one, then copy again",
      command:
        'aws ec2 describe-images --image-ids <ami-id> --query "Images[].BlockDeviceMappings[].Ebs.SnapshotId"',
    },
    phrases: ['permission to access the storage of this ami'],
  },
  {
    id: 'image-not-found',
    kind: 'not-shared',
    advice: {
      message: 'the AMI id does not exist here: wrong region, deregistered, or not shared with this account',
      command: 'aws ec2 describe-images --image-ids <ami-id> --region <region>',
    },
    codes: ['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'],
    // EC2's InvalidAMIID.NotFound message as Auto Scaling relays it under its generic `ValidationError`:
    // `AMI ami-… is invalid: The image id '[ami-…]' does not exist`
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html)
    // (its tail: a phrase that starts with a frequent letter slows the one phrase scan)
    // (also unbracketed, as fog prints it: `The image id 'ami-…' does not exist (Fog::Compute::AWS::NotFound)`)
    // (the image's own words, not a tool's `using AMI id 'ami-…'` before another error)
    phrases: ["'[ami-", "ge id 'ami-"],
  },
  {
    // EC2's answer for a snapshot this account cannot see: deleted, in another region, or not shared with it
    // (`InvalidSnapshot.NotFound: Snapshot does not exist`, creating a volume from it)
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    id: 'snapshot-not-found',
    kind: 'not-shared',
    advice: {
      message:
        'the snapshot id does not exist here: wrong region, deleted, or not shared with this account (ask its owner to share it, or copy it into this region)',
      command: 'aws ec2 describe-snapshots --snapshot-ids <snapshot-id> --region <region>',
    },
    codes: ['InvalidSnapshot.NotFound'],
  },
  {
    id: 'ebs-kms-key-inaccessible',
    kind: 'kms-key-state',
    advice: {
      message:
        'the launch call succeeded but EC2 could not use the KMS key of an encrypted volume: the key is disabled or pending deletion, or its key policy does not let the caller (or the Auto Scaling service-linked role) create grants (kms:CreateGrant, kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt*, kms:DescribeKey)',
      command:
        'aws ec2 get-ebs-default-kms-key-id && aws kms get-key-policy --key-id <key-id> --policy-name default',
    },
    codes: ['InvalidKMSKey.InvalidState'],
    phrases: [
      'encrypted with an inaccessible AWS KMS key',
      'Client error on launch',
      'InvalidKMSKey.InvalidState',
    ],
  },
  {
    id: 'kms-key-state',
    kind: 'kms-key-state',
    advice: {
      message: 'the KMS key is disabled or pending deletion: enable it or cancel the deletion',
      command: 'aws kms describe-key --key-id <key-id>',
    },
    codes: [
      // (and Kinesis Video Streams' PutMedia acknowledgements of a stream's disabled key or one in another state)
      'KMS_KEY_DISABLED',
      'KMS_KEY_INVALID_STATE',
      'DisabledException',
      'KMSDisabledException',
      'KMSInvalidStateException',
      'KMSInvalidStateFault',
      'KeyUnavailableException',
      // a key that does not exist (in that region), as S3 relays KMS's answer (`KMS.NotFoundException … Invalid keyId`)
      // and CloudTrail names it https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
      // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
      'KMS.NotFoundException',
      'KmsKeyNotFoundException',
    ],
    // (and KMS's whole sentence of a key not found, as EFS relays it in a stack event: `The request was rejected because
    // the specified key could not be found.`: aws/aws-cdk#7641; KMS's NotFoundException is `The request was rejected
    // because the specified entity or resource could not be found`)
    // https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors
    // (and KMS's code in a Java SDK's suffix where another service relays the answer under its own code: SSM's
    // `InvalidKeyId: arn:…:key/… is disabled. (Service: AWSKMS; Status Code: 400; Error Code: DisabledException; …)`)
    phrases: [
      'is pending deletion',
      'The request was rejected because the specified key could not be found',
      'Error Code: DisabledException',
    ],
  },
  {
    id: 'expired-token',
    kind: 'authentication',
    advice: {
      message:
        'the temporary credentials expired: refresh them (sign in again, or re-assume the role) and retry',
      command: 'aws sts get-caller-identity',
    },
    codes: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
    phrases: ['security token included in the request is expired', 'The provided token has expired'],
  },
  {
    id: 'invalid-token',
    kind: 'authentication',
    advice: {
      message:
        'AWS does not recognise the credentials: the access key is deleted or mistyped, the session token is missing, the key belongs to another partition, or the region is not enabled; credentials from GetSessionToken without MFA also get this from IAM',
      command: 'aws configure list && aws sts get-caller-identity',
    },
    codes: [
      'InvalidClientTokenId',
      'UnrecognizedClientException',
      'InvalidAccessKeyId',
      'InvalidToken',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException',
      'IncompleteSignature',
      'IncompleteSignatureException',
    ],
    phrases: [
      'security token included in the request is invalid',
      'Access Key Id you provided does not exist',
      // Session Manager's channel service (`<message>964c3550: Request is not authenticated.</message>`)
      'Request is not authenticated.</message>',
      // an unsigned request's answer under an AccessDenied-family code (Neptune's `{"code":"AccessDeniedException",
      // "detailedMessage":"Missing Authentication Token"}`: aws-samples/amazon-neptune-samples#118)
      'Missing Authentication Token',
      // … and a bearer token's (Amazon Q Developer's, Bedrock's API keys): `AccessDeniedException: The bearer token
      // included in the request is invalid.`, `Invalid API Key format: Must start with pre-defined prefix`
      // https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
      'bearer token included in the request is invalid',
      'Invalid API Key format: Must start with pre-defined prefix',
    ],
  },
  {
    id: 'signature-mismatch',
    kind: 'authentication',
    advice: {
      message:
        'the secret access key does not match the key id, or something rewrote the request (proxy, clock, encoding)',
      command: 'aws configure list',
    },
    // (and a signature made for another region or service: `Credential should be scoped to a valid region, not
    // 'eu-west-1'.`, `Credential should be scoped to correct service: 'batch'.`, S3's AuthorizationHeaderMalformed:
    // `the region 'us-west-2' is wrong; expecting 'us-east-1'`)
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
    // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    // (and OpenSearch Dashboards' own name for it, `aws.auth.client.error.ARCInvalidSignatureException: Invalid signature,
    // does not match`: opensearch-project/data-prepper's fixtures)
    codes: [
      'SignatureDoesNotMatch',
      'InvalidSignatureException',
      'AuthorizationHeaderMalformed',
      'ARCInvalidSignatureException',
    ],
    // (CloudFront KeyValueStore's refusal of a request it could not authenticate, under AccessDeniedException:
    // `AccessDeniedException: Authentication failed` (anomalyco/sst#5741); its API takes SigV4A signatures only)
    // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Operations_Amazon_CloudFront_KeyValueStore.html
    phrases: [
      'request signature we calculated does not match',
      'Credential should be scoped to',
      // (a presigned URL's credential for another Region, under AuthorizationQueryParametersError, whose other uses are
      // the URL's own limits, `X-Amz-Expires must be less than a week`: `Error parsing the X-Amz-Credential parameter;
      // the region 'us-east-1' is wrong; expecting 'ap-south-1'`, boto/boto3#4627)
      'Error parsing the X-Amz-Credential parameter; the region',
      'AccessDeniedException: Authentication failed',
      'The authorization header is malformed; ',
    ],
  },
  {
    // S3's refusal of a request signed with Signature Version 2, under InvalidRequest (`The authorization mechanism you
    // have provided is not supported. Please use AWS4-HMAC-SHA256.`): the client signs the old way, no key is wrong
    // https://docs.aws.amazon.com/AmazonS3/latest/API/bucket-policy-s3-sigv4-conditions.html
    id: 'signature-version',
    kind: 'authentication',
    advice: {
      message:
        "the client signed with Signature Version 2, which S3 refuses here: sign with Signature Version 4 (a current SDK, or the client's `s3v4` signature setting) — no policy was evaluated",
    },
    phrases: ['Please use AWS4-HMAC-SHA256'],
  },
  {
    // IAM Roles Anywhere refusing CreateSession for the certificate or its signature, before any role's policy: the
    // certificate does not chain to a trust anchor, or the request was signed with another key
    // https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication.html
    id: 'roles-anywhere-certificate',
    kind: 'authentication',
    advice: {
      message:
        "Roles Anywhere did not accept the certificate or the request's signature: check that the certificate chains to the trust anchor's CA and that the signing helper uses that certificate's own private key",
      command: 'aws rolesanywhere list-trust-anchors',
    },
    phrases: ['Untrusted Signing Certificate', 'AccessDeniedException: Invalid signature'],
  },
  {
    id: 'request-expired',
    kind: 'authentication',
    advice: {
      message: 'the request was signed with a clock more than 15 minutes off: fix the system clock',
      command: 'date -u',
    },
    codes: ['RequestExpired', 'RequestTimeTooSkewed'],
    // (and a clock ahead, the request signed in the future: `Signature not yet current: … is still later than …`:
    // aws/aws-sdk-js#1652) https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
    phrases: ['Signature expired:', 'Signature not yet current:'],
  },
  {
    // S3 answers AccessDenied to a presigned URL used after its expiry, which is at most seven days and
    // never later than the temporary credentials that signed it
    // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html
    // @see https://repost.aws/knowledge-center/presigned-url-s3-bucket-expiration
    id: 'presigned-url-expired',
    kind: 'authentication',
    advice: {
      message:
        "the presigned URL expired: create a new one; a URL lives at most 7 days (SigV4) and never longer than the temporary credentials that signed it (a role session, an instance profile), so sign long-lived URLs with an IAM user's key",
      command: 'aws s3 presign s3://<bucket>/<key> --expires-in 3600',
    },
    phrases: ['Request has expired'],
  },
  {
    // S3 answers AccessDenied to a browser's POST upload whose signed policy document's expiration has passed
    // (`<Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message>`: CulturalMe/meteor-slingshot#80)
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
    id: 'post-policy-expired',
    kind: 'authentication',
    advice: {
      message:
        "the POST upload's policy expired (its `expiration`): sign a new policy for each upload, with an expiration past the time the upload ends, and no later than the signing credentials' own expiry",
    },
    phrases: ['Invalid according to Policy: Policy expired'],
  },
  {
    // S3 answers AccessDenied when X-Amz-Date lies in the future: the signer's clock runs ahead
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    id: 'presigned-url-not-yet-valid',
    kind: 'authentication',
    advice: {
      message:
        'the presigned URL is dated in the future (X-Amz-Date): the clock of the machine that signed it runs ahead; fix its clock (NTP) and sign the URL again',
      command: 'date -u',
    },
    phrases: ['Request is not yet valid'],
  },
  {
    // STS answers AccessDenied when the MFA code is wrong, reused or out of sync, or the serial number
    // names no MFA device of the caller
    // @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_sync.html
    // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
    id: 'mfa-code-invalid',
    kind: 'authentication',
    advice: {
      message:
        "the MFA one-time code was refused: use a fresh code (each is valid once), give the MFA device's ARN (arn:aws:iam::<account-id>:mfa/<name>, not the user's ARN) as the serial number, and resynchronize the device if its clock drifted; no policy change helps",
      command: 'aws iam list-mfa-devices',
    },
    phrases: [
      'MultiFactorAuthentication failed with invalid MFA one time pass code',
      'MultiFactorAuthentication failed, unable to validate MFA code',
      'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code',
      'MultiFactorAuthentication failed',
      // (STS's older words for GetSessionToken's: `GetSessionToken call failed, unable to validate MFA code.`, botocore's
      // recorded answer tests/unit/response_parsing/xml/errors/sts-get-session-token-mfa.xml)
      'call failed, unable to validate MFA code',
    ],
  },
  {
    // S3's AccessDenied for a request without a valid Date or x-amz-date header (a signing client's bug)
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
    id: 's3-date-header-invalid',
    kind: 'authentication',
    advice: {
      message:
        'the request carries no valid Date or x-amz-date header: the client signing it is broken or formats the time wrongly (it must be UTC); fix or update the client',
    },
    phrases: ['AWS authentication requires a valid Date or x-amz-date header'],
  },
  {
    // S3's AccessDenied when a header that must be signed (x-amz-*) was sent but not signed
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    id: 's3-headers-not-signed',
    kind: 'authentication',
    advice: {
      message:
        'the request sent headers that its signature does not cover (x-amz-acl, x-amz-server-side-encryption...): sign the URL or request with the same headers the client then sends, or drop them',
    },
    // (its last word lost where a paste became a mention, `which were not  @signed`: odysseyscience/react-s3-uploader#110)
    phrases: ['There were headers present in the request which were not '],
  },
  {
    id: 'credentials-not-validated',
    kind: 'authentication',
    advice: {
      message: 'EC2 could not validate the credentials: check the access key, session token and region',
      command: 'aws sts get-caller-identity',
    },
    codes: ['AuthFailure'],
    phrases: ['was not able to validate the provided access credentials'],
    // (but EC2's AuthFailure also refuses a resource the caller's account does not own: `You are not the owner of
    // network interface 'eni-…'`, a permission problem) https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    // (and an export to a bucket whose ACL does not grant VM Import/Export what it needs: `vm-import-export@amazon.com
    // must have WRITE and READ_ACL permission on the S3 bucket.`)
    // https://docs.aws.amazon.com/vm-import/latest/userguide/vmexport-prerequisites.html
    unlessPhrase:
      /\bYou are not the owner of\b|\bmust have [A-Z_]{3,20}(?: and [A-Z_]{3,20})? permission on the S3 bucket\b/,
  },
  {
    id: 'not-authenticated',
    kind: 'authentication',
    advice: {
      message:
        'the service rejected the identity itself (Cognito sign-in or unauthenticated access settings), not a policy',
    },
    codes: ['NotAuthorizedException', 'NotAuthorized'],
    // AppSync's refusal of a token it cannot read (`UnauthorizedException: Unable to parse JWT token.`)
    // https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
    // (or none at all: `Valid authorization header not provided.`: aws-amplify/amplify-js#4373)
    phrases: [
      'Unable to parse JWT token',
      'Valid authorization header not provided',
      'Unauthenticated access is not supported',
      // Cognito Identity's NotAuthorizedException of a token it will not take (`Invalid login token. Missing a required
      // claim: aud`: amazon-archives/amazon-cognito-identity-js#7)
      // https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html#API_GetId_Errors
      'Invalid login token',
    ],
    // (but not what the code also says of no identity: a user pool's setting, `SignUp is not permitted for this user
    // pool` (admins only create users), Translate's `Your account is not authorized to make this call`)
    // https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
    // (nor the services' common NotAuthorized, a denial: `You do not have permission to perform this action.`)
    // (nor Route 53's refusal to associate a VPC of another account with a private hosted zone before the zone's owner
    // authorized it, `NotAuthorizedException: The VPC: vpc-1 has not authorized to associate with your hosted zone.`:
    // hashicorp/terraform#12804) https://docs.aws.amazon.com/Route53/latest/APIReference/API_AssociateVPCWithHostedZone.html
    // (nor a user pool's refusal of an SES identity of another account for its email, `NotAuthorizedException: Email arn
    // does not belong to your account.`: aws/aws-cdk#25115)
    // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
    // (nor Performance Insights' NotAuthorizedException, a caller not allowed the resource: `The resource db-x for service
    // type RDS is not authorized for this account`, zalando/rds-health#6)
    // https://docs.aws.amazon.com/performance-insights/latest/APIReference/API_GetResourceMetrics.html#API_GetResourceMetrics_Errors
    unlessPhrase:
      /\bis not permitted for this user pool\b|\bis not authorized to make this call\b|\bYou do not have permission to perform this action\b|\bis not authorized for this account\b|\bAccess to Role '[^'\n]{1,512}' is forbidden|\barn does not belong to your account\b|\bhas not authorized to associate with your hosted zone\b/,
  },
  {
    // kubectl refused by an EKS cluster's API server: the IAM principal has no access entry (or aws-auth
    // mapping) in the cluster, or the kubeconfig signs as another principal; no IAM policy decides this
    // https://repost.aws/knowledge-center/eks-troubleshoot-iam-issues
    id: 'eks-cluster-access',
    kind: 'other',
    advice: {
      message:
        "the cluster's API server did not accept the caller: check which IAM principal kubectl signs as, and give it an access entry (or an aws-auth mapping) in the cluster — IAM policies do not grant Kubernetes access",
      command: 'aws eks list-access-entries --cluster-name <cluster>',
    },
    phrases: [
      'logged in to the server (Unauthorized)',
      // (without its end, which a terminal often wraps)
      'logged in to the server (the server has asked for the client',
      "IAM principal doesn't have access to Kubernetes objects on this cluster",
      // (the console's older wording: `Your current user or role does not have access to Kubernetes objects on this EKS
      // cluster`, hashicorp-education/learn-terraform-provision-eks-cluster#52)
      'does not have access to Kubernetes objects on this EKS cluster',
    ],
  },
  {
    // the client found no credentials to sign with (`Unable to locate credentials`, Java's `Unable to load AWS
    // credentials from any provider in the chain`, JS v3's `Could not load credentials from any providers`,
    // Go v1's `NoCredentialProviders`, Terraform's `no valid credential sources`): nothing reached AWS
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence
    id: 'no-credentials',
    kind: 'authentication',
    advice: {
      message:
        'no credentials reached AWS: the client found none in its chain (environment, profile, SSO, web identity, instance or container role); configure them, or select the profile that has them — no policy was evaluated',
      command: 'aws configure list',
    },
    // also the instance's own role, where the instance has none or its metadata service does not answer (the Go SDKs'
    // `no EC2 IMDS role found`, v1's EC2RoleRequestError, .NET's `… credentials from EC2 Instance Metadata Service`), and
    // a web identity token file the Go SDK v1 could not read (`WebIdentityErr: unable to read file at …`)
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-imds-credentials.html
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-assume-role-credentials.html
    codes: ['NoCredentialProviders', 'NoCredentialsError', 'CredentialsProviderError', 'EC2RoleRequestError'],
    // (tails: a phrase that starts with a frequent letter slows the one phrase scan)
    phrases: [
      'locate credentials',
      'load AWS credentials from any provider',
      'load credentials from any providers',
      'no valid credential sources',
      // the JS SDK v2's CredentialsError message
      'Missing credentials in config',
      'no EC2 IMDS role found',
      'no EC2 instance role found',
      'credentials from EC2 Instance Metadata Service',
      // (its WebIdentityErr also wraps STS's answer, `failed to retrieve credentials caused by: AccessDenied`: no look-alike)
      'WebIdentityErr: unable to read file',
      // Hadoop S3A's credential chain that found none, under its AccessDeniedException (`NoAuthWithAWSException: No AWS
      // Credentials provided by …`: trinodb/trino#25626)
      // https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/troubleshooting_s3a.html
      'No AWS Credentials provided by TemporaryAWSCredentialsProvider',
      'NoAuthWithAWSException: No AWS Credentials',
    ],
    // (but not where STS answered the chain's own call, as the Terraform provider prints under its `No valid credential
    // sources found`: `operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, …, api
    // error ValidationError: Unable to validate tags`, hashicorp/terraform-provider-aws#44712: that answer is the error)
    unlessPhrase:
      /\boperation error STS: [A-Za-z]{3,60},[\s│]{1,12}https response[\s│]{1,12}error StatusCode: [45]\d\d\b/,
  },
  {
    // the IAM Identity Center (SSO) session the profile relies on has ended: sign in again
    // https://docs.aws.amazon.com/cli/latest/userguide/sso-using-profile.html
    id: 'sso-session-expired',
    kind: 'authentication',
    advice: {
      message:
        "the profile's IAM Identity Center (SSO) session has expired or was never started: sign in again, then retry — no policy was evaluated",
      command: 'aws sso login --profile <profile>',
    },
    // SSO OIDC's refusal of the session's refresh token (CreateToken), and of the client the CLI or a tool registered,
    // its secret expired (`InvalidClientException: … "invalid_client" … "Invalid client provided"`: theurichde/go-aws-sso#150)
    // https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
    codes: ['InvalidGrantException', 'InvalidClientException'],
    phrases: [
      'expired and refresh failed',
      'SSO session associated with this profile has expired',
      'Session token not found or invalid',
    ],
  },
  {
    // the console-credentials session of `aws login` has ended: AWS Sign-In refuses its refresh token (`(AccessDeniedException)
    // when calling the CreateOAuth2Token operation: The refresh token has expired.`); no permission was checked
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sign-in.html
    id: 'console-login-expired',
    kind: 'authentication',
    advice: {
      message:
        "the profile's `aws login` session (console credentials) has expired: sign in again, then retry — no policy was evaluated",
      command: 'aws login --profile <profile>',
    },
    phrases: ['The refresh token has expired'],
  },
  {
    // a console sign-in that AWS Sign-In refused, as CloudTrail records it (`"errorMessage": "Failed authentication"`,
    // `No username found in supplied account`, `"ConsoleLogin": "Failure"`): a wrong password, user name or MFA code,
    // no permission checked https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
    id: 'console-sign-in-failed',
    kind: 'authentication',
    advice: {
      message:
        'the console sign-in itself failed (user name, password or MFA device), before any permission was checked: check the sign-in details, or reset the password',
    },
    // (AWS Sign-In's other message, `Failed authentication`, is other software's too, MSK's IAM refusal among them: the
    // reader sets this rule itself for a sign-in record that failed, whatever its message)
    phrases: ['No username found in supplied account'],
  },
  {
    // STS could not validate the web identity token (no IAM OIDC provider for its issuer, a wrong audience or
    // thumbprint, an expired or revoked claim, an identity provider it could not reach): the caller was not
    // authenticated, no permission was checked
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
    id: 'web-identity-token',
    kind: 'authentication',
    advice: {
      message:
        "STS did not accept the web identity token: check that the account has an IAM OIDC provider for the token's issuer with its audience (client ID), that the token is fresh, and that the provider is reachable",
      command: 'aws iam list-open-id-connect-providers',
    },
    codes: [
      'InvalidIdentityToken',
      'InvalidIdentityTokenException',
      'IDPRejectedClaim',
      'IDPRejectedClaimException',
      'IDPCommunicationError',
      'IDPCommunicationErrorException',
    ],
    // STS's message for a token whose issuer has no IAM OIDC provider, also where a tool prints it alone
    phrases: ['OpenIDConnect provider found in'],
  },
  {
    // AWS's sign-in page refusing a SAML assertion (`Your request included an invalid SAML response. To logout, click
    // here`: venth/aws-adfs#439): the identity provider's assertion, not a policy, decided
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html
    id: 'saml-response-invalid',
    kind: 'authentication',
    advice: {
      message:
        "AWS did not accept the identity provider's SAML assertion: check its Role attribute (role ARN, provider ARN), its audience, its signing certificate and the IdP's clock",
      command: 'aws iam list-saml-providers',
    },
    phrases: ['Your request included an invalid SAML response'],
  },
  {
    // a database or proxy refusing an IAM authentication token (RDS Proxy's `The IAM authentication failed for the role
    // r. Check the IAM token for this role and try again.`: duckdb/duckdb-postgres#576; its `Proxy authentication with
    // IAM authentication failed for user`: JuliaDatabases/MySQL.jl#201; Redshift's `IAM authentication failed for user
    // "IAMR:r"`: vitaly-t/pg-promise#909): the token, not a policy, was refused
    // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Troubleshooting.html
    id: 'database-iam-auth',
    kind: 'authentication',
    advice: {
      message:
        'the database refused the IAM authentication token: generate a fresh one (it lasts 15 minutes) for the same host, port, user and region, with rds-db:connect allowed for that user, and connect over TLS',
      command:
        'aws rds generate-db-auth-token --hostname <host> --port <port> --username <user> --region <region>',
    },
    phrases: [
      'The IAM authentication failed for the role',
      'Proxy authentication with IAM authentication failed',
      'IAM authentication failed for user',
    ],
  },
  {
    // SES's SMTP interface refused the user name and password: SMTP credentials of that region, derived from an IAM
    // user's keys, not the keys themselves (`535 Authentication Credentials Invalid`: sandstorm-io/sandstorm#2734)
    // https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html
    id: 'ses-smtp-credentials',
    kind: 'authentication',
    advice: {
      message:
        "SES's SMTP interface refused the user name and password: use SMTP credentials made for this region (the SES console creates them, or derive the password from an IAM user's secret key), not the access key pair itself",
    },
    phrases: ['535 Authentication Credentials Invalid'],
  },
  {
    // STS is deactivated in the region for the account asked for credentials
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
    id: 'sts-region-disabled',
    kind: 'opt-in',
    advice: {
      message:
        "STS is not activated in this region for the account: activate it in the IAM console's account settings, or call a regional endpoint where it is active",
    },
    codes: ['RegionDisabledException', 'RegionDisabled'],
    phrases: ['STS is not activated in'],
  },
  {
    id: 'opt-in-required',
    kind: 'opt-in',
    advice: {
      message:
        'the account is not subscribed: enable the region, finish account activation, or accept the Marketplace terms',
      command: 'aws account get-region-opt-status --region-name <region>',
    },
    // S3's NotSignedUp: "Your account is not signed up for the Amazon S3 service."
    // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    codes: ['OptInRequired', 'SubscriptionRequiredException', 'PendingVerification', 'NotSignedUp'],
    phrases: [
      'not signed up for the S3 service',
      // MediaConvert's account not yet subscribed (`You must use the subscription API to subscribe your account to the
      // service before using this operation.`) https://docs.aws.amazon.com/mediaconvert/latest/apireference/getting-started.html
      'subscribe your account to the service before using',
      // Audit Manager not yet set up in the account, under AccessDeniedException (`Please complete AWS Audit Manager setup
      // from home page to enable this action in this account.`, `Your account isn't registered with AWS Audit Manager.`)
      // https://docs.aws.amazon.com/audit-manager/latest/APIReference/API_RegisterAccount.html
      'Please complete AWS Audit Manager setup',
      "isn't registered with AWS Audit Manager",
      "isn't registered with Audit Manager",
      // Firewall Manager without its administrator account, under AccessDeniedException (`No default admin could be
      // found for account 1 in Region eu-central-1`: ekristen/aws-nuke#559)
      // https://docs.aws.amazon.com/waf/latest/developerguide/enable-integration.html
      'No default admin could be found for account',
      'not signed up for the Amazon S3 service',
      'You are not subscribed to this service',
      'needs a subscription for the service',
      'you need to accept terms and subscribe',
      'is not enabled for this account',
      // CloudFront's AccessDenied for an account not yet verified (`Your account must be verified before you can
      // add new CloudFront resources. To verify your account, please contact AWS Support`)
      // https://repost.aws/knowledge-center/create-and-activate-aws-account
      'Your account must be verified before you can add new',
      // Macie's AccessDeniedException for an account or region where Macie is not enabled (`when calling the
      // ListFindings operation: Macie is not enabled.`)
      // https://docs.aws.amazon.com/macie/latest/user/macie-setting-up.html
      'Macie is not enabled',
      // Security Hub's InvalidAccessException for an account that has not enabled it there (`Account 1111 is not
      // subscribed to AWS Security Hub`) https://docs.aws.amazon.com/securityhub/1.0/APIReference/CommonErrors.html
      'is not subscribed to AWS Security Hub',
      // QuickSight's answer for an account that has not signed up for it (`UnsupportedUserEditionException: Account
      // 123456789012 is not subscribed for QuickSight`: hashicorp/terraform-provider-aws#32323), the subscription made
      // by CreateAccountSubscription https://docs.aws.amazon.com/quicksight/latest/APIReference/API_CreateAccountSubscription.html
      'is not subscribed for QuickSight',
      // Shield Advanced's answer for an account without its subscription (`ResourceNotFoundException … ListProtections
      // operation: The subscription does not exist.`) and Security Hub's for an account that has not enabled it
      // (`InvalidAccessException: AccountId: 1 is not enabled for securityhub`)
      // https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_DescribeSubscription.html,
      // https://docs.aws.amazon.com/securityhub/1.0/APIReference/CommonErrors.html
      'The subscription does not exist.',
      'is not enabled for securityhub',
    ],
  },
  {
    // Bedrock's refusal of an Anthropic model until the account (or its organization's management account) has submitted
    // the use case form (`Model use case details have not been submitted for this account. Fill out the Anthropic use
    // case details form before using the model.`: obot-platform/obot#6747): a step in the console, no policy
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html
    id: 'bedrock-use-case-form',
    kind: 'opt-in',
    advice: {
      message:
        "the account has not submitted Anthropic's use case details: submit the form once in the Bedrock console (or from the organization's management account), then retry after about 15 minutes; no policy change helps",
    },
    phrases: ['Model use case details have not been submitted for this account'],
    overridesDenial: true,
  },
  {
    // a browser's preflight (OPTIONS) of a cross-origin request refused: S3 answers it from the bucket's CORS
    // configuration alone, API Gateway from the API's, before any policy is read (`Response to preflight request doesn't
    // pass access control check: No 'Access-Control-Allow-Origin' header … HTTP status code 403`: Lepozepo/S3#150)
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html,
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
    id: 'cors-preflight',
    kind: 'other',
    advice: {
      message:
        "the browser's CORS preflight was refused: add a CORS rule for this origin, method and headers to the bucket (or enable CORS on the API) — no IAM policy answers a preflight",
      command: 'aws s3api get-bucket-cors --bucket <bucket>',
    },
    phrases: [
      "Response to preflight request doesn't pass access control check",
      'Response for preflight has invalid HTTP status code',
      'Response for preflight does not have HTTP ok status',
      // (and S3's own answer to a preflight its CORS rules do not allow, `<Code>AccessForbidden</Code><Message>CORSResponse:
      // This CORS request is not allowed. …`: hotosm/oam-uploader#85)
      // https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors-troubleshooting.html
      'CORSResponse: This CORS request is not allowed',
    ],
    overridesDenial: false,
  },
  {
    id: 'account-blocked',
    kind: 'other',
    advice: {
      message: 'the account is blocked or suspended (billing or verification): only AWS Support can lift it',
    },
    codes: ['Blocked'],
    phrases: ['This account is currently blocked'],
  },
  {
    // S3 refuses every request to a resource AWS disabled (account suspended, abuse): AWS Support only
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    id: 's3-access-disabled',
    kind: 'other',
    advice: {
      message:
        'AWS has disabled all access to this S3 resource or account (AccountProblem, AllAccessDisabled): only AWS Support can restore it; no policy change helps',
    },
    codes: ['AllAccessDisabled', 'AccountProblem'],
    phrases: [
      'All access to this Amazon S3 resource has been disabled',
      'All access to this object has been disabled',
    ],
  },
  {
    // S3 refuses to delete or overwrite an object version under Object Lock retention or legal hold;
    // governance mode gives way to s3:BypassGovernanceRetention with x-amz-bypass-governance-retention
    // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
    // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html
    id: 'object-lock-retention',
    kind: 'other',
    advice: {
      message:
        'the object version is held by S3 Object Lock (a retention period or a legal hold): wait for its retain-until date, remove the legal hold, or in governance mode send x-amz-bypass-governance-retention: true with s3:BypassGovernanceRetention; compliance mode gives way to nobody',
      command: 'aws s3api get-object-retention --bucket <bucket> --key <key> --version-id <version-id>',
    },
    phrases: ['protected by object lock', 'forbidden by object lock'],
  },
  {
    // Buckets with Object Ownership `BucketOwnerEnforced` (the default since April 2023) refuse ACLs
    // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
    id: 'acls-disabled',
    kind: 'other',
    advice: {
      message:
        'the bucket has ACLs disabled (Object Ownership: bucket owner enforced): send no ACL (or bucket-owner-full-control) and grant access with a bucket policy instead; only if ACLs are truly needed, set Object Ownership to ObjectWriter or BucketOwnerPreferred',
      command: 'aws s3api get-bucket-ownership-controls --bucket <bucket>',
    },
    codes: ['AccessControlListNotSupported', 'InvalidBucketAclWithObjectOwnership'],
    phrases: ['The bucket does not allow ACLs'],
  },
  {
    // S3 answers 403 InvalidObjectState to a GET of an object archived in S3 Glacier Flexible Retrieval,
    // Deep Archive or an Intelligent-Tiering archive tier until it is restored
    // @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html
    id: 's3-object-archived',
    kind: 'other',
    advice: {
      message:
        'the object is archived (S3 Glacier Flexible Retrieval, Deep Archive or an archive tier): restore a copy first, then read it',
      command: 'aws s3api restore-object --bucket <bucket> --key <key> --restore-request Days=1',
    },
    codes: ['InvalidObjectState'],
    phrases: ["The operation is not valid for the object's storage class"],
  },
  {
    // The SSM Agent found no instance profile credentials and fell back to Default Host Management
    // Configuration, which the account has not turned on in this region
    // @see https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html
    id: 'ssm-instance-management-role',
    kind: 'other',
    advice: {
      message:
        'the SSM Agent has no instance profile and Default Host Management Configuration is off in this account and region: attach an instance profile whose role has AmazonSSMManagedInstanceCore, or turn on Default Host Management Configuration',
      command:
        'aws ssm get-service-setting --setting-id /ssm/managed-instance/default-ec2-instance-management-role',
    },
    phrases: ['instance management role is not configured'],
  },
  {
    id: 'insufficient-capacity',
    kind: 'capacity',
    advice: {
      message:
        'AWS has no capacity for this instance type in that zone right now: retry later, use another zone or type',
    },
    codes: [
      'InsufficientInstanceCapacity',
      // RDS: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html#API_CreateDBInstance_Errors
      'InsufficientDBInstanceCapacity',
      // ElastiCache's: https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html#API_CreateCacheCluster_Errors
      'InsufficientCacheClusterCapacity',
      'InsufficientHostCapacity',
      'InsufficientReservedInstanceCapacity',
      'InsufficientCapacity',
      'InsufficientCapacityException',
      'InsufficientCapacityError',
      // a capacity reservation (or Capacity Block) that cannot hold the launch
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
      'ReservationCapacityExceeded',
      // a SageMaker training job's failure reason (`CapacityError: Unable to provision requested ML compute
      // capacity`: https://docs.aws.amazon.com/batch/latest/userguide/sm_job_stuck_in_runnable_capacity.html) and a
      // Studio space's (`EC2InsufficientCapacityError: Instance type 'ml.g5.48xlarge' is temporarily unavailable`:
      // aws/amazon-sagemaker-feedback#99)
      'CapacityError',
      'EC2InsufficientCapacityError',
    ],
    // and a Spot request's status (`capacity-oversubscribed: Your Spot request was not fulfilled …`)
    // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-request-status.html
    // (and EKS's refusal of a cluster in a zone it has no room in: `UnsupportedAvailabilityZoneException: … us-east-1e,
    // the targeted availability zone, does not currently have sufficient capacity to support the cluster`)
    // https://docs.aws.amazon.com/eks/latest/userguide/troubleshooting.html
    phrases: [
      // (EMR's cluster event where EC2 lacked the capacity: `EC2 provisioning - Insufficient Instance Capacity`)
      // https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-events-response-insuff-capacity.html
      'EC2 provisioning - Insufficient Instance Capacity',
      'We currently do not have sufficient',
      'capacity-oversubscribed',
      'does not currently have sufficient capacity to support the cluster',
    ],
  },
  {
    id: 'throttling',
    kind: 'throttling',
    advice: {
      message:
        'the request rate exceeded the API limit: retry with exponential backoff, or lower the call rate',
    },
    codes: [
      'Throttling',
      'ThrottlingException',
      'ThrottledException',
      'RequestLimitExceeded',
      'TooManyRequestsException',
      'SlowDown',
      'RequestThrottled',
      'RequestThrottledException',
      'ProvisionedThroughputExceededException',
      // as the Haskell SDK (amazonka) keeps DynamoDB's code, without its `Exception` (haskell-mafia/boris#75)
      'ProvisionedThroughputExceeded',
      'PriorRequestNotComplete',
      'EC2ThrottledException',
      // EKS's health issue of a node group whose instance profile IAM throttled (`IamThrottling: Amazon EKS was unable
      // to create an IAM Instance Profile in your account.`) https://docs.aws.amazon.com/eks/latest/APIReference/API_Issue.html
      'IamThrottling',
      // Bedrock's event stream writes it with a lower-case first letter (`An error occurred (throttlingException)
      // when calling the InvokeModelWithResponseStream operation`)
      // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ResponseStream.html
      'throttlingException',
    ],
    // and EC2's RequestLimitExceeded message, retold without its code; Organizations' refusal of a request
    // while another one runs (`… Try again later.`, its retry-later errors:
    // https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html#API_CreateAccount_Errors),
    // relayed by Cloud Control as `Throttling` (pulumi/pulumi-aws-native#1687)
    // The Go SDK v2's own retry budget run dry by repeated retryable errors, throttling mostly (`operation error EC2:
    // DescribeLaunchTemplates, failed to get rate limit token, retry quota exceeded, 0 available, 5 requested`)
    // https://docs.aws.amazon.com/sdk-for-go/v2/developer-guide/configure-retries-timeouts.html
    // Bedrock's ThrottlingException messages, also retold without the code (`Too many tokens, please wait before
    // trying again.`, `Your request rate is too high. Reduce the frequency of requests.`)
    // https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html
    // a per-resource request rate (EBS's `SnapshotCreationPerVolumeRateExceeded: The maximum per volume CreateSnapshot
    // request rate has been exceeded.`: velero-io/velero#4969)
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    codeSuffixes: ['RateExceeded'],
    phrases: [
      // (and Redshift Spectrum's scan of S3 slowed down: `Spectrum Scan Error: Access throttled`)
      // https://docs.aws.amazon.com/redshift/latest/dg/c-spectrum-troubleshooting.html
      'Spectrum Scan Error: Access throttled',
      // (and EMR's cluster that EC2 throttled while it launched the instances: `Throttled from Amazon EC2 while launching
      // cluster`) https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-throttling-error.html
      'Throttled from Amazon EC2 while launching cluster',
      'Rate exceeded',
      'Request limit exceeded',
      'another request is already in progress',
      'failed to get rate limit token',
      'Too many tokens, please wait before trying again',
      'Too many requests, please wait before trying again',
      'Your request rate is too high',
      // (an answer with only its status 429, as the Java SDK v2 prints it: `Too Many Requests (Service: Appflow, Status
      // Code: 429, …)`, a CloudFormation handler's message: cdklabs/cdk-appflow#107)
      // https://docs.aws.amazon.com/general/latest/gr/api-retries.html
      'Too Many Requests (Service: ',
      // Cost Explorer's throttling, under LimitExceededException, whose code alone reads as a quota (`LimitExceededException:
      // Rate limit exceeded (Service: AWSCostExplorer; …)`: aws/aws-sdk-java#1662; `You made too many calls in a short
      // period of time`) https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html
      'Rate limit exceeded',
      // Session Manager's channel service (`<message>Unable to process due to throttling.</message>`)
      'Unable to process due to throttling',
      // SQS's refusal of a burst, under HTTP 403 (`Amazon.SQS.AmazonSQSException: Request is throttled.`:
      // Particular/docs.particular.net's SQS transport troubleshooting)
      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html#API_SendMessage_Errors
      'Request is throttled',
      // Lex's request rate, under LimitExceededException, whose code alone reads as a quota (`LimitExceededException:
      // The rate of requests exceeds the throughput limit.`: aws/aws-sdk-js#2884)
      // https://docs.aws.amazon.com/lex/latest/dg/API_PutBot.html
      'The rate of requests exceeds the throughput limit',
      // MSK's IAM authentication's connection rate (`SaslAuthenticationException: [uuid]: Too many connects`:
      // aws/aws-msk-iam-auth#28) https://docs.aws.amazon.com/msk/latest/developerguide/limits.html
      ']: Too many connects',
      // S3's SlowDown answer where an SDK puts its status line in the code's place (`Status Code: 503; Error Code: 503
      // Slow Down`: delta-io/delta#298) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
      '503 Slow Down',
    ],
    // (but Athena's TooManyRequestsException for its concurrent query quota is a quota: `You have exceeded the limit
    // for the number of queries you can run concurrently`) https://docs.aws.amazon.com/athena/latest/ug/service-limits.html
    // (nor SES's Throttling for its daily sending quota, which no wait of minutes ends: `Daily message quota exceeded`)
    // https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html
    // (nor EC2's pending VPC peering connections, a count: `PendingVpcPeeringConnectionLimitExceeded … Vpc peering
    // connection request limit exceeded.`: amplify-education/asiaq#254)
    unlessPhrase:
      /\bqueries you can run concurrently\b|\b[Dd]aily message quota exceeded\b|\bpeering connection request limit exceeded\b/i,
  },
  {
    id: 'quota-exceeded',
    kind: 'quota',
    advice: {
      message: 'a service quota is reached: request an increase in Service Quotas, or free capacity',
      command: 'aws service-quotas list-service-quotas --service-code <service>',
    },
    // Lambda's 75 GB code storage per Region (CodeStorageExceededException)
    // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
    codes: [
      'TooManyBuckets',
      'ServiceQuotaExceededException',
      'MaxSpotInstanceCountExceeded',
      // EC2 Fleet's request count (`You've reached your quota for maximum Fleet Requests for this account.`)
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
      'MaxFleetCountExceeded',
      'PendingVpcPeeringConnectionLimitExceeded',
      'service_quota_exceeded_exception',
      'CodeStorageExceededException',
      // AWS Config's per-account and per-Region counts (`MaxNumberOfDeliveryChannelsExceededException: … the maximum
      // number of delivery channels: 1 is reached`) https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html
      'MaxNumberOfConfigRulesExceededException',
      'MaxNumberOfConfigurationRecordersExceededException',
      'MaxNumberOfConformancePacksExceededException',
      'MaxNumberOfDeliveryChannelsExceededException',
      'MaxNumberOfOrganizationConfigRulesExceededException',
      'MaxNumberOfOrganizationConformancePacksExceededException',
      'MaxNumberOfRetentionConfigurationsExceededException',
      'MaxActiveResourcesExceededException',
      // Elastic Load Balancing's quotas, each its own code (`TooManyTargets: The maximum number of targets per load
      // balancer '1000' has been reached`: kubernetes/ingress-nginx#4847)
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html#API_CreateLoadBalancer_Errors,
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html#API_RegisterTargets_Errors
      'TooManyLoadBalancers',
      'TooManyTargets',
      'TooManyTargetGroups',
      'TooManyListeners',
      'TooManyRules',
      'TooManyActions',
      'TooManyCertificates',
      'TooManyRegistrationsForTargetId',
      'TooManyUniqueTargetGroupsPerLoadBalancer',
      'TooManyTrustStores',
      // CloudFront's in-progress invalidations (`Processing your request will cause you to exceed the maximum number of
      // in-progress invalidations.`: laurilehmijoki/s3_website#26)
      // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html#API_CreateInvalidation_Errors
      'TooManyInvalidationsInProgress',
      // Elastic Beanstalk's account quotas (`TooManyApplicationVersionsException … You cannot have more than 500
      // Application Versions`: boto/boto3#920)
      // https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplicationVersion.html#API_CreateApplicationVersion_Errors
      'TooManyApplicationsException',
      'TooManyApplicationVersionsException',
      'TooManyEnvironmentsException',
      'TooManyConfigurationTemplatesException',
      'TooManyBucketsException',
      'TooManyPlatformsException',
      // Glue's runs of one job at once, beyond the job's maximum (`ConcurrentRunsExceededException: Concurrent runs
      // exceeded for my-job`: aws-solutions/amazon-marketing-cloud-uploader-from-aws#51), and an EMR Serverless
      // application's maximum capacity, the limit its owner set (`ApplicationMaxCapacityExceededException: [memory: 48
      // GB, disk: 200 GB]`) https://docs.aws.amazon.com/glue/latest/webapi/API_StartJobRun.html,
      // https://docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/application-capacity.html
      'ConcurrentRunsExceededException',
      'ApplicationMaxCapacityExceededException',
    ],
    codeSuffixes: ['LimitExceeded', 'LimitExceededException', 'QuotaExceeded', 'QuotaExceededException'],
    // IAM's LimitExceeded (`Cannot exceed quota for PoliciesPerRole: 20`), often retold without its code, by its
    // tail: a phrase starting with a frequent letter made the one scan for every phrase twice as slow
    // (SageMaker's ResourceLimitExceeded: `… Please contact AWS support to request an increase for this limit.`)
    phrases: [
      // EC2 Fleet's request count, as EKS relays it for a node group's Auto Scaling group (`AsgInstanceLaunchFailures:
      // You've reached your quota for maximum Fleet Requests for this account.`: terraform-aws-modules/terraform-aws-eks#2149)
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
      'reached your quota for maximum Fleet Requests',
      // ECS's RunTask failure of a Fargate task past the account's vCPU quota (`{'reason': 'The requested CPU
      // configuration is above your limit'}`: dask/dask-cloudprovider#299)
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html
      'The requested CPU configuration is above your limit',
      // ECR's repository full (`denied: The repository with name x in registry with id 1 already has the maximum allowed
      // number of images which is '10000'`), ECS's service event at the account's task quota (`was unable to place a task.
      // Reason: You've reached the limit on the number of tasks you can run concurrently.`) and its desired count
      // (`InvalidParameterException: Desired count exceeds limit.`)
      // https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html,
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html
      'maximum allowed number of images which is',
      // DynamoDB's LimitExceededException for table changes at once (`Subscriber limit exceeded: Only 10 tables can be
      // created, updated, or deleted simultaneously`, a stack event's reason: MoonMail/MoonMail#325) and Bedrock Agents'
      // quota check (`Validation failed for quota parameters-per-function. The maximum number of resources is 5`)
      // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html,
      // https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html
      'Subscriber limit exceeded: Only',
      // Amazon Q Developer's monthly request limit of its tier (`Maximum com.amazon.aws.codewhisperer.streaming.
      // GenerateAssistantResponse reached for this month.`, aws/aws-toolkit-jetbrains)
      // https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/q-tiers.html
      'GenerateAssistantResponse reached for this month',
      'Validation failed for quota ',
      'reached the limit on the number of tasks you can run concurrently',
      'Desired count exceeds limit',
      // Athena's concurrent query quota, under TooManyRequestsException
      'queries you can run concurrently',
      // Fargate's, as an ECS service event tells why it placed no task (`Reason: You've reached the limit on the number
      // of vCPUs you can run concurrently.`) https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html
      'reached the limit on the number of vCPUs you can run concurrently',
      'request an adjustment to this limit',
      'than your current vCPU limit',
      'exceed quota for',
      // the EC2-family limit sentence (`You have exceeded your maximum <name> limit of <n> in this region. Please contact
      // AWS Support to request an <service> service limit increase.`)
      'service limit increase',
      'to request an increase for this limit',
      // EC2's MaxSpotInstanceCountExceeded sentence, as an Auto Scaling activity's status reason relays it without the code
      // (`Status Reason: Max spot instance count exceeded. Placing Spot instance request failed.`: aws/aws-parallelcluster#340)
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
      'Max spot instance count exceeded',
      // Kinesis: `This request would exceed the limit on the number of On-Demand streams for the account …`
      'would exceed the limit on the number of',
      // Lambda's account concurrency, under InvalidParameterValueException: a reservation may not leave the account
      // less unreserved concurrency than its minimum (`… decreases account's UnreservedConcurrentExecution below its
      // minimum value of [50]`) https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
      'UnreservedConcurrentExecution below its minimum value',
      // Pinpoint's endpoints per user (`Exceeded maximum endpoint per user count 10`)
      // https://docs.aws.amazon.com/pinpoint/latest/developerguide/quotas.html
      'Exceeded maximum endpoint per user count',
      // a Standard workflow execution's 25,000 events (`The execution reached the maximum number of history events
      // (25000).`) https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
      'reached the maximum number of history events',
      // SES's daily sending quota, under Throttling (`454 Throttling failure: Daily message quota exceeded.`)
      // https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html
      'Daily message quota exceeded',
      // ECR's tags on one image, as its registry refuses a push (`DENIED: Adding tag 't' to an image in the repository
      // … exceeds the maximum allowed number of tags per image which is '1000'`: namespacelabs/foundation#649)
      // https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html
      'exceeds the maximum allowed number of tags per image',
      // Organizations' accounts per organization, under HandshakeConstraintViolationException (ACCOUNT_NUMBER_LIMIT_EXCEEDED:
      // `You have exceeded the allowed number of AWS accounts`)
      // https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html#API_InviteAccountToOrganization_Errors
      'exceeded the allowed number of AWS accounts',
      // a CloudFormation resource handler's ServiceLimitExceeded (`Limit exceeded for resource of type
      // 'AWS::CloudFront::Distribution'. Reason: …`: awslabs/aws-api-gateway-developer-portal#526)
      // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html
      'Limit exceeded for resource of type',
      // … and the resources one template may declare (`Template format error: Number of resources, 201, is greater than
      // maximum allowed, 200`) https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
      'Template format error: Number of resources',
    ],
  },
  {
    id: 'malformed-policy',
    kind: 'other',
    advice: {
      message: 'the policy being written is invalid: check it before writing it',
      command: (whydenied) =>
        `${whydenied} lint <policy.json> && aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY --policy-document file://<policy.json>`,
    },
    codes: ['MalformedPolicyDocument', 'MalformedPolicyDocumentException', 'MalformedPolicy'],
    phrases: ['Syntax errors in policy'],
  },
  {
    id: 'policy-validation',
    kind: 'other',
    advice: {
      message: 'the service rejected the policy being written (an operator or key it does not accept)',
      command: (whydenied) => `${whydenied} lint <policy.json>`,
    },
    phrases: [
      'for parameter Condition is invalid',
      'is not compatible with the ARN_LIKE condition',
      'Invalid principal in policy',
    ],
  },
  {
    id: 'dry-run-succeeded',
    kind: 'other',
    advice: {
      message: 'nothing failed: a --dry-run call reports success this way; the real call would be allowed',
    },
    codes: ['DryRunOperation'],
    phrases: ['Request would have succeeded, but DryRun flag is set'],
  },
  {
    // an AccessDeniedException whose request matched no operation (https://github.com/aws/aws-sdk-net/issues/885,
    // https://github.com/aws-amplify/aws-sdk-ios/issues/2341): no permission was checked
    id: 'request-not-routed',
    kind: 'other',
    advice: {
      message:
        "the request reached no operation of the service (a wrong endpoint, path, or X-Amz-Target or Content-Type header), so no permission was checked: call the service's own endpoint, as its SDK does",
    },
    phrases: ['service/operation name to be authorized'],
  },
  {
    // a service's API not offered in the Region called, under AccessDeniedException (AWS Backup's report plans: `api error
    // AccessDeniedException: This API is not available in current Region.`: turbot/steampipe-plugin-aws): no permission
    // was checked https://docs.aws.amazon.com/general/latest/gr/rande.html
    id: 'api-not-in-region',
    kind: 'other',
    advice: {
      message:
        "the service does not offer this API in the Region called: call it in a Region that has it (the service's endpoints page lists them)",
    },
    phrases: ['This API is not available in current Region'],
  },
  {
    // EC2 refuses a configuration it does not offer (an instance type in that Availability Zone), by itself
    // or through a fleet or Auto Scaling: no permission was checked
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    id: 'unsupported-configuration',
    kind: 'other',
    advice: {
      message:
        'EC2 does not offer that configuration there (an instance type in that Availability Zone): choose another zone or type, as the message suggests',
      command: 'aws ec2 describe-instance-type-offerings --location-type availability-zone',
    },
    codes: ['Unsupported', 'InvalidFleetConfiguration'],
  },
  {
    // EMR ended a cluster's creation because its configuration was refused; the reason's code is EMR's
    // (`last error: VALIDATION_ERROR: EMR service role … is invalid`, as Terraform's wait prints it)
    // https://docs.aws.amazon.com/emr/latest/APIReference/API_ClusterStateChangeReason.html
    id: 'emr-cluster-validation',
    kind: 'other',
    advice: {
      message:
        "EMR refused the cluster's configuration (its service role, instance profile, release or instance types): fix what the state-change reason names",
      command: 'aws emr describe-cluster --cluster-id <cluster-id> --query Cluster.Status.StateChangeReason',
    },
    phrases: ['last error: VALIDATION_ERROR'],
    // (but a service role's missing permissions is a permission problem: `VALIDATION_ERROR: Service role arn:… has
    // insufficient EC2 permissions`)
    unlessPhrase: /\bhas insufficient [A-Za-z0-9]{2,20} permissions/,
  },
  {
    // a CloudFormation resource handler's InvalidRequest, whose message it prefixes (`Resource handler returned
    // message: "Invalid request provided: CreateCluster Invalid Request: Unable to assume the service linked role…`)
    // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html
    id: 'cfn-invalid-request',
    kind: 'other',
    advice: {
      message:
        "the resource's handler refused the request as invalid: fix the template's properties or the prerequisite its message names (a service-linked role, a missing resource)",
    },
    phrases: ['returned message: "Invalid request provided:'],
    // (but Lambda's refusal of a stream its function's role may not read is a refusal, whatever the handler calls it:
    // `Invalid request provided: Cannot access stream arn:… Please ensure the role can perform the GetRecords, …`,
    // aws-samples/cross-account-amazon-dynamodb-replication#11)
    unlessPhrase: /\bPlease ensure the role can perform\s/,
  },
  {
    // Docker's login to an ECR registry refused: the registry's token, not an IAM policy, decided
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html
    id: 'ecr-registry-login',
    kind: 'authentication',
    advice: {
      message:
        'the registry refused the login: its token is missing or expired (tokens last 12 hours); log in again with a fresh one',
      command:
        'aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com',
    },
    phrases: [
      'ecr.aws/v2/: denied',
      'amazonaws.com/v2/ failed with status: 401',
      'no basic auth credentials',
      // the registry's answer to a login older than its token's 12 hours
      // https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_AuthorizationData.html
      'Your Authorization Token has expired',
      // … and to a token it cannot read (`GET https://public.ecr.aws/v2/…: DENIED: Your Authorization Token is
      // invalid.`: GoogleContainerTools/kaniko#3199)
      'Your Authorization Token is invalid',
    ],
  },
];

/** Codes that mean "no permission" across services (spec A.1). */
export const AUTHORIZATION_CODES: ReadonlySet<string> = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'KMSAccessDeniedException',
  'UnauthorizedException',
  'UnauthorizedOperationException',
  'UnauthorizedAccess',
  // EC2's instance metadata service's code where the instance profile's role does not trust EC2 (`"Code" :
  // "AssumeRoleUnauthorizedAccess", "Message" : "EC2 cannot assume the role …"`: boto/botocore commit 4447f34)
  // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-categories.html
  'AssumeRoleUnauthorizedAccess',
  'Forbidden',
  'ForbiddenException',
  'InsufficientPermissionsException',
  'AccessDeniedFault',
  // EC2 refusing to create the Spot service-linked role for a caller without iam:CreateServiceLinkedRole
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  'AuthFailure.ServiceLinkedRoleCreationNotPermitted',
  // Systems Manager's message delivery refusing an instance's agent (`GetMessages Error: AuthorizationFailureException`)
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-ssm-agent.html
  'AuthorizationFailureException',
  // Elastic Beanstalk: "The specified account does not have sufficient privileges for one or more AWS services."
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplicationVersion.html#API_CreateApplicationVersion_Errors
  'InsufficientPrivilegesException',
  // SimpleDB's refusal of a caller's request https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/APIError.html
  'AuthorizationFailure',
  // CloudFormation's handler code for a resource it could not tag for want of the tagging permissions (`Encountered a
  // permissions error performing a tagging operation, please add required tag permissions.`)
  // https://repost.aws/knowledge-center/cloudformation-tagging-permission-error
  'UnauthorizedTaggingOperation',
  // the common error of the services' APIs, no Cognito sign-in refusal (`NotAuthorized: You do not have permission to
  // perform this action.`, HTTP 400) https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html
  'NotAuthorized',
]);

/** The advice of a look-alike rule, by its id. */
export function lookalikeAdvice(id: LookalikeId): LookalikeAdvice | null {
  return lookalikeRule(id)?.advice ?? null;
}

/** The look-alike rule of an id. */
export function lookalikeRule(id: LookalikeId): LookalikeRule | null {
  return LOOKALIKE_RULES.find((rule) => rule.id === id) ?? null;
}

/** Each rule's phrases, lower-cased once. */
const LOWER_PHRASES: ReadonlyMap<LookalikeRule, readonly string[]> = new Map(
  LOOKALIKE_RULES.map((rule) => [rule, (rule.phrases ?? []).map((phrase) => phrase.toLowerCase())]),
);

// every rule's phrases, found in the one scan of the text for every step's phrases
lookForPhrases(LOOKALIKE_RULES.flatMap((rule) => rule.phrases ?? []));

/** Finds the first look-alike rule that matches a code or a phrase of the text (in any case). */
export function findLookalike(
  code: string | null,
  text: string,
  hasDenialSentence: boolean,
): LookalikeRule | null {
  const found = phrasesIn(text);
  for (const rule of LOOKALIKE_RULES) {
    if ((hasDenialSentence && rule.overridesDenial !== true) || rule.unlessPhrase?.test(text) === true) {
      continue;
    }
    if (code !== null) {
      if (rule.codes?.includes(code) || rule.codeSuffixes?.some((suffix) => code.endsWith(suffix))) {
        return rule;
      }
    }
    if (LOWER_PHRASES.get(rule)?.some((phrase) => found.has(phrase))) {
      return rule;
    }
  }
  return null;
}
