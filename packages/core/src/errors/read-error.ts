import { actionForOperation, servicesForOperation } from '../catalog/operations.js';
import { serviceFromSdkName } from '../catalog/service-names.js';
import type { Result } from '../diagnostics/result.js';
import { parseJson, parseJsonOrNull } from '../json/parse-json.js';
import { cleanErrorText, unescapeOnce } from './clean-text.js';
import {
  type CloudTrailCall,
  type CloudTrailFailure,
  readCloudTrail,
  readCloudTrailText,
  readConsoleSignInFailure,
  selectFailure,
  withJsonQuotes,
  withYamlQuotes,
} from './cloudtrail.js';
import { type DenialSentence, findDenialSentences } from './denial-sentence.js';
import { findEncodedMessage } from './encoded-message.js';
import type {
  EncodedMessage,
  ErrorReading,
  FactSource,
  FailureFacts,
  FailureKind,
  Unknown,
} from './failure.js';
import { HintSet, PRIORITY } from './hints.js';
import { AUTHORIZATION_CODES, findLookalike, lookalikeRule } from './lookalikes.js';
import { hasLiteral } from './phrase-scan.js';
import { parsePrincipal } from './principal.js';
import { redactedParts } from './redacted-parts.js';
import { severalErrors } from './several-errors.js';
import { readSimulatorText } from './simulator.js';
import { stepCalls, withoutServiceGlosses } from './step-calls.js';
import { EXTRACTORS, QUERY_ENGINE_VERBS, stripFaultPrefix } from './surfaces.js';
import { addToolPhraseHints } from './tool-phrases.js';
import { listUnknowns } from './unknowns.js';

/** What the caller knows that the error text may not say; the text wins where both speak. */
export interface ReadErrorOptions {
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
  /**
   * Which failed event of a CloudTrail file to read: its `eventID` or `requestID`, or its 1-based
   * position among the failed events (denials first). The first denial when omitted.
   */
  readonly event?: string;
}

/**
 * Phrases that mark an access failure even without a code, or under another code; also EC2's `You are not
 * authorized to use launch template` (as CloudFormation relays it) and CloudWatch Logs' subscription to a Lambda
 * function that does not let it invoke (`Make sure you have given CloudWatch Logs permission to execute your
 * function`). An encoded authorization message comes only with a denied request, also under a relaying
 * service's code (EKS's `InvalidRequestException: You are not authorized to launch instances with this launch
 * template. Encoded authorization failure message: …`); Step Functions' `The state machine IAM Role is not authorized
 * to access the Log Destination` (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html); Control Tower's
 * `AWS Control Tower is unable to assume the AWSControlTowerExecution role in the account`
 * (https://repost.aws/knowledge-center/aws-control-tower-role-troubleshoot)
 * Bedrock's refusal of a model the account or caller may not use, also under ValidationException (`You don't have
 * access to the model with the specified model ID`: https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html);
 * Firehose's relayed refusal of the role it was given (`Access was denied when calling Glue`); Athena's `Permission
 * denied on S3 path: s3://…` (https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html); AppSync's `Not
 * Authorized to access X on type Query` (https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error);
 * a role a service ran with that may not do what the job needs (SageMaker Pipelines' step failure `the pipeline execution
 * role does not have sufficient permissions to the job`: data-science-on-aws/data-science-on-aws#223); the Kinesis Video
 * Streams producer SDK's status for a call the service refused (`STATUS_SERVICE_CALL_NOT_AUTHORIZED_ERROR`:
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/producer-sdk-errors.html); CloudTrail's refusal to make its
 * service-linked role for a caller that may not (`you are signed in with an account that lacks permissions to create a
 * service-linked role in AWS CloudTrail`: aws-samples/aws-security-reference-architecture-examples#305); Athena's
 * refusal to reach its query results (`You do not seem to have access to the S3 location of your query results`:
 * awslabs/amazon-s3-find-and-forget#290, https://docs.aws.amazon.com/athena/latest/ug/troubleshooting-athena.html); API
 * Gateway's execution log of a Lambda integration or authorizer it may not invoke (`Execution failed due to configuration
 * error: Invalid permissions on Lambda function`: CodeGenieApp/serverless-express#247,
 * https://repost.aws/knowledge-center/api-gateway-rest-api-lambda-integrations); EC2's refusal of an export to a
 * bucket whose ACL does not grant VM Import/Export (`vm-import-export@amazon.com must have WRITE and READ_ACL permission on
 * the S3 bucket.`, under AuthFailure: https://docs.aws.amazon.com/vm-import/latest/userguide/vmexport-prerequisites.html);
 * the consoles' and pipelines' own words for a refusal: the IAM console's `You need permissions. You do not have the
 * permissions required to perform this operation.` (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html),
 * CodeDeploy's `… does not give you permission to perform operations in the following AWS service: AmazonAutoScaling`
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/troubleshooting-auto-scaling.html), CodePipeline's `Could not
 * access the CodeCommit repository r. Make sure that the pipeline IAM role has sufficient permissions …`
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/troubleshooting.html), Amplify Hosting's build log `Unable to
 * assume specified IAM Role` and Service Catalog's `Access denied while assuming the role`
 * (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/using-service-actions.html); EC2's refusal of a peering
 * connection's acceptance by a caller the peer account does not let (`User <id> cannot accept peering pcx-…`, a stack
 * event's reason: sparkleformation/sparkle_formation#242). The sentences of
 * refusal that an extractor reads for their facts (EMR's, the ECS agent's, Lambda's event source mappings',
 * CodePipeline's, DataZone's, a service's refused role, AWS Backup's key) mark the error there (`HintSet.refusal`).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
const ACCESS_PHRASES =
  /not authorized to perform|not authorized to use|not authorized to launch|Role is not authorized to access|Encoded authorization failure message|[Aa]ccess [Dd]enied|AccessDenied|Forbidden|Access to KMS is not allowed|given CloudWatch Logs permission to execute|Access to the resource (?:https:\/\/(?:sqs\.|[\w-]{1,30}\.queue\.amazonaws\.com\/)\S{0,300}|<[^<>\n]{1,40}>) is denied|is unable to assume the AWSControlTowerExecution role|You don't have access to the model with the specified model ID|Access was denied when calling |Permission denied on S3 path: |Not Authorized to access |does not have sufficient permissions|lacks permissions to create a service-linked role|You do not seem to have access to the S3 location|STATUS_SERVICE_CALL_NOT_AUTHORIZED_ERROR|Invalid permissions on Lambda function|You do not have the permissions required to perform this operation|does not give you permission to perform operations in the following AWS service|Could not access the CodeCommit repository|Unable to assume specified IAM Role|Access denied while assuming the role|cannot accept peering pcx-|must have [A-Z_]{3,20}(?: and [A-Z_]{3,20})? permission on the S3 bucket/;

/**
 * The text without other hosts' refusals in AWS's words, no AWS answer: those of `OTHERS_REFUSALS` (Azure's, Tencent
 * Cloud's, Docker Hub's, …), and a package registry's 403 that the client prints with the request it answered, from the
 * status to the line's end (npm's `npm error 403 403 Forbidden - PUT https://registry.npmjs.org/cdk-assets - You cannot
 * publish over …`: cdklabs/cdk-assets commit 50ee8d0).
 */
function withoutOtherHostsRefusals(text: string): string {
  // (each literal looked up in the one scan of the text, not searched for: most texts hold none of them)
  let unrefused = text;
  for (const [literal, words] of OTHERS_REFUSALS) {
    if (hasLiteral(text, literal)) unrefused = unrefused.replace(words, '');
  }
  if (!hasLiteral(unrefused, '403 Forbidden - ')) return unrefused;
  // (each found by `indexOf` and cut from its status to its line's end, where the reason npm prints after the URL ends;
  // the line's words before it stay, an AWS error among them)
  const kept: string[] = [];
  let from = 0;
  for (
    let at = unrefused.indexOf('403 Forbidden - ');
    at >= 0;
    at = unrefused.indexOf('403 Forbidden - ', at + 1)
  ) {
    if (at < from) continue;
    REQUEST_FORBIDDEN.lastIndex = at;
    const host = REQUEST_FORBIDDEN.exec(unrefused)?.[1];
    if (host === undefined || AWS_HOST.test(host)) continue;
    const end = unrefused.indexOf('\n', at);
    kept.push(unrefused.slice(from, at));
    from = end < 0 ? unrefused.length : end;
  }
  if (kept.length === 0) return unrefused;
  kept.push(unrefused.slice(from));
  return kept.join('');
}

/**
 * Other systems' refusals and failures in words a reader of AWS's would take for AWS's, each found by its literal and
 * removed: Docker Hub's (`denied: requested access to the resource is denied`, `insufficient_scope: authorization
 * failed`: aws-containers/demo-app-for-docker-compose#1; ECR words its own `denied: User: … is not authorized …`), Spring
 * Security's (`org.springframework.security.access.AccessDeniedException: Access is denied`: spinnaker/spinnaker#3517),
 * Go's TLS alert of a proxy that refused the connection (`remote error: tls: access denied`: hashicorp/terraform#22052),
 * axios's for any host's status (`AxiosError: Request failed with status code 403`) and a browser's CORS refusal
 * (`Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at …`).
 * https://docs.docker.com/docker-hub/usage/, https://pkg.go.dev/crypto/tls#AlertError
 */
const OTHERS_REFUSALS: readonly (readonly [string, RegExp])[] = [
  ['requested access to the resource is denied', /\bdenied: requested access to the resource is denied/g],
  ['insufficient_scope', /\binsufficient_scope: authorization failed/g],
  // (Docker's words for a registry that would not serve the image, of any registry: ECR's own refusal follows them where
  // it answered, `…: denied: User: … is not authorized …`, and an ECR host is named)
  [
    'repository does not exist or may require',
    /pull access denied(?: for (?![^,\s]{0,300}\.dkr\.ecr\.)[^,\s]{1,300})?, repository does not exist or may require (?:'docker login'|authorization)/g,
  ],
  [
    'org.springframework.security',
    /\borg\.springframework\.security\.access\.AccessDeniedException: Access is denied/g,
  ],
  ['tls: access denied', /\b(?:remote error: )?tls: access denied/g],
  // (and Google's APIs' refusals as their Python client prints them: `google.api_core.exceptions.Forbidden: 403 POST
  // https://bigquery.googleapis.com/…: Access Denied: Project p: …`)
  [
    'googleapis.com',
    /\bForbidden: 40[13] (?:GET|POST|PUT|PATCH|DELETE) https:\/\/[a-z0-9.-]{1,100}\.googleapis\.com\/[^\n]*/g,
  ],
  // (and Terraform's own provider registry's, `failed to retrieve authentication checksums for provider: 403 Forbidden`;
  // Google Cloud Storage's, `AccessDeniedException: 403 svc@p.iam.gserviceaccount.com does not have storage.objects.create
  // access to the Google Cloud Storage object.`: astronomer/astro-sdk; an application's own error in botocore's words,
  // its operation a name in capitals, `An error occurred (UnauthorizedOperation) when calling GLOSSARY MUTATION
  // operation: …`: data-dot-all/dataall)
  [
    'authentication checksums for provider',
    /\bfailed to retrieve\s+authentication checksums for provider: 403 Forbidden/g,
  ],
  [
    'Google Cloud Storage',
    /\bAccessDeniedException: 403 [^\n]{0,300}? does not have [a-z.]{3,60} access to the Google Cloud Storage [a-z]{3,20}\.?/g,
  ],
  [
    'when calling ',
    /An error occurred\s{1,4}\([A-Za-z]{2,100}\) when calling [A-Z][A-Z_]{1,40}(?: [A-Z][A-Z_]{1,40}){1,4} operation:[^\n]*/g,
  ],
  ['Request failed with status code', /\bAxiosError: Request failed with status code \d{3}/g],
  // (and PowerShell's own failure under its error category, as PowerShell 7 prints it, `InvalidOperation: You cannot call
  // a method on a null-valued expression.`: aws/aws-tools-for-powershell#391; its category is no AWS code)
  // https://learn.microsoft.com/en-us/dotnet/api/system.management.automation.errorcategory
  [
    'You cannot call a method on a null-valued expression',
    /\b(?:InvalidOperation: )?You cannot call a method on a null-valued expression\.?/g,
  ],
  // (and HashiCorp Vault's, a secret engine's path refused to its token: `Vault responded with HTTP status code: 403` /
  // `Response body: {"errors":["1 error occurred:\n\t* permission denied\n\n"]}`, jenkinsci/configuration-as-code-plugin#746;
  // `Access denied to Vault Secrets at 'aws/creds/jenkins'`, jenkinsci/hashicorp-vault-plugin#127)
  // https://developer.hashicorp.com/vault/api-docs#http-status-codes
  ['Vault responded with HTTP status code', /\bVault responded with HTTP status code: 40[13]\b[^\n]*/g],
  ['* permission denied', /\{"errors":\["1 error occurred:\\n\\t\* permission denied(?:\\n)*"\]\}/g],
  ['Access denied to Vault Secrets', /\bAccess denied to Vault Secrets at '[^'\n]{0,300}'/g],
  // (and an EKS cluster's authenticator's log of a caller it could not map to a user, its own decision after STS
  // answered: `level=warning msg="access denied" arn="arn:…" … error="failed mapping username: …"`,
  // kubernetes-sigs/aws-iam-authenticator#419)
  ['msg="access denied" arn=', /\bmsg="access denied" arn="[^"\n]{0,300}"[^\n]*/g],
  // (and pydantic's refusal of a model's arguments, as LangChain's AWS classes raise it: `ValidationError: 1 validation
  // error for AmazonKendraRetriever`, langchain-ai/langchain#7571) https://docs.pydantic.dev/latest/errors/validation_errors/
  ['validation error for ', /\bValidationError: \d{1,3} validation errors? for [A-Za-z_]\w{0,100}/g],
  // (and Chef's HTTP client's log of its server's answer, `INFO: HTTP Request Returned 403 Forbidden: error`:
  // chef-boneyard/chef-provisioning#469)
  ['HTTP Request Returned 40', /\bHTTP Request Returned 40\d [A-Za-z ]{2,40}: [^\n]*/g],
  // (and hapi's error body, as serverless-offline answers for an authorizer it emulates, `{"statusCode": 403, "error":
  // "Forbidden", "message": "User is not authorized to access this resource"}`: SeptiyanAndika/serverless-custom-
  // authorizer#1; API Gateway's own body has the message alone) https://hapi.dev/module/boom/api/#boom
  [
    '"statusCode": 40',
    /\{\s{0,20}"statusCode": 40[13],\s{0,20}"error": "(?:Forbidden|Unauthorized)",\s{0,20}"message": "[^"\n]{0,300}"\s{0,20}\}/g,
  ],
  // (and Azure Storage's code header, `x-ms-error-code: InvalidInput`: pgbackrest/pgbackrest commit 5641770; Kubernetes'
  // RBAC refusal of a service account, `403 Forbidden: User "system:serviceaccount:p:w" cannot create resource "jobs"`;
  // Apache Gravitino's own, `User 'bob' is not authorized to perform operation 'createTag' on metadata 'm'`)
  // https://learn.microsoft.com/en-us/rest/api/storageservices/status-and-error-codes2
  ['x-ms-error-code: ', /\bx-ms-error-code: \S{1,100}/g],
  // (and its XML error body, whose message ends in its own request id and time, `<Error><Code>AuthorizationFailure</Code>
  // <Message>This request is not authorized to perform this operation.\nRequestId:…\nTime:…</Message>`, or carries one of
  // its codes that AWS has not: vmware-tanzu/velero#4803 on Azure, pullpreview/action#33's `ServerBusy`)
  // https://learn.microsoft.com/en-us/rest/api/storageservices/blob-service-error-codes
  [
    '<?xml version="1.0" encoding="utf-8"?><Error><Code>',
    /<\?xml version="1\.0" encoding="utf-8"\?><Error><Code>(?:[A-Za-z]{2,80}<\/Code><Message>[^<]{0,1000}?\nRequestId:[0-9a-f-]{36}\nTime:[0-9T:.Z-]{10,40}<\/Message><\/Error>|(?:ServerBusy|AuthorizationFailure|AuthorizationPermissionMismatch|AuthenticationFailed|InvalidAuthenticationInfo|BlobNotFound|ContainerNotFound)<\/Code>[^\n]*)/g,
  ],
  [
    'system:serviceaccount:',
    /(?:403 Forbidden: )?User "system:serviceaccount:[^"\n]{1,200}"\s{1,4}cannot [a-z]{2,20} resource "[^"\n]{1,100}"[^\n]*/g,
  ],
  [
    "is not authorized to perform operation '",
    /\bUser '[^'\n]{1,100}' is not authorized to perform operation '[^'\n]{1,100}' on metadata '[^'\n]{1,200}'/g,
  ],
  [
    'Cross-Origin Request Blocked',
    /Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \S+/g,
  ],
  // (and Tencent Cloud's refusal in EC2's words but for its own policies, `[DescribeStaticStore] You are not authorized to
  // perform this operation. Check your CAM policies, and ensure that you are using the correct access keys.`, the rest of
  // its line and the `resource (qcs::…)` line after it: TencentCloudBase/CloudBase-AI-Toolkit#130; Azure's, `ERROR:
  // (Forbidden) Caller is not authorized to perform action on resource.`: DFE-Digital/teacher-services-cloud's FAQ)
  // https://www.tencentcloud.com/document/product/598/10600,
  // https://learn.microsoft.com/en-us/azure/role-based-access-control/troubleshooting
  [
    'Check your CAM policies',
    /You are not authorized to perform this operation\.? ?Check your CAM policies[^\n]*(?:\nresource \(qcs::[^\n]*)?/g,
  ],
  [
    'Caller is not authorized to perform action on resource',
    /(?:\(Forbidden\) )?Caller is not authorized to perform action on resource/g,
  ],
  // (and .NET's refusal of a local path, its class with it, which is no code of AWS's: `Inner exception:
  // UnauthorizedAccessException: Access to the path 'C:\WINDOWS\system32\config\systemprofile' is denied.`,
  // aws/aws-sdk-net#1097) https://learn.microsoft.com/en-us/dotnet/api/system.unauthorizedaccessexception
  [
    'Access to the path ',
    /(?:(?:System\.)?UnauthorizedAccessException: )?Access to the path '[^'\n]{0,500}' is denied\.?/g,
  ],
  // (and Huawei Cloud's: its object storage's Java client, `com.obs.services.exception.ObsException: … ResponseCode: 403,
  // ResponseStatus: Forbidden`, and its IAM's refusal in AWS's words of an action of three parts, `User: x is not
  // authorized to perform action ecs:cloudServers:get on resource ecs:cn-north-5:…`)
  // https://support.huaweicloud.com/intl/en-us/iam5_faq/iam_01_1233.html
  ['com.obs.services.exception.ObsException', /\bcom\.obs\.services\.exception\.ObsException:[^\n]*/g],
  [
    'is not authorized to perform action ',
    /(?:User: [^\n]{1,200}? )?is not authorized to perform action [a-z0-9]{2,30}:[A-Za-z0-9]{2,40}:[A-Za-z0-9]{2,40}\b[^\n]*/g,
  ],
  // (and Kubernetes' API server's, as its Python client prints them: `kubernetes.client.rest.ApiException: (403)` /
  // `Reason: Forbidden`, its body a `Status` of kind `Forbidden`: 094459/blog's MWAA notes)
  // https://kubernetes.io/docs/reference/using-api/api-concepts/#response-status-kind
  [
    'kubernetes.client.',
    /(?:kubernetes\.client\.(?:rest|exceptions)\.ApiException: )?\(40[13]\)\s{0,4}\nReason: (?:Forbidden|Unauthorized)/g,
  ],
  ['{"kind":"Status","apiVersion":"v1"', /\{"kind":"Status","apiVersion":"v1"[^\n]*/g],
  // (and Teleport's own class of a refusal in its AWS proxy, `Original Error: *trace.AccessDeniedError signature
  // verification failed`: gravitational/teleport#57109; Microsoft Graph's, `GET https://graph.microsoft.com/v1.0/users` / `RESPONSE 403: 403
  // Forbidden` / `ERROR CODE: UnAuthorized`; a Kubernetes API server's status, `unexpected status code (Forbidden) for GET
  // "/apis/zalando.org/v1/routegroups"`)
  // (the class alone: it also wraps AWS's own refusals, `Original Error: *trace.AccessDeniedError AccessDenied: User: …`,
  // gravitational/teleport#9412)
  ['trace.AccessDeniedError', /\*?trace\.AccessDeniedError\b/g],
  // (and Azure Resource Manager's, in the same shape, `POST https://management.azure.com/…` / `RESPONSE 403: 403 Forbidden`
  // / `ERROR CODE: AuthorizationFailed`; Azure Storage's body with its own `<AuthenticationErrorDetail>`)
  // https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes
  [
    'management.azure.com',
    /\b(?:GET|POST|PUT|PATCH|DELETE)\s{1,20}https:\/\/management\.azure\.com\/[^\s]{0,500}(?:\s{1,20}[^\n]{0,200}){0,3}?\s{1,20}ERROR CODE: \w{1,100}/g,
  ],
  [
    'This request is not authorized to perform this operation',
    /\bThis request is not authorized to perform this operation\.?/g,
  ],
  // (and Datadog's AWS integration's status of a role it could not assume, its own words: `Datadog is not authorized to
  // perform action sts:AssumeRole Accounts affected: …`, DataDog/documentation#8265)
  ['Datadog is not authorized to perform action', /\bDatadog is not authorized to perform action [^\n]*/g],
  [
    'does not have authorization to perform action',
    /"code":\s{0,4}"AuthorizationFailed",\s{0,20}"message":\s{0,4}"The client '[^'"\n]{1,200}' with object id '[^'"\n]{1,200}' does not have authorization to perform action[^"\n]{0,2000}"/g,
  ],
  [
    '<AuthenticationErrorDetail>',
    /<Error>\s{0,20}<Code>[A-Za-z]{2,80}<\/Code>\s{0,20}<Message>[^<]{0,2000}<\/Message>\s{0,20}<AuthenticationErrorDetail>[^<]{0,2000}<\/AuthenticationErrorDetail>\s{0,20}<\/Error>/g,
  ],
  [
    'graph.microsoft.com',
    /\b(?:GET|POST|PUT|PATCH|DELETE)\s{1,20}https:\/\/graph\.microsoft\.com\/[^\s]{0,500}(?:\s{1,20}[^\n]{0,200}){0,3}?\s{1,20}ERROR CODE: \w{1,100}/g,
  ],
  [
    'unexpected status code (Forbidden) for ',
    /unexpected status code \(Forbidden\) for (?:GET|POST|PUT|PATCH|DELETE) \\?"\/apis?\/[^\n]*/g,
  ],
  // (and Google Cloud IAM's refusal of one of its permissions, dotted in small letters: `IAM returned 403 Forbidden:
  // Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`, gitlab-runner's docs;
  // Thanos' reloader refused by the Prometheus it reloads, `triggering reload failed" err="received non-200 response: 403
  // Forbidden"`, thanos-io/thanos commit c05c609)
  // https://cloud.google.com/iam/docs/troubleshooting-access
  [
    "IAM returned 403 Forbidden: Permission '",
    /\bIAM returned 403 Forbidden: Permission '[a-z]{2,40}(?:\.[A-Za-z]{2,60}){1,4}' denied on resource[^\n]*/g,
  ],
  ['triggering reload failed', /triggering reload failed" err="received non-200 response: 403 Forbidden"/g],
  // (and New Relic's Lambda extension's answer from its own telemetry endpoint: `[NR_EXT] Telemetry client response: [403
  // Forbidden]`, newrelic/newrelic-lambda-cli#229)
  // (its other lines relay AWS's answers: `[NR_EXT] Failed to retrieve New Relic license key AccessDeniedException: …`)
  ['Telemetry client response: [', /\[NR_EXT\] Telemetry client response: \[4\d\d [A-Za-z ]{2,40}\]/g],
  // (and MySQL's refusal of a login, `Access denied for user 'u'@'h' (using password: YES)`, error 1045, as Aurora and RDS
  // for MySQL answer a wrong password or token: awslabs/aws-mysql-jdbc#348, the database engine's answer)
  // https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html
  // (also as the client prints it with its number and state, the user a placeholder: `ERROR 1045 (28000): Access denied for
  // user <USER> using password YES`, zenml-io/zenml-docs)
  [
    'Access denied for user ',
    /(?:ERROR 1045 \(28000\): )?Access denied for user (?:'[^'\n]{0,100}'@'[^'\n]{0,255}' \(using password: (?:YES|NO)\)|(?<=ERROR 1045 \(28000\): Access denied for user )[^\n]{0,300})/g,
  ],
  // (and Presto's and Trino's own access control, `Query … failed: Access Denied: Cannot create schema web`:
  // prestodb/presto#10162, their verbs, not another tool's `Cannot extract`)
  // https://trino.io/docs/current/security/built-in-system-access-control.html
  [
    'Access Denied: Cannot ',
    new RegExp(String.raw`\bAccess Denied: Cannot (?:${QUERY_ENGINE_VERBS}) [^\n]{0,300}`, 'g'),
  ],
  // (and a Kubernetes API server's refusal by its RBAC, though the user it names is an IAM role's session: `Error from
  // server (Forbidden): deployments.apps is forbidden: User "arn:aws:sts::…" cannot list resource …`)
  // https://kubernetes.io/docs/reference/access-authn-authz/rbac/
  [
    'Error from server (Forbidden)',
    /Error from server \(Forbidden\): [^\n]{0,300}? is forbidden: User "[^"\n]{1,300}" cannot [^\n]{0,300}/g,
  ],
  // (and Bedrock's answer for a model its provider retired, `ResourceNotFoundException … Access denied. This Model is
  // marked by provider as Legacy and you have not been actively using the model in the last 15 days`: no refusal)
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html
  ['marked by provider as Legacy', /Access denied\.\s{1,4}(?=This Model is marked by provider as Legacy)/g],
  // (and, where Python says an object lacks an attribute, the exception classes a program's code names (`except
  // self.client.exceptions.AccessDeniedException:` / `AttributeError: <botocore.errorfactory.SecretsManagerExceptions
  // object …> object has no attribute 'AccessDeniedException'`: apache/airflow#24773): a program's bug, no answer)
  ["no attribute '", /\bhas no attribute '\w{1,100}'|\bexceptions\.\w{1,100}/g],
  // (and other clouds' object stores and APIs in S3's and EC2's words: Alibaba Cloud OSS's XML error, its code and
  // message where its own `<OSSAccessKeyId>` is in it (https://www.alibabacloud.com/help/en/oss/user-guide/error-handling); Tencent Cloud API 3.0's
  // `{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", …}}}`
  // (https://www.tencentcloud.com/document/api/213/33281); Huawei Cloud's `{"error_msg": "access denied: …",
  // "error_code": "PAP5.0001", …}` (https://support.huaweicloud.com/api-iam5/ErrorCode.html); Kingsoft Cloud KS3's
  // `SecondLevelDomainForbidden: … must be addressed using KS3 third level domain`: juicedata/juicefs#2348)
  ['<OSSAccessKeyId>', /<Code>[^<>\n]{1,100}<\/Code>|<Message>[^<>\n]{0,500}<\/Message>/g],
  ['"Response"', /\{\s{0,20}"Response"\s{0,4}:\s{0,4}\{\s{0,20}"Error"\s{0,4}:\s{0,4}\{[^{}]{0,2000}\}/g],
  [
    '"error_code"',
    /"error_msg"\s{0,4}:\s{0,4}"[^"\n]{0,500}",?\s{0,20}"error_code"\s{0,4}:\s{0,4}"[A-Z][A-Z0-9]{1,10}\.\d{4}"/g,
  ],
  ['KS3 third level domain', /\bSecondLevelDomainForbidden: [^\n]{0,300}KS3 third level domain\.?/g],
  // (and the Go SDK v1's own check of a request's parameters before it is sent, `InvalidParameter: 2 validation error(s)
  // found.` over its list, `- missing required field, UpdateDistributionInput.DistributionConfig.…`: nothing reached AWS,
  // crossplane-contrib/provider-aws) https://pkg.go.dev/github.com/aws/aws-sdk-go/aws/request#ErrInvalidParams
  [
    'validation error(s) found.',
    /\bInvalidParameter: \d{1,3}\s{1,20}validation error\(s\) found\.(?=\s{0,40}- (?:missing required field|minimum field|maximum field|invalid value))/g,
  ],
  // (and other systems' own refusals: Azure Key Vault's of a disabled secret, `(Forbidden) Operation get is not allowed
  // on a disabled secret` with its `"code": "SecretDisabled"` (ansible-collections/azure#1989,
  // https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes); a GraphQL server's code in its error's
  // extensions, `{"errors":[{"message":"You don't have permission to access this.","extensions":{"code":"FORBIDDEN"}}]}`
  // (directus/directus#17279, https://spec.graphql.org/October2021/#sec-Errors); Laravel's and Symfony's refusal by an
  // application's own gate, `"message": "This action is unauthorized."` with `AccessDeniedHttpException`
  // (laravel/framework#32137, https://laravel.com/docs/authorization))
  [
    'disabled secret',
    /(?:\(Forbidden\) |Code: Forbidden\s{1,4}Message: )?Operation \w{1,40} is not allowed on a disabled secret\.?|"code"\s{0,4}:\s{0,4}"SecretDisabled"/g,
  ],
  ['"extensions"', /"extensions"\s{0,4}:\s{0,4}\{\s{0,20}"code"\s{0,4}:\s{0,4}"[A-Z][A-Z_]{2,60}"/g],
  [
    'AccessDeniedHttpException',
    /(?:Symfony(?:\\{1,2})Component(?:\\{1,2})HttpKernel(?:\\{1,2})Exception(?:\\{1,2}))?AccessDeniedHttpException|This action is unauthorized\./g,
  ],
  // (and a program's own test of a code, no answer: `if e.response["Error"]["Code"] == "SubscriptionRequiredException":`)
  ['["Code"]', /\[["']Code["']\]\s{0,4}[!=]==?\s{0,4}["'][A-Za-z.]{2,100}["']/g],
  // (and GStreamer's refusal of a stream by a host that is no AWS endpoint: `Gstreamer error: Forbidden, …` / `Forbidden
  // (403), URL: http://mediaserver-….pandora.com/…`, pithos/pithos#100)
  [
    'Forbidden (403), URL: ',
    /\bGstreamer error: Forbidden\b|Forbidden \(403\), URL: https?:\/\/(?![\w.-]{0,253}\.amazonaws\.com\b)\S{1,2048}/g,
  ],
];

/**
 * The code of `The security token included in the request is invalid.` written without it, where the service is known:
 * the JSON services' UnrecognizedClientException, the query services' InvalidClientTokenId (a Java SDK v2's
 * `LambdaException: The security token included in the request is invalid. (Service: Lambda, …)`); none where the
 * service is not known, the sentence both codes'.
 * https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html, https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
function invalidTokenCode(text: string, service: string | null): string | null {
  if (service === null) return null;
  const token = TOKEN_SENTENCES.find((sentence) => text.includes(sentence.words));
  if (token === undefined) return null;
  if (QUERY_SERVICES.has(service)) return token.query;
  return JSON_SERVICES.has(service) ? token.json : null;
}

/**
 * The security token's sentences and their codes in each protocol: invalid, and expired (`received error code 403 from
 * STS: The security token included in the request is expired`, Vault's login through STS, spring-projects/spring-vault#885).
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
const TOKEN_SENTENCES: readonly { readonly words: string; readonly query: string; readonly json: string }[] =
  [
    {
      words: 'security token included in the request is invalid',
      query: 'InvalidClientTokenId',
      json: 'UnrecognizedClientException',
    },
    {
      words: 'security token included in the request is expired',
      query: 'ExpiredToken',
      json: 'ExpiredTokenException',
    },
  ];

/** Codes of the JSON protocols that retellings and tools give calls of any service. */
const SHARED_CODES: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'ThrottlingException',
  'ValidationException',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'ServiceUnavailableException',
  'InternalServerException',
]);

/** Services answering in the query protocol (codes of the `InvalidClientTokenId` family). */
const QUERY_SERVICES = new Set([
  'sts',
  'iam',
  'ec2',
  'sns',
  'cloudformation',
  'autoscaling',
  'elasticloadbalancing',
  'rds',
  'elasticache',
  'redshift',
  'cloudwatch',
]);

/** Services answering in a JSON protocol (codes of the `UnrecognizedClientException` family). */
const JSON_SERVICES = new Set([
  'lambda',
  'dynamodb',
  'kinesis',
  'firehose',
  'logs',
  'events',
  'ecs',
  'ecr',
  'kms',
  'secretsmanager',
  'ssm',
  'glue',
  'athena',
  'states',
  'codebuild',
  'codepipeline',
  'cognito-idp',
  'cognito-identity',
  'sagemaker',
  'eks',
  'bedrock',
]);

/**
 * The denial's verb as AWS's newer guides retell it, contracted (`User: <user_arn> isn't authorized to perform:
 * ssm:DescribeAssociation on resource: <resource_arn>`, the Systems Manager guide): read as the service writes it.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-remote-commands.html
 */
function withoutContractions(text: string): string {
  // (a contraction's apostrophe as a web page or a chat typesets it, `can’t`, `doesn’t`: AWS writes `'`, its sentences
  // are read so: `AWS Organizations can’t complete your request because it conflicts with another attempt …`,
  // org-formation/org-formation-cli#7)
  // (any such quote is a quote to the reader, all of them replaced at once; in a text of a paste's size only, a megabyte of
  // them read as written: its quotes would cost each later pass more)
  const typeset = text.length <= 100_000 && text.includes('\u2019') ? text.replaceAll('\u2019', "'") : text;
  return typeset.includes("isn't authorized to perform")
    ? typeset.replaceAll("isn't authorized to perform", 'is not authorized to perform')
    : typeset;
}

/** A 403 printed before the method and URL of the request it answered (sticky, at the status). */
const REQUEST_FORBIDDEN = /403 Forbidden - [A-Z]{3,7} https?:\/\/([A-Za-z0-9.-]{1,253})/y;

/** Hosts of AWS's endpoints (`s3.amazonaws.com`, `….amazonaws.com.cn`, `….api.aws`) and CloudFront's. */
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|aws|cloudfront\.net)$/i;

/**
 * Reads a pasted AWS error: any client's or tool's rendering, a raw XML or JSON body, or CloudTrail
 * events. Never throws; returns a diagnostic when the input holds no AWS error.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function readError(input: string, options: ReadErrorOptions = {}): Result<ErrorReading> {
  // (and those of a log's string, its lines escaped: `{"msg": "An error occurred (…) …\nAn error occurred (…) …"}`)
  const several = severalErrors(input) ?? (input.includes('\\n') ? severalErrors(unescapeOnce(input)) : null);
  if (several !== null) {
    // each error read with the lines before the first; the first that holds an AWS answer is the one explained (of one
    // call's answers, its first denial), the others that differ from it counted
    const readings = several.items
      .slice(0, MOST_ERRORS_READ)
      .map((item) => readOneError(several.preamble + item, options));
    // (but an error of a client that found no credentials, no call made, yields to one AWS answered: Terraform's `No valid
    // credential sources found` above its `failed to refresh cached credentials, operation error STS: …, api error
    // ValidationError: …`, hashicorp/terraform-provider-aws#44712)
    const chosen =
      (several.oneCall
        ? readings.find((reading) => reading.ok && reading.value.kind === 'authorization')
        : undefined) ??
      readings.find((reading) => reading.ok && reading.value.lookalike !== 'no-credentials') ??
      readings.find((reading) => reading.ok);
    if (chosen?.ok === true) {
      // (each other failure once: a retry's log repeats the same error)
      const key = (facts: FailureFacts) => JSON.stringify(facts);
      const others = new Set(readings.flatMap((reading) => (reading.ok ? [key(reading.value.failure)] : [])));
      others.delete(key(chosen.value.failure));
      const otherFailures = chosen.value.otherFailures + others.size;
      return { ok: true, value: { ...chosen.value, otherFailures } };
    }
  }
  return readOneError(input, options);
}

/**
 * A response's `Server` header naming another object store than AWS's: S3-compatible ones (Wasabi, MinIO) and Azure
 * Blob Storage, whose body is shaped like S3's (`Server: Windows-Azure-Blob/1.0` over `<Code>InvalidInput</Code>`).
 */
const OTHER_S3_SERVER = /(?:^|\n)[^\n]{0,20}Server: (?:WasabiS3|MinIO|Windows-Azure-Blob)\b/;

/** The most errors of one paste read apart (a run's log may hold hundreds; the rest are not counted). */
const MOST_ERRORS_READ = 20;

function readOneError(input: string, options: ReadErrorOptions): Result<ErrorReading> {
  // an answer whose server names another S3 implementation is no AWS answer, though it writes S3's codes (`Server:
  // WasabiS3/7.10…` above `<Code>AccessDenied</Code>`: ente-io/ente's replication notes)
  if (input.includes('Server: ') && OTHER_S3_SERVER.test(input)) {
    return fail(
      'no-aws-error',
      'the answer came from another S3 implementation than AWS (its Server header names it)',
    );
  }
  if (input.trim() === '') {
    return fail('empty-input', 'the input is empty, expected an AWS error message');
  }
  const hints = new HintSet();
  let text = input;
  let otherFailures = 0;
  let cloudTrailMessage: string | null = null;
  let cloudTrail: CloudTrailCall | null = null;
  let signIn: CloudTrailFailure | null = null;
  const trimmed = input.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = parseJsonOrNull(trimmed);
    if (parsed?.ok === true) {
      const trail = readCloudTrail(parsed.value);
      if (trail !== null) {
        signIn = trail.failures.length === 0 ? readConsoleSignInFailure(parsed.value) : null;
        if (signIn !== null) {
          // a failed console sign-in, no API call and no code: its caller and AWS Sign-In's words
          hints.add('principal', signIn.principal, PRIORITY.body, 'cloudtrail');
          hints.add('region', signIn.region, PRIORITY.structuredRecord, 'cloudtrail');
          hints.surface('cloudtrail');
          cloudTrailMessage = signIn.errorMessage;
          text = signIn.errorMessage ?? '';
        } else {
          if (trail.failures.length === 0) {
            return fail(
              'no-failed-event',
              `none of the ${trail.records} CloudTrail event(s) failed: no \`errorCode\` field`,
            );
          }
          const first =
            options.event === undefined ? trail.failures[0] : selectFailure(trail.failures, options.event);
          if (first === undefined) {
            return fail(
              'event-not-found',
              `no failed CloudTrail event has the eventID or requestID \`${options.event}\`, and it is no position among the ${trail.failures.length} failed event(s)`,
            );
          }
          addCloudTrailHints(first, hints);
          cloudTrailMessage = first.errorMessage;
          cloudTrail = first.call;
          text = [first.errorCode, first.errorMessage ?? ''].join(': ');
          otherFailures = trail.failures.length - 1;
        }
      }
    } else if (
      /"(?:Records|eventSource|eventVersion)"\s*:/.test(trimmed.slice(0, 4096)) &&
      readCloudTrailText(trimmed) === null
    ) {
      // A CloudTrail file that does not parse and holds no failed event: report where.
      const failed = parsed ?? parseJson(trimmed);
      if (!failed.ok) return failed;
    }
  }
  // A record pasted as text: cut off, with `-- snip --` lines, or inside another tool's JSON or log, perhaps as a string
  // of it, escaped (`{"input": {"message": "{\"eventVersion\": …, \"errorCode\": \"Client.AuthFailure\", …}"}}`:
  // SEKOIA-IO/intake-formats, an EC2 event's test record)
  const trailText =
    cloudTrail !== null
      ? null
      : input.includes('"errorCode"')
        ? input
        : input.includes('\\"errorCode\\"')
          ? unescapeOnce(input)
          : // (or as Python or JavaScript prints a record: `'errorCode': 'AccessDenied'`, `errorCode: 'AccessDenied'`)
            input.includes("'errorCode'") || input.includes("errorCode: '")
            ? withJsonQuotes(input)
            : // (or as YAML writes it: `errorCode: AccessDenied` on a line of its own)
              input.includes('errorCode: ') &&
                input.length <= 256 * 1024 &&
                /^[ \t]*(?:- )?errorCode: \S/m.test(input)
              ? withYamlQuotes(input)
              : null;
  if (trailText !== null) {
    const pasted = readCloudTrailText(trailText);
    if (pasted !== null) {
      addCloudTrailHints(pasted, hints);
      cloudTrailMessage = pasted.errorMessage;
      text = [pasted.errorCode, pasted.errorMessage ?? ''].join(': ');
    }
  }
  const cleaned = withoutOtherHostsRefusals(withoutContractions(withoutServiceGlosses(cleanErrorText(text))));
  for (const extract of EXTRACTORS) {
    extract(cleaned, hints);
  }
  addToolPhraseHints(cleaned, hints);

  const sentences = findDenialSentences(cleaned);
  const first = sentences.find((s) => s.action !== null) ?? sentences[0] ?? null;
  // (else the denied result of IAM's policy simulator, pasted with or without the command that asked it)
  const simulated = first === null && cleaned.includes('"EvalDecision"') ? readSimulatorText(cleaned) : null;
  if (simulated !== null) hints.surface('iam-simulator');
  const sentence = first === null ? simulated : (wholeCopy(first, sentences) ?? first);
  otherFailures += countOtherDenials(sentences, sentence);
  if (sentence !== null) {
    addSentenceHints(sentence, hints);
  }
  addOptionHints(options, hints);

  // botocore's envelope with a status where the code goes (`An error occurred (403) when calling the HeadObject
  // operation: Forbidden`) says the answer had no code: a code only implied by a sentence elsewhere (a second error's
  // `Access Denied` on the next line: nextflow-io/nextflow#4776) does not fill it
  // (S3's bare `Access Denied`, a heading's or a tool's words above another service's denial, is not that service's
  // code: `### Issue 3: Access Denied` over `User is not authorized to perform: bedrock:InvokeModel`)
  const impliedCode = hints.best('code');
  const bestCode =
    impliedCode?.value === 'AccessDenied' &&
    impliedCode.surface === 's3' &&
    impliedCode.priority <= PRIORITY.implied &&
    sentence?.action != null &&
    serviceOfAction(sentence.action) !== 's3'
      ? null
      : impliedCode;
  const status = hints.best('httpStatus');
  const codeless =
    status !== null &&
    status.priority >= PRIORITY.clientEnvelope &&
    (status.surface === 'aws-cli' || status.surface === 'boto3') &&
    (bestCode?.priority ?? 0) <= PRIORITY.implied;
  const written = codeless ? null : (bestCode?.value ?? null);
  // a status's reason phrase where an SDK puts the code of an answer without a body: no AWS code
  // (but a code of that name with a message of its own is the service's: SNS's `NotFound: Topic does not exist`,
  // cloudquery/cloudquery commit 6fcf43d)
  const statusAsCode =
    written === null || withOwnMessage(cleaned, written) ? undefined : STATUS_AS_CODE[written];
  if (statusAsCode !== undefined) hints.add('httpStatus', statusAsCode, PRIORITY.implied, 'http');
  // (the code of the body where one follows the status: `HTTP status 403 Forbidden: {"message":"Missing Authentication
  // Token"}`, API Gateway's sentence; a fixed sentence's code at least, not a name kept only for want of any other)
  const answeredCode =
    statusAsCode === undefined
      ? written
      : (hints
          .all('code')
          .find((hint) => STATUS_AS_CODE[hint.value] === undefined && hint.priority >= PRIORITY.implied)
          ?.value ?? null);
  const operationHint = hints.best('operation');
  const operation = operationHint?.value ?? null;
  const service = resolveService(operation, hints, cleaned);
  const code = answeredCode ?? invalidTokenCode(cleaned, service);
  const { action, actionAsWritten, actionSource } = resolveAction(hints, service, operation);
  const principal = hints.best('principal')?.value ?? null;
  const resource = hints.best('resource')?.value ?? null;
  const encodedMessage = cutByCloudTrail(findEncodedMessage(cleaned), cloudTrailMessage);
  const httpStatus = toStatus(hints.best('httpStatus')?.value);

  // (a failed console sign-in is that look-alike whatever AWS Sign-In's words for it)
  const lookalike =
    signIn !== null
      ? lookalikeRule('console-sign-in-failed')
      : findLookalike(code, cleaned, sentence !== null);
  // (.NET's status of an answer it read no body from is an answer all the same, as is the class an SDK names after such
  // a status: Ruby's `Aws::S3::Errors::NotFound`, osunyorg/admin#2006)
  const answered =
    operation !== null ||
    (statusAsCode !== undefined && (bestCode?.priority ?? 0) >= PRIORITY.sdkClass) ||
    hints.best('requestId') !== null ||
    ['dotnet', 'java-v2'].includes(hints.best('httpStatus')?.surface ?? '');
  const kind = classify(
    lookalike?.kind ?? null,
    code,
    sentence,
    cleaned,
    httpStatus,
    answered,
    hints.refusalFound,
    hints.relayFound,
  );
  if (kind === null) {
    return fail('no-aws-error', 'no AWS error found in the input');
  }

  const failure: FailureFacts = {
    code,
    operation,
    service,
    action,
    principal,
    resource,
    reasonLayer: sentence?.reasonLayer ?? null,
    denyType: sentence?.denyType ?? null,
    policyArn: sentence?.policyArn ?? null,
    hasEncodedMessage: encodedMessage.state === 'present' || encodedMessage.state === 'truncated',
  };
  const principalInfo = principal === null ? null : parsePrincipal(principal);
  const reading: Omit<ErrorReading, 'unknowns'> = {
    kind,
    failure,
    lookalike: lookalike?.id ?? null,
    rawCode: rawCodeOf(cleaned, code),
    httpStatus,
    requestId: hints.best('requestId')?.value ?? null,
    region: hints.best('region')?.value ?? regionOf(resource),
    actionAsWritten,
    actionSource,
    operationSource: operationHint === null ? null : sourceOf(operationHint.surface),
    message: messageOf(hints, cleaned, sentence),
    principalInfo,
    redacted: [...redactedParts('principal', principal), ...redactedParts('resource', resource)],
    encodedMessage,
    transitiveThroughScp: sentence?.transitiveThroughScp ?? false,
    authorizationId: sentence?.authorizationId ?? null,
    detailsUrl: sentence?.detailsUrl ?? null,
    surfaces: hints.surfaces().filter((s) => !INTERNAL_SURFACES.has(s)),
    otherFailures,
    cloudTrail,
    stepCalls: operation === null && action === null ? stepCalls(cleaned) : [],
  };
  const unknowns: Unknown[] = listUnknowns(reading, sentence);
  return { ok: true, value: { ...reading, unknowns } };
}

/**
 * HTTP reason phrases that SDKs write where the code goes when AWS answered without a body, as S3 does
 * to HEAD requests (Go v2's `api error Forbidden: Forbidden`, JS v2's `Forbidden: null`), and the status
 * each stands for. Java v1's `Error Code: 403 Forbidden` is read the same way where it is printed.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
const STATUS_AS_CODE: Readonly<Record<string, string>> = { Forbidden: '403', NotFound: '404' };

/** Whether `code` is written with a message that is no HTTP reason phrase (`NotFound: Topic does not exist`). */
function withOwnMessage(text: string, code: string): boolean {
  // (NotFound only: a body-less 403 is printed with the words of whatever wrapped it, `Forbidden: The request …`)
  if (code !== 'NotFound') return false;
  // (or the Java SDK v1's suffix of a message of its own: `NotFoundException: Topic does not exist (Service: AmazonSNS;
  // Status Code: 404; Error Code: NotFound; …)`, testcontainers/testcontainers-java#2198)
  const suffix =
    /(?:^|\n|: )([^\n(]{3,200}) \(Service: [^;\n]{1,60}; Status Code: 404; Error Code: NotFound;/.exec(text);
  if (suffix?.[1] !== undefined && !/\bNot Found$/i.test(suffix[1].trim())) return true;
  const at = text.indexOf(`${code}: `);
  if (at < 0) return false;
  const message = text.slice(at + code.length + 2, at + code.length + 42);
  return /^[A-Z][a-z]+ [a-z]/.test(message) && !/^Not Found\b/i.test(message);
}

/** Hint sources that are no client or tool and so are not reported as surfaces. */
const INTERNAL_SURFACES = new Set([
  'code-token',
  'code-label',
  'message',
  'option',
  'implied',
  'http',
  'sdk',
  'ec2',
]);

/** CloudTrail keeps at most this many characters of `errorMessage`. */
const CLOUDTRAIL_MESSAGE_LIMIT = 1024;

/** A blob that runs to the end of a CloudTrail message as long as CloudTrail keeps is cut off. */
function cutByCloudTrail(encoded: EncodedMessage, message: string | null): EncodedMessage {
  if (
    encoded.state === 'present' &&
    encoded.value !== null &&
    message !== null &&
    message.length >= CLOUDTRAIL_MESSAGE_LIMIT &&
    message.trimEnd().endsWith(encoded.value)
  ) {
    return { state: 'truncated', value: encoded.value };
  }
  return encoded;
}

function fail(code: string, message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, path: '' }] };
}

function addCloudTrailHints(event: CloudTrailFailure, hints: HintSet): void {
  const p = PRIORITY.structuredRecord;
  hints.add('code', stripFaultPrefix(event.errorCode), p, 'cloudtrail');
  hints.add('operation', event.operation, p, 'cloudtrail');
  hints.add('service', event.service, p, 'cloudtrail');
  hints.add('region', event.region, p, 'cloudtrail');
  hints.add('principal', event.principal, PRIORITY.body, 'cloudtrail');
  hints.add('resource', event.resource, PRIORITY.body, 'cloudtrail');
  hints.add('requestId', event.requestId, p, 'cloudtrail');
  hints.add('message', event.errorMessage, p, 'cloudtrail');
}

function addSentenceHints(sentence: DenialSentence, hints: HintSet): void {
  // The text's own sentence is the most direct statement of what was denied.
  const p = PRIORITY.structuredRecord + 1;
  hints.add('principal', sentence.principal, p, 'message');
  hints.add('resource', sentence.resource, p, 'message');
  if (sentence.action?.includes(':')) {
    // (a template's stand-in, its name in capitals, `ACTION:ACTION` as aws-amplify/amplify-cli's tests write it, is no
    // action; API Gateway's management actions are named by HTTP methods, `apigateway:POST`)
    if (!PLACEHOLDER_ACTION.test(sentence.action)) hints.add('action', sentence.action, p, 'message');
  } else if (sentence.action !== null && /^[A-Z][A-Za-z0-9]{2,100}$/.test(sentence.action)) {
    // an action written without its prefix (CodePipeline's `… is not authorized to perform AssumeRole on role arn:…`),
    // prefixed when only one service has an operation of that name
    const services = servicesForOperation(sentence.action);
    if (services.length === 1)
      hints.add('action', `${services[0]}:${sentence.action}`, PRIORITY.namedCall, 'message');
  }
}

/** An action whose name is a stand-in in capitals (`ACTION:ACTION`, `service:ACTION_NAME`), no HTTP method's. */
const PLACEHOLDER_ACTION =
  /^[A-Za-z0-9-]{1,40}:(?!(?:GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS)$)[A-Z][A-Z_]{2,40}$/;

function addOptionHints(options: ReadErrorOptions, hints: HintSet): void {
  hints.add('principal', options.principal, 1, 'option');
  hints.add('resource', options.resource, 1, 'option');
  hints.add('action', options.action, 1, 'option');
}

/**
 * The service that answered: named with the operation by the client (Go v2, PHP, CloudTrail), else the one
 * service whose API has the operation, else SDK class and suffix names, implied codes, the action prefix.
 */
function resolveService(operation: string | null, hints: HintSet, text: string): string | null {
  const named = hints.best('service');
  if (named !== null && named.priority >= PRIORITY.namedCall) {
    return named.value;
  }
  if (operation !== null) {
    const candidates = servicesForOperation(operation);
    // (the service the answer's message names, where the curated table knows others of the operation's name)
    const told = hints.all('serviceOfOperation').find((h) => h.surface === 'message');
    if (told !== undefined && !candidates.includes(told.value)) return told.value;
    // (or the SDK's client that made the call, where the curated table knows the name of another service's only: the JS
    // SDK v3's client-mediaconvert package under `deserializeAws_restJson1CreateJobCommandError` is MediaConvert's
    // CreateJob, not Glue's, aws/aws-sdk-js-v3#2661, as is `boto3.client('mediaconvert')` above the error; the catalog
    // confirms the service has it)
    if (
      named !== null &&
      (named.surface === 'js-v3' || named.surface === 'js-v2' || named.surface === 'boto3-client') &&
      named.priority >= PRIORITY.sdkClass &&
      !candidates.includes(named.value)
    )
      return named.value;
    // (the one service the curated table knows the name of, unless the answer's code is none that service writes: EC2 and
    // IAM, answering in the query protocols, write no `…Exception` code and no `BadRequest`, so `(BadRequest) when calling
    // the DeleteVolume operation` is another service's, FSx's, and `(InvalidRequestException) … CreateUser` no IAM call)
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    // https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
    // (codes every service's SDKs share, which a retelling gives any service, aside: `ThrottlingException … when calling
    // the DescribeInstances operation`)
    const code = hints.best('code')?.value ?? '';
    const [only] = candidates;
    // (nor where the code is known to be other services' own: `(EntityNotFoundException) when calling the
    // GetResourcePolicy operation` is Glue's or Lake Formation's, not Secrets Manager's, jonrau1/ElectricEye's auditors)
    const codedServices =
      CODE_SERVICES[code] ?? (SERVICE_OF_CODE[code] === undefined ? [] : [SERVICE_OF_CODE[code]]);
    const notTheirs =
      (codedServices.length > 0 && only !== undefined && !codedServices.includes(only)) ||
      ((only === 'ec2' || only === 'iam') &&
        ((code.endsWith('Exception') && !SHARED_CODES.has(code)) || code === 'BadRequest'));
    if (candidates.length === 1 && only !== undefined && !notTheirs) {
      return only;
    }
    if (candidates.length > 1) {
      const hinted = [...hints.all('service'), ...hints.all('serviceOfOperation')].find((h) =>
        candidates.includes(h.value),
      );
      if (hinted !== undefined) {
        return hinted.value;
      }
      const actionService = serviceOfAction(hints.best('action')?.value);
      if (actionService !== null && candidates.includes(actionService)) {
        return actionService;
      }
      const coded = serviceOfCodeAmong(hints.best('code')?.value ?? null, candidates);
      if (coded !== null) {
        return coded;
      }
      // (or the one of them the message names as AWS names its services: `Account 1 is not subscribed to AWS Security
      // Hub` on GetFindings, prowler-cloud/prowler#1143)
      const spelled = serviceSpelledAmong(text, candidates);
      if (spelled !== null) {
        return spelled;
      }
      // (or the one of them whose resource's ARN the text writes: `… when calling the DeleteTargetGroup operation: Target
      // group 'arn:aws:elasticloadbalancing:…:targetgroup/tg/…' is currently in use` is Elastic Load Balancing's, not VPC
      // Lattice's: ansible-collections/community.aws commit 18e7e4c)
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
      const mentioned = candidates.filter((c) => text.includes(`:${c}:`));
      const arns = mentioned.length > 0 ? arnServices(text) : null;
      const written = mentioned.filter((c) => arns?.has(c) === true);
      if (written.length === 1) {
        return written[0] ?? null;
      }
    }
  }
  if (named !== null) {
    return named.value;
  }
  const code = hints.best('code')?.value;
  const implied = code === undefined ? undefined : SERVICE_OF_CODE[code];
  const known = implied ?? serviceOfAction(hints.best('action')?.value);
  if (known !== null || operation === null) return known;
  // (an operation the curated table does not know, of the one service whose resource's ARN the message writes, the
  // caller's own IAM or STS ARN aside: the catalog then confirms the service has it)
  const resources = [...arnServices(text)].filter((s) => s !== 'iam' && s !== 'sts');
  if (resources.length === 1) return resources[0] ?? null;
  // (or the one service the message names as AWS names its services, `… is not subscribed to AWS Security Hub` on
  // GetFindings, which several services have: prowler-cloud/prowler#1143; the catalog then confirms it has the call)
  return serviceSpelledAmong(text, null);
}

/**
 * The one of `candidates` (of any service, where `null`) whose name the text writes after `AWS` or `Amazon` (`AWS
 * Security Hub`, `Amazon GuardDuty`), its words joined as the SDKs name it; `null` where none or several. The first ten
 * such names looked at.
 */
function serviceSpelledAmong(text: string, candidates: readonly string[] | null): string | null {
  const found = new Set<string>();
  let seen = 0;
  for (const m of text.matchAll(
    /\b(?:AWS|Amazon) ([A-Z][A-Za-z0-9]{1,30}(?: [A-Z][A-Za-z0-9]{1,30}){0,3})/g,
  )) {
    if (++seen > 10) break;
    const words = (m[1] ?? '').split(' ');
    for (let k = words.length; k >= 1; k--) {
      const service = serviceFromSdkName(words.slice(0, k).join(''));
      if (service !== null && (candidates === null || candidates.includes(service))) {
        found.add(service);
        break;
      }
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The services of the ARNs a text writes (at most the first 50). */
function arnServices(text: string): ReadonlySet<string> {
  const services = new Set<string>();
  let seen = 0;
  for (const m of text.matchAll(/\barn:aws[a-z-]{0,12}:([a-z0-9-]{2,40}):/g)) {
    if (++seen > 50) break;
    if (m[1] !== undefined) services.add(m[1]);
  }
  return services;
}

/**
 * The one of the services that have an operation of some name whose error code this is: `MalformedPolicyDocument` on
 * `CreatePolicy` is IAM's; EC2's dotted codes of an ID or a name (`InvalidRouteTableId.Malformed`) make `DeleteRoute`
 * EC2's, not App Mesh's or Refactor Spaces'.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
export function serviceOfCodeAmong(code: string | null, candidates: readonly string[]): string | null {
  if (code === null) return null;
  const own = serviceOfCode(code);
  const coded = candidates.filter((c) => c === own || CODE_SERVICES[code]?.includes(c));
  return coded.length === 1 ? (coded[0] ?? null) : null;
}

/** The one service whose code this is (EC2's dotted codes of an ID among them), or null. */
export function serviceOfCode(code: string | null): string | null {
  if (code === null) return null;
  return SERVICE_OF_CODE[code] ?? (EC2_DOTTED_CODE.test(code) ? 'ec2' : null);
}

/** EC2's codes of a malformed, unknown, duplicate or busy ID or name (`InvalidSubnetID.NotFound`, `InvalidGroup.InUse`). */
const EC2_DOTTED_CODE = /^Invalid[A-Z][A-Za-z]*\.(?:Malformed|NotFound|Duplicate|InUse)$/;

/** Error codes that only one service uses. */
const SERVICE_OF_CODE: Readonly<Record<string, string>> = {
  UnauthorizedOperation: 'ec2',
  AuthFailure: 'ec2',
  InvalidAMIID: 'ec2',
  VcpuLimitExceeded: 'ec2',
  InsufficientInstanceCapacity: 'ec2',
  AuthorizationError: 'sns',
  // (its count of pending VPC peering connections: `CreateVpcPeeringConnection` is also GameLift's)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  PendingVpcPeeringConnectionLimitExceeded: 'ec2',
  KMSAccessDeniedException: 'lambda',
  // EKS's managed node groups' health issues, as a node group's status and the Terraform provider's wait relay them
  // (`last error: … AsgInstanceLaunchFailures: You've reached your quota for maximum Fleet Requests …`:
  // terraform-aws-modules/terraform-aws-eks#2149; `IamThrottling: Amazon EKS was unable to create an IAM Instance
  // Profile …`: hashicorp/terraform-provider-aws#44853) https://docs.aws.amazon.com/eks/latest/APIReference/API_Issue.html
  AsgInstanceLaunchFailures: 'eks',
  NodeCreationFailure: 'eks',
  IamThrottling: 'eks',
  IamInstanceProfileNotFound: 'eks',
  IamNodeRoleNotFound: 'eks',
  IamLimitExceeded: 'eks',
  Ec2LaunchTemplateNotFound: 'eks',
  Ec2LaunchTemplateVersionMismatch: 'eks',
  Ec2SubnetInvalidConfiguration: 'eks',
  Ec2SecurityGroupNotFound: 'eks',
  AutoScalingGroupNotFound: 'eks',
  InsufficientFreeAddresses: 'eks',
  ClusterUnreachable: 'eks',
  // IAM's own (`error getting user: NoSuchEntity`: the user is IAM's)
  // https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
  NoSuchEntity: 'iam',
  EntityAlreadyExists: 'iam',
  DeleteConflict: 'iam',
  // Elastic Beanstalk's own, whose operations other services share names with (`CreateApplicationVersion` is also
  // the Serverless Application Repository's, `DescribeEnvironments` Cloud9's)
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplicationVersion.html#API_CreateApplicationVersion_Errors
  TooManyApplicationsException: 'elasticbeanstalk',
  TooManyApplicationVersionsException: 'elasticbeanstalk',
  TooManyEnvironmentsException: 'elasticbeanstalk',
  TooManyConfigurationTemplatesException: 'elasticbeanstalk',
  TooManyPlatformsException: 'elasticbeanstalk',
  InsufficientPrivilegesException: 'elasticbeanstalk',
  S3LocationNotInServiceRegionException: 'elasticbeanstalk',
  S3SubscriptionRequiredException: 'elasticbeanstalk',
  SourceBundleDeletionException: 'elasticbeanstalk',
  CodeBuildNotInServiceRegionException: 'elasticbeanstalk',
  ElasticBeanstalkServiceException: 'elasticbeanstalk',
};

/**
 * Error codes that two services use, to choose among the services that have an operation of the same name (those only
 * one uses are {@link SERVICE_OF_CODE}'s): IAM's `MalformedPolicyDocument`, which STS also answers
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html#API_CreatePolicy_Errors
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors
 */
const CODE_SERVICES: Readonly<Record<string, readonly string[]>> = {
  MalformedPolicyDocument: ['iam', 'sts'],
  // Glue's and Lake Formation's code of an entity not found
  // https://docs.aws.amazon.com/glue/latest/webapi/API_GetResourcePolicy.html#API_GetResourcePolicy_Errors
  // https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_GetResourceLFTags.html#API_GetResourceLFTags_Errors
  EntityNotFoundException: ['glue', 'lakeformation'],
};

function resolveAction(
  hints: HintSet,
  service: string | null,
  operation: string | null,
): { action: string | null; actionAsWritten: string | null; actionSource: FactSource | null } {
  const stated = hints.best('action');
  if (stated !== null && stated.surface !== 'option') {
    return {
      action: normaliseAction(stated.value),
      actionAsWritten: stated.value,
      actionSource: sourceOf(stated.surface),
    };
  }
  if (service !== null && operation !== null) {
    const source: FactSource = hints.best('operation')?.surface === 'cloudtrail' ? 'cloudtrail' : 'operation';
    return {
      action: actionForOperation(service, operation).action,
      actionAsWritten: null,
      actionSource: source,
    };
  }
  if (stated !== null) {
    return { action: normaliseAction(stated.value), actionAsWritten: stated.value, actionSource: 'option' };
  }
  return { action: null, actionAsWritten: null, actionSource: null };
}

/** `SNS:Publish` → `sns:Publish`: prefixes are case-insensitive, policies write them lower-case. */
export function normaliseAction(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}`;
}

function serviceOfAction(action: string | undefined): string | null {
  if (action === undefined) {
    return null;
  }
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : null;
}

function sourceOf(surface: string): FactSource {
  switch (surface) {
    case 'message':
    case 'cloudformation':
      return 'message';
    case 'cloudtrail':
      return 'cloudtrail';
    case 'option':
      return 'option';
    case 'terraform':
    case 'controller':
    case 'ecs-agent':
      return 'phrase';
    case 'secretsmanager':
    case 'lambda':
      return 'signature';
    default:
      return 'message';
  }
}

function classify(
  lookalikeKind: FailureKind | null,
  code: string | null,
  sentence: DenialSentence | null,
  text: string,
  httpStatus: number | null,
  answered: boolean,
  refused: boolean,
  relayed: boolean,
): FailureKind | null {
  if (lookalikeKind !== null) {
    return lookalikeKind;
  }
  // API Gateway's UnauthorizedException under HTTP 401 with its bare `Unauthorized`: an authorizer that found no valid
  // token, no policy's refusal, which API Gateway answers with 403 (`HTTP/1.1 401 Unauthorized` … `{"message":
  // "Unauthorized"}`: aws/chalice's todo-app sample); not other services' 401 of that code, a denial (Resource
  // Explorer's) https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer
  if (
    code === 'UnauthorizedException' &&
    httpStatus === 401 &&
    sentence === null &&
    /"message"\s{0,4}:\s{0,4}"Unauthorized"/.test(text)
  ) {
    return 'authentication';
  }
  if (
    sentence !== null ||
    refused ||
    (code !== null && AUTHORIZATION_CODES.has(code)) ||
    // (a tool's own words for an answer that was a 404 with its code do not make it a refusal: `WRN received access
    // denied on GetBucketPolicy err="… StatusCode: 404, … api error NoSuchBucketPolicy: …"`, cloudquery/cq-provider-aws#265)
    ((httpStatus !== 404 || code === null) && ACCESS_PHRASES.test(text))
  ) {
    return 'authorization';
  }
  if (httpStatus === 403 && code === null) {
    return 'authorization';
  }
  // an answer without a code that refused the request's credentials (ECR's registry: `401 Unauthorized`)
  if (httpStatus === 401 && code === null) {
    return 'authentication';
  }
  // an answer without a body to a call the client names (`An error occurred (404) when calling the
  // HeadObject operation: Not Found`), or a failed answer an SDK's envelope reports with its request ID but no
  // code (Java v2's `(Service: Sfn, Status Code: 400, Request ID: …)`, Go v1's `status code: 400, request id: …`):
  // an AWS error, though no permission one
  if (code === null && httpStatus !== null && httpStatus >= 400 && answered) {
    return 'other';
  }
  // a service's answer relayed without a code (a CloudFormation resource handler's message, a failed Cloud Control
  // request, AWS Batch's INVALID compute environment): an AWS error all the same (`HintSet.relayed`)
  return code !== null || relayed ? 'other' : null;
}

/**
 * The same denial written again in full after a copy cut short: PHP's `AwsException` prints the answer's body cut at
 * `(truncated...)` (`… is not authorized to perform: rekog (truncated...)`), then the whole message
 * (meemalabs/laravel-media-recognition#22); a tool's log line that elided all after the action (`User: ... is not
 * authorized to perform: s3:CreateBucket ...`), then its summary with the whole sentence (aws/aws-cdk-cli commit
 * 7ca5b57). `null` when the first copy is whole or no fuller one follows.
 */
function wholeCopy(first: DenialSentence, sentences: readonly DenialSentence[]): DenialSentence | null {
  if (first.action === null || first.reasonLayer !== null || first.denyType !== null) return null;
  return sentences.find((s) => cutCopy(first, s) && s.denyType !== null) ?? null;
}

/**
 * Whether `cut` is `whole` cut short: the same caller, its action the start of the whole one's, or the same action with
 * nothing after it where the whole one names its resource.
 */
function cutCopy(cut: DenialSentence, whole: DenialSentence): boolean {
  if (cut === whole || cut.action === null || whole.action === null) return false;
  // (or the short form without a caller before the whole sentence of the same action, as EKS's controllers relay EC2's:
  // `You are not authorized to perform ec2:DescribeSubnets. User: arn:… is not authorized to perform: ec2:DescribeSubnets
  // because no identity-based policy allows …`, aws-controllers-k8s/community#2164)
  if (!cut.principalSlot && whole.principalSlot && whole.action === cut.action) return true;
  return (
    cut.principal === whole.principal &&
    ((whole.action.length > cut.action.length && whole.action.startsWith(cut.action)) ||
      (whole.action === cut.action && !cut.resourceSlot && whole.resourceSlot))
  );
}

function countOtherDenials(sentences: readonly DenialSentence[], primary: DenialSentence | null): number {
  if (primary === null) {
    return 0;
  }
  const key = (s: DenialSentence) => `${s.principal}|${s.action}|${s.resource}`;
  const distinct = new Set(sentences.filter((s) => s.action !== null && !cutCopy(s, primary)).map(key));
  distinct.delete(key(primary));
  return distinct.size;
}

function rawCodeOf(text: string, code: string | null): string | null {
  if (code === null) {
    return null;
  }
  for (const prefix of ['Client.', 'Server.']) {
    if (text.includes(`${prefix}${code}`)) {
      return `${prefix}${code}`;
    }
  }
  return code;
}

function toStatus(value: string | undefined): number | null {
  if (value === undefined) {
    return null;
  }
  const n = Number.parseInt(value, 10);
  return n >= 100 && n <= 599 ? n : null;
}

function regionOf(arn: string | null): string | null {
  if (arn === null || !arn.startsWith('arn:')) {
    return null;
  }
  const region = arn.split(':')[3];
  return region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : null;
}

/** The service's own message: from a body field, else the denial sentence's line. */
function messageOf(hints: HintSet, text: string, sentence: DenialSentence | null): string | null {
  const body = hints.best('message');
  if (body !== null) {
    return cleanErrorText(body.value).replace(/\s+/g, ' ').slice(0, 4000);
  }
  if (sentence !== null) {
    const start = text.lastIndexOf('\n', sentence.offset) + 1;
    const userAt = text.lastIndexOf('User: ', sentence.offset);
    const from = Math.max(userAt, start);
    const end = text.indexOf('\n', sentence.offset);
    return text
      .slice(from, end < 0 ? undefined : end)
      .trim()
      .slice(0, 4000);
  }
  return null;
}
