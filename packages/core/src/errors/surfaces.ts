import { actionForOperation, servicesForOperation } from '../catalog/operations.js';
import {
  serviceFromEndpointHost,
  serviceFromEventSource,
  serviceFromSdkName,
} from '../catalog/service-names.js';
import { type HintSet, PRIORITY } from './hints.js';
import { AUTHORIZATION_CODES, LOOKALIKE_RULES } from './lookalikes.js';
import { hasLiteral, lookForPhrases, phrasesIn } from './phrase-scan.js';

/**
 * Extractors for the ways clients and tools print an AWS error (spec A.4). Each reads the cleaned text
 * and adds what it recognises to the hint set; none depends on another. Every pattern is anchored on
 * fixed words and bounded, so each runs in linear time on any input.
 */
type Extractor = (text: string, hints: HintSet) => void;

const awsCli: Extractor = (text, hints) => {
  const surface = has(text, 'botocore') ? 'boto3' : 'aws-cli';
  // also as tools retell it: `occured`, the code in `<…>`, no operation (`An error occurred (Code): …`), the
  // sentence cut by a shell's line continuation (`… the AuthorizeSecurityGroupIngress\` / ` operation: …`), or by a
  // listing's line numbers (`1. An error occurred (X) when calling the DeleteDBCluster` / `2.   operation: …`: the Aurora
  // guide's source)
  const m =
    /An [Ee]rror occurr?ed [(<]([^()<>\s]{1,100})[)>](?: on request \([^()]{0,200}\))?(?: on table \([^()]{0,200}\))?(?: ?when calling the[ \t]{1,20}('\w{1,100}'|\w{1,100}|\[\w{1,40}\])\\?\s{1,20}(?:\d{1,4}\.[ \t]{1,8})?operation|(?=:))/.exec(
      text,
    );
  // a paste cut before its first word (` error occurred (AccessDeniedException) when calling the CreateFunction
  // operation: …`, awslabs/dynamodb-continuous-backup#18), read only with the operation that ends the envelope
  // (or cut after the operation's name: `… when calling the PutObject` at the end of the paste,
  // edgarroman/zappa-django-guide#37)
  const cut =
    m === null && has(text, 'error occurred (')
      ? /\berror occurr?ed \(([^()\s]{1,100})\) when calling the (\w{1,100})(?: operation|\s*$)/.exec(text)
      : null;
  if (m) {
    addCodeOrStatus(hints, m[1], PRIORITY.clientEnvelope, surface);
    // also quoted (`when calling the 'PutObject' operation`: aws/aws-cli#6713)
    const operation = m[2]?.replaceAll("'", '');
    // a tutorial's `[Operation]` names none
    if (operation?.startsWith('[') === false)
      hints.add('operation', operation, PRIORITY.clientEnvelope, surface);
    // the command pasted above it names the service of an operation several have (`aws identitystore create-user`
    // for CreateUser): the CLI's command is the operation's name in kebab case
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-commandstructure.html
    const command = operation === undefined || !has(text, `aws `) ? null : commandService(text, operation);
    if (command !== null) hints.add('service', command, PRIORITY.namedCall, surface);
    addMessageService(text, m.index + m[0].length, hints);
  } else if (cut) {
    addCodeOrStatus(hints, cut[1], PRIORITY.clientEnvelope, surface);
    hints.add('operation', cut[2], PRIORITY.clientEnvelope, surface);
  } else {
    // the envelope without its code: an SDK in botocore's words that leaves it out (R paws: `An error occurred when
    // calling the HeadObject operation: Forbidden`), or a paste cut before it (`when calling the CreateStack
    // operation: Requires capabilities : [CAPABILITY_IAM]`); the client writes it only for a service's answer
    const bare = has(text, 'when calling the ')
      ? /\bwhen calling the (\w{1,100}) operation(?:: |\s*$)/m.exec(text)
      : null;
    if (bare?.[1] !== undefined) {
      hints.add('operation', bare[1], PRIORITY.clientEnvelope, surface);
      hints.relayed(surface);
      const command = has(text, `aws `) ? commandService(text, bare[1]) : null;
      if (command !== null) hints.add('service', command, PRIORITY.namedCall, surface);
    }
  }
  // a tool's own words around the call it made, without botocore's `the … operation` (ParallelCluster's `Error when
  // calling DescribeInstanceTypes for instances t2.medium: You are not authorized …`: aws/aws-parallelcluster#1912, a
  // retelling's `when calling SendRawEmail: Email address is not verified`, its slurm plugin's `Error in CreateFleet
  // request (…): InsufficientInstanceCapacity - …`: aws/aws-parallelcluster-node#604): an API's name only
  const toolCall = has(text, 'when calling ')
    ? /\bwhen calling ([A-Z][A-Za-z0-9]{2,60})(?=[:\s])/.exec(text)
    : has(text, 'Error in ')
      ? /\bError in ([A-Z][A-Za-z0-9]{2,60}) request\b/.exec(text)
      : null;
  addKnownOperation(hints, toolCall?.[1], 'tool');
  // botocore's debug log of the events of the call it made, each named for the service and the operation
  // (`Event needs-retry.kinesis-video-signaling.GetIceServerConfig: calling handler …`: aws/aws-sdk#405), the last call
  // the log names https://boto3.amazonaws.com/v1/documentation/api/latest/guide/events.html
  const event =
    has(text, 'botocore') &&
    (has(text, 'needs-retry.') || has(text, 'after-call.') || has(text, 'before-call.'))
      ? lastMatch(text, BOTOCORE_EVENT, 50)
      : null;
  const eventService = event === null ? null : serviceFromSdkName(event[1] ?? '');
  if (event?.[2] !== undefined && eventService !== null) {
    hints.add('service', eventService, PRIORITY.sdkClass, 'boto3');
    hints.add('operation', event[2], PRIORITY.sdkClass, 'boto3');
  }
  // an SDK's exception class in angle brackets, as a retelling names what a call threw (`client.get_ice_server_config()
  // throws an <UnknownOperationException>`: boto/boto3#2909)
  const thrown = has(text, ' <')
    ? /\b(?:throws?|threw|raised?|raises|got) an? <([A-Z][A-Za-z0-9]{2,80}Exception)>/.exec(text)
    : null;
  if (thrown?.[1] !== undefined && !isWrapperName(thrown[1]))
    hints.add('code', thrown[1], PRIORITY.codeToken, 'tool');
  // Former2's log of the JavaScript SDK's call it made, the client's name and its method's, then the service's message
  // (`Error calling ECR.getRepositoryPolicy - Repository policy does not exist …`, `Error calling
  // ServiceCatalog.describeProductAsAdmin` / `There are no local or default products with id …`: iann0036/former2#274,
  // #112) https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/AWS/ECR.html#getRepositoryPolicy-property
  const sdkCall = has(text, 'Error calling ')
    ? /\bError calling ([A-Z][A-Za-z0-9]{1,40})\.([a-z][A-Za-z0-9]{2,80})\b/.exec(text)
    : null;
  const sdkService = sdkCall === null ? null : serviceFromSdkName(sdkCall[1] ?? '');
  if (sdkCall?.[2] !== undefined && sdkService !== null) {
    hints.add('service', sdkService, PRIORITY.namedCall, 'former2');
    hints.add(
      'operation',
      `${sdkCall[2].charAt(0).toUpperCase()}${sdkCall[2].slice(1)}`,
      PRIORITY.namedCall,
      'former2',
    );
    hints.relayed('former2');
  }
  // the envelope as AWS's translated pages quote it (`调用 RunInstances 操作时出错 (UnauthorizedOperation): …`, `呼叫
  // DecodeAuthorizationMessage 作業時…`, `RunInstances オペレーションを呼び出す際に…`, `PutObject 작업을 호출할 때 오류(AccessDenied)`,
  // `AssumeRoleWithWebIdentity 호출 중 오류 (InvalidIdentityToken)`, `Se produjo un error (AccessDenied) al llamar a la
  // operación RunInstances`, `… ao chamar a operação …`, `… lors de l'appel de l'opération …`: re:Post's Knowledge Center
  // in Chinese, Japanese, Korean, Spanish, Portuguese and French), the code in parentheses after it read as the CLI's
  // https://repost.aws/zh-Hans/knowledge-center/ec2-not-auth-launch
  if (TRANSLATED_CALLS.some((words) => text.includes(words))) {
    const translated =
      /(?:调用|調用|呼叫) ([A-Z][A-Za-z0-9]{2,60}) (?:操作|作業)[时時]|([A-Z][A-Za-z0-9]{2,60}) (?:オペレーション|操作)を呼び出|([A-Z][A-Za-z0-9]{2,60}) (?:작업을 호출|호출 중 오류)|(?:al llamar a la operación|ao chamar a operação|lors de l'appel de l'opération) ([A-Z][A-Za-z0-9]{2,60})/.exec(
        text,
      );
    const called = translated?.[1] ?? translated?.[2] ?? translated?.[3] ?? translated?.[4];
    if (called !== undefined) hints.add('operation', called, PRIORITY.clientEnvelope, 'aws-cli');
  }
  // botocore's ClientError built in a test or a mock, the operation its second argument (`ClientError({'Error': {'Code':
  // 'AccessDenied', …}}, 'ListBuckets')`: boto/boto3's tests), and STS's words naming its own call (`GetSessionToken call
  // failed, unable to validate MFA code.`) https://botocore.amazonaws.com/v1/documentation/api/latest/client_upgrades.html
  const built = has(text, 'ClientError(')
    ? /\bClientError\(\s{0,20}(?:error_response=)?\{[^()]{0,600}?\}\s{0,20},\s{0,20}(?:operation_name=)?['"]([A-Z][A-Za-z0-9]{2,60})['"]\s{0,20},?\s{0,20}\)/.exec(
        text,
      )
    : null;
  if (built) hints.add('operation', built[1], PRIORITY.clientEnvelope, 'boto3');
  const stsCall = has(text, ' call failed, unable to validate MFA code')
    ? /\b(GetSessionToken|AssumeRole) call failed, unable to validate MFA code/.exec(text)
    : null;
  if (stsCall) {
    hints.add('service', 'sts', PRIORITY.phrase, 'sts');
    hints.add('operation', stsCall[1], PRIORITY.phrase, 'sts');
  }
  // a tool's own step named by the API it called (`Error doing AssumeRole: ValidationError: …`: mmmorris1975/aws-runas#11),
  // and CodePipeline's of the action's call (`Error calling startBuild: Cannot have more than 0 builds in queue …
  // (Service: AWSCodeBuild; …)`)
  const doing = has(text, 'Error doing ')
    ? /\bError doing ([A-Z][A-Za-z0-9]{2,60}): /.exec(text)
    : has(text, 'Error calling ')
      ? /\bError calling ([a-z][A-Za-z0-9]{2,60}): /.exec(text)
      : null;
  if (doing?.[1] !== undefined) {
    const named = pascalCase(doing[1]);
    if (servicesForOperation(named).length > 0) hints.add('operation', named, PRIORITY.phrase, 'tool');
    else if (doing[0].startsWith('Error calling')) hints.add('operation', named, PRIORITY.phrase - 1, 'tool');
  }
  // a tool's words for a call in IAM's own form, service and action (Grafana's `Failed to call cloudwatch:ListMetrics,
  // InvalidClientTokenId: …`: grafana/grafana#18755)
  const callAction = has(text, 'to call ')
    ? /\b(?:[Ff]ailed|[Uu]nable) to call ([a-z][a-z0-9-]{1,30}):([A-Z][A-Za-z0-9]{2,100})\b/.exec(text)
    : null;
  if (callAction !== null) {
    hints.add('service', callAction[1], PRIORITY.namedCall, 'tool');
    hints.add('operation', callAction[2], PRIORITY.namedCall, 'tool');
  }
  // an AWS endpoint's HTTP status as a client without an SDK reports it: Java's `URLConnection` (`java.io.IOException:
  // Server returned HTTP response code: 401 for URL: https://ec2.us-east-1.amazonaws.com/?Action=DescribeInstances…`:
  // hazelcast/hazelcast-aws#36), Logstash's OpenSearch output (`{:code=>403, :url=>"https://….aoss.amazonaws.com:443/_bulk"`:
  // opensearch-project/logstash-output-opensearch#228)
  // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/HttpURLConnection.html
  const endpointStatus = has(text, 'Server returned HTTP response code: ')
    ? /\bServer returned HTTP response code: (\d{3}) for URL: https?:\/\/([A-Za-z0-9.-]{1,253})/.exec(text)
    : has(text, ':code=>')
      ? /:code=>(\d{3}), :url=>"https?:\/\/([A-Za-z0-9.-]{1,253})/.exec(text)
      : null;
  const statusHost = endpointStatus === null ? null : serviceFromEndpointHost(endpointStatus[2] ?? '');
  if (endpointStatus !== null && statusHost !== null) {
    hints.add('httpStatus', endpointStatus[1], PRIORITY.body, 'http');
    hints.add('service', statusHost.service, PRIORITY.sdkSuffixService, 'http');
  }
  // S3's server access log record of a failed request: its operation, the request line, the status and the error code,
  // the requester before them where the record is whole (`REST.GET.OBJECT seed.json "GET /seed.json HTTP/1.1" 400
  // InvalidArgument 432 - …`: grafana/tempo#3924) https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html
  // (each found by its `REST.`, the record read in a window around it: a pattern led by an optional group is tried at
  // every position of a large input)
  const accessLog = has(text, 'REST.')
    ? firstNear(text, 'REST.', (at) => ACCESS_LOG_RECORD.exec(text.slice(Math.max(0, at - 520), at + 3100)))
    : null;
  if (accessLog !== null && (accessLog[4] ?? '').startsWith('4')) {
    hints.add('service', 's3', PRIORITY.structuredRecord, 's3-access-log');
    hints.add('httpStatus', accessLog[4], PRIORITY.structuredRecord, 's3-access-log');
    if (accessLog[5] !== '-') hints.add('code', accessLog[5], PRIORITY.structuredRecord, 's3-access-log');
    hints.add('principal', accessLog[1], PRIORITY.structuredRecord, 's3-access-log');
    const operation = ACCESS_LOG_OPERATIONS[`${accessLog[2]}.${accessLog[3]}`];
    if (operation !== undefined)
      hints.add('operation', operation, PRIORITY.structuredRecord, 's3-access-log');
  }
  // a Step Functions execution's event of a failed task, its integration's service and API (`"ResourceType":"states",
  // "Resource":"startExecution.sync"`, its pattern after the dot: localstack/localstack#1869)
  // https://docs.aws.amazon.com/step-functions/latest/apireference/API_TaskFailedEventDetails.html
  const task = has(text, 'esourceType"')
    ? /"[Rr]esourceType"\s{0,4}:\s{0,4}"([a-z0-9-]{2,40})"\s{0,4},\s{0,4}"[Rr]esource"\s{0,4}:\s{0,4}"([a-z][A-Za-z0-9]{1,100})(?:\.[A-Za-z]{1,40})?"/.exec(
        text,
      )
    : null;
  if (task !== null) {
    addServiceCall(
      hints,
      task[1] ?? '',
      task[2] ?? '',
      PRIORITY.structuredRecord,
      PRIORITY.structuredRecord,
      'states',
    );
  }
  // the SSM agent's log of a call of its own that failed (`error occurred in RequestManagedInstanceRoleToken:
  // AccessDeniedException: Authentication failed`, an ECS Anywhere guide's): the operation, its service left to the catalog
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-logs.html
  const occurredIn = has(text, 'error occurred in ')
    ? /\berror occurred in ([A-Z][a-z]+(?:[A-Z][a-z]+){1,8}): (?:[A-Z][A-Za-z0-9]{2,60}): /.exec(text)
    : null;
  if (occurredIn !== null) hints.add('operation', occurredIn[1], PRIORITY.phrase - 1, 'ssm-agent');
  // a Query API's request URL, its call in the `Action` parameter (salt-cloud: `401 Client Error: Unauthorized for url:
  // https://ec2.us-east-1.amazonaws.com/?Action=DescribeInstances&Version=2014-10-01`: saltstack/salt#43903)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html
  const queryUrl = has(text, 'Action=')
    ? /https?:\/\/([a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?)\/?\?(?:[^\s&?#]{0,300}&){0,20}Action=([A-Z][A-Za-z0-9]{2,60})\b/.exec(
        text,
      )
    : null;
  const queryService = queryUrl === null ? null : serviceFromEndpointHost(queryUrl[1] ?? '');
  if (queryUrl?.[2] !== undefined && queryService !== null) {
    hints.add('service', queryService.service, PRIORITY.namedCall, 'query-url');
    hints.add('operation', queryUrl[2], PRIORITY.namedCall, 'query-url');
  }
  // a client's log of the answer to a call it names (Salt's `AssumeRole response: {"Error":{"Code":…}}`:
  // saltstack/salt#30899)
  const logged = has(text, ' response: {"Error":')
    ? /\b([A-Z][A-Za-z0-9]{2,60}) response: \{"Error":/.exec(text)
    : null;
  addKnownOperation(hints, logged?.[1], 'tool');
  // the VPC CNI plugin's words for the EC2 call it made (`Failed to call ec2:DescribeNetworkInterfaces for [eni-…]:
  // UnauthorizedOperation: …`: aws/karpenter-provider-aws#1185; its event `Unauthorized operation: failed to call
  // ec2:CreateTags due to missing permissions`: aws/amazon-vpc-cni-k8s#2839)
  const cniCall = has(text, 'ailed to call ec2:')
    ? /\b[Ff]ailed to call ec2:([A-Z][A-Za-z0-9]{2,60})\b/.exec(text)
    : null;
  if (cniCall?.[1] !== undefined) {
    hints.add('service', 'ec2', PRIORITY.namedCall, 'vpc-cni');
    hints.add('operation', cniCall[1], PRIORITY.namedCall, 'vpc-cni');
    if (has(text, 'Unauthorized operation: failed to call ec2:')) hints.refusal('vpc-cni');
  }
  // an S3 call a tool names before the bucket (Velero's vSphere plugin: `GetObject failed for bucket b, key k`:
  // velero-io/velero#7398)
  const bucketCall = has(text, ' failed for bucket ')
    ? /\b([A-Z][A-Za-z0-9]{2,60}) failed for bucket /.exec(text)
    : null;
  if (bucketCall?.[1] !== undefined)
    addServiceCall(hints, 's3', bucketCall[1], PRIORITY.phrase, PRIORITY.phrase, 'tool');
  const old = /A client error \(([^()\s]{1,100})\) occurred(?: when calling the (\w{1,100}) operation)?/.exec(
    text,
  );
  if (old) {
    addCodeOrStatus(hints, old[1], PRIORITY.clientEnvelope, 'aws-cli-v1');
    hints.add('operation', old[2], PRIORITY.clientEnvelope, 'aws-cli-v1');
  }
  if (has(text, 'aws: [ERROR]:')) {
    hints.surface('aws-cli-v2');
  }
  if (/(?:upload|download|copy|delete) failed: /.test(text)) {
    hints.surface('aws-s3');
  }
};

const goV2: Extractor = (text, hints) => {
  // the innermost call of a chain (`operation error EC2: DescribeInstances, failed to sign request: failed to
  // retrieve credentials: … operation error STS: AssumeRole, https response error …`) is the one AWS answered; of
  // several errors on lines of their own, the first (Terraform's first `Error:`, a log's first line)
  const first = has(text, 'peration error ') || has(text, 'Operation Error ') ? GO_V2_CALL.exec(text) : null;
  const lineEnd = first === null ? -1 : text.indexOf('\n', first.index + first[0].length);
  // (but not the SDK's own call to the instance metadata service for credentials, no AWS API: `operation error ECR:
  // GetAuthorizationToken, get identity: … no EC2 IMDS role found, operation error ec2imds: GetMetadata`)
  // (nor, after `, previous error: `, an earlier attempt's error that a retry's error carries, no call of the chain:
  // `operation error S3: CreateBucket, … api error InvalidAccessKeyId: …, previous error: operation error S3: PutObject, …`,
  // juicedata/juicefs#6236)
  const line = first === null ? '' : text.slice(first.index, lineEnd < 0 ? undefined : lineEnd);
  const previous = line.indexOf(', previous error: ');
  const m =
    first === null ? null : lastMatch(previous < 0 ? line : line.slice(0, previous), GO_V2_API_CALLS, 20);
  // (an operation in the service's place, the code after it: `operation error HeadBucket: AccessDenied`, a client that
  // named the call alone: cloudposse/atmos)
  const operationAlone =
    m !== null && serviceFromSdkName(m[1] ?? '') === null && servicesForOperation(m[1] ?? '').length > 0;
  if (m && operationAlone) {
    hints.add('operation', m[1], PRIORITY.clientEnvelope, 'go-v2');
  } else if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.namedCall, 'go-v2');
    hints.add('operation', m[2] ?? m[3], PRIORITY.clientEnvelope, 'go-v2');
  }
  const response =
    /https response error StatusCode: (\d{3}),\s{1,40}RequestID: ([^,\s]*)(, HostID: [^,\s]*)?/.exec(text);
  // a chain the paste cut before its service, right after `operation error EC2: ` (`CreateAutoScalingGroup, https
  // response error StatusCode: 400, …`: hashicorp/terraform-provider-aws#38767): the operation still names the call
  const cutCall =
    first === null && has(text, ', https response error ')
      ? /(?:^|\n)[ \t>│|]{0,20}([A-Z][A-Za-z0-9]{2,100}), https response error /.exec(text)
      : null;
  if (cutCall) hints.add('operation', cutCall[1], PRIORITY.clientEnvelope, 'go-v2');
  if (response) {
    hints.add('httpStatus', response[1], PRIORITY.clientEnvelope, 'go-v2');
    hints.add('requestId', response[2], PRIORITY.clientEnvelope, 'go-v2');
    if (response[3] !== undefined) {
      hints.add('service', 's3', PRIORITY.bodyShape, 'go-v2');
    }
  }
  // the code after `api error`, or, where the SDK knows the error's shape, right after the request's IDs
  // (`…, RequestID: 02fc…, InvalidInput: Service role name … has been taken`: DataDog/pathfinding-labs#23)
  const api =
    /api error ([A-Za-z][\w.]{1,100}): /.exec(text) ??
    (response === null
      ? null
      : /^,\s{1,40}([A-Z][A-Za-z0-9]{1,100}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,3}): /.exec(
          text.slice(response.index + response[0].length, response.index + response[0].length + 200),
        ));
  if (api) {
    hints.add('code', stripFaultPrefix(api[1]), PRIORITY.clientEnvelope, 'go-v2');
  }
};

/**
 * The JS SDK v3's client and command named together: in its logger's fields (`clientName: 'S3Client', commandName:
 * 'PutObjectCommand'`) or side by side (`SecretsManagerClient GetSecretValueCommand`), not a code snippet's list of
 * imports (`import { S3Client, ListBucketsCommand }`). Found from the literal `Client` (a pattern that starts with a
 * class name's capital is tried at every capital of a megabyte).
 */
function clientCommand(text: string): { client: string; command: string } | null {
  if (has(text, 'commandName')) {
    const fields =
      /\bclientName:[ \t]{0,4}['"]([A-Z][A-Za-z0-9]{1,60})Client['"],[ \t]{0,4}commandName:[ \t]{0,4}['"]([A-Z][A-Za-z0-9]{2,100})Command['"]/.exec(
        text,
      );
    if (fields?.[1] !== undefined && fields[2] !== undefined)
      return { client: fields[1], command: fields[2] };
  }
  if (!has(text, 'Client ')) return null;
  const pair = /Client[ \t]{1,20}([A-Z][A-Za-z0-9]{2,100})Command\b/g;
  for (let m = pair.exec(text), n = 0; m !== null && n < 50; m = pair.exec(text), n++) {
    const client = /\b([A-Z][A-Za-z0-9]{1,60})$/.exec(text.slice(Math.max(0, m.index - 61), m.index))?.[1];
    if (client !== undefined && m[1] !== undefined) return { client, command: m[1] };
  }
  return null;
}

/** The Go SDK v2's failed call: `operation error EC2: DescribeInstances,`. */
// (the operation also on the next line where a comment or a log wrapped the message there: `operation error CloudControl:`
// / `// UpdateResource, https response error …`: aws-cloudformation/rain, internal/aws/ccapi/ccapi.go)
const GO_V2_CALL =
  /(?:[Oo]peration error|Operation Error) ([A-Za-z0-9 .-]{1,60}):(?: (\w{1,100})|[ \t]*\n[ \t]{0,20}(?:\/\/ |# )?([A-Z][a-z]\w{1,98}))(?:,|(?=[ \t]*(?:\n|$)))/;

/** … every one that is an AWS API's, not the instance metadata client's (`ec2imds`). */
const GO_V2_API_CALLS = new RegExp(
  GO_V2_CALL.source.replace('Operation Error) ', 'Operation Error) (?!ec2imds:)'),
  'g',
);

const goV1: Extractor = (text, hints) => {
  // eksctl's retry log names the request as the SDK's client and operation (`retryable error (ExpiredToken: … status
  // code: 403, request id: …) from sts/GetCallerIdentity - will retry after delay of 40ms`: eksctl-io/eksctl#705)
  const retried = has(text, ' - will retry after ')
    ? /\) from ([a-z0-9-]{2,40})\/([A-Z][A-Za-z0-9]{2,60}) - will retry after /.exec(text)
    : null;
  if (retried) {
    hints.add('service', serviceFromSdkName(retried[1] ?? ''), PRIORITY.namedCall, 'go-v1');
    hints.add('operation', retried[2], PRIORITY.namedCall, 'go-v1');
  }
  // an answer whose body the SDK could not read as the protocol's error, its root element printed as Go prints the XML
  // start tag (`SerializationError: failed to unmarshal error message … caused by: unknown error response tag, {{
  // MissingAuthenticationTokenException} []}`: grafana/grafana#32531): the element is the code the body carries
  // (aws/aws-sdk-go, private/protocol/query/unmarshal_error.go)
  const tag = has(text, 'unknown error response tag, {{')
    ? /unknown error response tag, \{\{ ?([A-Z][A-Za-z0-9]{2,100})\} \[\]\}/.exec(text)
    : null;
  const tagged = tag?.[1];
  if (tagged !== undefined && (isKnownCode(tagged) || isCodeShaped(tagged))) {
    hints.add('code', tagged, PRIORITY.clientEnvelope, 'go-v1');
  }
  // (the ids also as a paste's stand-ins: `request id: <snip>, host id: <snip>`)
  const m = /status code: (\d{3}), request id: (<[^<>\s]{1,40}>|[\w-]*)(, host id: \S)?/.exec(text);
  if (m) {
    hints.add('httpStatus', m[1], PRIORITY.body, 'go-v1');
    hints.add('requestId', m[2], PRIORITY.body, 'go-v1');
    // only S3 answers with a host ID (its `x-amz-id-2`)
    // https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html
    if (m[3] !== undefined) hints.add('service', 's3', PRIORITY.bodyShape, 'go-v1');
  }
  // its debug log names the call it answered (`[aws-sdk-go] DEBUG: Response firehose/CreateDeliveryStream
  // Details:`), as Terraform's TF_LOG=DEBUG prints it; the last response is the failed one
  const last = has(text, 'DEBUG: Response ')
    ? lastMatch(text, /DEBUG: Response ([a-z0-9-]{2,40})\/(\w{1,100}) Details:/g, 100)
    : null;
  if (last) {
    hints.add('service', serviceFromSdkName(last[1] ?? '') ?? last[1], PRIORITY.namedCall, 'go-v1');
    hints.add('operation', last[2], PRIORITY.clientEnvelope, 'go-v1');
  }
  // a handler of its requests names the call as `service::Operation` (Kubernetes' in-tree AWS cloud provider: `Got
  // RequestLimitExceeded error on AWS request (ec2::DescribeInstances)`, kubernetes/kubernetes#31858)
  const handled = has(text, 'AWS request (')
    ? /\bAWS request \(([a-z0-9-]{2,40})::(\w{2,100})\)/.exec(text)
    : null;
  if (handled) {
    addServiceCall(
      hints,
      handled[1] ?? '',
      handled[2] ?? '',
      PRIORITY.namedCall,
      PRIORITY.clientEnvelope,
      'go-v1',
    );
  }
  // the SDK's retry log names the call as `service/Operation`: `Validate Response s3/PutObject failed, attempt 0/5`
  const call = has(text, 'Validate Response ')
    ? /\bValidate Response ([a-z0-9-]{2,40})\/(\w{1,100}) failed/.exec(text)
    : null;
  if (call) {
    hints.add('service', serviceFromSdkName(call[1] ?? '') ?? call[1], PRIORITY.namedCall, 'go-v1');
    hints.add('operation', call[2], PRIORITY.clientEnvelope, 'go-v1');
  }
};

/** The Java SDK v1's suffix of an error: `(Service: AWSGlue; Status Code: 400; Error Code: X; Request ID: …)`. */
const JAVA_V1_SUFFIX =
  /\(Service: ([^;()]{1,80}); Status Code: (\d{3}); Error Code: ([^;()\s".`]{1,100}(?:\.[^;()\s".`]{1,100})*)(?:; Request ID: ([^;()]*))?/g;

/**
 * The first Java SDK v1 suffix of the text, or the last of a chain of them: a service that relays another's error
 * writes its own suffix right after the relayed one's (`… (Service: AmazonDataCatalog; …; Error Code:
 * AccessDeniedException; …) (Service: AmazonAthena; …; Error Code: MetadataException; …)`: dbeaver/dbeaver#18786), and
 * the outer suffix is the answer of the call that failed.
 */
function javaV1Suffix(text: string): RegExpExecArray | null {
  JAVA_V1_SUFFIX.lastIndex = 0;
  let m = JAVA_V1_SUFFIX.exec(text);
  let chained = 0;
  for (; m !== null && chained < 10; chained++) {
    const close = text.indexOf(')', m.index + m[0].length);
    if (close < 0 || !/^\)\s{0,3}\(Service: /.test(text.slice(close, close + 15))) break;
    JAVA_V1_SUFFIX.lastIndex = close + 1;
    const next = JAVA_V1_SUFFIX.exec(text);
    if (next === null || next.index > close + 5) break;
    m = next;
  }
  // (but of two errors pasted one after the other, the refusal's: the reader takes a denial's sentence before another
  // error's, and its code is the one after it: `… Error Code: InvalidParameter; …)User: arn:… is not authorized to
  // perform: SNS:Subscribe … Error Code: AuthorizationError; …)`: aws-samples/aws-marketplace-serverless-saas-integration#11)
  if (m !== null && chained === 0 && !AUTHORIZATION_CODES.has(m[3] ?? '')) {
    JAVA_V1_SUFFIX.lastIndex = m.index + m[0].length;
    for (let seen = 0, later = JAVA_V1_SUFFIX.exec(text); later !== null && seen < 20; seen++) {
      if (AUTHORIZATION_CODES.has(later[3] ?? '')) return later;
      later = JAVA_V1_SUFFIX.exec(text);
    }
  }
  return m;
}

const javaV1: Extractor = (text, hints) => {
  const m = has(text, '(Service: ') ? javaV1Suffix(text) : null;
  // (also where the SDK v2's own suffix follows it: the v1-shaped one is in the message of the v2 exception, another
  // service's answer relayed, `InvalidIdentityTokenException: Issuer not present in specified provider (Service:
  // AWSOpenIdDiscoveryService; …; Error Code: AuthSamlInvalidSamlResponseException; …) (Service: Sts, Status Code: 400,
  // Request ID: …)`, dbeaver/cloudbeaver#3112; but where that answer is a refusal, its sentence in the message, the
  // refusal's code stands: Athena's `MetadataException: User: … is not authorized to perform: glue:GetDatabases … (Service:
  // AmazonDataCatalog; …; Error Code: AccessDeniedException; …) (Service: Athena, …)`, metabase/metabase#74092)
  const inV2Message =
    m !== null &&
    V2_SUFFIX_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 300)) &&
    !has(text, 'is not authorized to perform');
  if (m && (inV2Message || relayedSuffix(text, m.index, m[3] ?? ''))) {
    // another service's answer the failed call relays in its own message: that call's code and service stand
    hints.add('code', stripFaultPrefix(m[3]), PRIORITY.unknownCodeToken - 1, 'java-v1');
  } else if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkSuffixService, 'java-v1');
    hints.add('httpStatus', m[2], PRIORITY.body, 'java-v1');
    // S3 answers HEAD requests without a body: the SDK then writes the status as the code (`Error Code: 403 Forbidden`),
    // or none (`Error Code: null`); a fault's type alone is no code either (`(Service: null; Status Code: 400; Error
    // Code: Client; …)`, an AppFlow connector's own exception: crossplane-contrib/provider-upjet-aws#208)
    if (!/^\d+$/.test(m[3] ?? '') && m[3] !== 'null' && m[3] !== 'Client' && m[3] !== 'Server')
      hints.add('code', stripFaultPrefix(m[3]), PRIORITY.sdkSuffixCode, 'java-v1');
    hints.add('requestId', m[4], PRIORITY.body, 'java-v1');
  }
  // the suffix lower-cased whole by an application's log (`line 1:1: mismatched input (service: amazonathena; status code:
  // 400; error code: invalidrequestexception; request id: 46d7…)`: Wikia/sroka#25): the code as written
  const lowered =
    m === null && has(text, '(service: ')
      ? /\(service: ([a-z0-9 ]{1,80}); status code: (\d{3}); error code: ([a-z][a-z0-9.]{1,100}); request id: ([a-z0-9-]{0,100})/.exec(
          text,
        )
      : null;
  if (lowered) {
    hints.add('service', serviceFromSdkName(lowered[1] ?? ''), PRIORITY.sdkSuffixService, 'java-v1');
    hints.add('httpStatus', lowered[2], PRIORITY.body, 'java-v1');
    hints.add('code', lowered[3], PRIORITY.sdkSuffixCode, 'java-v1');
    hints.add('requestId', lowered[4], PRIORITY.body, 'java-v1');
  }
  // the exception's class names the code where the suffix is not printed
  // (`com.amazonaws.services.securitytoken.model.RegionDisabledException: …`); a service's generic class
  // (`AmazonS3Exception`) names none
  const cls = has(text, 'com.amazonaws.services.')
    ? /\bcom\.amazonaws\.services\.(\w{1,60})\.model\.(\w{1,100})/.exec(text)
    : null;
  if (cls) {
    hints.add('service', serviceFromSdkName(cls[1] ?? ''), PRIORITY.sdkClass, 'java-v1');
    hints.add('code', codeFromExceptionClass(cls[2] ?? ''), PRIORITY.sdkClass, 'java-v1');
  }
  // the generic class alone, as a wrapper's nested cause prints it (Elasticsearch's `nested: AmazonS3Exception[Access
  // Denied]`: elastic/elasticsearch-cloud-aws#80): the service that answered
  const generic = has(text, 'Exception[') ? /\bAmazon([A-Z][A-Za-z0-9]{1,40})Exception\[/.exec(text) : null;
  if (generic)
    hints.add('service', serviceFromSdkName(generic[1] ?? ''), PRIORITY.sdkSuffixService, 'java-v1');
};

/** A botocore event of a call, named for its service and operation (`needs-retry.s3.PutObject`). */
const BOTOCORE_EVENT =
  /\b(?:needs-retry|after-call|before-call|before-send|request-created)\.([a-z0-9-]{2,60})\.([A-Z][A-Za-z0-9]{2,100})\b/g;

/** The Java SDK v2's suffix after another's closing parenthesis (`…) (Service: Sts, Status Code: 400`). */
const V2_SUFFIX_AFTER = /^[^()]{0,200}\)\s{0,4}\(Service: [^,;()]{1,80}, Status Code: \d{3}\b/;

const javaV2: Extractor = (text, hints) => {
  // (also without its request ID: `(Service: SsoAdmin, Status Code: 400)`)
  const m = /\(Service: ([^,;()]{1,80}), Status Code: (\d{3})(?:, Request ID: ([^,()]*)|\))/.exec(text);
  if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkSuffixService, 'java-v2');
    hints.add('httpStatus', m[2], PRIORITY.body, 'java-v2');
    hints.add('requestId', m[3], PRIORITY.body, 'java-v2');
  }
  // also where a library relocated the SDK into its own package (`software.amazon.s3tables.shaded.awssdk.services.…`)
  const cls = has(text, 'awssdk.services.')
    ? /\bsoftware\.amazon\.(?:\w{1,40}\.){0,3}awssdk\.services\.(\w{1,60})\.model\.(\w{1,100})/.exec(text)
    : null;
  if (cls) {
    hints.add('service', serviceFromSdkName(cls[1] ?? ''), PRIORITY.sdkClass, 'java-v2');
    // a service's own generic class (`…iotdataplane.model.IotDataPlaneException`, `…s3.model.S3Exception`) names no code
    const generic = (cls[2] ?? '').toLowerCase() === `${cls[1]}exception`;
    if (!generic) hints.add('code', codeFromExceptionClass(cls[2] ?? ''), PRIORITY.sdkClass, 'java-v2');
  }
  // … its package abbreviated by a logger's pattern (Logback's `%logger{20}`: `s.a.a.s.s.m.ExpiredTokenException: … (Service:
  // Sts, Status Code: 400, …)`, aws/aws-sdk-java-v2#5709), the suffix telling it the SDK's
  // https://logback.qos.ch/manual/layouts.html#conversionWord
  const short =
    m !== null && has(text, 's.a.a.s.') ? /\bs\.a\.a\.s\.\w{1,60}\.m\.([A-Z]\w{1,100})\b/.exec(text) : null;
  if (short && !isServiceClass(short[1] ?? '')) {
    hints.add('code', codeFromExceptionClass(short[1] ?? ''), PRIORITY.sdkClass, 'java-v2');
  }
};

/**
 * minio-go's client methods and the S3 operation each makes (`BucketExists` asks with HeadBucket, `StatObject` with
 * HeadObject). https://min.io/docs/minio/linux/developers/go/API.html
 */
const MINIO_OPERATIONS: Readonly<Record<string, string>> = {
  PutObject: 'PutObject',
  GetObject: 'GetObject',
  StatObject: 'HeadObject',
  RemoveObject: 'DeleteObject',
  BucketExists: 'HeadBucket',
  MakeBucket: 'CreateBucket',
  ListObjects: 'ListObjectsV2',
  ListBuckets: 'ListBuckets',
};

/** .NET's names of HTTP statuses (`HttpStatusCode`), as its SDK writes them in a message without a body. */
const DOTNET_STATUSES: Readonly<Record<string, string>> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  InternalServerError: '500',
  ServiceUnavailable: '503',
};

const dotnet: Extractor = (text, hints) => {
  // the SDK's message where the answer carried no error body it could read (`Error making request with Error Code
  // InvalidAccessKeyId and Http Status Code Forbidden. No further error information was returned by the service.`):
  // the code it has (a status name where it has none), and the status
  // https://docs.aws.amazon.com/sdk-for-net/v3/developer-guide/net-dg-exceptions.html
  const making = has(text, 'Error making request with Error Code ')
    ? /Error making request with Error Code (\w{2,100}) and Http Status Code (\w{2,40})/.exec(text)
    : null;
  const named = making === null ? undefined : DOTNET_STATUSES[making[2] ?? ''];
  if (making !== null && named !== undefined) {
    hints.add('httpStatus', named, PRIORITY.body, 'dotnet');
    if (DOTNET_STATUSES[making[1] ?? ''] === undefined) hints.add('code', making[1], PRIORITY.body, 'dotnet');
  }
  const m = /\bAmazon\.(\w{1,60})\.(?:Model\.)?(\w{1,100}Exception)\b/.exec(text);
  if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkClass, 'dotnet');
    hints.add('code', codeFromExceptionClass(m[2] ?? ''), PRIORITY.sdkClass, 'dotnet');
  }
  const status = /\((\d{3})\) (?:Forbidden|Unauthorized|Bad Request)/.exec(text);
  if (status) {
    hints.add('httpStatus', status[1], PRIORITY.body, 'dotnet');
  }
  // PowerShell's record of a cmdlet's error names the SDK's service exception (`FullyQualifiedErrorId :
  // Amazon.EC2.AmazonEC2Exception,Amazon.PowerShell.Cmdlets.EC2.NewEC2TagCmdlet`), which the SDK throws for a service's
  // answer only: an AWS error, where the message carries no code
  // https://docs.aws.amazon.com/powershell/latest/userguide/pstools-using.html
  if (
    has(text, 'FullyQualifiedErrorId') &&
    /FullyQualifiedErrorId\s*:\s*Amazon\.\w{1,60}\.Amazon\w{1,60}Exception,/.test(text)
  )
    hints.relayed('powershell');
  // the web-identity credentials wrapper names the role it could not assume
  // (`AmazonClientException: Error calling AssumeRole for role arn:aws:iam::…:role/app`)
  const role = has(text, 'Error calling AssumeRole')
    ? /\bError calling AssumeRole\w* for role (arn:[\w-]+:iam::[^\s:]*:role\/[^\s,;]+)/.exec(text)
    : null;
  if (role) {
    hints.add('resource', role[1], PRIORITY.body, 'dotnet');
  }
};

const ruby: Extractor = (text, hints) => {
  // v2 and v3 write `Aws::`, v1 wrote `AWS::` (`AWS::EMR::Errors::ThrottlingException Rate exceeded`)
  const m = /A(?:ws|WS)::(\w{1,60})::Errors::(\w{1,100})/.exec(text);
  if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkClass, 'ruby');
    hints.add('code', m[2], PRIORITY.sdkClass, 'ruby');
  }
  // v1 defines each call as a method by `eval`: its frame names the operation in snake case
  // (`from (eval):3:in \`get_bucket_website'` for GetBucketWebsite)
  const frame =
    m?.[0].startsWith('AWS::') === true ? /\(eval\):\d+:in `([a-z][a-z0-9_]{1,100})'/.exec(text) : null;
  if (frame) {
    hints.add('operation', pascalCase(frame[1] ?? ''), PRIORITY.clientEnvelope, 'ruby');
  }
  // v1's request log line: `[AWS S3 403 0.105821 0 retries] get_bucket_versioning(:bucket_name=>"b")`, and v2's and
  // v3's (`[Aws::CodeDeployCommand::Client 400 0.040795 0 retries] poll_host_command(…)`)
  const logged =
    has(text, '[AWS ') || has(text, '[Aws::')
      ? /\[(?:AWS |Aws::)(\w{1,40})(?:::Client)? \d{3} [\d.]+ \d+ retr(?:y|ies)\] ([a-z][a-z0-9_]{1,100})\(/.exec(
          text,
        )
      : null;
  if (logged) {
    hints.add('service', serviceFromSdkName(logged[1] ?? ''), PRIORITY.namedCall, 'ruby');
    hints.add('operation', pascalCase(logged[2] ?? ''), PRIORITY.clientEnvelope, 'ruby');
  }
  // and its `eval`-defined method as JRuby prints the frame (`put_object at (eval):3`), with the service's
  // folder in the frames around it (`…/lib/aws/s3/s3_object.rb`)
  const jruby = has(text, '(eval):') ? /\b([a-z][a-z0-9_]{1,100}) at \(eval\):\d/.exec(text) : null;
  const folder =
    jruby === null
      ? undefined
      : [...text.matchAll(/\/lib\/aws\/([a-z0-9_]{2,40})\//g)].slice(0, 50).find((f) => f[1] !== 'core');
  if (jruby !== null && folder !== undefined) {
    addServiceCall(hints, folder[1] ?? '', jruby[1] ?? '', PRIORITY.sdkClass, PRIORITY.sdkClass, 'ruby');
  }
  // the Coral clients of the first Ruby tools (the EMR CLI): `while calling DescribeJobFlows on
  // Amazon::Coral::ElasticMapReduceClient`
  const coral = has(text, 'Amazon::Coral::')
    ? /while calling (\w{1,100}) on Amazon::Coral::(\w{1,60}?)Client\b/.exec(text)
    : null;
  if (coral) {
    hints.add('service', serviceFromSdkName(coral[2] ?? ''), PRIORITY.namedCall, 'ruby');
    hints.add('operation', coral[1], PRIORITY.clientEnvelope, 'ruby');
  }
};

/**
 * The stand-alone PHP `S3` class's methods that are named after no S3 operation, and the one each sends
 * (`getBucket` lists the bucket's objects: GET Bucket, ListObjects; `putBucket` is PUT Bucket, CreateBucket).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
 */
const S3_CLASS_OPERATIONS: Readonly<Record<string, string>> = {
  getBucket: 'ListObjects',
  putBucket: 'CreateBucket',
  getObjectInfo: 'HeadObject',
  putObjectFile: 'PutObject',
  putObjectString: 'PutObject',
};

const php: Extractor = (text, hints) => {
  // also with the typographic quotes a web page or chat renders them in
  // (the endpoint perhaps redacted or cut: `Error executing "ListObjects" on <redacted>;`, `Error executing "ListObjects"
  // ... 403 Forbidden`: spatie/laravel-backup#1517, thephpleague/flysystem-aws-s3-v3#149)
  const m = /Error executing ["“](\w{1,100})["”](?: on ["“](https?:\/\/[^"”\s/]{1,200}))?/.exec(text);
  if (m) {
    hints.add('operation', m[1], PRIORITY.clientEnvelope, 'php');
    const endpoint = serviceFromEndpointHost((m[2] ?? '').replace(/^https?:\/\//, ''));
    if (endpoint) {
      hints.add('service', endpoint.service, PRIORITY.namedCall, 'php');
      hints.add('region', endpoint.region, PRIORITY.namedCall, 'php');
    }
  }
  // the literal first: the pattern alone would try every capitalised word of a large input
  const code =
    has(text, ' (client)') || has(text, ' (server)')
      ? /\b([A-Z][A-Za-z0-9]{2,100}) \((?:client|server)\)(?: response)?: /.exec(text)
      : null;
  if (code) {
    hints.add('code', code[1], PRIORITY.sdkClass, 'php');
  }
  // the stand-alone PHP `S3` class's warnings: `S3::putObject(): [AccessDenied] Access Denied`, also with the call's
  // arguments (`S3::getBucketLocation(my-bucket): [AccessDenied]`: agentile/S3-Media-Storage#11)
  const s3Class = has(text, 'S3::')
    ? /\bS3::([a-z][A-Za-z0-9]{1,100})\([^()\n]{0,300}\): \[([A-Z][A-Za-z0-9.]{2,100})\]/.exec(text)
    : null;
  if (s3Class) {
    hints.add('service', 's3', PRIORITY.namedCall, 'php');
    const method = s3Class[1] ?? '';
    const operation = S3_CLASS_OPERATIONS[method] ?? pascalCase(method);
    // a method named after no S3 operation names none (its helpers: `inputFile`, `getAuthenticatedURL`)
    if (servicesForOperation(operation).includes('s3')) {
      hints.add('operation', operation, PRIORITY.clientEnvelope, 'php');
    }
    hints.add('code', s3Class[2], PRIORITY.sdkClass, 'php');
  }
  // version 2 named an S3 error's class after its code (`Aws\S3\Exception\AccessDeniedException` for AccessDenied;
  // S3's codes never end in `Exception`); `S3Exception`, the base class of both versions, names none
  // https://docs.aws.amazon.com/aws-sdk-php/v2/api/class-Aws.S3.Exception.NoSuchKeyException.html
  // (also as an error page spaces a class's namespaces, `Aws \ S3 \ Exception \ AccessDeniedException`: Laravel's,
  // aws/aws-sdk-php-laravel#37)
  const s3v2 =
    has(text, '\\S3\\Exception\\') || has(text, ' \\ S3 \\ Exception \\ ')
      ? /\bAws ?\\ ?S3 ?\\ ?Exception ?\\ ?([A-Z][A-Za-z0-9]{1,100}?)Exception\b/.exec(text)
      : null;
  if (s3v2 && s3v2[1] !== 'S3') {
    hints.add('service', 's3', PRIORITY.namedCall, 'php');
    hints.add('code', s3v2[1], PRIORITY.sdkClass + 1, 'php');
  }
  const status = /(?:resulted in|produced) a `(\d{3}) [A-Za-z ]{1,40}`/.exec(text);
  if (status) {
    hints.add('httpStatus', status[1], PRIORITY.body, 'php');
  }
};

/**
 * The SDK client method a stack trace passes through, which names the operation: the Java SDK v1's
 * (`at com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.scan(`, or its `executeScan`), v2's
 * (`software.amazon.awssdk.services.s3.DefaultS3Client.getObject(`), the .NET SDK's
 * (`Amazon.S3.AmazonS3Client.PutObjectAsync(`) and the Ruby SDK v3's (`aws-sdk-route53/client.rb:3410:in
 * \`list_tags_for_resource'`). The clients are generated, one method per API operation; a method that is
 * no operation of that service (a hand-written helper such as S3's `getObjectMetadata`, the `invoke` the
 * methods share) names none: S3's method must be one of its operations the curated table lists. The frame nearest the error (the first a trace prints) wins.
 * @see https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/using.html
 */
const sdkClientFrames: Extractor = (text, hints) => {
  const frames: { sdk: string; client: string; method: string; at: number }[] = [];
  // short literals first: a search for a long one costs ten times as much on a large input without it
  const amazon = has(text, 'mazon');
  if (amazon && has(text, 'com.amazonaws.services.')) {
    for (const f of text.matchAll(
      /\bcom\.amazonaws\.services\.[a-z0-9]{1,40}\.((?:Amazon|AWS)\w{1,60}?)Client\.(\w{1,100})\(/g,
    )) {
      frames.push({
        sdk: 'java-v1',
        client: f[1] ?? '',
        method: (f[2] ?? '').replace(/^execute(?=[A-Z])/, ''),
        at: f.index,
      });
    }
  }
  // the request's class where a message describes the request (Hadoop S3A's and Databricks' `request: POST https://…
  // com.amazonaws.services.s3.model.DeleteObjectsRequest; Request ID: …`: treeverse/lakeFS#1256): its operation, where
  // the curated table has one of that name (the hand-written S3 client's `GetObjectMetadataRequest` is a HeadObject,
  // `InitiateMultipartUploadRequest` a CreateMultipartUpload)
  // https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/s3/AmazonS3.html
  const requestClass =
    amazon && has(text, 'Request; Request ID:')
      ? /\bcom\.amazonaws\.services\.([a-z0-9]{2,40})\.model\.([A-Z][A-Za-z0-9]{2,60})Request; Request ID:/.exec(
          text,
        )
      : null;
  if (requestClass?.[2] !== undefined) {
    const requested = S3_REQUEST_CLASSES[requestClass[2]] ?? requestClass[2];
    addServiceCall(hints, requestClass[1] ?? '', requested, PRIORITY.sdkClass, PRIORITY.sdkClass, 'java-v1');
  }
  if (amazon && has(text, 'software.amazon.awssdk.services.')) {
    for (const f of text.matchAll(
      /\bsoftware\.amazon\.awssdk\.services\.[a-z0-9]{1,40}\.Default(\w{1,60}?)Client\.(\w{1,100})\(/g,
    )) {
      frames.push({ sdk: 'java-v2', client: f[1] ?? '', method: f[2] ?? '', at: f.index });
    }
  }
  if (amazon && has(text, 'Amazon.')) {
    for (const f of text.matchAll(/\bAmazon\.\w{1,60}\.(Amazon\w{1,60}?)Client\.(\w{1,100}?)(?:Async)?\(/g)) {
      frames.push({ sdk: 'dotnet', client: f[1] ?? '', method: f[2] ?? '', at: f.index });
    }
  }
  // the AWS SDK for Kotlin's generated deserializer of an operation's answer (`at aws.sdk.kotlin.services.s3.transform.
  // PutObjectOperationDeserializerKt.throwPutObjectError(…)`: aws-amplify/amplify-android#2468)
  if (has(text, 'aws.sdk.kotlin.services.')) {
    for (const f of text.matchAll(
      /\baws\.sdk\.kotlin\.services\.([a-z0-9]{1,40})\.transform\.([A-Z]\w{1,100}?)OperationDeserializer/g,
    )) {
      frames.push({ sdk: 'kotlin', client: f[1] ?? '', method: f[2] ?? '', at: f.index });
    }
  }
  if (has(text, '/client.rb:')) {
    for (const f of text.matchAll(
      /\baws-sdk-([a-z0-9]{1,40})\/client\.rb:\d{1,7}:in [`'](?:[\w:]{1,100}#)?([a-z][a-z0-9_]{1,100})'/g,
    )) {
      frames.push({ sdk: 'ruby', client: f[1] ?? '', method: f[2] ?? '', at: f.index });
    }
  }
  // boto2's connection classes (`boto/s3/connection.py", line 621, in create_bucket`), written by hand: a
  // method named after an operation of the service only
  if (has(text, 'boto/')) {
    for (const f of text.matchAll(
      /\bboto\/([a-z0-9]{2,20})\/[a-z0-9_]{1,40}\.py"?, line \d{1,7}, in ([a-z][a-z0-9_]{1,100})\b/g,
    )) {
      frames.push({ sdk: 'boto2', client: f[1] ?? '', method: f[2] ?? '', at: f.index });
    }
  }
  // … whose methods pass the query API's Action by name to the connection's request (`self.get_list('DescribeStacks',
  // …)`, `get_object`, `get_status`): that name is the operation
  const action = frames.some((f) => f.sdk === 'boto2')
    ? /\bself\.(?:get_list|get_object|get_status|make_request)\('([A-Z][A-Za-z0-9]{2,60})'/.exec(text)
    : null;
  const boto2 = frames.find((f) => f.sdk === 'boto2' && f.client !== '');
  const boto2Service = boto2 === undefined ? null : serviceFromSdkName(boto2.client);
  if (action !== null && boto2Service !== null) {
    hints.add('service', boto2Service, PRIORITY.sdkClass, 'boto2');
    hints.add('operation', action[1], PRIORITY.sdkClass, 'boto2');
    return;
  }
  frames.sort((a, b) => a.at - b.at);
  for (const frame of frames.slice(0, 200)) {
    const service = serviceFromSdkName(frame.client);
    const operation = pascalCase(frame.method);
    // S3's clients (Java v1, .NET) are partly written by hand, with methods named after no operation
    const strict = service === 's3' || frame.sdk === 'boto2';
    if (
      service !== null &&
      (strict ? servicesForOperation(operation).includes(service) : !CLIENT_HELPERS.test(operation))
    ) {
      hints.add('service', service, PRIORITY.sdkClass, frame.sdk);
      hints.add('operation', operation, PRIORITY.sdkClass, frame.sdk);
      return;
    }
  }
};

/**
 * A service's own answer that carries no code, the service the one whose words were found (named with less weight where
 * its words only imply it, `PRIORITY.implied`).
 */
function answeredBy(hints: HintSet, service: string, priority: number = PRIORITY.phrase): void {
  hints.add('service', service, priority, service);
  hints.relayed(service);
}

/** A service's answer that a client shows by its HTTP status alone (`surface` the client's or the service's shape). */
function answeredWithStatus(hints: HintSet, service: string, status: string, surface: string): void {
  hints.add('httpStatus', status, PRIORITY.body, surface);
  answeredBy(hints, service, PRIORITY.implied);
}

/**
 * A call named by an SDK's name of its service and the name of its method (`sts getCallerIdentity failed:`, `sts.
 * get_caller_identity failed with`, a JRuby gem's folder and `describe_stacks`, the Terraform provider's
 * `rpc.method=PutRestApi rpc.service="API Gateway"`), added only when that service's API has the operation.
 */
function addServiceCall(
  hints: HintSet,
  sdkName: string,
  method: string,
  servicePriority: number,
  operationPriority: number,
  surface: string,
): void {
  const service = serviceFromSdkName(sdkName);
  const operation = pascalCase(method);
  if (service === null || !servicesForOperation(operation).includes(service)) return;
  hints.add('service', service, servicePriority, surface);
  hints.add('operation', operation, operationPriority, surface);
}

/**
 * The first of at most 50 places where `literal` occurs for which `read` (given the place) finds something: a literal
 * looked for by `indexOf`, the words around it read in a window, where a pattern led by an optional group, a word
 * boundary or a character class would be tried at every position of a large input.
 */
function firstNear<T>(text: string, literal: string, read: (at: number) => T | null): T | null {
  let count = 0;
  for (
    let at = text.indexOf(literal);
    at >= 0 && count < 50;
    at = text.indexOf(literal, at + literal.length)
  ) {
    count++;
    const found = read(at);
    if (found !== null) return found;
  }
  return null;
}

/** A tool's `<Operation>[Request] failed:` and the service name before it, if any (`SQS ReceiveMessageRequest failed:`). */
function operationFailed(text: string): RegExpExecArray | null {
  return firstNear(text, ' failed', (at) =>
    /^ failed ?: /.test(text.slice(at, at + 10))
      ? /(?:\b([A-Z][A-Za-z0-9]{1,30}) )?\b((?:Describe|List|Get|Put|Create|Delete|Update|Receive|Send|Start|Stop)[A-Z][A-Za-z0-9]{1,60}?)(?:Request)?$/.exec(
          text.slice(Math.max(0, at - 100), at),
        )
      : null,
  );
}

/**
 * Calls named by a service's SDK name and a method, where no client envelope names the operation: CodePipeline's
 * failed action (`An API call to StepFunctions.describeExecution (RequestId: …) returned a AccessDeniedException
 * error`: aws/aws-cdk#11397; its StackSets action's without the request's ID:
 * aws-cloudformation/cloudformation-coverage-roadmap#796), a tool's `Error calling DAX.describeClusters`
 * (iann0036/former2#360), the Clojure
 * aws-api's `(aws/invoke lambda {:op :Invoke …})`, and the call a REPL echoes before the error it printed (Elixir's
 * `iex(2)> ExAws.S3.list_objects("b")`, Julia's `julia> AWSSDK.Batch.describe_compute_environments()`, R's `>
 * s3$head_object(`, Python's `>>> s3.get_object(`: the last one echoed; a client held in a variable is named after
 * its service). Each is kept only where that service has the operation: here by the curated table, and by the
 * catalog through `stepCalls`.
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/troubleshooting.html
 */
export function namedMethodCalls(text: string): readonly NamedMethodCall[] {
  const calls: NamedMethodCall[] = [];
  const pipeline = has(text, 'An API call to ')
    ? /\bAn API call to (\w{2,60})\.(\w{2,100})(?: \(RequestId:[^)\n]{0,100}\))? returned an? ([A-Z]\w{2,100}) error/.exec(
        text,
      )
    : null;
  if (pipeline)
    calls.push({
      sdkName: pipeline[1] ?? '',
      method: pipeline[2] ?? '',
      surface: 'codepipeline',
      code: pipeline[3],
    });
  // (also `Error calling KMS GenerateDataKey API:`, the Session Manager plugin's words)
  const calling = has(text, 'rror calling ') ? errorCalling(text) : null;
  if (calling)
    calls.push({
      sdkName: calling[1] ?? '',
      method: calling[2] ?? calling[3] ?? calling[4] ?? '',
      surface: 'tool',
    });
  const clojure = has(text, '(aws/invoke ')
    ? /\(aws\/invoke ([\w-]{2,40}) \{:op :(\w{2,100})\b/.exec(text)
    : null;
  if (clojure) calls.push({ sdkName: clojure[1] ?? '', method: clojure[2] ?? '', surface: 'clojure' });
  // (each prompt found by its `> `, its line read from its start: a pattern tried at every line of a large input costs)
  let echoed: RegExpExecArray | null = null;
  let seen = 0;
  for (let at = text.indexOf('> '); at >= 0 && seen < 500; at = text.indexOf('> ', at + 2), seen++) {
    // a prompt is at most 12 characters from its line's start (`iex(123456)> `)
    const from = Math.max(0, at - 12);
    const newline = text.slice(from, at).lastIndexOf('\n');
    if (newline < 0 && from > 0) continue;
    const line = text.slice(from + newline + 1, at + 402);
    const prompt = /^(?:iex\(\d{1,6}\)> |julia> |>>> |> |user=> |scala> )([^\n]{1,400})/.exec(line);
    if (prompt === null) continue;
    const call = /(?:^|[\s(=])(?:[A-Za-z]\w{0,40}\.)?([A-Za-z]\w{0,40})[.$]([a-z][A-Za-z0-9_]{2,100})\(/.exec(
      prompt[1] ?? '',
    );
    if (call) echoed = call;
  }
  // (or the line RSpec echoes over a failed example's error: `Failure/Error: response = iam_client.list_roles()` above
  // `Aws::IAM::Errors::InvalidClientTokenId:`, puppetlabs-toy-chest/puppetlabs-aws#322, the variable named after its
  // service with `_client`) https://rspec.info/features/3-12/rspec-core/
  const failure =
    echoed === null && has(text, 'Failure/Error: ') ? /Failure\/Error: ([^\n]{1,400})/.exec(text) : null;
  if (failure?.[1] !== undefined) {
    echoed = /(?:^|[\s(=])(?:[A-Za-z]\w{0,40}\.)?([A-Za-z]\w{0,40})[.$]([a-z][A-Za-z0-9_]{2,100})\(/.exec(
      failure[1],
    );
    if (echoed?.[1] !== undefined) echoed[1] = echoed[1].replace(/_?client$/i, '');
  }
  if (echoed) calls.push({ sdkName: echoed[1] ?? '', method: echoed[2] ?? '', surface: 'repl' });
  // the .NET SDK's log of a failed attempt (`AmazonXRayException making request GetSamplingTargetsRequest to
  // http://…. Attempt 1.`: aws/aws-xray-sdk-dotnet#79), the exception named after the service's client
  const making = has(text, ' making request ')
    ? /\bAmazon(\w{2,60}?)Exception making request ([A-Z]\w{2,100}?)Request to /.exec(text)
    : null;
  if (making) calls.push({ sdkName: making[1] ?? '', method: making[2] ?? '', surface: 'dotnet' });
  // the Amazon SQS Java Messaging Library's exception of a failed call, its client method named (`AmazonServiceException:
  // receiveMessage. RequestId: …`: awslabs/amazon-sqs-java-messaging-lib#101)
  const messaging = has(text, 'AmazonServiceException: ')
    ? /\bAmazonServiceException: ([a-z][A-Za-z]{2,100})\. RequestId: /.exec(text)
    : null;
  if (messaging) calls.push({ sdkName: 'SQS', method: messaging[1] ?? '', surface: 'sqs-java-messaging' });
  return calls;
}

/**
 * A tool's `Error calling DAX.describeClusters`, `Error calling KMS GenerateDataKey API` or an app's `Error calling S3
 * getObject:` (aws/aws-sam-cli-app-templates#476).
 */
function errorCalling(text: string): RegExpExecArray | null {
  return firstNear(text, 'rror calling ', (at) =>
    /[Ee]$/.test(text.slice(Math.max(0, at - 1), at))
      ? /^rror calling ([A-Z][A-Za-z0-9]{1,60})(?:\.([a-z]\w{2,100})\b| ([A-Z]\w{2,100}) API\b| ([a-z]+[A-Z][A-Za-z0-9]{1,100}):)/.exec(
          text.slice(at, at + 250),
        )
      : null,
  );
}

/** A call `namedMethodCalls` found: the service's SDK name, the method, and the code a sentence gave with it. */
export interface NamedMethodCall {
  readonly sdkName: string;
  readonly method: string;
  readonly surface: string;
  readonly code?: string | undefined;
}

const namedCalls: Extractor = (text, hints) => {
  for (const call of namedMethodCalls(text)) {
    // a sentence that names its call is the call; an echo before the error only likely one
    const priority =
      call.surface === 'repl' || call.surface === 'clojure' ? PRIORITY.phrase : PRIORITY.namedCall;
    addServiceCall(hints, call.sdkName, call.method, priority, priority, call.surface);
    if (call.code !== undefined) hints.add('code', call.code, PRIORITY.body, call.surface);
  }
  // a tool's own words for the call and the code it got back (``CreateModelInvocationJob` returned
  // `ValidationException: …``: prowler-cloud/prowler#12801): the operation, its service left to the catalog
  // (the name quoted as the tool quotes it, or one the curated table knows: `ProcessOrdersHandler returned …` is a
  // function's; one capital boundary and then one run, so that a long token of capitals is tried once, not in every split)
  const returned = has(text, ' returned ') ? toolReturned(text) : null;
  const returnedCall = returned?.call;
  const returnedCode = returned?.code;
  if (
    returnedCall !== undefined &&
    returnedCode !== undefined &&
    (returned?.quote !== '' || servicesForOperation(returnedCall).length > 0) &&
    (isKnownCode(returnedCode) || isCodeShaped(returnedCode))
  ) {
    hints.add('operation', returnedCall, PRIORITY.phrase, 'tool');
  }
};

/**
 * The first ``Call` returned `Code`` of the text, found from each ` returned ` in turn (a pattern tried at every space of a
 * megabyte took 2 ms): the name before it, then the code after it. The window before is longer than any name the
 * pattern takes with its quote and the character before, so its start is the text's own `^` only where it is the text's.
 */
function toolReturned(text: string): { quote: string; call: string; code: string } | null {
  for (let at = text.indexOf(' returned '); at >= 0; at = text.indexOf(' returned ', at + 1)) {
    const before = RETURNED_BY.exec(text.slice(Math.max(0, at - 210), at));
    const after = before === null ? null : RETURNED_CODE.exec(text.slice(at + 10, at + 100));
    if (before !== null && after !== null) {
      return { quote: before[1] ?? '', call: before[2] ?? '', code: after[1] ?? '' };
    }
  }
  return null;
}

/** A tool's quoted or known call before ` returned ` (the window's end). */
const RETURNED_BY = /(?:^|[\s(])([`'"]?)([A-Z][a-z]{1,20}[A-Z][A-Za-z0-9]{1,180})\1$/;

/** The code after ` returned ` (the window's start). */
const RETURNED_CODE = /^[`'"]?([A-Z][A-Za-z0-9.]{2,80})(?=[`'":\s]|$)/;

/** An SDK method's name as the operation's: `get_bucket_versioning`, `getBucketVersioning` → `GetBucketVersioning`. */
export function pascalCase(name: string): string {
  return name.replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The service the answer's own message names, after the envelope on its line, for an operation several services have
 * (the curated table may know only one of them): the endpoint it tells the caller to use (MediaConvert's `You must use the
 * customer-specific endpoint 'https://abc.mediaconvert.us-east-1.amazonaws.com'` on `GetJob`: boto/boto3#2127), or an
 * EMR cluster's ID (`Cluster id 'j-…' is not valid` on `DescribeCluster`: aws/aws-cli#3099).
 * https://docs.aws.amazon.com/mediaconvert/latest/ug/getting-started.html,
 * https://docs.aws.amazon.com/emr/latest/APIReference/API_DescribeCluster.html
 */
function addMessageService(text: string, from: number, hints: HintSet): void {
  const end = text.indexOf('\n', from);
  const message = text.slice(from, end < 0 ? Math.min(text.length, from + 2000) : Math.min(end, from + 2000));
  // (an endpoint it tells the caller to use, not any URL it names: an identity provider's issuer is no endpoint)
  const host = /\bendpoint:? ['"]?https?:\/\/([a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?)\b/.exec(
    message,
  )?.[1];
  const hosted = host === undefined ? null : serviceFromEndpointHost(host)?.service;
  if (hosted) hints.add('serviceOfOperation', hosted, PRIORITY.implied, 'message');
  else if (/\b[Cc]luster(?: [Ii][Dd])? '?j-[A-Z0-9]{8,14}\b/.test(message))
    hints.add('serviceOfOperation', 'elasticmapreduce', PRIORITY.implied, 'message');
  // (or Kinesis's words for a stream it did not find, `Stream foo under account 123456789012 not found.`, on
  // `GetShardIterator` or `DeleteStream`, names DynamoDB Streams has too)
  // https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html
  else if (/\bStream \S{1,128} under account \d{12} not found\b/.test(message))
    hints.add('serviceOfOperation', 'kinesis', PRIORITY.implied, 'message');
}

/** The service of an `aws <service> <command>` line whose command is `operation` in kebab case (`s3api` is S3's). */
function commandService(text: string, operation: string): string | null {
  // (an acronym its own word: `DeleteDBCluster` is `delete-db-cluster`)
  const kebab = operation.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, '-').toLowerCase();
  const line = new RegExp(`\\baws ([a-z0-9-]{2,40}) ${kebab}(?=\\s|$)`).exec(text);
  if (line === null) return null;
  const name = line[1] ?? '';
  return name === 's3api' ? 's3' : serviceFromSdkName(name);
}

/** The last of at most `max` matches of a global pattern: the innermost of a chain of calls, the latest of a log. */
function lastMatch(text: string, pattern: RegExp, max: number): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  let count = 0;
  for (const found of text.matchAll(pattern)) {
    last = found as RegExpExecArray;
    if (++count === max) break;
  }
  return last;
}

/** Client methods that are no API operation: the shared request path, waiters, paginators, lifecycle. */
const CLIENT_HELPERS =
  /^(?:Invoke|DoInvoke|Execute|Call|SendRequest|BuildRequest|Close|Dispose|Config|ServiceName|Waiter|Utilities|WaitUntil\w*|\w+Paginator|\w+Async)$/;

const kotlin: Extractor = (text, hints) => {
  const m = /aws\.sdk\.kotlin\.services\.(\w{1,60})\.model\.(\w{1,100})/.exec(text);
  if (m) {
    hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkClass, 'kotlin');
    hints.add('code', codeFromExceptionClass(m[2] ?? ''), PRIORITY.sdkClass, 'kotlin');
  }
  // its status, or the Java SDK v2's code of an answer whose body had no message, as a CloudFormation handler relays it
  // (`Resource handler returned message: "Service returned error code AccessDeniedException (Service: Lambda, …)"`)
  const returned = has(text, 'Service returned error code ')
    ? /Service returned error code (\d{3}|[A-Z][A-Za-z0-9.]{2,100})\b/.exec(text)
    : null;
  if (returned?.[1] !== undefined) {
    if (/^\d{3}$/.test(returned[1])) hints.add('httpStatus', returned[1], PRIORITY.body, 'kotlin');
    else hints.add('code', returned[1], PRIORITY.body, 'java-v2');
  }
  const requestId = /Request ID: ([\w-]{4,100})/.exec(text);
  if (requestId) {
    hints.add('requestId', requestId[1], PRIORITY.codeToken, 'sdk');
  }
  // the SDK builds a service's exception from its answer only, even one it could not read (`S3Exception: Failed to
  // parse response as 'restXml' error, Request ID: …`: aws/aws-sdk-kotlin#1368)
  if (m && requestId) hints.relayed('kotlin');
};

/**
 * The Clojure aws-api's anomaly for an answer without a body it could read (`{:cognitect.aws.http/status 400,
 * :cognitect.anomalies/category :cognitect.anomalies/incorrect}`): the answer's status
 * https://github.com/cognitect-labs/aws-api#responses-success-failure
 */
const cognitect: Extractor = (text, hints) => {
  const m = has(text, ':cognitect.aws.http/status ')
    ? /:cognitect\.aws\.http\/status ([45]\d\d)\b/.exec(text)
    : null;
  if (m) {
    hints.add('httpStatus', m[1], PRIORITY.body, 'clojure');
    hints.relayed('clojure');
  }
};

const botocoreClass: Extractor = (text, hints) => {
  // (not the factory a client's `exceptions` attribute is, `<botocore.errorfactory.SecretsManagerExceptions object …>`,
  // which Python prints where code asks it for a class it lacks: apache/airflow#24773)
  const m = /botocore\.errorfactory\.(\w{1,100})(?!\w| object at )/.exec(text);
  if (m && !(m[1] ?? '').endsWith('Exceptions')) {
    hints.add('code', codeFromExceptionClass(m[1] ?? ''), PRIORITY.sdkClass, 'boto3');
  }
};

const jsSdk: Extractor = (text, hints) => {
  const code = /\bcode: '([\w.]{2,100})'/.exec(text);
  if (code && !NOT_CODES.has(code[1] ?? '') && !isWrapperName(code[1] ?? '')) {
    hints.add('code', stripFaultPrefix(code[1]), PRIORITY.body, 'js-v2');
  }
  // Node prints an error's `code` in brackets after its class (`Error [ValidationError]: AccessDenied. User doesn't
  // have permission to call ssm:GetParameters`, as the CDK CLI shows the JS SDK v2's error): the failed call's code,
  // above a code its message retells
  const bracketed = has(text, 'Error [') ? /\bError \[([A-Z][A-Za-z0-9.]{2,100})\]: /.exec(text) : null;
  if (bracketed && !NOT_CODES.has(bracketed[1] ?? '')) {
    hints.add('code', stripFaultPrefix(bracketed[1]), PRIORITY.clientEnvelope, 'js-v2');
  }
  // the Elastic Beanstalk CLI's debug log names each call (`ebcli.lib.aws : Making api call: (s3,
  // list_multipart_uploads) to region: …`); the last one is the one that failed
  const ebCall = has(text, 'Making api call: (')
    ? lastMatch(text, /Making api call: \(([a-z0-9-]{2,40}), ([a-z0-9_]{2,100})\)/g, 100)
    : null;
  if (ebCall) {
    hints.add('service', serviceFromSdkName(ebCall[1] ?? '') ?? ebCall[1], PRIORITY.namedCall, 'eb-cli');
    hints.add('operation', pascalCase(ebCall[2] ?? ''), PRIORITY.clientEnvelope, 'eb-cli');
  }
  // the JS SDK v2's stack of an answer it parsed: its first line is the error's code (its `name`), with the message
  // after a colon when the answer had one (`InternalFailure` / `    at Request.extractError (…/aws-sdk/lib/protocol/
  // query.js:50:29)`: aws/aws-cdk#1599)
  const extracted = has(text, 'at Request.extractError (')
    ? /(?:^|\n)[ \t]*([A-Z][A-Za-z0-9]{2,100}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,3})(?::[^\n]{0,2000})?\n[ \t]+at Request\.extractError \(/.exec(
        text,
      )
    : null;
  if (extracted && !isWrapperName(extracted[1] ?? '') && !NOT_CODES.has(extracted[1] ?? '')) {
    hints.add('code', stripFaultPrefix(extracted[1]), PRIORITY.body, 'js-v2');
  }
  // AWS Tools for PowerShell's verbose line names the API its cmdlet calls (`VERBOSE: Performing the operation
  // "Write-S3Object (PutObject)" on target …`)
  const verbose = has(text, 'Performing the operation "')
    ? /Performing the operation "[A-Z][a-z]{1,20}-[A-Z][A-Za-z0-9]{1,80} \(([A-Z][A-Za-z0-9]{2,80})\)"/.exec(
        text,
      )
    : null;
  if (verbose) hints.add('operation', verbose[1], PRIORITY.namedCall, 'powershell');
  // a tool's log of the call that failed by its operation's name, with the SDK's request type or the service before it
  // (`DescribeInstances failed : UnauthorizedOperation`, Filebeat's `SQS ReceiveMessageRequest failed:`)
  const opFailed = has(text, 'failed') ? operationFailed(text) : null;
  if (opFailed?.[2] !== undefined && servicesForOperation(opFailed[2]).length > 0) {
    if (opFailed[1] === undefined) hints.add('operation', opFailed[2], PRIORITY.phrase, 'tool');
    else addServiceCall(hints, opFailed[1], opFailed[2], PRIORITY.phrase, PRIORITY.phrase, 'tool');
  }
  // a tool's own words for the call that failed, in the SDK's spelling (`sts getCallerIdentity failed: error from AWS
  // (expected 200, got 403)`: aws-iam-authenticator)
  const toolCall = has(text, ' failed: ')
    ? /\b([a-z][a-z0-9-]{1,20}) ([a-z][A-Za-z0-9]{2,60}) failed: /.exec(text)
    : null;
  if (toolCall !== null) {
    addServiceCall(hints, toolCall[1] ?? '', toolCall[2] ?? '', PRIORITY.namedCall, PRIORITY.phrase, 'tool');
  }
  // the AWS SDK for C++'s error as Apache Arrow's S3 filesystem (pyarrow, PyIceberg) relays it (`AWS Error ACCESS_DENIED
  // during HeadObject operation: No response body.`, `AWS Error UNKNOWN (HTTP status 403) during …`): the SDK's own
  // name of the error, the call, and a refusal where that name is one
  // https://docs.aws.amazon.com/sdk-for-cpp/v1/developer-guide/error-handling.html
  // (also `… during HeadObject call:` as Arrow's older releases wrote it, the name's period, and an operation in words,
  // `AWS Error SLOW_DOWN. during Put Object operation:`: apache/arrow commits db8348b and a44b537)
  const cpp = has(text, 'AWS Error ')
    ? /\bAWS Error ([A-Z][A-Z_]{2,60})\.?(?: \(HTTP status (\d{3})\))? during ([A-Z]\w{1,40}(?: [A-Z]\w{1,40}){0,3}) (?:operation|call)\b/.exec(
        text,
      )
    : null;
  if (cpp) {
    hints.add('operation', (cpp[3] ?? '').replaceAll(' ', ''), PRIORITY.clientEnvelope, 'cpp');
    hints.add('httpStatus', cpp[2], PRIORITY.body, 'cpp');
    // the service's code, the SDK's name of it in capitals (`SLOW_DOWN` is S3's SlowDown, `NO_SUCH_BUCKET` NoSuchBucket),
    // where the answer's message follows; the SDK's own failures (`UNKNOWN`, `NETWORK_CONNECTION`, …) name none
    // https://sdk.amazonaws.com/cpp/api/LATEST/aws-cpp-sdk-core/html/namespace_aws_1_1_client.html
    const said = text.slice(cpp.index + cpp[0].length, cpp.index + cpp[0].length + 60);
    const named = cpp[1] ?? '';
    if (
      named !== 'ACCESS_DENIED' &&
      !CPP_CLIENT_ERRORS.has(named) &&
      /^:\s{1,20}(?!No response body)\S/.test(said)
    ) {
      hints.add('code', pascalCase(named.toLowerCase()), PRIORITY.codeToken, 'cpp');
    }
    if (cpp[1] === 'ACCESS_DENIED') {
      hints.refusal('cpp');
      // S3's body said AccessDenied, which the SDK names ACCESS_DENIED, where its message follows (`…: Anonymous users
      // cannot initiate multipart uploads.`: apache/arrow#38421; also on the next line: apache/iceberg-python#2329); a
      // HEAD's answer has no body, only the 403
      const said = text.slice(cpp.index + cpp[0].length, cpp.index + cpp[0].length + 60);
      if (/^:\s{1,20}(?!No response body)\S/.test(said))
        hints.add('code', 'AccessDenied', PRIORITY.codeToken, 'cpp');
    }
  }
  // (and Arrow's older words for it, the SDK's number of the error and the service's code as the SDK failed to read it:
  // `AWS Error [code 100]: Unable to parse ExceptionName: InvalidLocationConstraint Message: …`, apache/arrow#10634;
  // `AWS Error [code 15]: No response body.`, 15 the SDK's ACCESS_DENIED)
  // https://sdk.amazonaws.com/cpp/api/LATEST/aws-cpp-sdk-core/html/namespace_aws_1_1_client.html
  // (not the SDK's own failure to connect, `AWS Error [code 99]: curlCode: 6, Couldn't resolve host name`, 99 its
  // NETWORK_CONNECTION: apache/arrow's r/vignettes/fs.Rmd; nor MinIO's own codes, `ExceptionName:
  // XMinioServerNotInitialized`: apache/arrow commit a95d688)
  const cppNumbered = has(text, 'AWS Error [code ') ? /\bAWS Error \[code (\d{1,3})\]: /.exec(text) : null;
  const cppSaid = cppNumbered === null ? '' : text.slice(cppNumbered.index + cppNumbered[0].length);
  const named =
    cppNumbered === null
      ? null
      : /^[^\n]{0,60}?\bExceptionName: ([A-Z][A-Za-z0-9.]{2,100}) Message: /.exec(cppSaid);
  if (
    cppNumbered &&
    cppNumbered[1] !== '99' &&
    !cppSaid.startsWith('curlCode: ') &&
    named?.[1]?.startsWith('XMinio') !== true
  ) {
    hints.relayed('cpp');
    if (cppNumbered[1] === '15') hints.refusal('cpp');
    if (named) hints.add('code', named[1], PRIORITY.body, 'cpp');
  }
  // boto 2's Glacier client, the status it expected and the answer's status and code (`Expected 204, got (408,
  // code=RequestTimeoutException, message=Request timed out.)`: tsileo/bakthat#74)
  const boto2 = has(text, ', code=')
    ? /\bExpected \d{3}, got \((\d{3}), code=([A-Z][A-Za-z0-9.]{2,100}), message=/.exec(text)
    : null;
  if (boto2) {
    hints.add('code', boto2[2], PRIORITY.body, 'boto2');
    hints.add('httpStatus', boto2[1], PRIORITY.body, 'boto2');
  }
  // minio-go's S3 client, under restic, Velero, Thanos and Loki (`client.PutObject: Access Denied.`,
  // `client.BucketExists: Access Denied.`): its method and the S3 operation it makes
  const minio = has(text, 'client.') ? /\bclient\.([A-Z][A-Za-z]{2,40}): /.exec(text) : null;
  const minioOperation = minio === null ? undefined : MINIO_OPERATIONS[minio[1] ?? ''];
  if (minioOperation !== undefined) {
    hints.add('service', 's3', PRIORITY.namedCall, 'minio-go');
    hints.add('operation', minioOperation, PRIORITY.clientEnvelope, 'minio-go');
  }
  // the JS SDK v2's logger line of each call (`[AWS ec2 400 0.1s 0 retries] allocateAddress({ Domain: 'vpc' })`): the
  // last one answered with an error status is the failed call
  // https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/logging-sdk-calls.html
  const logged = has(text, '[AWS ')
    ? lastMatch(
        text,
        /\[AWS ([a-z0-9-]{2,40}) [45]\d\d [\d.]{1,12}s \d{1,3} retries\] ([a-z][A-Za-z0-9]{1,100})\(/g,
        100,
      )
    : null;
  if (logged) {
    hints.add('service', serviceFromSdkName(logged[1] ?? '') ?? logged[1], PRIORITY.namedCall, 'js-v2');
    hints.add('operation', pascalCase(logged[2] ?? ''), PRIORITY.clientEnvelope, 'js-v2');
  }
  // the iOS SDK's failed call and its service's error domain (`GetId failed. Error is [Error
  // Domain=com.amazonaws.AWSCognitoIdentityErrorDomain Code=8 …]`)
  const ios = has(text, 'ErrorDomain')
    ? /\b([A-Z][A-Za-z0-9]{2,100}) failed\. Error is \[Error Domain=com\.amazonaws\.AWS(\w{2,60})ErrorDomain/.exec(
        text,
      )
    : null;
  if (ios) {
    hints.add('service', serviceFromSdkName(ios[2] ?? ''), PRIORITY.namedCall, 'ios');
    hints.add('operation', ios[1], PRIORITY.clientEnvelope, 'ios');
  }
  // (and its error's user info as printed, the answer's type as its failure reason: `{__type=BadRequestException,
  // Message=Exceeded maximum endpoint per user count 10, …, NSLocalizedFailureReason=BadRequestException}`,
  // aws-amplify/aws-sdk-ios#1189)
  const reason = has(text, 'NSLocalizedFailureReason=')
    ? /\bNSLocalizedFailureReason=([A-Z][A-Za-z0-9]{2,100})(?:[,}\s]|:https?:\/\/)/.exec(text)
    : null;
  if (reason?.[1] !== undefined && isCodeShaped(reason[1]))
    hints.add('code', reason[1], PRIORITY.body, 'ios');
  const status = /\bstatusCode: (\d{3})/.exec(text);
  if (status) {
    hints.add('httpStatus', status[1], PRIORITY.body, 'js-v2');
  }
  const requestId = /\brequestId: '([\w-]{4,100})/.exec(text);
  if (requestId) {
    hints.add('requestId', requestId[1], PRIORITY.body, 'js-v2');
  }
  const service = /aws-sdk\/lib\/services\/(\w{1,60})\.js/.exec(text);
  if (service) {
    hints.add('service', serviceFromSdkName(service[1] ?? ''), PRIORITY.sdkClass, 'js-v2');
  }
  const v3 =
    /\b(?:deserializeAws_(?:restXml|restJson1|json1_0|json1_1|awsJson1_0|awsJson1_1|query|ec2)|de_)(\w{1,100}?)CommandError\b/.exec(
      text,
    );
  if (v3) {
    hints.add('operation', v3[1], PRIORITY.sdkClass, 'js-v3');
    // (the deserializer of an error response ran: the service answered, with no code where its body had none, as
    // `302: UnknownError` over a redirect to another region's endpoint: directus/directus#17065; its client's package
    // names the service: `client-s3` in the SDK scope's `node_modules` path to `Aws_restXml.js`)
    // (not where the client could not read the body at all, `Deserialization error: to see the raw response …` over a
    // proxy's HTML page: no AWS answer shown)
    if (!has(text, 'Deserialization error')) hints.relayed('js-v3');
    // (the package on the frame's own line: a stack may hold other clients' frames)
    const frameEnd = text.indexOf('\n', v3.index);
    const frameLine = text.slice(
      v3.index,
      frameEnd < 0 ? v3.index + 600 : Math.min(frameEnd, v3.index + 600),
    );
    const client = /@aws-sdk\/client-([a-z0-9-]{2,60})\//.exec(frameLine)?.[1];
    const clientService = client === undefined ? null : serviceFromSdkName(client);
    if (clientService !== null) hints.add('service', clientService, PRIORITY.sdkClass, 'js-v3');
  }
  if (has(text, '"$metadata"') || has(text, '$fault')) {
    hints.surface('js-v3');
  }
  // v3's client and command named together, as its logger middleware prints them (`clientName: 'S3Client', commandName:
  // 'PutObjectCommand'`) or an application's own log line (`AWS SDK context SecretsManagerClient GetSecretValueCommand`:
  // aws/aws-sdk-js-v3#6355): the call https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/logging-sdk-calls.html
  const command = has(text, 'Command') ? clientCommand(text) : null;
  const commandService = command === null ? null : serviceFromSdkName(command.client);
  if (commandService !== null && command !== null) {
    hints.add('service', commandService, PRIORITY.sdkClass, 'js-v3');
    hints.add('operation', command.command, PRIORITY.sdkClass, 'js-v3');
  }
  // a JSON protocol request's target header, as a client's debug log prints it (`x-amz-target:
  // AWSCognitoIdentityService.GetCredentialsForIdentity`: aws-amplify/amplify-js#741): the call
  // https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/CommonParameters.html
  const target =
    has(text, 'mz-target') || has(text, 'mz-Target')
      ? /\b[Xx]-[Aa]mz-[Tt]arget["']?\s{0,4}[:=]\s{0,4}["']?([A-Za-z][A-Za-z0-9_]{1,80})\.([A-Z][A-Za-z0-9]{2,60})\b/.exec(
          text,
        )
      : null;
  if (target?.[2] !== undefined) {
    const prefix = (target[1] ?? '').replace(/_\d{8}$/, '').replace(/V\d{8}$/, '');
    const service = serviceFromSdkName(prefix) ?? serviceFromSdkName(prefix.replace(/Service$/, ''));
    if (service !== null) hints.add('service', service, PRIORITY.namedCall, 'http');
    hints.add('operation', target[2], PRIORITY.namedCall, 'http');
  }
};

/**
 * The headers of a raw HTTP response from a JSON-protocol service: `x-amzn-ErrorType` carries the error
 * code (`AccessDeniedException`, possibly after a `namespace#` and before a `:http://...` suffix), and
 * `x-amzn-RequestId` the request id. AWS's own JSON error parsers read the header before the body's
 * `code` and `__type`; a body may carry a code of its own that is not AWS's (API Gateway, Amazon's APIs).
 * @see https://github.com/aws-amplify/amplify-js/blob/main/packages/core/src/clients/serde/json.ts
 */
const httpHeaders: Extractor = (text, hints) => {
  if (!/x-amzn-/i.test(text)) {
    return;
  }
  // also as a debug log prints the headers as a dict (`'x-amzn-ErrorType': 'InvalidGrantException:http://…'`)
  const errorType = /\bx-amzn-ErrorType['"]?:[ \t]*['"]?([A-Za-z][\w.#]{1,200})/i.exec(text);
  if (errorType) {
    const raw = errorType[1] ?? '';
    hints.add('code', stripFaultPrefix(raw.slice(raw.lastIndexOf('#') + 1)), PRIORITY.body, 'http-headers');
  }
  const requestId = /\bx-amzn-RequestId:[ \t]*([\w-]{4,100})/i.exec(text);
  if (requestId) {
    hints.add('requestId', requestId[1], PRIORITY.body, 'http-headers');
  }
};

/**
 * urllib3's debug log of each answer, as boto3's and botocore's debug logs print it (`DEBUG:urllib3.connectionpool:
 * https://s3.amazonaws.com:443 "POST /bucket/key?uploads= HTTP/1.1" 403 None`): the last failed answer's status,
 * when nothing else in the text gives one (a host's label is no IAM prefix: `oidc.…` is `sso-oauth`'s).
 * https://boto3.amazonaws.com/v1/documentation/api/latest/guide/error-handling.html
 */
const urllib3Log: Extractor = (text, hints) => {
  if (!has(text, ' HTTP/1.1" ') || !text.includes('amazonaws.com')) return;
  const answers = text.matchAll(
    /https:\/\/[a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?:443 "[A-Z]{3,7} [^"\s]{1,2048} HTTP\/1\.1" ([45]\d\d)\b/g,
  );
  let last: RegExpExecArray | null = null;
  let count = 0;
  for (const m of answers) {
    last = m;
    if (++count > 200) break;
  }
  if (last === null) return;
  hints.add('httpStatus', last[1], PRIORITY.implied, 'urllib3');
};

/**
 * git over HTTPS refused by CodeCommit (`fatal: unable to access 'https://git-codecommit.us-east-1.amazonaws.com/v1/
 * repos/r/': The requested URL returned error: 403`): the status CodeCommit answered with.
 * https://docs.aws.amazon.com/codecommit/latest/userguide/troubleshooting-gc.html
 */
/** A boto3 client made in a Python program (`boto3.client('mediaconvert')`, a session's), around its `.client(`. */
const BOTO_CLIENT =
  /\b(?:boto3|session|[a-z_]{0,30}session)\.client\(\s{0,4}(?:service_name\s{0,2}=\s{0,2})?['"]([a-z0-9-]{2,40})['"]/;

/** A JSON log record's field naming the call's operation (OpenTelemetry's `rpc.method`, an application's own). */
const JSON_OPERATION_FIELD = /"(?:rpc\.method|(?:aws\.)?operation)"\s{0,4}:\s{0,4}"([A-Za-z]\w{1,100})"/g;
/** … and its service. */
const JSON_SERVICE_FIELD = /"(?:rpc\.|aws\.)?service"\s{0,4}:\s{0,4}"([\w -]{2,60})"/g;

/**
 * The Go SDK v1's error value printed with `%#v` rather than its message (`&awserr.requestError{awsError:(*awserr.
 * baseError)(0xc4…), statusCode:403, requestID:"ff3350d7-…"}`, as Vault's AWS auth method logged it: hashicorp/vault#4999):
 * the answer's status and request id, its code behind the pointer.
 * https://docs.aws.amazon.com/sdk-for-go/api/aws/awserr/
 */
const goV1ErrorValue: Extractor = (text, hints) => {
  if (!has(text, 'awserr.requestError{')) return;
  const value =
    /&awserr\.requestError\{awsError:\(\*awserr\.baseError\)\(0x[0-9a-f]{1,16}\), statusCode:([1-5]\d\d), requestID:"([^"\s]{0,100})"\}/.exec(
      text,
    );
  if (value === null) return;
  hints.add('httpStatus', value[1], PRIORITY.body, 'go-v1');
  if (value[2] !== undefined && value[2] !== '') hints.add('requestId', value[2], PRIORITY.body, 'go-v1');
};

const codeCommitGit: Extractor = (text, hints) => {
  if (!has(text, 'The requested URL returned error: ') || !text.includes('git-codecommit.')) return;
  const m =
    /unable to access '?https:\/\/git-codecommit\.[^'\s]{1,300}'?: The requested URL returned error: ([45]\d\d)\b/.exec(
      text,
    );
  if (m) {
    hints.add('httpStatus', m[1], PRIORITY.implied, 'codecommit');
    hints.add('service', 'codecommit', PRIORITY.implied, 'codecommit');
  }
};

/**
 * A registry client's refused request to ECR's Docker Registry API (`GET https://1.dkr.ecr.us-east-1.amazonaws.com/v2/
 * r/tags/list?n=1000: unexpected status code 401 Unauthorized: Not Authorized`, as go-containerregistry prints it):
 * the status ECR answered with. Its sentence for a repository it does not have, under the registry API's own code
 * (`NAME_UNKNOWN: The repository with name 'r' does not exist in the registry with id '1'`: ko-build/ko#1322), is an
 * answer of ECR's without an AWS code.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html,
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html#API_BatchGetImage_Errors
 */
const ecrRegistry: Extractor = (text, hints) => {
  if (has(text, 'does not exist in the registry with id')) {
    hints.add('service', 'ecr', PRIORITY.phrase, 'ecr-registry');
    hints.relayed('ecr-registry');
  }
  // the registry API's own code of a refusal from ECR's public or private registry (`{"errors":[{"code":"DENIED",
  // "message":"Not Authorized"}]}` of public.ecr.aws: jetstack/version-checker#122)
  // https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes
  if (
    has(text, 'DENIED') &&
    (has(text, 'public.ecr.aws') || has(text, '.dkr.ecr.')) &&
    /\\?"code\\?"\s?:\s?\\?"DENIED\\?"/.test(text)
  )
    hints.refusal('ecr-registry');
  if (!has(text, '.dkr.ecr.')) return;
  // (and containerd's words for it, as a kubelet's pull relays them: `unexpected status from HEAD request to
  // https://1.dkr.ecr.us-west-2.amazonaws.com/v2/r/manifests/v1: 401 Unauthorized`, aws/eks-charts#1044)
  const m = has(text, ': unexpected status code ')
    ? /https:\/\/[\w-]{1,80}\.dkr\.ecr\.[a-z0-9-]{2,30}\.amazonaws\.com(?:\.cn)?\/[^\s:]{0,2048}: unexpected status code ([45]\d\d)\b/.exec(
        text,
      )
    : has(text, 'unexpected status from ')
      ? /unexpected status from [A-Z]{3,6} request to https:\/\/[\w-]{1,80}\.dkr\.ecr\.[a-z0-9-]{2,30}\.amazonaws\.com(?:\.cn)?\/[^\s:]{0,2048}: ([45]\d\d)\b/.exec(
          text,
        )
      : // (and Flux's source controller's, `pulling from host 1.dkr.ecr.us-west-2.amazonaws.com failed with status code
        // [manifests 1.1.5]: 401 Unauthorized`, fluxcd/source-controller#951)
        has(text, 'failed with status code [')
        ? /\bpulling from host [\w-]{1,80}\.dkr\.ecr\.[a-z0-9-]{2,30}\.amazonaws\.com(?:\.cn)? failed with status code \[[^\]\n]{0,200}\]: ([45]\d\d)\b/.exec(
            text,
          )
        : null;
  if (m) hints.add('httpStatus', m[1], PRIORITY.implied, 'ecr-registry');
};

/**
 * ClickHouse's S3 table functions and disks relay S3's answer in an exception of their own marked `(S3_ERROR)`; an
 * answer without a body (S3 answers HEAD requests with none) leaves only its status: `Failed to get object info: No
 * response body.. HTTP response code: 403` (ClickHouse/clickhouse-academy#40).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
const clickhouseS3: Extractor = (text, hints) => {
  if (!has(text, '(S3_ERROR)')) return;
  const m = /\bHTTP response code: ([45]\d\d)\b/.exec(text);
  if (m) hints.add('httpStatus', m[1], PRIORITY.implied, 'clickhouse');
};

/**
 * The Haskell SDK's (amazonka) record of a service's error, one field a line (`[ServiceError] {` / `service    =
 * DynamoDB` / `status     = 400 Bad Request` / `code       = ProvisionedThroughputExceeded`), the code as amazonka
 * keeps it, without the `Exception` the service may add (haskell-mafia/boris#75).
 * https://hackage.haskell.org/package/amazonka-core/docs/Amazonka-Types.html
 */
const amazonka: Extractor = (text, hints) => {
  // (amazonka 1.x shows the record's Haskell fields: `_serviceAbbrev = Abbrev "CloudWatchLogs", …, _serviceCode = ErrorCode
  // "Throttling"`: haskell-mafia/boris#45)
  const shown = has(text, '_serviceCode = ErrorCode "')
    ? /_serviceCode = ErrorCode "([A-Z][\w.]{2,100})"/.exec(text)
    : null;
  if (shown) {
    hints.add('code', shown[1], PRIORITY.body, 'amazonka');
    const abbrev = /_serviceAbbrev = Abbrev "(\w{2,60})"/.exec(text);
    hints.add('service', serviceFromSdkName(abbrev?.[1] ?? ''), PRIORITY.sdkSuffixService, 'amazonka');
  }
  if (!has(text, '[ServiceError] {')) return;
  const field = (name: string): string | undefined =>
    new RegExp(`\\n[ \\t]*${name}[ \\t]*= ([^\\n]{1,300})`).exec(text)?.[1]?.trim();
  const code = field('code');
  if (code !== undefined && /^[A-Z][A-Za-z0-9.]{2,100}$/.test(code))
    hints.add('code', code, PRIORITY.body, 'amazonka');
  hints.add('service', serviceFromSdkName(field('service') ?? ''), PRIORITY.sdkSuffixService, 'amazonka');
  hints.add('httpStatus', /^(\d{3})\b/.exec(field('status') ?? '')?.[1], PRIORITY.body, 'amazonka');
};

/**
 * AWS IoT Core's log records of a refused device (`"eventType": "Connect"`, `"status": "Failure"`, `"reason":
 * "AUTHORIZATION_FAILURE"`; the legacy line `EVENT:MQTT Client Connect MESSAGE:Connect Status: AUTHORIZATION_ERROR`):
 * the event names the action its policy did not allow.
 * https://docs.aws.amazon.com/iot/latest/developerguide/cwl-format.html
 */
const iotCoreLog: Extractor = (text, hints) => {
  if (has(text, '"AUTHORIZATION_FAILURE"')) {
    const event = /"eventType"\s*:\s*"(Connect|Publish-In|Publish-Out|Subscribe)"/.exec(text)?.[1];
    const action = event === undefined ? undefined : IOT_EVENT_ACTIONS[event];
    if (action !== undefined) {
      hints.refusal('iot');
      hints.add('action', action, PRIORITY.structuredRecord, 'iot');
    }
  } else if (has(text, 'MESSAGE:Connect Status: AUTHORIZATION_ERROR')) {
    hints.refusal('iot');
    hints.add('action', 'iot:Connect', PRIORITY.structuredRecord, 'iot');
  } else if (
    has(text, 'CONNACK') &&
    has(text, 'Client is not authenticated/authorized to send the message') &&
    has(text, 'NOT_AUTHORIZED')
  ) {
    // IoT Core's MQTT 5 refusal of a connection, its reason code NOT_AUTHORIZED (0x87) with its reason string, as a
    // device client logs the CONNACK (aws-greengrass/aws-greengrass-nucleus#1754): the device's policy or certificate
    // refused iot:Connect https://docs.aws.amazon.com/iot/latest/developerguide/mqtt.html#mqtt5-reason-codes
    hints.refusal('iot');
    hints.add('action', 'iot:Connect', PRIORITY.phrase, 'iot');
  }
};

/** Whether an error object's `details` array of errors with their own codes follows, within its fields (at `from`). */
function envelopeOfDetails(text: string, from: number): boolean {
  const window = text.slice(from, from + 600);
  return /^[^{}[\]]{0,500}"details"\s*:\s*\[\s*\{[^{}]{0,200}"code"\s*:/.test(window);
}

/** The IoT Core log's event types and the action each checks (a message delivered out to a client is Receive). */
const IOT_EVENT_ACTIONS: Readonly<Record<string, string>> = {
  Connect: 'iot:Connect',
  'Publish-In': 'iot:Publish',
  'Publish-Out': 'iot:Receive',
  Subscribe: 'iot:Subscribe',
};

/**
 * Fields of JSON bodies and dumps, also when the JSON is partial or embedded in other text, and of
 * Python 2 dict reprs (`{u'__type': u'com.amazon.coral.service#AccessDeniedException'}`, as boto 2 prints
 * a JSON error body). A wrapper's own name (Lambda's `Runtime.UnhandledPromiseRejection`) is no code: the
 * AWS code it wraps (its `reason.errorType`) is.
 */
const jsonFields: Extractor = (text, hints) => {
  let count = 0;
  for (const m of text.matchAll(
    // JSON, a Ruby hash as `inspect` prints it (`"Code"=>"Throttling"`), a Python repr
    // and Node's `util.inspect` of a body (`{ Output: { __type: 'com.amazon.coral.service#UnknownOperationException' } }`:
    // anthropics/anthropic-sdk-typescript#440)
    /"(__type|code|Code|errorType|name|errorCode|ErrorCode)"\s*(?::|=>)\s*"([^"\n]{1,200})"|u?'(__type|code|Code|errorType|errorCode)'\s*:\s*u?'([^'\n]{1,200})'|(?<![\w"'])(__type): '([^'\n]{1,200})'/g,
  )) {
    if (++count > 200) {
      // a body has a few such fields; a long dump's later ones add nothing but time
      break;
    }
    const key = m[1] ?? m[3] ?? m[5] ?? '';
    const raw = m[2] ?? m[4] ?? m[6] ?? '';
    const value = stripFaultPrefix(raw.slice(raw.lastIndexOf('#') + 1)) ?? '';
    // (nor a mask that stands for a name: Flux's `"name":"XXXXXXX"` of a redacted object)
    if (isWrapperName(value) || /^[Xx*]{3,}$/.test(value)) {
      continue;
    }
    // (nor the JavaScript SDKs' code of an answer whose body named none, `{"message": "Not Found", "code":
    // "UnknownError", "statusCode": 404}`: aws/aws-sdk-js#1718, an answer read by its status, as `Forbidden: null` is)
    if (value === 'UnknownError' && key !== 'errorType') {
      hints.relayed('js-v2');
      continue;
    }
    const surface =
      key === 'errorType'
        ? 'lambda-runtime'
        : m[5] !== undefined
          ? 'node-inspect'
          : m[3] === undefined
            ? 'json-body'
            : 'python-repr';
    // a status in a gateway's envelope (LiteLLM's `"code":"403"`) is the status, no code
    if (/^\d{3}$/.test(value)) {
      hints.add('httpStatus', value, PRIORITY.body, surface);
      continue;
    }
    const code = key === 'errorType' || key === 'name' ? codeFromExceptionClass(value) : value;
    // a Lambda function's `errorType` names the class its code threw: its own (`DatabaseOperationException`)
    // yields to an AWS code the message carries (`… failed. AccessDeniedException: User: …`)
    // (and an envelope's code to its details' codes, the error it stands for: an Azure Resource Manager-shaped error
    // `{"code": "ResourceDeploymentFailure", …, "details": [{"code": "ServiceLimitExceeded", "message": "… (Service: Rds,
    // …)"}]}`, radius-project/radius#7009) https://github.com/microsoft/api-guidelines/blob/vNext/azure/Guidelines.md#handling-errors
    const own =
      (key === 'errorType' && code !== null && !isKnownCode(code)) ||
      envelopeOfDetails(text, m.index + m[0].length);
    hints.add('code', code, own ? PRIORITY.codeToken : PRIORITY.body, surface);
  }
  // Step Functions' error and cause of a failed state or execution (`{"error": "States.TaskFailed", "cause": "…"}`,
  // `{"Error":"Lambda.Unknown","Cause":"…"}`): its own error names, a service integration's `<Service>.<Exception>`
  // https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
  const stepError =
    has(text, '"cause"') || has(text, '"Cause"')
      ? /"(?:error|Error)"\s*:\s*"([A-Z][A-Za-z0-9]{1,40}\.[A-Z][A-Za-z0-9.]{2,100})"/.exec(text)
      : null;
  const stepName = stepError?.[1];
  if (stepName?.startsWith('States.')) {
    hints.add('code', stepName, PRIORITY.body, 'stepfunctions');
  } else if (stepName !== undefined) {
    // a task's error under the service's name: the service's own code where it is one (`Lambda.KMSAccessDeniedException`),
    // not its SDK's generic class (`Ec2.Ec2Exception`, `SesV2.SesV2Exception`: the class of every error of the
    // service, whose cause's sentence may tell the code); the whole name last
    const own = stepName.slice(stepName.indexOf('.') + 1);
    const generic = isServiceClass(own);
    if (isKnownCode(own) || (isCodeShaped(own) && !generic))
      hints.add('code', own, PRIORITY.codeToken, 'stepfunctions');
    if (!generic) hints.add('code', stepName, PRIORITY.implied - 5, 'stepfunctions');
  }
  // AppSync's `errorType` as the Amplify libraries print a GraphQL error's extensions: Android's `toString`
  // (`extensions='{errorInfo=null, data=null, errorType=Unauthorized}'`: aws-amplify/amplify-flutter#1179) and Swift's
  // (`"errorType": Amplify.JSONValue.string("Unauthorized")`: aws-amplify/amplify-swift#3159)
  // https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html
  const appSyncType = has(text, 'errorType')
    ? /[{,]\s?errorType=([A-Z][A-Za-z0-9:.]{2,100})[,}]|"errorType": Amplify\.JSONValue\.string\("([A-Z][A-Za-z0-9:.]{2,100})"\)/.exec(
        text,
      )
    : null;
  const appSyncCode = appSyncType?.[1] ?? appSyncType?.[2];
  if (appSyncCode !== undefined) hints.add('code', appSyncCode, PRIORITY.body, 'appsync');
  // the iOS SDK's NSError with the body's fields unquoted (`UserInfo=0x… {__type=com.amazonaws.dynamodb.v20120810#
  // ResourceNotFoundException, message=Requested resource not found}`: awslabs/aws-sdk-ios-samples#17)
  const nsError = has(text, '__type=')
    ? /\{__type=(?:[\w.]{1,100}#)?([A-Z][A-Za-z0-9.]{2,100})[,}]/.exec(text)
    : null;
  if (nsError) {
    hints.add('code', nsError[1], PRIORITY.body, 'ios');
  }
  // a row of CloudTrail's event history copied from the console with its error code column shown (`…
  // ec2.amazonaws.com  CreateNetworkInterface  Client.UnauthorizedOperation  You are not authorized …`): event source,
  // event name, error code, two spaces or more apart; the code taken only where it is shaped like one (the columns are
  // the user's choice) https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
  const historyRow = has(text, 'amazonaws.com  ')
    ? firstNear(text, '.amazonaws.com  ', (at) => {
        const source = /(?:^|[^a-z0-9-])([a-z0-9-]{2,40})$/.exec(text.slice(Math.max(0, at - 41), at));
        const columns =
          /^\.amazonaws\.com {2,40}([A-Z][A-Za-z0-9]{2,100}) {2,40}((?:Client\.|Server\.)?[A-Z][A-Za-z0-9.]{2,100}) {2,40}\S/.exec(
            text.slice(at, at + 300),
          );
        return source && columns ? [source[1] ?? '', columns[1] ?? '', columns[2] ?? ''] : null;
      })
    : null;
  const historyCode = stripFaultPrefix(historyRow?.[2]);
  if (
    historyRow !== null &&
    historyCode !== null &&
    (/^(?:Client|Server)\./.test(historyRow[2] ?? '') ||
      isKnownCode(historyCode) ||
      isCodeShaped(historyCode))
  ) {
    hints.add(
      'service',
      serviceFromEventSource(`${historyRow[0]}.amazonaws.com`),
      PRIORITY.structuredRecord,
      'cloudtrail',
    );
    hints.add('operation', historyRow[1], PRIORITY.structuredRecord, 'cloudtrail');
    hints.add('code', historyCode, PRIORITY.codeToken, 'cloudtrail');
  }
  // a CloudTrail record's fields retold in Markdown (``errorCode: `AccessDenied` ``)
  const markdownCode = has(text, 'errorCode: `') ? /\berrorCode: `([A-Z][\w.]{1,100})`/.exec(text) : null;
  if (markdownCode) {
    hints.add('code', markdownCode[1], PRIORITY.body, 'cloudtrail');
  }
  // PHP's var_dump of an error object: `["code"]=> string(15) "MessageRejected"`
  const dumped = has(text, '["code"]=>')
    ? /\["code"\]=>\s*string\(\d+\) "([A-Za-z][\w.]{1,100})"/.exec(text)
    : null;
  if (dumped) {
    hints.add('code', stripFaultPrefix(dumped[1]), PRIORITY.body, 'php');
  }
  const status = /"(?:httpStatusCode|statusCode|StatusCode)"\s*:\s*(\d{3})/.exec(text);
  if (status) {
    hints.add('httpStatus', status[1], PRIORITY.body, 'json-body');
  }
  // Karpenter's structured log of the failed call (`"aws-error-code":"MaxTemplateLimitExceeded",
  // "aws-operation-name":"CreateLaunchTemplate",…,"aws-service-name":"EC2","aws-status-code":400`: karpenter#2579)
  if (has(text, '"aws-error-code"') || has(text, '"aws-operation-name"')) {
    const field = (name: string) =>
      new RegExp(`"aws-${name}"\\s*:\\s*"?([\\w .-]{2,100}?)"?[,}]`).exec(text)?.[1];
    hints.add('code', stripFaultPrefix(field('error-code')), PRIORITY.body, 'karpenter');
    hints.add('operation', field('operation-name'), PRIORITY.clientEnvelope, 'karpenter');
    const service = field('service-name');
    if (service !== undefined)
      hints.add('service', serviceFromSdkName(service), PRIORITY.namedCall, 'karpenter');
    hints.add('httpStatus', field('status-code'), PRIORITY.body, 'karpenter');
  }
  const message = /"(?:errorMessage|Message|message)"\s*:\s*"((?:[^"\\\n]|\\.){1,8000})"/.exec(text);
  if (message) {
    hints.add('message', message[1], PRIORITY.body, 'json-body');
  }
  const pythonMessage =
    has(text, "'Message'") || has(text, "'message'")
      ? /u?'(?:Message|message)'\s*:\s*u?(?:'((?:[^'\\\n]|\\.){1,8000})'|"((?:[^"\\\n]|\\.){1,8000})")/.exec(
          text,
        )
      : null;
  if (pythonMessage) {
    hints.add('message', pythonMessage[1] ?? pythonMessage[2], PRIORITY.body, 'python-repr');
  }
};

/**
 * Cognito's hosted UI relaying an identity provider's SAML response it could not process, as the OAuth error it
 * redirects with (`[Cognito] server_error: Error in SAML response processing: Invalid user attributes: …`:
 * aws-samples/cloudfront-authorization-at-edge#153): Cognito's answer without a code.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-saml-idp-things-to-know.html
 */
const cognitoHostedUi: Extractor = (text, hints) => {
  if (!has(text, 'Error in SAML response processing')) return;
  hints.add('service', 'cognito-idp', PRIORITY.phrase, 'cognito');
  hints.relayed('cognito');
};

/**
 * The AWS SDK for Swift's error as Swift prints an enum (Amplify's `PredictionsError … Caused by: client(…
 * AWSRekognition.DetectTextOutputError.accessDeniedException(AWSRekognition.AccessDeniedException(_headers: …`:
 * aws-amplify/amplify-swift#3284): the operation's output error names the call, the error's type the code.
 * https://docs.aws.amazon.com/sdk-for-swift/latest/developer-guide/using-errors.html
 */
const swift: Extractor = (text, hints) => {
  if (!has(text, 'OutputError.')) return;
  const m =
    /\bAWS([A-Z][A-Za-z0-9]{1,40})\.([A-Z][A-Za-z0-9]{2,100})OutputError\.[a-z]\w{1,100}\(AWS\1\.([A-Z][A-Za-z0-9]{2,100})\(/.exec(
      text,
    );
  if (m === null) return;
  hints.add('service', serviceFromSdkName(m[1] ?? ''), PRIORITY.sdkClass, 'swift');
  hints.add('operation', m[2], PRIORITY.sdkClass, 'swift');
  hints.add('code', m[3], PRIORITY.sdkClass, 'swift');
};

/**
 * The AWS SDK for Rust's `Debug` rendering of an error: `ErrorMetadata { code: Some("AccessDeniedException"),
 * message: Some("User: ..."), extras: Some({"aws_request_id": "..."}) }`.
 * @see https://docs.rs/aws-smithy-types/latest/aws_smithy_types/error/metadata/struct.ErrorMetadata.html
 */
const rust: Extractor = (text, hints) => {
  // the SDK's debug print of an error without a body (an S3 HEAD): `HeadObjectError { kind: Unhandled(…) }`,
  // then the raw response's `status: 403` (https://github.com/awslabs/aws-sdk-rust/issues/227)
  if (has(text, 'raw: Response')) {
    const status = /\bstatus: (\d{3}),[\s|]*version: HTTP\//.exec(text);
    if (status) hints.add('httpStatus', status[1], PRIORITY.body, 'rust');
    const operation = /\b([A-Z][A-Za-z0-9]{2,100})Error \{[\s|]*kind:/.exec(text);
    if (operation) hints.add('operation', operation[1], PRIORITY.sdkClass, 'rust');
    if (has(text, '"server": "AmazonS3"')) hints.add('service', 's3', PRIORITY.bodyShape, 'rust');
  }
  // (and the operation's error type an app's log prints the service's error as: `ServiceError(ServiceError { source:
  // PutRecordsError { kind: Unhandled(…` is PutRecords': vectordotdev/vector#18491)
  const source = has(text, 'ServiceError { source: ')
    ? /ServiceError \{ source: ([A-Z][A-Za-z0-9]{2,100})Error \{/.exec(text)
    : null;
  if (source) hints.add('operation', source[1], PRIORITY.sdkClass, 'rust');
  if (!has(text, 'Some("') && !has(text, 'Error { code: "')) {
    return;
  }
  // `ErrorMetadata { code: Some("…") }`, and the `Error { code: "…", message: "…" }` some SDK versions print
  const code = /\bcode: (?:Some\()?"([A-Za-z][\w.]{1,100})"/.exec(text);
  if (code) {
    hints.add('code', stripFaultPrefix(code[1]), PRIORITY.body, 'rust');
  }
  const message = /\bmessage: Some\("((?:[^"\\\n]|\\.){1,8000})"\)/.exec(text);
  if (message) {
    hints.add('message', message[1], PRIORITY.body, 'rust');
  }
  const requestId = /"aws_request_id": "([\w-]{4,100})"/.exec(text);
  if (requestId) {
    hints.add('requestId', requestId[1], PRIORITY.body, 'rust');
  }
};

/**
 * ExAws' (Elixir) error of a JSON-protocol service, the code and the message as a tuple of two strings (`{:error,
 * {"ValidationException", "Please specify either number of bytes or key spec."}}`: ex-aws/ex_aws_kms commit bdbc084);
 * a code of the `…Exception` form only. https://hexdocs.pm/ex_aws/ExAws.html
 */
const exAws: Extractor = (text, hints) => {
  if (!has(text, 'Exception", "')) return;
  const tuple = /\{"([A-Z][A-Za-z0-9]{2,80}Exception)", "/.exec(text);
  if (tuple) hints.add('code', tuple[1], PRIORITY.body, 'ex-aws');
};

/**
 * An operation's failure as a Go program logs the request it answered (`GetComplianceDetailsByConfigRule: POST
 * https://config.us-east-2.amazonaws.com {"__type":"ThrottlingException",…}`: elastic/integrations#15764): the
 * operation, of the service whose endpoint it named.
 */
const operationRequest: Extractor = (text, hints) => {
  if (!has(text, '.amazonaws.com')) return;
  // (the request found first, the operation's name then read before it: a pattern led by a word tried at every capital
  // of a megabyte costs)
  const request = REQUEST_TO_AWS.exec(text);
  const host = request?.[1] === undefined ? null : serviceFromEndpointHost(request[1]);
  const operation =
    request === null
      ? null
      : /\b([A-Z][A-Za-z0-9]{2,80})$/.exec(text.slice(Math.max(0, request.index - 81), request.index));
  if (operation?.[1] === undefined || host === null) return;
  // (the curated table's services of that name, where it knows any: else the catalog confirms the call)
  const known = servicesForOperation(operation[1]);
  if (known.length === 0 || known.includes(host.service)) {
    hints.add('service', host.service, PRIORITY.namedCall, 'go');
    hints.add('operation', operation[1], PRIORITY.namedCall, 'go');
  }
};

/** A request's method and URL to an AWS endpoint after a colon (`: POST https://config.us-east-2.amazonaws.com`). */
const REQUEST_TO_AWS =
  /: (?:GET|POST|PUT|DELETE|HEAD|PATCH) https:\/\/([a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?)\b/;

const xmlBody: Extractor = (text, hints) => {
  if (!has(text, '</Code>')) {
    // a JSON-protocol service's error rendered as XML by the .NET SDK: the code is the element's name
    // (`<AccessDeniedException><Message>…</Message></AccessDeniedException>`)
    const element = has(text, '<Message>')
      ? /<([A-Z][A-Za-z0-9]{2,100}(?:Exception|Error|Fault))>\s*<Message>/.exec(text)
      : null;
    if (element) hints.add('code', element[1], PRIORITY.body, 'xml-body');
    return;
  }
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text);
  if (code) {
    hints.add('code', stripFaultPrefix(code[1]), PRIORITY.body, 'xml-body');
  }
  const message = /<Message>([^<]{0,8000})<\/Message>/.exec(text);
  if (message) {
    hints.add('message', message[1]?.replace(/\s+/g, ' '), PRIORITY.body, 'xml-body');
  }
  const requestId = /<Request[Ii][Dd]>([^<]{1,200})<\/Request[Ii][Dd]>/.exec(text);
  if (requestId) {
    hints.add('requestId', requestId[1], PRIORITY.body, 'xml-body');
  }
  if (/<Response>\s*<Errors>/.test(text)) {
    hints.add('service', 'ec2', PRIORITY.bodyShape, 'xml-body');
  } else if (has(text, '<HostId>')) {
    hints.add('service', 's3', PRIORITY.bodyShape, 'xml-body');
  }
  const ns = /xmlns="https?:\/\/([a-z0-9-]{2,40})\.amazonaws\.com\/doc\//.exec(text);
  if (ns) {
    hints.add('service', ns[1], PRIORITY.sdkClass, 'xml-body');
  }
};

/**
 * Whether a stack event's row of a resource that failed holds a status reason (`UPDATE_FAILED  Fn  AWS::Lambda::Function
 * … Template error: …`).
 */
function failedResourceRow(text: string): boolean {
  return (
    firstNear(text, '_FAILED', (at) =>
      /(?:^|[^A-Z_])[A-Z]{4,8}$/.test(text.slice(Math.max(0, at - 9), at)) &&
      /^_FAILED\b[ \t|]{1,40}(?:\S{1,200}[ \t|]{1,40})?AWS::\w{2,60}::\w{2,80}[ \t|]{1,40}\S/.test(
        text.slice(at, at + 500),
      )
        ? true
        : null,
    ) === true
  );
}

const cloudFormation: Extractor = (text, hints) => {
  if (has(text, 'Resource handler returned message:')) {
    hints.surface('cloudformation');
  }
  // a wait condition's failure as a stack event gives it (`WaitCondition timed out. Received 0 conditions when expecting
  // 1`: aws/aws-parallelcluster#4755), CloudFormation's answer without a code: the resource got too few signals
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-waitcondition.html
  if (has(text, 'WaitCondition timed out. Received ')) {
    answeredBy(hints, 'cloudformation');
  }
  // Systems Manager Automation's step failure names the API and service it called (`Get Exception from RunInstances API
  // of ec2 Service. Exception Message from RunInstances API: [You aren't authorized …]`)
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-troubleshooting.html
  const automation = has(text, 'Get Exception from ')
    ? /\bGet Exception from ([A-Z]\w{1,100}) API of ([a-z0-9-]{2,40}) Service\b/.exec(text)
    : null;
  if (automation !== null) {
    hints.add('service', automation[2], PRIORITY.namedCall, 'ssm-automation');
    hints.add('operation', automation[1], PRIORITY.namedCall, 'ssm-automation');
  }
  // a resource handler relays the service's answer (`Resource handler returned message: "…"`), an AWS error even where
  // neither names a code
  // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html
  if (has(text, 'Resource handler returned message: "')) hints.relayed('cloudformation');
  // (that sentence's role, named after it: `Update the IAM role and try again. Role: arn:aws:iam::…:role/…`)
  const edgeRole = has(text, 'must be assumable with edgelambda.amazonaws.com')
    ? /\bUpdate the IAM role and try again\. Role: (arn:[\w-]+:iam::[^\s:]{0,40}:role\/\S{1,400})/.exec(text)
    : null;
  if (edgeRole !== null) hints.add('resource', edgeRole[1], PRIORITY.body, 'cloudfront');
  // OpenSearch Service's Dashboards' refusal as data-prepper's fixtures keep it, the class after `aws.auth.client.error.`
  // the code (`aws.auth.client.error.ARCInvalidSignatureException: Invalid signature, does not match`)
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/dashboards.html
  const dashboards = has(text, 'aws.auth.client.error.')
    ? /\baws\.auth\.client\.error\.([A-Z][A-Za-z0-9]{2,100}Exception):/.exec(text)
    : null;
  if (dashboards !== null) {
    hints.add('service', 'es', PRIORITY.sdkClass, 'opensearch');
    hints.add('code', dashboards[1], PRIORITY.sdkClass, 'opensearch');
  }
  // the Go SDK v1's type of a service's modelled error, its package the service's (`Original Error: *ssm.InvalidInstanceId
  // InvalidInstanceId: Instances [[i-…]] not in a valid state for account …`: gravitational/teleport#24176)
  // https://docs.aws.amazon.com/sdk-for-go/api/service/ssm/#InvalidInstanceId
  const goType = has(text, '*')
    ? firstNear(text, '*', (at) => GO_V1_ERROR_TYPE.exec(text.slice(at, at + 130)))
    : null;
  const goService = goType === null ? null : serviceFromSdkName(goType[1] ?? '');
  if (goType !== null && goService !== null) {
    hints.add('service', goService, PRIORITY.sdkClass, 'go-v1');
    hints.add('code', goType[2], PRIORITY.sdkClass, 'go-v1');
  }
  // a tool's step and the HTTP status it got in the code's place (`Error launching source instance: 500 Internal Server
  // Error`: hashicorp/packer#1253): the status of an answer, no code
  const stepStatus = has(text, ' Error')
    ? /: ((?:400|404|5\d\d)) (?:Bad Request|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\s*$/m.exec(
        text,
      )
    : null;
  if (stepStatus !== null) hints.add('httpStatus', stepStatus[1], PRIORITY.implied, 'http');
  // Elastic Load Balancing's refusal of a target group another load balancer has (`Target group 'arn:…' cannot be
  // associated with more than one load balancer`), no code written: the target group its resource
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html
  const targetGroup = has(text, 'cannot be associated with more than one load balancer')
    ? /\bTarget group '(arn:[\w-]+:elasticloadbalancing:[^'\s]{1,400})' cannot be associated with more than one load balancer/.exec(
        text,
      )
    : null;
  if (targetGroup !== null) {
    answeredBy(hints, 'elasticloadbalancing');
    hints.add('resource', targetGroup[1], PRIORITY.body, 'elasticloadbalancing');
  }
  // Athena's answer where it could not reach its query results' location (`Unable to verify/create output bucket.`), and
  // Redshift Spectrum's scan errors (`Spectrum Scan Error: Retries exceeded`), without codes
  // https://repost.aws/knowledge-center/athena-output-bucket-error
  // https://docs.aws.amazon.com/redshift/latest/dg/c-spectrum-troubleshooting.html
  if (has(text, 'Unable to verify/create output bucket')) {
    answeredBy(hints, 'athena');
  }
  if (has(text, 'Spectrum Scan Error: ')) {
    answeredBy(hints, 'redshift');
  }
  // Redshift's error detail, as a client prints a COPY's or a query's failure (`error:  Spectrum Scan Error` / `code:
  // 15007` / … / `location:  dory_util.cpp:1450`: rudderlabs/rudder-server#3178; `error:  AWS access key ID not found` /
  // `code:      8001`: r-lib/devtools#1813): its answer, the code its own number
  // https://docs.aws.amazon.com/redshift/latest/dg/r_STL_LOAD_ERRORS.html
  if (has(text, 'location:') && REDSHIFT_DETAIL.test(text)) answeredBy(hints, 'redshift');
  // Lake Formation's answer for a location it does not manage, as a Glue crawler relays it (`The S3 location: s3://… is
  // not registered`) https://docs.aws.amazon.com/glue/latest/dg/error-crawler-config-lf.html
  if (has(text, 'The S3 location: ') && /\bThe S3 location: s3:\/\/\S{1,1000} is not registered/.test(text)) {
    answeredBy(hints, 'lakeformation');
  }
  // Comprehend's refusal of a job whose data access role may not write its output (`NO_WRITE_ACCESS_TO_OUTPUT: The
  // provided data access role does not have write access to the output S3 URI`)
  // https://docs.aws.amazon.com/comprehend/latest/dg/security_iam_id-based-policy-examples.html
  if (has(text, 'data access role does not have write access to the output')) hints.refusal('comprehend');
  // (and its own check of a resource's properties against the type's schema before any call: `Properties validation
  // failed for resource StackSet with message: [#/…: expected minimum item count: 1, found: 0]`,
  // awslabs/landing-zone-accelerator-on-aws#810)
  // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
  if (has(text, 'Properties validation failed for resource ')) hints.relayed('cloudformation');
  // (and its own refusal of a stack that exports a name another stack exports: `Export with name X is already exported
  // by stack Y`) https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html
  if (has(text, 'is already exported by stack ')) hints.relayed('cloudformation');
  // … as is a stack event's status reason, on the row of the resource that failed (`UPDATE_FAILED UpdateRolesFunction
  // AWS::Lambda::Function … Template error: …`, a CDK or Amplify progress row), where it names no code
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-resource-configuration-complete.html
  if (has(text, '_FAILED') && failedResourceRow(text)) hints.relayed('cloudformation');
  // … and its own failures of a custom resource, which name no code (`CloudFormation did not receive a response from
  // your Custom Resource.`, `Received response status [FAILED] from custom resource. Message returned: …`)
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref.html
  if (
    has(text, 'did not receive a response from your Custom Resource') ||
    has(text, 'Received response status [FAILED] from custom resource')
  ) {
    hints.relayed('cloudformation');
  }
  // Elastic Beanstalk's events of an environment that failed, without a code (`Stack named 'awseb-e-…-stack' aborted
  // operation. Current state: 'CREATE_FAILED'`, `The instance profile arn:… associated with the environment is invalid.`)
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/events.common.html
  if (
    (has(text, "Stack named 'awseb-") && has(text, ' aborted operation. ')) ||
    has(text, 'associated with the environment is invalid')
  ) {
    hints.relayed('elasticbeanstalk');
  }
  // Auto Scaling's refusal of a launch configuration to an account made after they were retired (`The Launch
  // Configuration creation operation is not available in your account. Use launch templates …`), with no code
  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html
  if (has(text, 'Launch Configuration creation operation is not available in your account')) {
    hints.relayed('autoscaling');
  }
  const handler = /HandlerErrorCode: (\w{2,100})/.exec(text);
  if (handler) {
    // a handler's class for an error its service answered that it maps to no other (GeneralServiceException)
    // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html
    // is no code: the answer's own code, where its sentence has one, or none (practice labels, five times)
    if (handler[1] !== 'GeneralServiceException') {
      hints.add('code', handler[1], PRIORITY.handlerCode, 'cloudformation');
    }
  }
  // a stack event's `API: s3:PutPublicAccessBlock Access Denied` names the API operation, authorised under the action
  // the operation maps to (s3:PutBucketPublicAccessBlock: aws/aws-cdk#17177)
  // (also in Markdown's italics, `_API: s3:SetBucketEncryption Access Denied_`: aws-samples/siem-on-amazon-opensearch-service#205)
  const api = /(?:\b|_)API: ([a-z0-9-]{2,40}):(\w{2,100}) /.exec(text);
  if (api) {
    const service = api[1] ?? '';
    const operation = apiOperation(service, api[2] ?? '');
    hints.add('service', service, PRIORITY.namedCall, 'cloudformation');
    hints.add('operation', operation, PRIORITY.namedCall, 'cloudformation');
    hints.add('action', actionForOperation(service, operation).action, PRIORITY.namedCall, 'cloudformation');
  }
  // AWS Batch's reason for an INVALID compute environment (`Status INVALID` / `CLIENT_ERROR - Clusters can not be
  // blank.`): the service's answer, without a code
  // https://docs.aws.amazon.com/batch/latest/userguide/invalid_compute_environment.html
  if (has(text, 'CLIENT_ERROR - ') && /\bINVALID\b/.test(text)) hints.relayed('batch');
  // Session Manager's channel service answering the agent or the plugin with a body of its own (`CreateControlChannel
  // failed with error: createControlChannel request failed: unexpected response from the service <BadRequest
  // xmlns=""><message>Unauthorized request.</message></BadRequest>`): its call, and a refusal where it says so
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-troubleshooting.html
  const channel = has(text, 'request failed: unexpected response from the service')
    ? /\b(create(?:Control|Data)Channel) request failed: unexpected response from the service/.exec(text)
    : null;
  if (channel) {
    hints.add('service', 'ssmmessages', PRIORITY.namedCall, 'ssm-agent');
    hints.add('operation', pascalCase(channel[1] ?? ''), PRIORITY.namedCall, 'ssm-agent');
    hints.relayed('ssm-agent');
    if (has(text, '<message>Unauthorized request.</message>')) hints.refusal('ssm-agent');
  }
  // the validation sentence of the services' shared request model (`1 validation error detected: Value '…' at 'modelId'
  // failed to satisfy constraint: …`): an AWS answer, its code the service's own (ValidationException, IAM's
  // ValidationError) https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html
  // (and, where no code is written, the JSON services' ValidationException, which answers with this sentence; not
  // where IAM answered, whose ValidationError it is: the query services' code)
  if (has(text, 'alidation error') && /\b\d{1,3} validation errors? detected: Value /.test(text)) {
    hints.relayed('aws');
    if (!/\bService: I[Aa][Mm]\b|\biam:[A-Z]|\bIAM\b/.test(text))
      hints.add('code', 'ValidationException', PRIORITY.implied - 5, 'aws');
  } else if (
    has(text, 'validation error detected: Value ') &&
    /(?:^|\s)validation error detected: Value (?:null|'[^'\n]{0,300}') at '[\w.[\]-]{1,100}'/.test(text)
  ) {
    // (cut before its count, `validation error detected: Value null at 'outputLocation'`: pyathena-dev/PyAthenaJDBC#71,
    // an answer all the same, its code unsaid)
    hints.relayed('aws');
  }
  // Bedrock's agents name the service a refused call went to (`Access denied when calling Bedrock.`, aws/aws-sdk-js-v3#6712),
  // where the operation's name is several services' https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_InvokeAgent.html
  if (has(text, 'denied when calling Bedrock')) hints.add('service', 'bedrock', PRIORITY.phrase, 'bedrock');
  // EMR Serverless's state details of a job run its own code failed (`Job execution failed, please check complete
  // logs in configured logging destination. ExitCode: 1. Last few exceptions: …`)
  // https://docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/job-states.html
  if (has(text, 'Job execution failed, please check complete logs')) hints.relayed('emr-serverless');
  // API Gateway's test-invoke log, one event a line after its time (`Wed Sep 14 21:16:33 UTC 2016 :
  // AuthorizerConfigurationException`): an exception's name alone ends it
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-test-method.html
  // (a pattern that starts with its literal, `UTC`, the time before it checked apart: a space-led literal among
  // `has`'s would cost a step at every space, a look-behind a step at every position)
  const testLog = /UTC \d{4} : ([A-Z][A-Za-z0-9]{2,80}Exception)[ \t]*(?:\n|$)/.exec(text);
  if (testLog && /\d\d:\d\d:\d\d $/.test(text.slice(Math.max(0, testLog.index - 9), testLog.index)))
    hints.add('code', testLog[1], PRIORITY.body, 'apigateway');
  // Amazon OpenSearch Service's fine-grained access control refusing a mapped IAM role (`security_exception`: `no
  // permissions for [indices:data/write/delete/byquery] and User [name=arn:aws:iam::…:role/r, backend_roles=…]`)
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
  const fgac = has(text, 'no permissions for [')
    ? /no permissions for \[[^\]\n]{1,200}\] and User \[name=(arn:[\w-]+:(?:iam|sts)::[^,\]\s]{1,400})/.exec(
        text,
      )
    : null;
  if (fgac) {
    hints.refusal('opensearch');
    hints.add('principal', fgac[1], PRIORITY.body, 'opensearch');
    if (has(text, 'security_exception')) hints.add('code', 'security_exception', PRIORITY.body, 'opensearch');
  }
  // … and Amazon OpenSearch Serverless's refusal, which names no user (`[security_exception] authentication/authorization
  // failure`), where the text shows the call went to AWS: the OpenSearch client's AWS SDK transport
  // (opensearch-project/data-prepper#4195) or a Bedrock knowledge base's call to the collection (apache/airflow#71745)
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-data-access.html
  if (
    has(text, '[security_exception] authentication/authorization failure') &&
    /AwsSdk2Transport|Amazon OpenSearch\s{1,4}Serverless|\.aoss\.amazonaws\.com/.test(text)
  ) {
    hints.refusal('opensearch');
  }
  // the Terraform awscc provider's wait for a Cloud Control request that failed (`Waiting for Cloud Control API service
  // CreateResource operation completion returned: waiter state transitioned to FAILED. StatusMessage: …`): the
  // resource's handler answered, from the calls it made with the caller's credentials, which the message does not name
  // (no more Cloud Control's CreateResource than a stack's CreateStack)
  // https://docs.aws.amazon.com/cloudcontrolapi/latest/userguide/resource-operations-manage-requests.html
  if (
    has(text, 'Cloud Control API service ') &&
    /Cloud Control API service \w{2,60} operation completion returned: waiter state transitioned to FAILED/.test(
      text,
    )
  ) {
    hints.relayed('cloudcontrol');
  }
  // a resource handler's InvalidRequest names the call it made (`Invalid request provided: CreateService error: …`,
  // `… CreateCluster Invalid Request: …`); ECS's own sentence about its service-linked role names the service
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
  const handlerCall = has(text, 'Invalid request provided: ')
    ? /Invalid request provided: ([A-Z][A-Za-z0-9]{2,60}) (?:error:|Invalid Request)/.exec(text)
    : null;
  if (handlerCall) {
    hints.add('operation', handlerCall[1], PRIORITY.namedCall, 'cloudformation');
  }
  if (has(text, 'Please verify that the ECS service linked role exists')) {
    hints.add('service', 'ecs', PRIORITY.phrase, 'ecs');
  }
  const resourceType = /\bAWS::(\w{2,60})::\w+/.exec(text);
  if (resourceType) {
    hints.add('service', serviceFromSdkName(resourceType[1] ?? ''), PRIORITY.phrase, 'cloudformation');
  }
  const call = /\berror calling (?:API )?([a-z0-9-]{2,40}):(\w{2,100})(?: ([a-z]\w{0,40}))?/i.exec(text);
  if (call) {
    // read in any case (`Error calling STS:…`); a service prefix is lower-case
    hints.add('service', call[1]?.toLowerCase(), PRIORITY.namedCall, 'tool');
    hints.add('operation', joinedOperation(call[2] ?? '', call[3]), PRIORITY.namedCall, 'tool');
  }
  const wrapped = /\bErrorCode: (\w{2,100}), Message:/.exec(text);
  if (wrapped) {
    hints.add('code', wrapped[1], PRIORITY.handlerCode, 'tool');
  }
  if (/\bStack \S+ failed:/.test(text)) {
    hints.surface('cdk');
  }
  // the CDK CLI's log of an SDK call it made: `Call failed: getBucketLocation({"Bucket":"…"}) => Access Denied`
  const cdkCall = has(text, 'Call failed: ') ? /\bCall failed: ([a-z][A-Za-z0-9]{1,100})\(/.exec(text) : null;
  if (cdkCall?.[1] !== undefined) {
    hints.add('operation', pascalCase(cdkCall[1]), PRIORITY.sdkClass, 'cdk');
  }
};

/** SageMaker's limit and its value (`service limit 'ml.r5.large for processing job usage' is 0 Instances`). */
const SAGEMAKER_LIMIT = /\bservice limit '[^'\n]{1,200}' is \d+/;

/**
 * The verbs of Presto's and Trino's own access control's refusals (`Access Denied: Cannot create schema web`), no AWS
 * answer's https://trino.io/docs/current/security/built-in-system-access-control.html
 */
export const QUERY_ENGINE_VERBS =
  'create|drop|select|insert|delete|access|show|rename|set|grant|revoke|deny|execute|view|update|truncate|comment|alter|kill|impersonate|refresh|read|write|add|query';

/**
 * Sentences that only one error code's answers hold, and that code: where a tool prints the message alone.
 * `service` writes them (the hint's surface), and is hinted too where the sentence tells it (`namesService`), not
 * where other services relay it (KMS's ciphertext sentence, for the key S3 or Secrets Manager called it with);
 * `also` is a second pattern the text must match. In the order their hints were added; the first wins a tie.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
const FIXED_SENTENCES: readonly {
  readonly sentence: string;
  readonly code: string;
  readonly service: string;
  readonly namesService?: boolean;
  readonly also?: RegExp;
}[] = [
  // Cognito's NotAuthorizedException for an app client with a secret called without the secret's hash, as SDKs print
  // its message alone (`Unable to verify secret hash for client 4bxx…`)
  // https://repost.aws/knowledge-center/cognito-unable-to-verify-secret-hash
  {
    sentence: 'Unable to verify secret hash for client',
    code: 'NotAuthorizedException',
    service: 'cognito-idp',
    namesService: true,
  },
  // ECR's RepositoryPolicyNotFoundException for a repository without a policy, its message alone (`Repository policy does
  // not exist for the repository with name web in the registry with id 123456789012`: iann0036/former2#274)
  // https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetRepositoryPolicy.html
  {
    sentence: 'Repository policy does not exist for the repository with name',
    code: 'RepositoryPolicyNotFoundException',
    service: 'ecr',
    namesService: true,
  },
  // EC2's Unsupported for an instance type an Availability Zone does not offer, its message alone (`Your requested
  // instance type (t3.large) is not supported in your requested Availability Zone`: aws/eks-hybrid's tests)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  {
    sentence: 'is not supported in your requested Availability Zone',
    code: 'Unsupported',
    service: 'ec2',
    namesService: true,
  },
  // EC2's InstanceLimitExceeded, its message alone as an Elastic Beanstalk or Auto Scaling event relays it (`Your quota
  // allows for 0 more running instance(s). You requested at least 1.`)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  {
    sentence: 'more running instance(s). You requested at least',
    code: 'InstanceLimitExceeded',
    service: 'ec2',
    namesService: true,
  },
  // EC2's InvalidParameterValue for an instance profile it does not know, its message alone (`Value (p) for parameter
  // iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  {
    sentence: 'for parameter iamInstanceProfile.name is invalid',
    code: 'InvalidParameterValue',
    service: 'ec2',
    namesService: true,
  },
  // IAM's ValidationError for GetUser without a user name by a caller that is no user (a role's session), without its
  // code (`An error occurred when calling the GetUser operation: Must specify userName when calling with non-User
  // credentials`) https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html
  {
    sentence: 'Must specify userName when calling with non-User credentials',
    code: 'ValidationError',
    service: 'iam',
    namesService: true,
  },
  {
    sentence: 'You are not authorized to perform this operation',
    code: 'UnauthorizedOperation',
    service: 'ec2',
  },
  // CloudWatch Logs' AccessDeniedException names the caller by its account (`User with accountId: 1 is not authorized to
  // perform CreateLogGroup with Tags`) https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/permissions-reference-cwl.html
  {
    sentence: 'User with accountId: ',
    also: /User with accountId: \S{1,40} is not authorized[ \t]{1,20}to/,
    code: 'AccessDeniedException',
    service: 'logs',
    namesService: true,
  },
  // S3's InvalidAccessKeyId and ExpiredToken messages, where an SDK's generic class carries no code (.NET's
  // `AmazonS3Exception: The AWS Access Key Id you provided does not exist in our records.`, the iOS SDK's `The Access
  // Key Id you provided …`) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'Access Key Id you provided does not exist in our records',
    code: 'InvalidAccessKeyId',
    service: 's3',
    namesService: true,
  },
  // (also with `ID` in capitals, as S3's own error list and S3-compatible SDKs write it: IBM/ibm-cos-sdk-java#32)
  {
    sentence: 'Access Key ID you provided does not exist in our records',
    code: 'InvalidAccessKeyId',
    service: 's3',
    namesService: true,
  },
  // Lambda's InvalidParameterValueException for a function in a VPC whose execution role may not create its network
  // interfaces (`The provided execution role does not have permissions to call CreateNetworkInterface on EC2`:
  // govuk-one-login/authentication-api#858) https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
  {
    sentence: 'The provided execution role does not have permissions to call ',
    code: 'InvalidParameterValueException',
    service: 'lambda',
  },
  { sentence: 'The provided token has expired', code: 'ExpiredToken', service: 's3' },
  // Cognito Identity's refusals of a login it cannot take (`Token is not from a supported provider of this identity
  // pool.`: ykbryan/aws-amplify-react-native-auth-facebook-google#16) and of a pool whose roles it cannot use
  // (`Invalid identity pool configuration. Check assigned IAM roles for this pool.`: aws-amplify/amplify-js#741)
  // https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html#API_GetCredentialsForIdentity_Errors
  {
    sentence: 'Token is not from a supported provider of this identity pool',
    code: 'NotAuthorizedException',
    service: 'cognito-identity',
    namesService: true,
  },
  {
    sentence: 'Invalid identity pool configuration. Check assigned IAM roles for this pool',
    code: 'InvalidIdentityPoolConfigurationException',
    service: 'cognito-identity',
    namesService: true,
  },
  // STS's InvalidIdentityToken for a token whose issuer has no IAM OIDC provider in the account (`No OpenIDConnect
  // provider found in your account for https://…`: aws-samples/aws-secret-sidecar-injector#30)
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
  {
    sentence: 'No OpenIDConnect provider found in',
    code: 'InvalidIdentityToken',
    service: 'sts',
    namesService: true,
  },
  // Lake Formation's AccessDeniedException, which Glue relays for a table it guards (`Resource does not exist or requester
  // is not authorized to access requested permissions.`: aws-solutions-library-samples/data-lakes-on-aws#513)
  // https://docs.aws.amazon.com/lake-formation/latest/dg/troubleshooting.html
  {
    sentence: 'requester is not authorized to access requested permissions',
    code: 'AccessDeniedException',
    service: 'lakeformation',
  },
  // S3's AuthorizationHeaderMalformed for a request signed without an access key id (`The authorization header is
  // malformed; a non-empty Access Key (AKID) must be provided in the credential.`: fourdotsix/tenant-buckets#8)
  // (and for one signed in another Region, or missing a part: `The authorization header is malformed; the region
  // 'us-east-1' is wrong; expecting 'eu-central-1'`, `…; the authorization header requires three components: Credential,
  // SignedHeaders, and Signature.`: robmcvey/cakephp-amazon-s3#15) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'The authorization header is malformed; ',
    code: 'AuthorizationHeaderMalformed',
    service: 's3',
    namesService: true,
  },
  // S3's InvalidRequest for a request signed with Signature Version 2 where it takes only 4 (`The authorization mechanism
  // you have provided is not supported. Please use AWS4-HMAC-SHA256.`: tpyo/amazon-s3-php-class#120)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/bucket-policy-s3-sigv4-conditions.html
  {
    sentence: 'The authorization mechanism you have provided is not supported',
    code: 'InvalidRequest',
    service: 's3',
    namesService: true,
  },
  // S3's InternalError, retold without its code (Tempo's `err="We encountered an internal error. Please try again."`:
  // grafana/tempo#2619) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorBestPractices.html
  { sentence: 'We encountered an internal error', code: 'InternalError', service: 's3', namesService: true },
  // S3's NoSuchKey message, where an SDK's generic class carries no code (.NET's `AmazonS3Exception: The
  // specified key does not exist.`)
  { sentence: 'The specified key does not exist', code: 'NoSuchKey', service: 's3', namesService: true },
  // the query APIs' MissingAuthenticationToken, where .NET's generic class carries no code (`AmazonSecurityTokenService
  // Exception: Request is missing Authentication Token`)
  // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
  { sentence: 'Request is missing Authentication Token', code: 'MissingAuthenticationToken', service: 'sts' },
  // EC2's (and other services') Blocked for an account AWS suspended (`This account is currently blocked and not
  // recognized as a valid account.`) https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  { sentence: 'This account is currently blocked', code: 'Blocked', service: 'ec2' },
  // CloudFormation's InsufficientCapabilities for a template that creates IAM resources (`Requires capabilities :
  // [CAPABILITY_IAM]`) https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html#API_CreateStack_Errors
  {
    sentence: 'Requires capabilities : [',
    code: 'InsufficientCapabilitiesException',
    service: 'cloudformation',
    namesService: true,
  },
  // SES's MessageRejected for an identity its sandbox has not verified (`Email address is not verified. The following
  // identities failed the check in region US-WEST-2: …`, also retold without `region`: django-ses/django-ses#275)
  // https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html
  {
    sentence: 'The following identities failed the check in ',
    code: 'MessageRejected',
    service: 'ses',
    namesService: true,
  },
  // (and its code before the shorter sentence alone, `MessageRejected: Email address is not verified.`, as a mailer prints
  // it; and its MessageRejected for an account whose sending AWS paused, `Sending paused for this account. For more
  // information, please check the inbox of the email address associated with your AWS account.`: hcengineering/platform#8899)
  // https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html
  {
    sentence: 'MessageRejected: Email address is not verified',
    code: 'MessageRejected',
    service: 'ses',
    namesService: true,
  },
  {
    sentence: 'Sending paused for this account',
    code: 'MessageRejected',
    service: 'ses',
    namesService: true,
  },
  // Cognito's InvalidParameterException for a user name shaped as an email where the pool signs users in by an email
  // alias (`Username cannot be of email format, since user pool is configured for email alias.`, an app's console:
  // amazon-archives/aws-cognito-angular-quickstart#17)
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-aliases
  {
    sentence: 'Username cannot be of email format',
    code: 'InvalidParameterException',
    service: 'cognito-idp',
    namesService: true,
  },
  // AWS Config's refusal of a delivery channel whose bucket policy does not let Config write (`Insufficient delivery
  // policy to s3 bucket: arn:aws:s3:::b, unable to write to bucket`)
  // https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html
  {
    sentence: 'Insufficient delivery policy to s3 bucket',
    code: 'InsufficientDeliveryPolicyException',
    service: 'config',
    namesService: true,
  },
  // SES's SMTP interface's refusal above the account's sending rate, the Query API's Throttling (`454 Throttling
  // failure: Maximum sending rate exceeded`) https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html
  {
    sentence: 'Throttling failure: Maximum sending rate exceeded',
    code: 'Throttling',
    service: 'ses',
    namesService: true,
  },
  // … and above its daily sending quota (`454 Throttling failure: Daily message quota exceeded.`, a quota by its
  // sentence: 2amigos/yii2-usuario#527)
  {
    sentence: 'Throttling failure: Daily message quota exceeded',
    code: 'Throttling',
    service: 'ses',
    namesService: true,
  },
  // … its AccessDenied for a request whose signature leaves out headers it sent (Bun's S3 client prints the message
  // alone)
  {
    sentence: 'There were headers present in the request which were not signed',
    code: 'AccessDenied',
    service: 's3',
    namesService: true,
  },
  // Lambda's InvalidParameterValueException for an execution role whose trust policy does not let Lambda assume
  // it, also wrapped over lines https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
  {
    sentence: 'The role defined for the function cannot be assumed',
    also: /cannot be assumed\s+by Lambda/,
    code: 'InvalidParameterValueException',
    service: 'lambda',
    namesService: true,
  },
  // SageMaker's ResourceLimitExceeded (`The account-level service limit '…' is 8 NotebookInstances, with current
  // utilization of …`, also cut before its utilization) https://docs.aws.amazon.com/sagemaker/latest/dg/regions-quotas.html
  {
    sentence: 'with current utilization of',
    also: SAGEMAKER_LIMIT,
    code: 'ResourceLimitExceeded',
    service: 'sagemaker',
    namesService: true,
  },
  {
    sentence: 'The account-level service limit ',
    also: SAGEMAKER_LIMIT,
    code: 'ResourceLimitExceeded',
    service: 'sagemaker',
    namesService: true,
  },
  // Bedrock's ValidationException for a model it serves only through an inference profile (`Invocation of model ID … with
  // on-demand throughput isn’t supported.`), and its ThrottlingException's sentence
  // https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles.html
  // https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html
  {
    sentence: 'with on-demand throughput isn',
    code: 'ValidationException',
    service: 'bedrock',
    namesService: true,
  },
  // Lambda's InvalidParameterValueException for an event source mapping whose role may not read the stream (`Cannot access
  // stream arn:…. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams
  // Actions on your stream in IAM.`), as five earlier labels read it without its code (foremast/foremast#211)
  // https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-eventsourcemapping.html
  {
    sentence: 'Please ensure the role can perform the GetRecords',
    code: 'InvalidParameterValueException',
    service: 'lambda',
  },
  // IAM's LimitExceeded for a policy too large (`Maximum policy size of 10240 bytes exceeded for role r`, as the Knowledge
  // Center quotes it: `… exceeded for the user or role.`) https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
  {
    sentence: 'Maximum policy size of ',
    also: /\bMaximum policy size of \S{1,12} bytes exceeded for\b/,
    code: 'LimitExceeded',
    service: 'iam',
    namesService: true,
  },
  // S3's AccessDenied for a browser's POST whose form breaks its policy (`Invalid according to Policy: Policy Condition
  // failed: ["starts-with", "$utf8", ""]`: waynehoover/s3_direct_upload#221)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
  {
    sentence: 'Invalid according to Policy: ',
    code: 'AccessDenied',
    service: 's3',
    namesService: true,
  },
  // S3's InvalidBucketName, where .NET's generic class carries no code (`Amazon.S3.AmazonS3Exception: The specified
  // bucket is not valid.`: OctopusDeploy/Issues#10008) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'The specified bucket is not valid',
    code: 'InvalidBucketName',
    service: 's3',
    namesService: true,
  },
  // STS's ValidationError for a session longer than the role allows, printed alone by a SAML tool (ruimarinho/gsts#13)
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
  {
    sentence: 'The requested DurationSeconds exceeds the',
    code: 'ValidationError',
    service: 'sts',
    namesService: true,
  },
  // … its ValidationException for a model ID it does not serve, retold without the code (`400 The provided model
  // identifier is invalid.`: komputer-ai/komputer-ai#141; with it: aws-samples/amazon-bedrock-workshop#315)
  {
    sentence: 'The provided model identifier is invalid',
    code: 'ValidationException',
    service: 'bedrock',
    namesService: true,
  },
  // DynamoDB's ThrottlingException of an on-demand table (`Throughput exceeds the current capacity of your table or
  // index. DynamoDB is automatically scaling …`, relayed by AppSync without the code: aws/aws-appsync-community#336; with
  // it: cowinapi/developer.cowin#151) https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TroubleshootingThrottling.html
  {
    sentence: 'Throughput exceeds the current capacity of your table or index',
    code: 'ThrottlingException',
    service: 'dynamodb',
    namesService: true,
  },
  // S3's RequestTimeTooSkewed behind a status (Mountpoint's `2: Forbidden: The difference between the request time and
  // the current time is too large.`: awslabs/mountpoint-s3#518) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'The difference between the request time and the current time is too large',
    code: 'RequestTimeTooSkewed',
    service: 's3',
    namesService: true,
  },
  // RDS's KMSKeyNotAccessibleFault retold without the code (`The source snapshot KMS key [arn:…] does not exist, is not
  // enabled or you do not have permissions to access it.`: awslabs/aurora-snapshot-tool#26)
  // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBSnapshot.html
  {
    sentence: 'does not exist, is not enabled or you do not have permissions to access it',
    also: /\bKMS key \[[^\]\n]{1,400}\] does not exist, is not enabled or you do not have permissions to access it/,
    code: 'KMSKeyNotAccessibleFault',
    service: 'rds',
    namesService: true,
  },
  {
    sentence: 'Too many tokens, please wait before trying again',
    code: 'ThrottlingException',
    service: 'bedrock',
    namesService: true,
  },
  {
    sentence: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    code: 'AccessDenied',
    service: 'sts',
  },
  {
    sentence: 'No OpenIDConnect provider found in your account',
    code: 'InvalidIdentityToken',
    service: 'sts',
  },
  { sentence: 'Not authorized for images', code: 'AuthFailure', service: 'ec2' },
  // EC2's AuthFailure for credentials it could not validate, printed without the code
  {
    sentence: 'was not able to validate the provided access credentials',
    code: 'AuthFailure',
    service: 'ec2',
  },
  { sentence: 'than your current instance limit of', code: 'InstanceLimitExceeded', service: 'ec2' },
  // EC2's vCPU quota per instance family (`You have requested more vCPU capacity than your current vCPU limit of 32
  // allows …`) https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  { sentence: 'than your current vCPU limit of', code: 'VcpuLimitExceeded', service: 'ec2' },
  { sentence: 'The maximum number of VPCs has been reached', code: 'VpcLimitExceeded', service: 'ec2' },
  {
    sentence: 'The maximum number of addresses has been reached',
    code: 'AddressLimitExceeded',
    service: 'ec2',
  },
  { sentence: 'You are not subscribed to this service', code: 'OptInRequired', service: 'ec2' },
  {
    sentence: 'do not have permission to create the service-linked role for EC2 Spot',
    code: 'AuthFailure.ServiceLinkedRoleCreationNotPermitted',
    service: 'ec2',
  },
  { sentence: 'All access to this object has been disabled', code: 'AllAccessDisabled', service: 's3' },
  {
    sentence: 'All access to this Amazon S3 resource has been disabled',
    code: 'AllAccessDisabled',
    service: 's3',
  },
  // EC2's throttling sentence (`content: [Request limit exceeded.]`)
  // https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html
  { sentence: 'Request limit exceeded.', code: 'RequestLimitExceeded', service: 'ec2', namesService: true },
  // STS's InvalidIdentityToken for a web identity token issued for another audience (`Incorrect token audience`, as
  // GitHub's OIDC action prints it alone) https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
  { sentence: 'Incorrect token audience', code: 'InvalidIdentityToken', service: 'sts', namesService: true },
  // API Gateway's (and the signing services') answers to a request without a usable signature, also printed as the
  // body alone (`{"message":"Missing Authentication Token"}`, `Authorization header requires 'Credential' parameter.`)
  // https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden
  {
    sentence: 'Missing Authentication Token',
    code: 'MissingAuthenticationTokenException',
    service: 'apigateway',
  },
  {
    sentence: "Authorization header requires 'Credential' parameter",
    code: 'IncompleteSignatureException',
    service: 'apigateway',
  },
  // (and a bearer token sent where a signature goes: `'tok' not a valid key=value pair (missing equal-sign) in
  // Authorization header: 'Bearer tok'.`, same page: awslabs/api-gateway-secure-pet-store#26)
  {
    sentence: 'not a valid key=value pair (missing equal-sign) in Authorization header',
    code: 'IncompleteSignatureException',
    service: 'apigateway',
  },
  // AppSync's refusal of a field the caller's authorization mode may not reach, its message alone (`Not Authorized to
  // access getAvailable on type Query`: aws-amplify/amplify-cli#3427), whose `errorType` is `Unauthorized`
  // https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
  {
    sentence: 'Not Authorized to access ',
    also: /\bNot Authorized to access \w{1,100} on type \w{1,100}/,
    code: 'Unauthorized',
    service: 'appsync',
    namesService: true,
  },
  // KMS's lockout safety check refusing a key policy that would not let the caller change it again
  // (MalformedPolicyDocumentException: `The new key policy will not allow you to update the key policy in the future.`)
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
  {
    sentence: 'The new key policy will not allow you to update the key policy in the future',
    code: 'MalformedPolicyDocumentException',
    service: 'kms',
  },
  // EC2's InsufficientInstanceCapacity, where an SDK's generic class carries no code (the Java SDK v2's `Ec2Exception: We
  // currently do not have sufficient m8id.xlarge capacity in the Availability Zone you requested`)
  // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/troubleshooting-launch.html#troubleshooting-launch-capacity
  {
    sentence: 'We currently do not have sufficient ',
    also: /We currently do not have sufficient [a-z0-9-]{1,20}\.[a-z0-9-]{1,20} capacity/,
    code: 'InsufficientInstanceCapacity',
    service: 'ec2',
  },
  // Lambda's CodeStorageExceededException, the same (`Code storage limit exceeded. (Service: Lambda, Status Code: 400)`)
  // https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#API_CreateFunction_Errors
  { sentence: 'Code storage limit exceeded', code: 'CodeStorageExceededException', service: 'lambda' },
  // CloudFormation's ValidationError for a service role it may not assume (`Role arn:…:role/x is invalid or cannot be
  // assumed`) https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
  {
    sentence: 'is invalid or cannot be assumed',
    code: 'ValidationError',
    service: 'cloudformation',
  },
  // KMS's AccessDeniedException for a ciphertext whose key it cannot use (corpus C#53–55)
  // https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html
  {
    sentence: 'ciphertext refers to a customer master key that does not exist',
    code: 'AccessDeniedException',
    service: 'kms',
  },
  // Bedrock's AccessDeniedException for a model the account may not use yet (its Marketplace subscription), also
  // relayed by an LLM gateway https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html
  {
    sentence: 'Model access is denied due to',
    code: 'AccessDeniedException',
    service: 'bedrock',
    namesService: true,
  },
  {
    sentence: "You don't have access to the model with the specified model ID",
    code: 'AccessDeniedException',
    service: 'bedrock',
    namesService: true,
  },
  // DynamoDB's sentences of a write whose condition did not hold and of a key that is not the table's, printed by clients
  // that keep the message only (Rusoto's `Rusoto("The conditional request failed")`: CSML-by-Clevy/csml-engine#269;
  // Java v2's `DynamoDbException: The provided key element does not match the schema`:
  // awslabs/amazon-dynamodb-lock-client#95)
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
  {
    sentence: 'The conditional request failed',
    code: 'ConditionalCheckFailedException',
    service: 'dynamodb',
    namesService: true,
  },
  {
    sentence: 'The provided key element does not match the schema',
    code: 'ValidationException',
    service: 'dynamodb',
    namesService: true,
  },
  // CloudFormation's ValidationError for a template it cannot take (`The CloudFormation template is invalid: Template
  // format error: Number of resources, 201, is greater than maximum allowed, 200`, as the Serverless Framework relays it:
  // serverless/blog's post on the 200-resource limit) https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ValidateTemplate.html
  {
    sentence: 'Template format error: ',
    code: 'ValidationError',
    service: 'cloudformation',
    namesService: true,
  },
  // CloudFormation's ValidationError for a stack it does not have (`Get-CFNStack: Stack with id SLOs does not exist`:
  // aws/aws-tools-for-powershell#111) https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html
  {
    sentence: 'Stack with id ',
    code: 'ValidationError',
    service: 'cloudformation',
    namesService: true,
    also: /\bStack with id \S{1,200} does not exist\b/,
  },
  // S3's PermanentRedirect for a bucket asked of another Region's endpoint (guitarrapc/GraniResource#77)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
  {
    sentence: 'The bucket you are attempting to access must be addressed using the specified endpoint',
    code: 'PermanentRedirect',
    service: 's3',
    namesService: true,
  },
  // Athena's refusal to write its query results where the caller may not (`You do not seem to have access to the S3
  // location of your query results`: awslabs/amazon-s3-find-and-forget#290)
  // https://docs.aws.amazon.com/athena/latest/ug/troubleshooting-athena.html
  {
    sentence: 'You do not seem to have access to the S3 location of your query results',
    code: 'InvalidRequestException',
    service: 'athena',
    namesService: true,
  },
  // Cognito identity pools' refusal of a guest identity where the pool allows none (aws-amplify/amplify-js#1089)
  // https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html
  {
    sentence: 'Unauthenticated access is not supported for this identity pool',
    code: 'NotAuthorizedException',
    service: 'cognito-identity',
    namesService: true,
  },
  // Organizations' refusals of a request while another runs: too many at once, and a change to the same entity
  // (aws/aws-sdk-js#2135, aws-ia/terraform-aws-control_tower_account_factory#144; org-formation/org-formation-cli#7)
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html#API_ListRoots_Errors,
  // https://docs.aws.amazon.com/botocore/latest/reference/services/organizations/client/exceptions/ConcurrentModificationException.html
  {
    sentence: "AWS Organizations can't complete your request because another request is already in progress",
    code: 'TooManyRequestsException',
    service: 'organizations',
    namesService: true,
  },
  {
    sentence: "AWS Organizations can't complete your request because it conflicts with another attempt",
    code: 'ConcurrentModificationException',
    service: 'organizations',
    namesService: true,
  },
  // SQS's NonExistentQueue (query protocol) as .NET prints it without the code
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
  {
    sentence: 'The specified queue does not exist for this wsdl version',
    code: 'AWS.SimpleQueueService.NonExistentQueue',
    service: 'sqs',
    namesService: true,
  },
  // Organizations' answer to an account in no organization, also printed without its code (org-formation/org-formation-cli#380)
  // https://docs.aws.amazon.com/organizations/latest/APIReference/CommonErrors.html
  {
    sentence: 'Your account is not a member of an organization',
    code: 'AWSOrganizationsNotInUseException',
    service: 'organizations',
    namesService: true,
  },
  // IAM's refusal to change a role only AWS may change (Identity Center's `AWSReservedSSO_…` roles: `Cannot perform the
  // operation on the protected role '…' - this role is only modifiable by AWS`)
  // https://repost.aws/knowledge-center/identity-center-aws-reserved-sso
  {
    sentence: 'Cannot perform the operation on the protected role',
    code: 'UnmodifiableEntity',
    service: 'iam',
    namesService: true,
  },
  // CloudWatch Logs' answer to CreateLogStream for a stream that exists, as Vector relays it without the code
  // (`CloudwatchError::CreateStream: The specified log stream already exists`: vectordotdev/vector#2349)
  // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html
  {
    sentence: 'The specified log stream already exists',
    code: 'ResourceAlreadyExistsException',
    service: 'logs',
    namesService: true,
  },
  // SNS's answer for a disabled platform endpoint (`EndpointDisabled: Endpoint is disabled`: evanshortiss/sns-mobile#32)
  // https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
  {
    sentence: 'Endpoint is disabled',
    also: /\bEndpointDisabled\b|\bEndpoint is disabled\b/,
    code: 'EndpointDisabled',
    service: 'sns',
    namesService: true,
  },
  // CloudFront's InvalidLambdaFunctionAssociation for a Lambda@Edge function whose role Lambda@Edge may not assume (`The
  // function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals`,
  // under a ServerlessError: silvermine/serverless-plugin-cloudfront-lambda-edge#63)
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-permissions.html
  {
    sentence: 'must be assumable with edgelambda.amazonaws.com',
    code: 'InvalidLambdaFunctionAssociation',
    service: 'cloudfront',
    namesService: true,
  },
  // S3's InvalidLocationConstraint, as a game's S3 client printed it without its code (`Message:'The specified
  // location-constraint is not valid' when writing an object`: aws-samples/amazon-gamelift-unity#4)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'The specified location-constraint is not valid',
    code: 'InvalidLocationConstraint',
    service: 's3',
    namesService: true,
  },
  // SNS's InvalidParameter, as Alertmanager's SNS notifier relays it without the code (`sns/sns[0]: notify retry canceled
  // … unexpected status code 400: Invalid parameter: TopicArn Reason: …`: prometheus/alertmanager#4107)
  // https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
  {
    sentence: 'Invalid parameter: ',
    also: /\bsns\b[^\n]{0,300}?\bInvalid parameter: [A-Z][A-Za-z]{1,60}\b/i,
    code: 'InvalidParameter',
    service: 'sns',
    namesService: true,
  },
  // SQS's AccessDenied for a queue (`Access to the resource https://sqs.… is denied.`)
  {
    sentence: 'Access to the resource https://sqs.',
    code: 'AccessDenied',
    service: 'sqs',
    namesService: true,
  },
  // CloudFormation's ValidationError for template parameters it could not read from Systems Manager (`Unable to fetch
  // parameters [/cdk-bootstrap/hnb659fds/version] from parameter store for this account.`: aws-samples/aws-cross-account-cicd-pipeline#40)
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-ssm-parameter-types
  {
    sentence: 'from parameter store for this account',
    also: /\bUnable to fetch parameters \[[^\][\n]{1,2000}\] from parameter store for this account/,
    code: 'ValidationError',
    service: 'cloudformation',
    namesService: true,
  },
  // CloudWatch Logs' InvalidSequenceTokenException, as its agent relays it without the code (`Invalid SequenceToken used,
  // will use new token and retry: The given sequenceToken is invalid. The next expected sequenceToken is: …`:
  // aws/amazon-cloudwatch-agent#188) https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html
  {
    sentence: 'The given sequenceToken is invalid',
    code: 'InvalidSequenceTokenException',
    service: 'logs',
    namesService: true,
  },
  // Organizations' ConcurrentModificationException, its message alone (`AWS Organizations can't complete your request
  // because it conflicts with another attempt to modify the same entity. Try again later.`: org-formation/
  // org-formation-cli#7) https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html#API_AttachPolicy_Errors
  {
    sentence: 'because it conflicts with another attempt to modify the same entity',
    code: 'ConcurrentModificationException',
    service: 'organizations',
    namesService: true,
  },
  // S3's IllegalLocationConstraintException, its message alone (`The af-south-1 location constraint is incompatible for the
  // region specific endpoint this request was sent to.`: serapeum-org/earthlens#933), its words up to `endpoint`: pytest
  // wraps the rest under its indent, which the wrap repair joins to `endpoint` as a cut word's other part
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
  {
    sentence: 'location constraint is incompatible for the region specific endpoint',
    code: 'IllegalLocationConstraintException',
    service: 's3',
    namesService: true,
  },
  // S3's InvalidObjectState for an archived object's read, its message alone (`The operation is not valid for the object's
  // storage class`, as restic's and rustic's retries print it: nicotsx/zerobyte#348), and the documented one
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
  {
    sentence: "The operation is not valid for the object's storage class",
    code: 'InvalidObjectState',
    service: 's3',
    namesService: true,
  },
  {
    sentence: 'The operation is not valid for the current state of the object',
    code: 'InvalidObjectState',
    service: 's3',
    namesService: true,
  },
  // S3's MalformedXML, its message alone after a PowerShell cmdlet's name (`Write-S3BucketInventoryConfiguration: The
  // XML you provided was not well-formed or did not validate against our published schema`:
  // aws/aws-tools-for-powershell#384) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
  {
    sentence: 'The XML you provided was not well-formed or did not validate against our published schema',
    code: 'MalformedXML',
    service: 's3',
    namesService: true,
  },
  // S3's InvalidArgument for a bucket's event notifications whose rules overlap (`Configuration is ambiguously defined.
  // Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.`:
  // matt-filion/serverless-external-s3-event#53) https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html,
  // https://repost.aws/knowledge-center/lambda-s3-event-configuration-error
  {
    sentence: 'Cannot have overlapping suffixes in two rules if the prefixes are overlapping',
    code: 'InvalidArgument',
    service: 's3',
    namesService: true,
  },
  {
    sentence: 'Cannot have overlapping prefixes in two rules if the suffixes are overlapping',
    code: 'InvalidArgument',
    service: 's3',
    namesService: true,
  },
  // CloudFront's TooManyInvalidationsInProgress, its message alone (`Processing your request will cause you to exceed the
  // maximum number of in-progress invalidations.`: apancutt/deploy-aws-s3-cloudfront#19)
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html
  {
    sentence: 'will cause you to exceed the maximum number of in-progress invalidations',
    code: 'TooManyInvalidationsInProgress',
    service: 'cloudfront',
    namesService: true,
  },
  // S3's AccessDenied to a signed request without its access key, its message alone as s3fs raises it (`PermissionError: No
  // AWSAccessKey was presented.`: coiled/feedback#253) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'No AWSAccessKey was presented',
    code: 'AccessDenied',
    service: 's3',
    namesService: true,
  },
  // S3's PreconditionFailed, as the Java SDK v2 prints a message with its service but no code (`S3Exception: At least one
  // of the pre-conditions you specified did not hold (Service: S3, Status Code: 200, …)`: apache/hadoop#7722)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
  {
    sentence: 'At least one of the pre-conditions you specified did not hold',
    code: 'PreconditionFailed',
    service: 's3',
    namesService: true,
  },
  // ACM's LimitExceededException for an account's certificate quota, its message alone (`Cannot request more certificates
  // in this account. Contact Customer Service for details`: convox/rack#2387)
  // https://docs.aws.amazon.com/acm/latest/userguide/acm-limits.html
  {
    sentence: 'Cannot request more certificates in this account',
    code: 'LimitExceededException',
    service: 'acm',
    namesService: true,
  },
  // S3's NoSuchTagSet, its message after its code alone (`NoSuchTagSet: The TagSet does not exist`, as cloud-nuke matches
  // it: gruntwork-io/cloud-nuke) https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketTagging.html
  { sentence: 'The TagSet does not exist', code: 'NoSuchTagSet', service: 's3', namesService: true },
  // Redshift's ClusterNotFound, as the Java SDK v2 prints a message with its service and status but no code (`Cluster c
  // not found. (Service: Redshift, Status Code: 404, Request ID: …)`: aws/aws-toolkit-jetbrains#3498)
  // https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusters.html#API_DescribeClusters_Errors
  {
    sentence: ' not found. (Service: Redshift,',
    also: /\bCluster \S{1,255} not found\. \(Service: Redshift,/,
    code: 'ClusterNotFound',
    service: 'redshift',
    namesService: true,
  },
  // IAM's LimitExceeded (`Cannot exceed quota for PolicySize: 5120`)
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
  { sentence: 'Cannot exceed quota for ', code: 'LimitExceeded', service: 'iam', namesService: true },
  // S3's AccessDenied message (`Access Denied`), where a tool printed it without the code (minio-go's
  // `client.BucketExists: Access Denied`, a CloudFormation `API: s3:PutBucketVersioning Access Denied`)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  // (not DAX's `Access Denied to API Version: DAX_V3`, another service's sentence that starts the same)
  // (nor Presto's and Trino's own access control, `Query … failed: Access Denied: Cannot create schema web`:
  // prestodb/presto#10162, https://trino.io/docs/current/security/built-in-system-access-control.html)
  {
    sentence: 'Access Denied',
    also: new RegExp(`Access Denied(?! to |: Cannot (?:${QUERY_ENGINE_VERBS}) )`),
    code: 'AccessDenied',
    service: 's3',
  },
  // S3's MethodNotAllowed (`The specified method is not allowed against this resource.`), as a tool prints it without
  // the code (`unexpected error from ListObjects on b: The specified method …`: grafana/tempo#3955)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  {
    sentence: 'The specified method is not allowed against this resource',
    code: 'MethodNotAllowed',
    service: 's3',
  },
  // … and its NoSuchBucket (Alpakka's `S3Exception: The specified bucket does not exist`), after its denial: of two
  // answers printed so, the refusal is the one to explain
  {
    sentence: 'The specified bucket does not exist',
    code: 'NoSuchBucket',
    service: 's3',
    namesService: true,
  },
  // OpenSearch Service's ValidationException for a VPC domain without its service-linked role
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/slr.html
  {
    sentence: 'you must enable a service-linked role to give Amazon ES permissions',
    code: 'ValidationException',
    service: 'es',
    namesService: true,
  },
  // Lambda's ResourceConflictException for a function in a state that allows no change (`The operation cannot be
  // performed at this time. The resource arn:…:function:f is currently in the following state: 'Failed'.`)
  // https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
  {
    sentence: 'is currently in the following state:',
    also: /The operation cannot be performed at this time\.\s+The resource arn:[\w-]+:lambda:/,
    code: 'ResourceConflictException',
    service: 'lambda',
    namesService: true,
  },
  // Lambda's InvalidParameterValueException when a reservation would leave the account less unreserved concurrency
  // than its minimum https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
  {
    sentence: "decreases account's UnreservedConcurrentExecution below its minimum value",
    code: 'InvalidParameterValueException',
    service: 'lambda',
    namesService: true,
  },
  // Lambda's EC2ThrottledException: EC2 throttled the calls Lambda made with the execution role to set up the
  // function's network interfaces https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  {
    sentence: 'Lambda was throttled while using the Lambda Execution Role',
    code: 'EC2ThrottledException',
    service: 'lambda',
    namesService: true,
  },
  // S3's wording of SignatureDoesNotMatch; other services say "Check your AWS Secret Access Key", under
  // SignatureDoesNotMatch or (JSON APIs) InvalidSignatureException
  {
    sentence: 'Check your key and signing method.',
    code: 'SignatureDoesNotMatch',
    service: 's3',
    namesService: true,
  },
];

// (their words looked for in any case by the one scan too, for a sentence a paste broke over lines)
lookForPhrases(
  FIXED_SENTENCES.map((fixed) => fixed.sentence.trim()).filter((sentence) => /^[ -~]+$/.test(sentence)),
);

/** Lambda's and EventBridge Pipes' refusal of a role that may not call a source's API, perhaps broken over lines. */
const ROLE_MAY_NOT_CALL = [
  'execution role does not have permissions to call',
  'customer role does not have permissions to call',
];
lookForPhrases(ROLE_MAY_NOT_CALL);

/** AppSync's GraphQL error type for a refused request. */
const APPSYNC_UNAUTHORIZED = /"errorType"\s*:\s*"Unauthorized"/;

/**
 * Sentences of one service that name the resource they refused, each found by its literal, then its pattern (whose
 * first group that matched is the resource), where `also` holds too; in this order (the first one found wins).
 */
const NAMED_RESOURCES: readonly {
  readonly literal: string;
  readonly pattern: RegExp;
  readonly also?: RegExp;
  /** The surface of a sentence that is itself a refusal (its literal marks the error an access failure). */
  readonly refusal?: string;
}[] = [
  // KMS names the key whose state refused the request: `<key ARN> is pending deletion.`, `is disabled.`
  // https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
  {
    literal: ':kms:',
    pattern:
      /(arn:[\w-]+:kms:(?:[a-z0-9-]*|<[\w -]{1,30}>|\{\w{1,30}\}):(?:[\d*xX]{1,20}|<[\w -]{1,30}>|\{\w{1,30}\}):key\/(?:[\w-]+|<[\w -]{1,30}>|\{\w{1,30}\}))[\s│|]{1,20}is (?:pending deletion|disabled|pending import|unavailable|pending replica deletion)\b/,
  },
  // Lambda's ResourceNotFoundException names the function (`Function not found: arn:…:function:f`), the whole ARN
  // where a copy cut at `(truncated...)` comes first (aarondfrancis/sidecar#23)
  // https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors
  {
    literal: 'Function not found: arn:',
    pattern: /Function not found: (arn:[\w-]+:lambda:[^\s'"`]{1,400}?)\.?(?=\s|$)(?! \(truncated)/,
  },
  // IAM's NoSuchEntity names the managed policy it did not find (`Policy arn:aws:iam::1:policy/p was not found.`:
  // splunk/security_content's DeletePolicy record; `… does not exist or is not attachable.` to an attach:
  // newrelic/aws-log-ingestion#77) https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html
  {
    literal: 'Policy arn:',
    pattern:
      /\bPolicy (arn:[\w-]+:iam::(?:\d{12}|aws):policy\/[\w+=,.@/-]{1,1024}?) (?:was not found|does not exist or is not attachable)\b/,
  },
  // Lambda's ResourceConflictException names the function an update is under way for (`An update is in progress for
  // resource: arn:aws:lambda:…:function:f`: cloud-custodian/cloud-custodian#7010)
  // https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
  {
    literal: 'in progress for resource: arn:',
    pattern: /\bAn update is in progress for resource: (arn:[\w-]+:lambda:[^\s'"`]{1,400}?)\.?(?=\s|$)/,
  },
  // CloudTrail's TrailNotFoundException names the trail (`Unknown trail: arn:aws:cloudtrail:…:trail/t for the user: 1`:
  // nozaq/terraform-aws-secure-baseline#306) https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html
  {
    literal: 'Unknown trail: arn:',
    pattern: /\bUnknown trail: (arn:[\w-]+:cloudtrail:[^\s'"`]{1,400}?)(?= for the user|\.?(?=\s|$))/,
  },
  // AWS Backup's job status when its service role may not read the resource (`Your backup job failed as AWS Backup does
  // not have permission to describe resource arn:aws:s3:::b.`), under the console's header in any language
  // (`アクセスが拒否されました`: dev.classmethod.jp's AWS Backup for S3 article)
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
  {
    literal: 'AWS Backup does not have permission to ',
    pattern:
      /\bAWS Backup does not have permission to [a-z]{2,20} resource (arn:[\w-]+:[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
    refusal: 'backup',
  },
  // … and SimpleDB's resource in its parentheses
  {
    literal: 'does not have permission to perform (',
    pattern:
      /\bdoes not have permission to perform \([^()\s]{3,140}\) on resource \((arn:[\w-]+:[^\s()]{1,1024})\)/,
  },
  // IAM's NoSuchEntity for a SAML provider's metadata names its ARN (`NoSuchEntity: Manifest not found for arn
  // arn:aws:iam::1:saml-provider/x`: cloudposse/atmos)
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetSAMLProvider.html#API_GetSAMLProvider_Errors
  {
    literal: 'not found for arn arn:',
    pattern: /\bnot found for arn (arn:[\w-]+:iam::[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
  },
  // AppSync names the data source's role it could not assume (`Unable to assume role arn:…:role/service-role/r.`)
  // https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html
  {
    literal: 'Unable to assume role arn:',
    pattern: /Unable to assume role (arn:[\w-]+:iam::[^\s'"`]{1,400}?)\.?(?=["\s]|$)/,
    also: APPSYNC_UNAUTHORIZED,
  },
  // Redshift names the role a COPY or UNLOAD gave it and it could not get credentials of (`Not authorized to get
  // credentials of role arn:aws:iam::…:role/r`) https://docs.aws.amazon.com/redshift/latest/mgmt/authorizing-redshift-service.html
  {
    literal: 'Not authorized to get credentials of role ',
    pattern: /Not authorized to get credentials of role (arn:[\w-]+:iam::[^\s'"`]{1,400}?)\.?(?=\s|$)/,
    refusal: 'redshift',
  },
  // ECS names the task role it could not assume (`ECS was unable to assume the role 'arn:…' that was provided for
  // this task`)
  {
    literal: 'ECS was unable to assume the role ',
    pattern: /ECS was unable to assume the role '(arn:[\w-]+:iam::[^\s'"`]{1,400})'/,
    refusal: 'ecs',
  },
  // … as SageMaker names the execution role of a job it could not assume (`ClientError: SageMaker was unable to assume
  // the role 'arn:…'`) https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
  {
    literal: 'was unable to assume the role ',
    pattern: /(?<!ECS )was unable to assume the role '(arn:[\w-]+:iam::[^\s'"`]{1,400})'/,
    refusal: 'service-role',
  },
  // … as Systems Manager Automation names the role a runbook was to run as (`The provided role: arn:…:role/x can't be
  // assumed.`: aws-solutions/instance-scheduler-on-aws#274) https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup.html
  {
    literal: "can't be assumed",
    pattern: /\bThe provided role: (arn:[\w-]+:iam::[^\s'"`]{1,400}?) can't be assumed/,
  },
  // … as Elastic Beanstalk names an environment's instance profile it cannot use (`The instance profile arn:… associated
  // with the environment is invalid.`) https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-instanceprofile.html
  {
    literal: 'associated with the environment is invalid',
    pattern: /\bThe instance profile (arn:[\w-]+:iam::\S{1,400}) associated with the environment is invalid/,
  },
  // CloudFormation names the service role it could not assume (`Role arn:…:role/x is invalid or cannot be assumed`)
  {
    literal: 'is invalid or cannot be assumed',
    pattern: /\bRole\s+(arn:[\w-]+:iam::[^\s'"`]{1,400}?)\s+is invalid or cannot be assumed/,
  },
  // CloudWatch Logs names the log group whose key it could not use (`… is not allowed to be used with Arn
  // 'arn:aws:logs:…:log-group:g'`) https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
  { literal: 'to be used with Arn ', pattern: /to be used with Arn '(arn:[\w-]+:logs:[^'\s]{1,400})'/ },
  // Lambda names the function whose state refused the change (`The resource arn:…:function:f is currently in the
  // following state: 'Failed'.`) https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
  {
    literal: 'is currently in the following state',
    pattern: /The resource (arn:[\w-]+:lambda:[^\s'"]{1,300}?) is currently in the following state/,
  },
  // or KMS's message is the key's ARN alone (`DisabledException … when calling the Encrypt operation: <key ARN>`)
  {
    literal: ':kms:',
    pattern: /\boperation: (arn:[\w-]+:kms:\S+)\s*$/m,
    also: /DisabledException|KMSInvalidStateException|KeyUnavailableException/,
  },
  // KMS's NotFoundException names the key or alias it could not find (`Key 'arn:…:key/…' does not exist`,
  // `Alias arn:…:alias/x is not found.`): https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors
  {
    literal: ':kms:',
    pattern:
      // (its words perhaps on the next line: `Key 'arn:…'` / `does not exist`, sqlxpert/aws-rcp-s3-require-encryption-kms)
      /\b(?:Key '(arn:[\w-]+:kms:[^'\s]{1,400})'\s{1,20}does not exist|Alias (arn:[\w-]+:kms:\S{1,400}) is not found)/,
  },
  // … as RDS names, in brackets, the key its KMSKeyNotAccessibleFault is about (`The source snapshot KMS key
  // [arn:aws:kms:…:key/…] does not exist, is not enabled or you do not have permissions to access it.`)
  // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBClusterSnapshot.html
  // (a placeholder in the brackets perhaps with its own spaces: `[arn:aws:kms:(source account arn)]`)
  { literal: ':kms:', pattern: /\bKMS key \[(arn:[\w-]+:kms:[^\]\n]{1,400})\] does not exist\b/ },
  // CloudFormation refuses to change a stack in a state that allows none, naming it: `Stack:arn:…:stack/app/…
  // is in ROLLBACK_COMPLETE state and can not be updated.`
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html
  { literal: 'Stack:', pattern: /\bStack:(arn:[\w-]+:cloudformation:\S{1,400}) is in [A-Z_]{4,60} state\b/ },
  // … and the ECS agent names the resource it was refused (`Unauthorized to perform ecs:Poll for arn:…`)
  {
    literal: 'Unauthorized to perform ',
    pattern:
      /Unauthorized to perform [a-z0-9-]{2,40}:\w{2,100} for (arn:[\w-]+:[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
    refusal: 'ecs-agent',
  },
  // … and the secret of a Kafka source's SASL/SCRAM credentials it could not read (`Invalid request provided: Cannot access
  // secret manager value arn:…:secret:AmazonMSK_x. Please ensure the role can perform the 'secretsmanager:GetSecretValue'
  // action on your broker in IAM.`: aws/aws-cdk#18571)
  // https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html
  {
    literal: 'Cannot access secret manager value',
    pattern:
      /Cannot access secret manager value\s{1,20}(arn:[\w-]+:secretsmanager:[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
    refusal: 'lambda',
  },
  // Lambda names the stream an event source mapping's role could not read (`Cannot access stream
  // arn:…:table/t/stream/…. Please ensure the role can perform the GetRecords, … Actions on your stream in IAM.`)
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-example-lamda-process-dynamodb-streams.html
  {
    literal: 'Cannot access stream',
    // (its ARN perhaps on the next line, a narrow log's: aws-samples/cross-account-amazon-dynamodb-replication#11)
    pattern: /Cannot access stream\s{1,20}(arn:[\w-]+:(?:dynamodb|kinesis):[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
    refusal: 'lambda',
  },
  // EMR names the instance profile it could not pass (`AccessDeniedException: Failed to authorize instance profile
  // arn:…:instance-profile/p`) https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-troubleshoot-error-errordetail-validation.html
  {
    literal: 'Failed to authorize instance profile ',
    pattern: /Failed to authorize instance profile (arn:[\w-]+:iam::[^\s'"`]{1,1024}?)\.?(?=\s|$)/,
    refusal: 'emr',
  },
  // EventBridge Pipes' execution log names the target it may not invoke (`Target invocation failed with error from
  // States. Not allowed to invoke arn:aws:states:…:stateMachine:s.`)
  // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-logs.html
  {
    literal: 'Not allowed to invoke arn:',
    pattern: /Not allowed to invoke (arn:[\w-]+:[^\s'"`]{1,1024}?)\.?(?=["\s]|$)/,
  },
  // CodeBuild's DOWNLOAD_SOURCE phase names the S3 object its service role could not read: `AccessDenied: Access
  // Denied status code: 403, … for primary source and source version arn:aws:s3:::bucket/key`
  // https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
  {
    literal: 'for primary source and source version arn:',
    pattern: /for primary source and source version (arn:[\w-]+:s3:::[^\s`'"]{1,1024})/,
  },
];

/** The AWS SDK for C++'s names of its own failures, no service's code. */
const CPP_CLIENT_ERRORS: ReadonlySet<string> = new Set([
  'UNKNOWN',
  'NETWORK_CONNECTION',
  'CLIENT_SIGNING_FAILURE',
  'USER_CANCELLED',
  'ENDPOINT_RESOLUTION_FAILURE',
  'SERVICE_EXTENSION_START_RANGE',
  'MISSING_PARAMETER',
  'INVALID_PARAMETER_COMBINATION',
  'INVALID_QUERY_PARAMETER',
  'INVALID_PARAMETER_VALUE',
  'VALIDATION',
]);

/** An ECR registry's host (`<account>.dkr.ecr.<region>.amazonaws.com`, the account perhaps redacted). */
const ECR_REGISTRY = /\b[\w-]{1,40}\.dkr\.ecr\.[a-z0-9-]{2,30}\.amazonaws\.com/;

/** A CodeArtifact repository's endpoint (`https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com`). */
const CODEARTIFACT_ENDPOINT = /https:\/\/[a-z0-9-]{1,100}\.d\.codeartifact\.[a-z0-9-]{2,30}\.amazonaws\.com/;

/** Redshift's error detail: its error line, its numeric code, then (a few lines on) the source file that raised it. */
const REDSHIFT_DETAIL =
  /(?:^|\n)[ \t]{0,20}error:[ \t]+[^\n]{1,500}\n[ \t]{0,20}code:[ \t]+\d{3,6}[ \t]*\n(?:[^\n]{0,500}\n){0,4}?[ \t]{0,20}location:[ \t]+\w{1,80}\.cpp:\d{1,6}/;

/**
 * Sentences of one service each, written without a code: that service refused the caller (`refused`), or answered with
 * its own words for another failure.
 */
const SERVICE_SENTENCES: readonly {
  readonly sentence: string;
  readonly service: string;
  readonly refused?: true;
}[] = [
  // CloudFormation's refusal of a resource's tags, also where it retried without them and no handler code follows
  // (`Encountered a permissions error performing a tagging operation, please add required tag permissions.`:
  // aws-samples/aws-eda-slurm-cluster#340) https://repost.aws/knowledge-center/cloudformation-tagging-permission-error
  { sentence: 'permissions error performing a tagging operation', service: 'cloudformation', refused: true },
  // EMR's refusal of a cluster whose service role may not call EC2 (`User account is not authorized to call EC2.`)
  // https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-troubleshoot-error-permissions.html
  { sentence: 'User account is not authorized to call ', service: 'emr', refused: true },
  // API Gateway's execution log of a request its own configuration failed (`Execution failed due to configuration error:
  // Host name '…' does not match the certificate subject provided by the peer`, `… API Gateway could not determine the
  // callers credentials`: liangruibupt/aws-is-how, an API's test invocation): its answer, without a code
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
  { sentence: 'Execution failed due to configuration error: ', service: 'apigateway' },
  // Translate's NotAuthorizedException for an account it does not serve (`Your account is not authorized to make this
  // call.`): a refusal, not a sign-in's https://docs.aws.amazon.com/translate/latest/APIReference/CommonErrors.html
  { sentence: 'Your account is not authorized to make this call', service: 'translate', refused: true },
  // Lake Formation's refusal of a table's or database's permission, as Glue, Athena and engines over them relay it
  // (`Insufficient Lake Formation permission(s): Required Describe on table …`)
  // https://docs.aws.amazon.com/lake-formation/latest/dg/troubleshooting.html
  { sentence: 'Insufficient Lake Formation permission', service: 'lakeformation', refused: true },
  // DynamoDB's refusal of a replica update for the table's own Region (`Cannot add, delete, or update the local region
  // through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.`, as a deploy plugin relays it
  // without its code: rrahul963/serverless-create-global-dynamodb-table#44)
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
  { sentence: 'update the local region through ReplicaUpdates', service: 'dynamodb' },
  // FSx's refusal where the caller may not create the service-linked role it uses for a linked bucket (`Amazon FSx is
  // unable to create Service-Linked-Role to access the S3 bucket. Ensure the IAM role or user you are using has the
  // required permissions.`: aws/aws-parallelcluster#6122)
  // https://docs.aws.amazon.com/fsx/latest/LustreGuide/setting-up.html#fsx-adding-permissions-s3
  { sentence: 'is unable to create Service-Linked-Role', service: 'fsx', refused: true },
  // Step Functions' States.Runtime cause, as its console shows an execution's failure without the error's name (`An error
  // occurred while executing the state 'S' (entered at the event id #2). The JSONPath '$.event' … could not be found in
  // the input`: nasa/cumulus-orca#346) https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
  { sentence: "' (entered at the event id #", service: 'states' },
  // Redshift's answer to a COPY or a Spectrum query over a bucket of another Region (`S3ServiceException:The S3 bucket
  // addressed by the query is in a different region from this cluster.,Status 301,Error PermanentRedirect`, also alone:
  // aws-samples/redshift-immersionday-labs#4) https://docs.aws.amazon.com/redshift/latest/dg/queries-troubleshooting-load-fails.html
  {
    sentence: 'The S3 bucket addressed by the query is in a different region from this cluster',
    service: 'redshift',
  },
  // Amazon Connect's console where a Region does not offer it (`Region Unsupported. Amazon Connect is not available in
  // [Region]`) https://docs.aws.amazon.com/connect/latest/adminguide/regions.html
  { sentence: 'Amazon Connect is not available in ', service: 'connect' },
  // FSx's reasons for a file system it could not create, as its console and DescribeFileSystems' FailureDetails give
  // them: its security groups (`… do not permit Lustre LNET network traffic on port 988`), a self-managed directory it
  // could not join (`Amazon FSx is unable to establish a connection with your Microsoft Active Directory …`, `Amazon FSx
  // can't establish a connection …`) https://docs.aws.amazon.com/fsx/latest/WindowsGuide/unable-to-create-fs-self-ad.html
  { sentence: 'do not permit Lustre LNET network traffic', service: 'fsx' },
  { sentence: 'Amazon FSx is unable to establish a connection with your Microsoft', service: 'fsx' },
  { sentence: "Amazon FSx can't establish a connection with your Microsoft", service: 'fsx' },
  // QuickSight's own pages and data source checks: an embedded dashboard the reader may not see (`We can't display this
  // page (Insufficient permissions).`), a bucket of another account (`We can't connect to this S3 bucket. Make sure …`),
  // an Athena query's staging bucket gone (`The staging bucket for this query result no longer exists …`)
  // https://docs.aws.amazon.com/quicksight/latest/user/troubleshoot-athena-missing-bucket.html
  { sentence: "We can't display this page (Insufficient permissions)", service: 'quicksight', refused: true },
  {
    sentence: "We can't connect to this S3 bucket. Make sure that any S3 buckets you specify",
    service: 'quicksight',
  },
  {
    sentence: 'The staging bucket for this query result no longer exists in the underlying data source',
    service: 'quicksight',
  },
  // Amazon Personalize's failure reason of a dataset import job that could not read its S3 data (`Insufficient privileges
  // for accessing data in Amazon S3.`): the bucket policy and the job's role must let Personalize read it
  // https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-s3-access.html
  {
    sentence: 'Insufficient privileges for accessing data in Amazon S3',
    service: 'personalize',
    refused: true,
  },
  // Route 53's refusal of a VPC of another account its hosted zone's owner has not authorized (`The VPC: vpc-1 has not
  // authorized to associate with your hosted zone.`): CreateVPCAssociationAuthorization in the zone's account first
  // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html
  { sentence: 'has not authorized to associate with your hosted zone', service: 'route53', refused: true },
  // A Glue crawler's run refused its target, an S3 path the crawler's role or its Lake Formation data location
  // permission does not reach: `User does not have access to target s3://path/to/data`, aws-cloudformation/
  // cloudformation-coverage-roadmap#1921) https://docs.aws.amazon.com/glue/latest/dg/cross-account-crawling.html
  { sentence: 'User does not have access to target s3://', service: 'glue', refused: true },
  // Lake Formation's refusal where the caller may not use the key a catalog's data is encrypted with (`Insufficient
  // encryption key permissions for Glue API`) https://docs.aws.amazon.com/lake-formation/latest/dg/troubleshooting.html
  {
    sentence: 'Insufficient encryption key permissions for Glue API',
    service: 'lakeformation',
    refused: true,
  },
  // AgentCore Gateway's refusal of a target its execution role may not invoke, under ValidationException (`Gateway
  // execution role lacks permission to invoke Lambda function arn:…`): the role needs lambda:InvokeFunction
  // https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-add-target-lambda.html
  { sentence: 'execution role lacks permission to invoke ', service: 'bedrock-agentcore', refused: true },
  // CloudWatch's alarm history of an action it could not take (`Failed to execute action arn:aws:sns:…. Received error:
  // "CloudWatch Alarms does not have authorization to access the SNS topic encryption key."`): the key policy must let
  // cloudwatch.amazonaws.com use the topic's key
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
  {
    sentence: 'CloudWatch Alarms does not have authorization to access ',
    service: 'cloudwatch',
    refused: true,
  },
];

const signatures: Extractor = (text, hints) => {
  // Route 53's Throttling names the operation it throttled (`Throttling: Rate for operation ChangeResourceRecordSets
  // exceeded`: rancher/rancher#3257) https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html
  const rated = has(text, 'Rate for operation ')
    ? /\bRate for operation ([A-Z][A-Za-z0-9]{2,80}) exceeded\b/.exec(text)
    : null;
  if (rated !== null) hints.add('operation', rated[1], PRIORITY.phrase, 'route53');
  // a role a service could not assume, in its own words (Amplify Hosting's build, `Unable to assume specified IAM Role`;
  // Service Catalog's self-service action, `Access denied while assuming the role`): STS's AssumeRole refused
  if (
    has(text, 'Unable to assume specified IAM Role') ||
    has(text, 'Access denied while assuming the role')
  ) {
    hints.add('service', 'sts', PRIORITY.phrase, 'sts');
    hints.add('operation', 'AssumeRole', PRIORITY.phrase, 'sts');
  }
  // CodeBuild's phase context of a failed build phase, its own code and message (`Phase context status code:
  // YAML_FILE_ERROR Message: stat …/buildspec.yml: no such file or directory`)
  // https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html
  const phase = has(text, 'Phase context status code: ')
    ? /\bPhase context status code: ([A-Z][A-Z0-9_]{2,60}) Message: /.exec(text)
    : null;
  if (phase !== null) {
    // (below the code of an AWS answer the build's command printed: `Access Denied, Phase context status code:
    // COMMAND_EXECUTION_ERROR`, serverless/serverless#7653, is S3's refusal)
    hints.add('code', phase[1], PRIORITY.implied - 1, 'codebuild');
  }
  // CloudFormation's status reason for a stack whose resources failed (`The following resource(s) failed to create:
  // [ECSLoadBalancer, Cloud9].`): the service's answer, without a code
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html
  if (has(text, 'The following resource(s) failed to ')) hints.relayed('cloudformation');
  // (the stream Lambda could not read named by a stand-in, `Cannot access stream <Stream ARN>. Please ensure the role …`:
  // awsdocs/aws-lambda-developer-guide#237, a refusal all the same)
  // (its words perhaps broken over lines: `Please ensure the role can perform` / `the GetRecords, …`)
  if (has(text, 'Cannot access stream') && has(text, 'Please ensure the role can perform'))
    hints.refusal('lambda');
  // an ECS service's event of a task it could not place (`service web was unable to place a task because no container
  // instance met all of its requirements. Reason: No Container Instances were found in your cluster.`)
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html
  if (has(text, 'was unable to place a task')) {
    answeredBy(hints, 'ecs');
  }
  // an AWS endpoint's answer as the Anthropic and OpenAI Go SDKs print it, the request and its status before the body
  // (`POST "https://bedrock-runtime.us-west-2.amazonaws.com/v1/messages": 400 Bad Request {"message":"…"}`:
  // charmbracelet/crush#946) https://github.com/anthropics/anthropic-sdk-go#errors
  const requested =
    has(text, '.amazonaws.com') && has(text, ' {"message":')
      ? /\b(?:POST|GET|PUT|DELETE|PATCH) "https:\/\/([a-z0-9.-]{3,200}\.amazonaws\.com)(?:\/[^"\s]{0,500})?": ([45]\d\d) [A-Z][A-Za-z ]{1,40} \{"message":/.exec(
          text,
        )
      : null;
  const endpoint = requested === null ? null : serviceFromEndpointHost(requested[1] ?? '');
  if (requested !== null && endpoint !== null) {
    hints.relayed('http');
    hints.add('service', endpoint.service, PRIORITY.phrase, 'http');
    hints.add('httpStatus', requested[2], PRIORITY.body, 'http');
  }
  // s3cmd's words for S3's AccessDenied of a bucket (`ERROR: Access to bucket 'b' was denied`: zertrin/duplicity-backup.sh#151)
  // https://github.com/s3tools/s3cmd/blob/master/s3cmd
  if (
    has(text, "ERROR: Access to bucket '") &&
    /ERROR: Access to bucket '[^'\n]{1,255}' was denied/.test(text)
  ) {
    hints.refusal('s3cmd');
    hints.add('service', 's3', PRIORITY.phrase, 's3cmd');
  }
  // CloudFront's own error page, an answer without a code (`<TITLE>ERROR: The request could not be satisfied</TITLE>` …
  // `Generated by cloudfront (CloudFront)`: a 502 of an origin it could not reach, a 403 of a method it does not allow)
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
  if (has(text, 'Generated by cloudfront (CloudFront)') && has(text, 'The request could not be satisfied')) {
    answeredBy(hints, 'cloudfront');
  }
  // CodePipeline's CloudFormation action that ended with the stack rolled back (`Failed to update stack. Current status:
  // UPDATE_ROLLBACK_COMPLETE. Status reason is not available because …`: aws-solutions-library-samples/data-lakes-on-aws#245)
  // https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html
  const stackAction = has(text, ' stack. Current status: ')
    ? /\bFailed to (create|update|delete) stack\. Current status: [A-Z_]{4,40}\b/.exec(text)
    : null;
  if (stackAction !== null) {
    hints.relayed('codepipeline');
    const verb = stackAction[1] ?? '';
    hints.add('service', 'cloudformation', PRIORITY.phrase, 'codepipeline');
    hints.add('operation', `${verb[0]?.toUpperCase()}${verb.slice(1)}Stack`, PRIORITY.phrase, 'codepipeline');
  }
  // the EFS CSI driver's words for EC2's refusal of its zone lookup (`Unauthorized to perform operation
  // DescribeAvailabilityZones.`: DNXLabs/terraform-aws-eks-efs-csi-driver#7): a refusal of the operation it names
  const unauthorized = has(text, 'Unauthorized to perform operation ')
    ? /\bUnauthorized to perform operation ([A-Z][A-Za-z0-9]{2,80})\b/.exec(text)
    : null;
  if (unauthorized !== null) {
    hints.refusal('efs-csi');
    hints.add('operation', unauthorized[1], PRIORITY.phrase, 'efs-csi');
  }
  // a role a service used that may not make a call (`Access denied: The provided role does not have permission to call
  // s3:HeadObject on the provided bucket`: nationalarchives/tdr-terraform-environments commit 8457139): the call, which
  // the service's action authorises (HeadObject as GetObject)
  const roleCall = has(text, 'does not have permission to call')
    ? // (`call` and the action perhaps run together where a wrap repair took the break for a cut word)
      /\bdoes not have permission to call\s{0,20}([a-z0-9-]{2,40}):([A-Z][A-Za-z0-9]{2,80})\b/.exec(text)
    : null;
  if (roleCall !== null) {
    hints.refusal(roleCall[1] ?? '');
    hints.add('service', roleCall[1], PRIORITY.namedCall, 'role-call');
    hints.add('operation', roleCall[2], PRIORITY.namedCall, 'role-call');
  }
  // (its words perhaps broken over lines where a paste was word-wrapped, or joined where the wrap repair took the break
  // for a cut: `… environment variablesbecause KMS access was denied`, cattle-ops/terraform-aws-gitlab-runner commit 48c5a37)
  if (
    has(text, 'Lambda was unable to decrypt the environment variables') &&
    /Lambda was unable to decrypt the environment variables\s{0,20}because KMS access was denied/.test(text)
  ) {
    hints.add('code', 'KMSAccessDeniedException', PRIORITY.implied, 'lambda');
    hints.add('service', 'lambda', PRIORITY.signatureCall, 'lambda');
    const invoke = /Calling the invoke API action failed/i.test(text);
    hints.add('operation', 'Invoke', invoke ? PRIORITY.signatureCall : PRIORITY.phrase, 'lambda');
  }
  // QuickSight's refusal of an identity call made outside the account's identity region (`Operation is being called from
  // endpoint us-west-2, but your identity region is us-east-1. Please use the us-east-1 endpoint.`): its ListUsers is
  // no other service's https://docs.aws.amazon.com/quicksight/latest/APIReference/API_GetIdentityContext.html
  if (has(text, 'but your identity region is '))
    hints.add('service', 'quicksight', PRIORITY.namedCall, 'quicksight');
  // the .NET SDK's S3 sample's report of a failed call, its code by name (`An Error, number InvalidBucketName, occurred
  // when creating a bucket with the message '…'`: aws/aws-sdk-net#126)
  if (has(text, 'An Error, number ')) {
    const numbered = /\bAn Error, number ([A-Z][A-Za-z0-9.]{2,100}), occurred\b/.exec(text);
    if (numbered !== null) hints.add('code', numbered[1], PRIORITY.codeToken, 'dotnet');
  }
  // Step Functions' refusal of a state machine whose role may not create the EventBridge rule a `.sync` task needs
  // (`AccessDeniedException: 'arn:aws:iam::1:role/r' is not authorized to create managed-rule.`:
  // terraform-aws-modules/terraform-aws-step-functions#11): the role is the principal refused
  // https://docs.aws.amazon.com/step-functions/latest/dg/stepfunctions-iam.html
  if (has(text, 'is not authorized to create managed-rule')) {
    hints.refusal('states');
    const role =
      /'(arn:[\w-]+:iam::[^\s':]{1,40}:role\/[^\s']{1,512})' is not authorized to create managed-rule/.exec(
        text,
      );
    if (role !== null) hints.add('principal', role[1], PRIORITY.body, 'states');
  }
  // EKS Pod Identity's refusal, as its agent relays it, of a role whose trust policy does not let EKS assume it for the
  // pod (`Unauthorized Exception! EKS does not have permissions to assume the associated role.`: aws/eks-pod-identity-agent#139)
  // https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html
  if (has(text, 'EKS does not have permissions to assume the associated role'))
    hints.refusal('eks-pod-identity');
  // Athena's query that failed for the Glue Data Catalog or Lake Formation permissions it needed, as a client relays the
  // query's state (`Query failed with state: FAILED, reason: Insufficient permissions to execute the query. User is not
  // authorized to create partitions on Glue catalog`: LBHackney-IT/Data-Platform#2067)
  // https://docs.aws.amazon.com/athena/latest/ug/lf-athena-limitations.html
  if (
    has(text, 'Insufficient permissions to execute the query') &&
    /Insufficient permissions to execute the query\.\s{1,4}(?:User is not authorized to \w{2,40} \w{2,40} on Glue catalog|Insufficient Lake Formation permission)/.test(
      text,
    )
  ) {
    hints.refusal('athena');
  }
  // Lake Formation's refusal of a Data Catalog call (`when calling the DeleteTable operation: Insufficient Lake
  // Formation permission(s): Required Drop on t`: aws/aws-sdk-pandas#426): the Glue call, of the operations several
  // services name alike https://docs.aws.amazon.com/lake-formation/latest/dg/access-control-underlying-data.html
  if (has(text, 'Insufficient Lake Formation permission'))
    hints.add('serviceOfOperation', 'glue', PRIORITY.implied, 'lakeformation');
  // SageMaker's failure reason for a role that may not pull the model's image (`The role 'arn:…:role/r' does not have
  // BatchGetImage permission for the image: '…'`: aws/deep-learning-containers#759): the role is refused ECR's call
  // https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
  if (has(text, 'permission for the image')) {
    const image =
      /\bThe role '(arn:[\w-]+:iam::[^\s':]{1,40}:role\/[^\s']{1,512})' does not have (\w{2,60}) permission for the image\b/.exec(
        text,
      );
    if (image !== null) {
      hints.refusal('sagemaker');
      hints.add('principal', image[1], PRIORITY.body, 'sagemaker');
      hints.add('action', `ecr:${image[2]}`, PRIORITY.phrase, 'sagemaker');
    }
  }
  // Redshift's refusal of a COPY or UNLOAD whose role the database user may not assume, as a Postgres driver relays it
  // (`pq: User arn:aws:redshift:…:dbuser:c/u is not authorized to assume IAM Role arn:aws:iam::1:role/r`:
  // fullstorydev/hauser#10) https://docs.aws.amazon.com/redshift/latest/mgmt/authorizing-redshift-service.html
  if (has(text, 'is not authorized to assume IAM Role')) {
    const assume =
      /\bUser (arn:[\w-]+:redshift:\S{1,400}) is not authorized to assume IAM Role (arn:[\w-]+:iam::[^\s,;'"]{1,512})/.exec(
        text,
      );
    if (assume !== null) {
      hints.refusal('redshift');
      hints.add('principal', assume[1], PRIORITY.body, 'redshift');
      hints.add('resource', assume[2], PRIORITY.body, 'redshift');
      hints.add('action', 'sts:AssumeRole', PRIORITY.implied, 'redshift');
    }
  }
  // the Perl SDK's (Paws) request object in its stack trace (`Paws::SQS::ReceiveMessage=HASH(0x…)`:
  // pplu/aws-sdk-perl#166): the service's SDK name and the call
  if (has(text, 'Paws::')) {
    const paws = /\bPaws::(\w{2,40})::(\w{2,100})=HASH\(/.exec(text);
    if (paws !== null)
      addServiceCall(hints, paws[1] ?? '', paws[2] ?? '', PRIORITY.namedCall, PRIORITY.namedCall, 'paws');
  }
  // Cloud Custodian's c7n-org, whose run log names the call refused in an account (`Access denied api:AssumeRole
  // policy:p account:a region:r`: cloud-custodian/cloud-custodian#9308): its operation, where a service has it
  if (has(text, 'Access denied api:')) {
    const custodian = /\bAccess denied api:([A-Z]\w{2,100}) policy:\S{1,200} account:/.exec(text);
    addKnownOperation(hints, custodian?.[1], 'c7n-org');
  }
  // an S3 client's request named by its HTTP method on an object (JetS3t's `S3 GET failed for '/key'`, `S3 HEAD request
  // failed for '/key' - ResponseCode=403`: amplab/training#48; Hadoop S3A's `PUT 0-byte object on test/:`)
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
  // (a key after the slash: `'/'` alone is the bucket's, a listing or a CreateBucket)
  const objectMethod =
    (has(text, ' failed for ')
      ? /\bS3 (GET|HEAD|PUT|DELETE)(?: request)? failed for '\/[^'\s/]/.exec(text)?.[1]
      : undefined) ?? (has(text, 'PUT 0-byte object') ? 'PUT' : undefined);
  if (objectMethod !== undefined) {
    hints.add('service', 's3', PRIORITY.phrase, 's3-client');
    hints.add('operation', OBJECT_METHOD_OPERATION[objectMethod], PRIORITY.phrase, 's3-client');
  }
  // StackSets' status reason for a target account whose execution role is missing or trusts not the administration role
  // (`Account 1 should have 'AWSControlTowerExecution' role with trust relationship to Role 'service-role/…'.`:
  // aws-solutions/aws-control-tower-customizations#109) https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-prereqs-self-managed.html
  if (
    has(text, 'role with trust relationship to Role') &&
    /\bshould have '[^'\n]{1,200}' role with trust relationship to Role '/.test(text)
  )
    hints.refusal('stacksets');
  // sentences of one service each that write no code (`SERVICE_SENTENCES`)
  for (const said of SERVICE_SENTENCES) {
    if (!has(text, said.sentence)) continue;
    if (said.refused === true) hints.refusal(said.service);
    else answeredBy(hints, said.service, PRIORITY.implied);
  }
  // CloudFormation's answer for a resource another stack holds (`S3Bucket - b already exists in stack arn:…:stack/s/…`:
  // serverless/serverless#9006): that stack https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html
  if (has(text, ' already exists in stack arn:')) {
    const stack =
      /\balready exists in stack (arn:[\w-]+:cloudformation:[\w-]{2,30}:\d{12}:stack\/[\w.-]{1,200}\/[\w-]{1,100})/.exec(
        text,
      );
    if (stack?.[1] !== undefined) {
      hints.relayed('cloudformation');
      hints.add('resource', stack[1], PRIORITY.implied, 'cloudformation');
    }
  }
  // Amazon Managed Service for Prometheus' remote write, as a collector or Prometheus logs its failure (its endpoint's
  // path, `…/workspaces/ws-…/api/v1/remote_write`: grafana/tempo#2973; or its `Workspace not found` body after the remote
  // write's status: aws-observability/aws-otel-collector#2155) https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-onboard-ingest-metrics-remote-write.html
  if (
    (has(text, 'aps-workspaces.') && has(text, '/api/v1/remote_write')) ||
    (has(text, 'remote write returned HTTP status') && has(text, 'Workspace not found'))
  ) {
    hints.add('service', 'aps', PRIORITY.namedCall, 'aps');
    hints.add('operation', 'RemoteWrite', PRIORITY.namedCall, 'aps');
    hints.relayed('aps');
  }
  // the Terraform provider's wait for a resource that ended in a failed state, the resource's own reason after it (`Error:
  // waiting for FSx for Windows File Server File System (fs-0123) create: unexpected state 'FAILED', wanted target
  // 'AVAILABLE'. last error: File system creation failed. …`; not Go's `%!s(<nil>)` where it had none): the service's answer, no code
  // https://hashicorp.github.io/terraform-provider-aws/error-handling
  if (
    has(text, ', wanted target ') &&
    /\bunexpected state '[A-Z_]{2,40}', wanted target '[A-Z_, ]{2,80}'\. last error: (?!%!)\S/.test(text)
  )
    hints.relayed('terraform');
  // an Auto Scaling group's failed activity, as `describe-scaling-activities` and the Terraform provider print it
  // (`"Description": "Launching a new EC2 instance. … Status Reason: …"`, `"StatusCode": "Failed"`)
  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/CHAP_Troubleshooting.html
  if (
    has(text, 'Launching a new EC2 instance') &&
    /"StatusCode"\s{0,4}:\s{0,4}"Failed"|Status Reason: /.test(text)
  ) {
    answeredBy(hints, 'autoscaling', PRIORITY.implied);
  }
  // Elastic Beanstalk's answer for an environment busy with another operation, as a deploy tool prints it (`AWS:
  // Environment named *** is in an invalid state for this operation. Must be Ready`: meteor-up/mup-aws-beanstalk#125)
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_UpdateEnvironment.html
  if (
    has(text, 'is in an invalid state for this operation') &&
    /\bEnvironment named \S{1,100} is in an invalid state for this operation\b/.test(text)
  ) {
    answeredBy(hints, 'elasticbeanstalk', PRIORITY.implied);
  }
  // SES's SMTP interface's reply, as a mail server's bounce or log quotes it with SES's host (`Remote-MTA: dns;
  // email-smtp.ap-southeast-1.amazonaws.com` / `Diagnostic-Code: smtp; 530 Authentication required`: BillionMail/
  // BillionMail#156): its answer, an SMTP reply without an AWS code
  // https://docs.aws.amazon.com/ses/latest/dg/smtp-response-codes.html
  if (
    has(text, 'email-smtp.') &&
    /\bemail-smtp\.[a-z0-9-]{4,30}\.amazonaws\.com\b/.test(text) &&
    /(?:smtp; |said: )5\d\d[ -]/.test(text)
  )
    answeredBy(hints, 'ses', PRIORITY.implied);
  // Vault's AWS auth method relaying STS's answer to the login's signed GetCallerIdentity (`Error making upstream request:
  // received error code 403 from STS: The security token included in the request is expired`: spring-projects/
  // spring-vault#885) https://developer.hashicorp.com/vault/docs/auth/aws#iam-auth-method
  if (has(text, ' from STS: ') && /\breceived error code [45]\d\d from STS: /.test(text))
    answeredBy(hints, 'sts', PRIORITY.implied);
  // Elastic Beanstalk's environment events, as its console, `eb events`, deploy tools and the Terraform provider's wait
  // print them without a code: a step of the environment's that failed, with the answer's reason (`Creating load balancer
  // named: … failed Reason: The value of 'access_logs.s3.prefix' cannot …`), an environment created without the instance
  // profile an account must now name (`Environment must have instance profile associated with it.`: crossplane-contrib/
  // provider-upjet-aws#357), instances left on another version (`Incorrect application version "v2" (deployment 29).
  // Expected version "v1" (deployment 27).`: einaregilsson/beanstalk-deploy#48)
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.events.html
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-instanceprofile.html
  if (
    (has(text, ' failed Reason: ') &&
      /\b(?:Creating|Updating|Deleting) [A-Za-z ]{3,60}(?: named: \S{1,300})? failed Reason: \S/.test(
        text,
      )) ||
    has(text, 'Environment must have instance profile associated with it') ||
    (has(text, 'Incorrect application version') &&
      /\bIncorrect application version\b[^\n]{0,300}\bExpected version /.test(text))
  ) {
    answeredBy(hints, 'elasticbeanstalk', PRIORITY.implied);
  }
  // CloudFormation's own answers that tools relay without a code: a change set's creation that ended FAILED, as SAM's and
  // boto3's waiter prints it (`Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state Status:
  // FAILED. Reason: …`: aws/serverless-application-model#793, aws/aws-sam-cli#9154; not the waiter's own `Max attempts
  // exceeded`, no answer); a hook's failure (`Hook failed with message: Template failed validation, …`:
  // aws/aws-cdk-cli#1198); a stack event's row in a table of `|` (`CopyCustomResource | CREATE_FAILED | Response object is
  // too long.`); a stack set instance's status reason (`"StackSetId": …,
  // "StatusReason": "This account is suspended. …"`: ansible-collections/community.aws#2358); the update CloudFormation
  // refuses on a stack created with rollback disabled (`Replacement type updates not supported on stack with
  // disable-rollback.`: aws/aws-cdk#30546)
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html,
  // https://docs.aws.amazon.com/cloudformation-cli/latest/hooks-userguide/what-is-cloudformation-hooks.html
  const changeSetWaiter = has(
    text,
    'Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state',
  );
  if (
    changeSetWaiter ||
    has(text, 'Hook failed with message: ') ||
    (has(text, '_FAILED | ') &&
      /(?:^|\n)[ \t]*[A-Za-z][\w-]{0,255} \| (?:CREATE|UPDATE|DELETE)_FAILED \| \S/.test(text)) ||
    (has(text, '"StackSetId"') && /"StatusReason"\s{0,4}:\s{0,4}"[A-Z]/.test(text)) ||
    has(text, 'Replacement type updates not supported on stack with disable-rollback')
  ) {
    answeredBy(hints, 'cloudformation', PRIORITY.implied);
    if (changeSetWaiter) hints.add('operation', 'CreateChangeSet', PRIORITY.phrase, 'cloudformation');
  }
  // an S3 Batch Operations completion report's row of a failed task (`bucket,key,version,failed,400,InvalidRequest,Task
  // failed due to missing VersionId`, the version perhaps left out): S3's status and code for that object
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-job-status.html#batch-ops-completion-report
  if (has(text, ',failed,')) {
    const row =
      /(?:^|\n)[^,\n]{1,255},[^,\n]{1,1024},(?:[^,\n]{0,1024},)?failed,([45]\d\d),([A-Z][A-Za-z0-9]{2,60}),/.exec(
        text,
      );
    if (row !== null) {
      hints.add('httpStatus', row[1], PRIORITY.body, 's3-batch');
      hints.add('code', row[2], PRIORITY.body, 's3-batch');
      hints.add('service', 's3', PRIORITY.implied, 's3-batch');
    }
  }
  // Lambda's own report of a function that ran out of its time (`… Task timed out after 120.00 seconds`, after the
  // invocation's REPORT line): the service's answer, no code
  // https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html
  if (
    has(text, 'Task timed out after ') &&
    /\bTask timed out after \d{1,6}(?:\.\d{1,3})? seconds\b/.test(text)
  ) {
    answeredBy(hints, 'lambda', PRIORITY.implied);
  }
  // AppSync's GraphQL answer of a resolver's failure, `{"data": null, "errors": [{"path": [...], "errorType":
  // "Lambda:IllegalArgument", …}]}` (serverless/serverless-graphql#346); not a function's own error it relays
  // (`Lambda:Unhandled`, its message the function's)
  // https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html
  if (
    has(text, '"errorType"') &&
    has(text, '"errors"') &&
    /"errors"\s{0,4}:\s{0,4}\[\s{0,20}\{\s{0,20}"path"\s{0,4}:[^{}]{0,400}"errorType"\s{0,4}:\s{0,4}"(?!Lambda:Unhandled")[A-Z][\w:.]{2,100}"/.test(
      text,
    )
  ) {
    answeredBy(hints, 'appsync', PRIORITY.implied);
  }
  // App Runner's own event log of a service's failure, its lines stamped `[AppRunner]` (`[AppRunner] Failed to pull your
  // application image. Be sure you configure your service with a valid access role to your ECR repository.`:
  // aws-containers/hello-app-runner#3): the service's answer, no code
  // https://docs.aws.amazon.com/apprunner/latest/dg/monitor-cwl.html
  if (
    (has(text, '[AppRunner] ') &&
      /^\S{0,40}[ \t]*\[AppRunner\] [^\n]{0,300}\b(?:[Ff]ailed|[Ee]rror)\b/m.test(text)) ||
    // (and its operation's event, `Deployment with ID : … failed. Failure reason : Failed to copy the image from ECR`:
    // aws/apprunner-roadmap#46)
    (has(text, ' failed. Failure reason : ') &&
      /\b(?:Deployment|Operation) with ID : \S{1,100} failed\. Failure reason : /.test(text))
  ) {
    answeredBy(hints, 'apprunner', PRIORITY.implied);
  }
  // an object store client naming the call it made (Tempo's `unexpected error from ListObjects on b: …`: grafana/tempo#3955)
  if (has(text, 'unexpected error from '))
    addKnownOperation(hints, /\bunexpected error from ([A-Z]\w{2,80}) on /.exec(text)?.[1], 'object-store');
  // STS's InvalidAction for a call it does not know (`Could not find operation AssumeRoleWithWebIdentity for version
  // 2011-06-15`: cortexproject/cortex#1950): the call https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
  if (has(text, 'Could not find operation ')) {
    const unknown = /\bCould not find operation ([A-Z]\w{2,80}) for version \d{4}-\d\d-\d\d/.exec(text);
    if (unknown?.[1] !== undefined) hints.add('operation', unknown[1], PRIORITY.signatureCall, 'query');
  }
  // EC2's reason for an instance an Auto Scaling group or a node group lost, its code under the wrapper's own (an EKS
  // node group health issue's `"code": "AsgInstanceLaunchFailures"`, its message `… Termination Reason:
  // Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state`: aws-samples/eks-workshop-v2)
  // https://docs.aws.amazon.com/eks/latest/APIReference/API_Issue.html
  if (has(text, 'Termination Reason: ')) {
    const reason =
      /\bTermination Reason: ((?:Client|Server)\.[A-Z][A-Za-z0-9]{2,60}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,2}): /.exec(
        text,
      );
    if (reason?.[1] !== undefined) hints.add('code', stripFaultPrefix(reason[1]), PRIORITY.body + 1, 'ec2');
  }
  // fixed sentences of one code each, also printed without it
  // (also broken over lines with the next one indented, as pytest shows an exception's message: `… the region specific
  // endpoint` / `    this request was sent to`, serapeum-org/earthlens#933; in a text of a paste's size, its breaks and
  // their indents read as one space)
  let flat: string | null = null;
  for (const fixed of FIXED_SENTENCES) {
    const written = has(text, fixed.sentence) || brokenOverLines(text, fixed.sentence);
    if (!written && text.length <= 64 * 1024 && text.includes('\n')) {
      flat ??= text.replace(/[ \t]*\n[ \t]*/g, ' ');
      if (!flat.includes(fixed.sentence) || (fixed.also !== undefined && !fixed.also.test(flat))) continue;
    } else if (!written || (fixed.also !== undefined && !fixed.also.test(text))) continue;
    hints.add('code', fixed.code, PRIORITY.implied, fixed.service);
    if (fixed.namesService === true) hints.add('service', fixed.service, PRIORITY.implied, fixed.service);
  }
  const credentialType = /Cannot call (GetSessionToken|GetFederationToken) with session credentials/.exec(
    text,
  );
  if (credentialType) {
    hints.add('service', 'sts', PRIORITY.signatureCall, 'sts');
    hints.add('operation', credentialType[1], PRIORITY.signatureCall, 'sts');
  }
  if (
    has(text, 'EBS volumes are encrypted with an inaccessible AWS KMS key') ||
    has(text, 'Client error on launch') ||
    has(text, 'InvalidKMSKey.InvalidState')
  ) {
    // An instance state reason: the launch call itself succeeded, so no operation is named.
    hints.add('service', 'ec2', PRIORITY.implied, 'ec2');
  }
  // Performance Insights' NotAuthorizedException for a resource the caller may not read (`The resource db-x for service
  // type RDS is not authorized for this account`: zalando/rds-health#6)
  // https://docs.aws.amazon.com/performance-insights/latest/APIReference/API_GetResourceMetrics.html#API_GetResourceMetrics_Errors
  if (
    has(text, ' is not authorized for this account') &&
    /\bfor service type [A-Z]{2,20} is not authorized for this account/.test(text)
  )
    hints.refusal('pi');
  // DynamoDB's refusal of a global table's replica whose creator lacks a permission it checks in each Region, under
  // ValidationException (`User is missing the following permissions: 'dynamodb:DescribeLimits'.`, its quotes perhaps
  // mangled: aws-samples/aws-iam-identity-center-extensions#117): a refusal naming the action
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html
  const missing = has(text, 'User is missing the following permissions: ')
    ? /User is missing the following permissions: [?'"‘’`]?([a-z0-9-]{2,40}:[A-Za-z0-9]{2,100})\b/.exec(text)
    : null;
  if (missing?.[1] !== undefined) {
    hints.refusal(missing[1].slice(0, missing[1].indexOf(':')));
    hints.add('action', missing[1], PRIORITY.phrase, 'dynamodb');
  }
  // GDAL's S3 driver reporting S3's status (`Warning 1: HTTP response code on https://b.s3.amazonaws.com/k: 403`; `HTTP
  // response code: 403` under a `/vsis3/` path: rspatial/terra#1731): S3's answer, its status only
  // https://gdal.org/en/stable/user/virtual_file_systems.html#vsis3-aws-s3-files
  const gdal = has(text, 'HTTP response code')
    ? /\bHTTP response code(?: on https:\/\/[a-z0-9.-]{1,255}\.amazonaws\.com(?:\.cn)?\/\S{0,1024})?: ([45]\d\d)\b/.exec(
        text,
      )
    : null;
  if (gdal?.[1] !== undefined && (gdal[0].includes('amazonaws.com') || has(text, '/vsis3/'))) {
    answeredWithStatus(hints, 's3', gdal[1], 'gdal');
  }
  // CodeArtifact's repository endpoint refusing a package manager's expired or missing authorization token (pip's `401
  // Error, Credentials not correct for https://d-1.d.codeartifact.us-east-1.amazonaws.com/pypi/r/simple/…`:
  // actions/setup-python#733; NuGet's `Response status code does not indicate success: 401 (Unauthorized).` for a source
  // there: aws/aws-toolkit-visual-studio#381): its answer, its status only
  // https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html
  if (has(text, '.d.codeartifact.') && CODEARTIFACT_ENDPOINT.test(text)) {
    const status =
      /\b(40[13])(?: Error\b| \((?:Unauthorized|Forbidden)\)| (?:Unauthorized|Forbidden)\b)/.exec(text);
    if (status?.[1] !== undefined) {
      answeredWithStatus(hints, 'codeartifact', status[1], 'codeartifact');
    }
  }
  // ECR's registry answering a container tool with a status only (`unexpected status code https://1.dkr.ecr.us-west-2.
  // amazonaws.com/r: 405 Method Not Allowed`: moby/buildkit#1194; `… dkr.ecr… unauthorized: authentication required`:
  // containers/podman#12620; `status=401 body="Not Authorized\n"` for an ECR host): its answer, its status
  // https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html
  if (has(text, '.dkr.ecr.') && ECR_REGISTRY.test(text)) {
    const status =
      /\b(40[0-9]) (?:Bad Request|Unauthorized|Forbidden|Method Not Allowed|Not Found)\b|\bstatus=(40[0-9])\b/.exec(
        text,
      );
    const code =
      status?.[1] ??
      status?.[2] ??
      (/\bunauthorized: authentication required\b|\bUnauthorized for [\w.-]{1,100}\.dkr\.ecr\./.test(text)
        ? '401'
        : undefined);
    if (code !== undefined) answeredWithStatus(hints, 'ecr', code, 'ecr');
  }
  // S3's answer in a client's wire log, its status and `Server: AmazonS3` header the text shows, its body left out
  // (`< HTTP/1.1 501 Not Implemented` / `< server: AmazonS3`: archiecobbs/s3backer#231; `< HTTP/1.1 400 Bad Request` …
  // `< Server: AmazonS3`: iterate-ch/cyberduck#14044) https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  if (has(text, 'erver: AmazonS3') && /^<?[ \t]?[Ss]erver: AmazonS3\s*$/m.test(text)) {
    const wire = /^<?[ \t]?HTTP\/1\.1 ([45]\d\d)\b/m.exec(text);
    if (wire?.[1] !== undefined) answeredWithStatus(hints, 's3', wire[1], 's3');
  }
  // ElastiCache's reply, in its engine's protocol, where IAM authentication could not be checked (`ERR IAM Authentication
  // service is not available.` from a `….cache.amazonaws.com` endpoint: redis-rb/redis-client#261)
  // https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html
  if (has(text, 'IAM Authentication service is not available') && has(text, '.cache.amazonaws.com'))
    answeredBy(hints, 'elasticache', PRIORITY.implied);
  // OpenSearch Serverless' refusal of documents past its collection's compute quota (`service_quota_exceeded_exception:
  // maximum OCU capacity reached`, a bulk request's item failure: Sage-Bionetworks/Synapse-Repository-Services#5689)
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-scaling.html
  if (has(text, 'service_quota_exceeded_exception: maximum OCU capacity reached')) {
    hints.add('code', 'service_quota_exceeded_exception', PRIORITY.implied, 'aoss');
    answeredBy(hints, 'aoss', PRIORITY.implied);
  }
  // API Gateway's refusal where it may not assume an integration's credentials role (`API Gateway doesn’t have
  // permissions to assume the IAM role configured on the integration`, in an HTTP API's access log:
  // terraform-aws-modules/terraform-aws-apigateway-v2#87): the role's trust policy must let API Gateway assume it
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services.html
  if (has(text, 'have permissions to assume the IAM role configured on the integration')) {
    hints.refusal('apigateway');
    hints.add('service', 'sts', PRIORITY.phrase, 'apigateway');
    hints.add('operation', 'AssumeRole', PRIORITY.phrase, 'apigateway');
  }
  // EC2's AuthFailure for a resource of another account (`You are not the owner of network interface 'eni-…'`, a
  // shared VPC's): a refusal of the caller, not of its credentials
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  if (
    has(text, 'You are not the owner of ') &&
    has(text, 'AuthFailure') &&
    /You are not the owner of [a-z ]{3,40} '/.test(text)
  )
    hints.refusal('ec2');
  // AppSync's GraphQL error for a data source's role it could not assume (`"errorType": "Unauthorized"`, `"message":
  // "Unable to assume role arn:…"`); a tool's own `Unable to assume role` says no more than that it failed
  if (has(text, 'Unable to assume role arn:') && APPSYNC_UNAUTHORIZED.test(text)) {
    hints.refusal('appsync');
    hints.add('action', 'sts:AssumeRole', PRIORITY.structuredRecord + 1, 'appsync');
  }
  for (const stated of STATED_ACTIONS) {
    const found = has(text, stated.literal);
    const m = found ? stated.pattern.exec(text) : null;
    // (the sentence, not its literal alone: `Please add a description` is no Pipes refusal)
    if (m !== null && stated.refusal === true) hints.refusal(stated.surface);
    const action =
      m === null
        ? undefined
        : (stated.action ?? (m[1] === undefined ? undefined : `${stated.prefix}${m[1]}`));
    if (action !== undefined) {
      hints.add('action', action, PRIORITY.structuredRecord + 1, stated.surface);
    }
  }
  // the resource a service's own sentence names, the first that holds one (`NAMED_RESOURCES`)
  for (const named of NAMED_RESOURCES) {
    const found = has(text, named.literal);
    const m = found ? named.pattern.exec(text) : null;
    if (m !== null && named.refusal !== undefined) hints.refusal(named.refusal);
    const value = m?.slice(1).find((group) => group !== undefined);
    if (value !== undefined && (named.also === undefined || named.also.test(text))) {
      hints.add('resource', value, PRIORITY.body, 'message');
    }
  }
  // a denial retold as its code and the sentence's core only (`AccessDeniedException: lambda:PublishLayerVersion on
  // resource: arn:…:layer:x`: atlanticpipe/CR2A's troubleshooting notes), found at each ` on resource: ` by the words
  // before it (a pattern led by a look-behind or a word class would be tried at every position of a large input)
  const retold = has(text, ' on resource: ')
    ? firstNear(text, ' on resource: ', (at) => {
        const core = RETOLD_CORE.exec(text.slice(Math.max(0, at - 160), at));
        if (core === null) return null;
        const value = /^ on resource: (arn:[\w-]+:[^\s'"`]{1,1024}?)\.?(?=\s|$|`)/.exec(
          text.slice(at, at + 1100),
        );
        return { action: core[1] ?? '', resource: value?.[1] };
      })
    : null;
  if (retold !== null) {
    hints.add('action', retold.action, PRIORITY.structuredRecord + 1, 'message');
    hints.add('resource', retold.resource, PRIORITY.body, 'message');
  }
  // Fluent Bit's AWS outputs name the call that failed (`PutLogEvents API responded with error='ThrottlingException'`)
  const fluent = has(text, ' API responded with error')
    ? /\b([A-Z][A-Za-z0-9]{2,80}) API responded with error/.exec(text)
    : null;
  const fluentServices = fluent?.[1] === undefined ? [] : servicesForOperation(fluent[1]);
  if (fluent?.[1] !== undefined && fluentServices.length === 1) {
    hints.add('service', fluentServices[0], PRIORITY.namedCall, 'fluent-bit');
    hints.add('operation', fluent[1], PRIORITY.namedCall, 'fluent-bit');
  }
  // the Terraform provider's debug log of an answer: `rpc.method=PutRestApi rpc.service="API Gateway"`, the two fields
  // of one record in either order, the body's lines perhaps between them (`rpc.method=RequestCertificate … http.
  // response.body=… rpc.service=ACM rpc.system=aws-api`: hashicorp/terraform-provider-aws#44667); the S3 backend's
  // and older providers' log names them `aws.operation=GetCallerIdentity … aws.service=STS` (hashicorp/terraform#34177)
  const method =
    has(text, 'rpc.method=') || has(text, 'aws.operation=')
      ? /\b(?:rpc\.method|aws\.operation)=(\w{2,100})(?=\s|$)/.exec(text)
      : null;
  if (method !== null) {
    const record = text.slice(Math.max(0, method.index - 800), method.index + 800);
    const service = /\b(?:rpc|aws)\.service="?([\w -]{2,60}?)"?(?:\s|$)/.exec(record);
    if (service !== null)
      addServiceCall(
        hints,
        service[1] ?? '',
        method[1] ?? '',
        PRIORITY.namedCall,
        PRIORITY.namedCall,
        'terraform',
      );
  }
  // a Python program's client, made in the pasted code above its error (`client = boto3.client('mediaconvert')`): the
  // service its calls go to https://docs.aws.amazon.com/boto3/latest/reference/core/boto3.html
  // (each of the first few `.client(` looked at where it is: a pattern tried at every position of a megabyte costs)
  let botoClient: RegExpExecArray | null = null;
  if (has(text, '.client(')) {
    for (let at = text.indexOf('.client('), seen = 0; at >= 0 && seen < 5 && botoClient === null; seen++) {
      botoClient = BOTO_CLIENT.exec(text.slice(Math.max(0, at - 40), at + 80));
      at = text.indexOf('.client(', at + 1);
    }
  }
  if (botoClient?.[1] !== undefined) {
    const service = serviceFromSdkName(botoClient[1]);
    if (service !== null) hints.add('service', service, PRIORITY.sdkClass, 'boto3-client');
  }
  // a JSON log record's call, as OpenTelemetry's AWS SDK instrumentation names it (`"rpc.system": "aws-api",
  // "rpc.service": "S3", "rpc.method": "GetObject"`) or an application's own fields (`"service": "S3", "operation":
  // "PutObject"`, `"aws.service"` / `"aws.operation"`), in either order within one record: added only where that
  // service's API has the operation https://opentelemetry.io/docs/specs/semconv/cloud-providers/aws-sdk/
  // (each of the first few operation fields, its service looked for in the record around it: linear in the text)
  if (has(text, '"rpc.method"') || has(text, 'peration"')) {
    let seen = 0;
    for (const field of text.matchAll(JSON_OPERATION_FIELD)) {
      if (++seen > 5) break;
      const from = Math.max(0, field.index - 600);
      const record = text.slice(from, field.index + field[0].length + 600);
      const own = field.index - from;
      const services = [...record.matchAll(JSON_SERVICE_FIELD)].filter((m) => {
        const between = m.index < own ? record.slice(m.index, own) : record.slice(own, m.index);
        return !/[{}\n]/.test(between);
      });
      const service = services[0]?.[1];
      if (service !== undefined && field[1] !== undefined) {
        addServiceCall(hints, service, field[1], PRIORITY.namedCall, PRIORITY.namedCall, 'json-log');
        break;
      }
    }
  }
  // an alert built from a CloudTrail record names its fields in words (`Access denied on event
  // CreateNetworkInterface …` / `Event source: ec2.amazonaws.com`): the call, when the service has it
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
  // (or a record's fields as a console copies them, keys bare and values quoted: `eventSource: "ecs.amazonaws.com",` /
  // `eventName: "CreateCluster",`: aws/amazon-ecs-agent#2928)
  const eventSource = /\b[Ee]vent ?[Ss]ource:[ \t]*"?([a-z0-9-]{2,40})\.amazonaws\.com\b/.exec(text);
  if (eventSource !== null) {
    const service = serviceFromEventSource(`${eventSource[1]}.amazonaws.com`);
    // (the record's own field names, one a line as a list shows them, `•eventName: GetResources` / `•eventSource:
    // tagging.amazonaws.com`: nozaq/terraform-aws-secure-baseline#319, name the call itself, any operation)
    const field =
      /(?:^|\n)[ \t]*(?:[-*•][ \t]*)?eventName:[ \t]*("?)([A-Z][A-Za-z0-9]{2,80})\1,?[ \t]*(?=\n|$)/.exec(
        text,
      );
    // (else the event's name in words, where the service has that operation; looked for only then)
    // (the first of those words that is the service's operation: a list's `- Event Time: …` comes before its `- Event Name:
    // GetObject`, awslabs/mcp's CloudTrail troubleshooting script)
    const event =
      field === null
        ? [...text.matchAll(/\b[Ee]vent(?:[ \t]?[Nn]ame:)?[ \t]+([A-Z][A-Za-z0-9]{2,80})\b/g)]
            .slice(0, 20)
            .find((m) => servicesForOperation(m[1] ?? '').includes(service ?? ''))
        : undefined;
    const named = field?.[2] ?? event?.[1];
    if (service !== null && named !== undefined) {
      // (the record's fields name service and call together, as a wrapper's `service:Operation` does)
      const priority = field?.[2] === undefined ? PRIORITY.phrase : PRIORITY.namedCall;
      hints.add('service', service, priority, 'alert');
      hints.add('operation', named, priority, 'alert');
    }
  }
  addTrailTableHints(text, hints);
  if (has(text, 'Syntax errors in policy.')) {
    // IAM's fixed message for MalformedPolicyDocument, also when CloudFormation reports its own handler code.
    hints.add('code', 'MalformedPolicyDocument', PRIORITY.sdkClass, 'iam');
  }
  if (/You are not authorized to perform: \S+ on the resource\. After your AWS administrator/.test(text)) {
    // Athena's wording of AccessDeniedException.
    hints.add('code', 'AccessDeniedException', PRIORITY.implied, 'athena');
  }
  if (has(text, '://sqs.') && has(text, 'Access to the resource https://sqs.')) {
    // SQS's wording of AccessDenied, also where a tool prints it without the code
    // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-access-denied.html)
    hints.add('service', 'sqs', PRIORITY.implied, 'sqs');
  }
  // Lambda reads an event source (and sets up a function's VPC) with the function's execution role, and names the
  // call that role may not make and the service it calls: `The provided execution role does not have permissions
  // to call ReceiveMessage on SQS` https://docs.aws.amazon.com/lambda/latest/dg/permissions-managed-policies.html
  // (EventBridge Pipes says the same of the role it reads a source with: `The provided customer role does not have
  // permissions to call ReceiveMessage on SQS` https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html)
  // (also with the space after `call` lost, as the Serverless Framework printed it: `… permissions to callPublish on
  // SNS.`, functionalone/serverless-iam-roles-per-function#5)
  // (or over two lines: `InvalidParameterValueException: The function execution` / `role does not have permissions to
  // call ReceiveMessage on SQS`, SST's deploy through Pulumi: anomalyco/sst#5737)
  const executionRoleRefused = ROLE_MAY_NOT_CALL.some(
    (sentence) => has(text, sentence) || brokenOverLines(text, sentence),
  );
  if (executionRoleRefused) hints.refusal('lambda');
  const executionRole = executionRoleRefused
    ? /(?:execution|customer)\s{1,4}role\s{1,4}does\s{1,4}not\s{1,4}have\s{1,4}permissions\s{1,4}to\s{1,4}call\s{0,4}(\w{2,100})\s{1,4}on\s{1,4}(\w{2,40})/.exec(
        text,
      )
    : null;
  const executionRoleService = serviceFromSdkName(executionRole?.[2] ?? '');
  if (executionRole !== null && executionRoleService !== null) {
    hints.add(
      'action',
      `${executionRoleService}:${executionRole[1]}`,
      PRIORITY.structuredRecord + 1,
      'lambda',
    );
  }
  // (and the action it names for a Kafka source's secret: `Please ensure the role can perform the
  // 'secretsmanager:GetSecretValue' action on your broker in IAM.`, aws/aws-cdk#18571)
  const namedAction = has(text, 'Please ensure the role can perform the ')
    ? /Please ensure the role can perform the\s{1,4}'([a-z0-9-]{2,40}:[A-Za-z0-9]{2,100})' action\b/.exec(
        text,
      )
    : null;
  if (namedAction?.[1] !== undefined) {
    hints.refusal('lambda');
    hints.add('action', namedAction[1], PRIORITY.structuredRecord + 1, 'lambda');
  }
  // CodePipeline's deploy action names the call in the SDK's spelling: `You do not have sufficient permissions to
  // call s3.putObject for the deployment bucket`
  // https://docs.aws.amazon.com/codepipeline/latest/userguide/permissions-reference.html
  const sufficient = has(text, 'sufficient permissions to call ')
    ? /sufficient permissions to call ([a-z0-9-]{2,40})\.([a-z][A-Za-z0-9]{1,100})\b/.exec(text)
    : null;
  if (sufficient !== null) {
    hints.refusal('codepipeline');
    const operation = pascalCase(sufficient[2] ?? '');
    if (servicesForOperation(operation).includes(sufficient[1] ?? '')) {
      hints.add('action', `${sufficient[1]}:${operation}`, PRIORITY.structuredRecord + 1, 'codepipeline');
    }
  }
  // the S3 console's banner over a refused read names the action to allow: `You don't have permission to get Bucket
  // Versioning details … You or your AWS administrator must update your IAM permissions to allow
  // s3:GetBucketVersioning.` (karimelmel/cloud-security-bootcamp#1)
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
  const toAllow = has(text, 'update your IAM permissions to allow ')
    ? /update your IAM permissions to allow ([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})\b/.exec(text)
    : null;
  if (toAllow !== null) hints.add('action', toAllow[1], PRIORITY.structuredRecord + 1, 'console');
  // DataZone's own sentence names the operation, with the service after it in a Java SDK's words: `User is not
  // permitted to perform operation: CreateEnvironmentProfile (Service: DataZone)`
  // https://docs.aws.amazon.com/datazone/latest/userguide/security-iam.html
  const permittedRefused = has(text, 'not permitted to perform operation: ');
  if (permittedRefused) hints.refusal('datazone');
  const permitted = permittedRefused
    ? /not permitted to perform operation: ([A-Z]\w{1,100})(?: \(Service: ([A-Za-z0-9 ]{2,60})[),])?/.exec(
        text,
      )
    : null;
  if (permitted !== null) {
    hints.add('operation', permitted[1], PRIORITY.phrase, 'datazone');
    hints.add('service', serviceFromSdkName(permitted[2] ?? ''), PRIORITY.phrase, 'datazone');
  }
  // a service that may not assume the role it was given (Step Functions: `The principal states.amazonaws.com is not
  // authorized to assume the provided role.`): the role's trust policy refused sts:AssumeRole
  // https://docs.aws.amazon.com/step-functions/latest/dg/security_iam_service-with-iam.html
  // (also of both its principals: `Neither the global service principal states.amazonaws.com, nor the regional one is
  // authorized to assume the provided role.`)
  if (
    has(text, 'not authorized to assume the provided role') ||
    has(text, 'nor the regional one is authorized to assume the provided role')
  ) {
    hints.refusal('service-role');
    hints.add('action', 'sts:AssumeRole', PRIORITY.structuredRecord + 1, 'service-role');
  }
  // EMR's service role that may not make the EC2 calls a cluster needs (`VALIDATION_ERROR: Service role arn:…:role/r has
  // insufficient EC2 permissions`): the role is the caller refused
  const insufficient =
    has(text, 'has insufficient ') && /\bhas insufficient [A-Za-z0-9]{2,20} permissions/.test(text);
  if (insufficient) hints.refusal('emr');
  const serviceRole = insufficient
    ? /\bService role (arn:[\w-]+:iam::[^\s:]{0,40}:role\/\S{1,512}) has insufficient [A-Za-z0-9]{2,20} permissions/.exec(
        text,
      )
    : null;
  if (serviceRole !== null) hints.add('principal', serviceRole[1], PRIORITY.body, 'emr');
  // botocore's debug log names each call's event (`Event needs-retry.acm.GetCertificate: calling handler …`): the last
  // one the log reached (the catalog confirms the call)
  const event = has(text, 'Event needs-retry.')
    ? lastMatch(text, /Event needs-retry\.([a-z0-9-]{2,40})\.([A-Z]\w{1,100}):/g, 200)
    : null;
  const eventService = event === null ? null : serviceFromSdkName(event[1] ?? '');
  if (event !== null && eventService !== null) {
    hints.add('service', eventService, PRIORITY.namedCall, 'botocore');
    hints.add('operation', event[2], PRIORITY.namedCall, 'botocore');
  }
  const kmsRefused = has(text, 'Access to KMS is not allowed');
  if (kmsRefused) {
    // Secrets Manager's wording when the caller may not use the secret's KMS key.
    hints.add('action', 'kms:Decrypt', PRIORITY.implied, 'secretsmanager');
  }
  // the ECS agent's retrieval for a task: secrets (ssm:GetParameters, secretsmanager:GetSecretValue) and a
  // private ECR registry's token (ecr:GetAuthorizationToken)
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
  const ecs = /unable to retrieve (secrets from ssm|secret from asm|ecr registry auth)/.exec(text);
  const retrieval = ecs === null ? undefined : ECS_RETRIEVALS[ecs[1] ?? ''];
  if (retrieval !== undefined) {
    hints.add('service', retrieval.service, PRIORITY.phrase, 'ecs-agent');
    hints.add('operation', retrieval.operation, PRIORITY.phrase, 'ecs-agent');
  }
  // … and the secret it names (`failed to fetch secret arn:…:secret:db from secrets manager: …`), unless the
  // refusal was of the secret's KMS key (`Access to KMS is not allowed`), whose key it does not name
  const secret =
    ecs?.[1] === 'secret from asm' && !kmsRefused
      ? /\bfailed to fetch secret (arn:[\w-]+:secretsmanager:\S{1,400}) from secrets manager/.exec(text)
      : null;
  if (secret) hints.add('resource', secret[1], PRIORITY.body, 'ecs-agent');
  if (/^denied: /m.test(text)) {
    hints.surface('docker');
  }
  if (has(text, 'ResourceInitializationError')) {
    hints.surface('ecs-agent');
  }
};

/**
 * `Code: message` tokens as Go SDK v1, JS SDK v2, controllers and Terraform print them, also glued to a
 * log level (`[ERROR]AccessDenied:`) or in Markdown backticks; JS SDK v3's `AccessDenied - message`; and
 * a known code alone on its line. A code no table knows is taken where Terraform and the Go SDKs print
 * one (before a `status code:` line, or after an `error ...:` wrapper) when it is PascalCase.
 */
const codeTokens: Extractor = (text, hints) => {
  let count = 0;
  // (a console table's rows counted apart: a megabyte of them must not use up the budget of the codes after them)
  let tableRows = 0;
  // (on its own line, or joined to the message where a hanging indent was read as a wrap: ACK's `Message:` field)
  const goStatusLine = /\bstatus code: \d{3}, request id:/.test(text);
  // (or the JS SDK v2's frame that read the code from the answer: `NoSuchEntity: The Password Policy … cannot be found.` /
  // `at Request.extractError (…/aws-sdk/lib/protocol/query.js:47:29)`, tensult/cloud-reports#4)
  const jsV2Answer =
    has(text, 'Request.extractError') && /at Request\.extractError\s?\([^)\n]{0,200}aws-sdk/.test(text);
  for (const m of text.matchAll(
    // also after a log field's `=` (`stack=VcpuLimitExceeded: …`)
    // and after a spinner's `...` (`Fetching Aurora Serverless cluster...BadRequestException: …`)
    // (the line starts found by the `\n` in the class, not by `^` under the `m` flag, tried at every position)
    // and, a known or code-shaped name only, at a line's start before a sentence two spaces on, as a console's table
    // copied leaves it
    // (`ResourceInUseException  Account Factory cannot create …`: aws-samples/aws-control-tower-automate-account-creation#9)
    /(?:[\s,:([{"'\]`=]|\.\.\.|^)((?:Client\.|Server\.)?[A-Z][A-Za-z0-9]{2,60}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,3})(`?:(?=\s|$)|\s*:\s*chr\s|(?=( - )\S)|(?= => \S)|(?=( {2,4})[A-Z][a-z]))/g,
  )) {
    if (m[4] === undefined && ++count > 200) {
      break;
    }
    const code = stripFaultPrefix(m[1]);
    const at = m.index + m[0].indexOf(m[1] ?? '');
    if (m[4] !== undefined) {
      if (++tableRows > 200) continue;
      if (
        code !== null &&
        (isKnownCode(code) || isCodeShaped(code)) &&
        !NOT_CODES.has(code) &&
        !isWrapperName(code) &&
        (at === 0 || text.charCodeAt(at - 1) === 0x0a)
      ) {
        hints.add('code', code, PRIORITY.knownCodeToken, 'code-token');
      }
      continue;
    }
    // the JS SDK v2's own code for credentials it could not load: the code where no AWS code is carried
    if (code === 'CredentialsError') hints.add('code', code, PRIORITY.implied, 'code-token');
    if (
      code === null ||
      NOT_CODES.has(code) ||
      isWrapperName(code) ||
      // (a service's relayed code is no class: S3's `KMS.AccessDeniedException: not authorized to perform kms:Decrypt`)
      (isQualifiedClassName(code) && !isRelayedKnownCode(code)) ||
      isPowerShellCategory(text, at) ||
      isForeignRubyClass(text, at) ||
      // `Forbidden - ExpiredToken: …`: an HTTP reason before the code, not JS v3's `Code - message`
      (m[3] !== undefined && codeFollowsDash(text, at + (m[1] ?? '').length + 3))
    ) {
      continue;
    }
    if (isServiceClass(code)) {
      // a Java SDK v2 service's own class (`EventBridgeException: User: … is not authorized …`) names no code
      continue;
    }
    if (ECS_STOPPED_REASONS.has(code)) {
      // an ECS task's stopped reason yields to the AWS code it relays, and stands where it relays none
      hints.add('code', code, PRIORITY.unknownCodeToken - 2, 'ecs');
    } else if (SDK_CLIENT_CODES.has(code)) {
    } else if (CREDENTIAL_CHAIN_CODES.has(code)) {
      // a client's own code for the credentials it could not load yields to the AWS code of the answer its chain
      // relays (`NoCredentialProviders: no valid providers in chain … AccessDenied: User: … is not authorized to perform:
      // sts:AssumeRole`: kubernetes-sigs/aws-ebs-csi-driver#1625), and stands where none is relayed
      hints.add('code', code, PRIORITY.unknownCodeToken - 1, 'code-token');
    } else if (isKnownCode(code)) {
      hints.add('code', code, PRIORITY.knownCodeToken, 'code-token');
    } else if (
      isCodeShaped(code) ||
      SQS_QUERY_CODE.test(code) ||
      isRelayedKnownCode(code) ||
      // (but the Go SDK's own check of a request before sending it, `InvalidParameter: 2 validation error(s) found.`)
      (INVALID_CODE.test(code) &&
        !/^:? ?\d{1,3} validation error/.test(text.slice(at + code.length, at + code.length + 30)))
    ) {
      // (a code's ending alone is a word of prose: S3's `Access Denied:` is no code `Denied`)
      hints.add('code', code, PRIORITY.codeToken, 'code-token');
    } else if (
      m[3] === undefined &&
      // (a dotted code also after a tool's step, `Error: creating WorkSpaces Workspace: ResourceNotFound.Directory: The
      // specified directory could not be found …`: hashicorp/terraform-provider-aws#31482)
      (PASCAL_CASE.test(code) || (DOTTED_CODE.test(code) && (goStatusLine || afterToolWrapper(text, at)))) &&
      (goStatusLine || jsV2Answer || afterToolWrapper(text, at))
    ) {
      // (a step's noun before the code that follows it, as the older Terraform provider wrote its steps: `Error import
      // KeyPair: MissingParameter: The request must contain …`, alphagov/paas-bootstrap commit 1623a81: the second)
      const after = at + code.length;
      const following = /^: ([A-Z][a-z]+[A-Z][A-Za-z0-9]{1,60}): \S/.exec(text.slice(after, after + 66))?.[1];
      const next =
        following !== undefined && !NOT_CODES.has(following) && !isWrapperName(following)
          ? following
          : undefined;
      hints.add('code', next ?? code, PRIORITY.unknownCodeToken, 'code-token');
    }
  }
  for (const m of text.matchAll(
    // line starts found by their `\n`, not by `^` under the `m` flag, which is tried at every position
    /(?:^|\n)[ \t>*`'"-]{0,20}((?:Client\.|Server\.)?[A-Z][A-Za-z0-9]{2,60}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,3})[`'".:]{0,3}[ \t]*(?=\n|$)/g,
  )) {
    if (++count > 400) {
      break;
    }
    const code = stripFaultPrefix(m[1]);
    if (code !== null && !NOT_CODES.has(code) && !isWrapperName(code) && isKnownCode(code)) {
      hints.add('code', code, PRIORITY.knownCodeToken, 'code-token');
    } else if (code !== null && isRelayedKnownCode(code)) {
      hints.add('code', code, PRIORITY.codeToken, 'code-token');
    } else if (
      code !== null &&
      isCodeShaped(code) &&
      !NOT_CODES.has(code) &&
      !isWrapperName(code) &&
      has(text, 'failed to satisfy constraint')
    ) {
      // a code-shaped name alone on its line before AWS's own validation sentence, as a console shows them
      // (`ValidationException` / `2 validation errors detected` / `Value '' at 'x' failed to satisfy constraint: …`:
      // hashicorp/terraform-provider-aws#27990) https://docs.aws.amazon.com/sagemaker/latest/APIReference/CommonErrors.html
      hints.add('code', code, PRIORITY.codeToken, 'code-token');
    } else if (
      code !== null &&
      PASCAL_CASE.test(code) &&
      TWO_HUMPS.test(code) &&
      !NOT_CODES.has(code) &&
      !isWrapperName(code) &&
      /^\n[^\n]{0,600}\barn:aws[\w-]*:[a-z0-9-]{2,40}:/.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 700),
      )
    ) {
      // (or any name of two words or more alone on its line, where the next, its message, names an AWS resource's ARN:
      // SageMaker's console, `ResourceInUse` / `Unable to delete UserProfile [arn:aws:sagemaker:…] because App(s) are
      // associated with it.`, aws/amazon-sagemaker-feedback#113)
      hints.add('code', code, PRIORITY.unknownCodeToken, 'code-token');
    }
  }
  // a known code written in small letters by a tool that lowered the whole message (`creating ec2 instance:
  // unauthorizedoperation: you are not authorized to perform this operation.`): the code in AWS's spelling
  let lowered = 0;
  for (const m of text.matchAll(/(?<![\w.-])([a-z][a-z0-9.]{5,60}): /g)) {
    if (++lowered > 200) break;
    const code = KNOWN_CODES_BY_LOWER.get(m[1] ?? '');
    if (code !== undefined) hints.add('code', code, PRIORITY.codeToken, 'code-token');
  }
  // a known code that ends a chain of causes, with no message of its own (the ECS agent's `… unable to retrieve secret
  // from asm: service call has been retried 1 time(s): AccessDeniedException`): the AWS answer its wrappers relay
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
  // (the line's only code: not one of a list, `g5.xlarge: InsufficientInstanceCapacity; …: RequestLimitExceeded`; nor the
  // Java SDK's `Error Code:` tag, nor an HTTP reason phrase, `operation: Forbidden`)
  let chained = 0;
  for (const m of text.matchAll(/: ((?:Client\.|Server\.)?[A-Z][A-Za-z0-9]{2,60})[ \t]*(?=\n|$)/g)) {
    if (++chained > 200) break;
    const code = stripFaultPrefix(m[1]);
    if (code === null || NOT_CODES.has(code) || isWrapperName(code) || !isKnownCode(code)) continue;
    if (code in HTTP_REASONS) continue;
    const line = lineBefore(text, m.index);
    if (
      /Error Code$/.test(line) ||
      [
        ...line.matchAll(
          /\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:Exception|Error|Denied|Exceeded|Capacity|Fault)\b/g,
        ),
      ].some((other) => !isWrapperName(other[0]) && !ECS_STOPPED_REASONS.has(other[0]))
    )
      continue;
    hints.add('code', code, PRIORITY.knownCodeToken, 'code-token');
  }
  // a tool's own sentence around a known code (`ERROR: sts.get_caller_identity failed with
  // InvalidClientTokenId.`), and the boto3 client call it names
  // (the sentence found by its literal, then read in a window: the pattern's optional start would be tried at
  // every position of a large input; no literal starts with a space, which a search meets everywhere)
  const failedAt = text.indexOf('failed with ');
  const failedWith =
    failedAt < 0
      ? null
      : /(?:\b([a-z0-9]{2,20})\.([a-z][a-z0-9_]{2,80}) )?failed with "?((?:Client\.)?[A-Z][A-Za-z0-9.]{2,100})/.exec(
          text.slice(Math.max(0, failedAt - 111), failedAt + 119),
        );
  const failedCode = stripFaultPrefix(failedWith?.[3]);
  if (failedWith && failedCode !== null && isKnownCode(failedCode)) {
    hints.add('code', failedCode, PRIORITY.knownCodeToken, 'code-token');
    if (failedWith[1] !== undefined) {
      addServiceCall(
        hints,
        failedWith[1],
        failedWith[2] ?? '',
        PRIORITY.namedCall,
        PRIORITY.namedCall,
        'tool',
      );
    }
  }
  // the CDK's `… (code=AccessDeniedException)`, and a known code in parentheses ending a line (`Not authorized
  // for images: [ami-…] (AuthFailure)`, Terraform 0.11)
  // and async-aws's (PHP) `… on resource (code AccessDeniedException).`; not the Go CDK's own error codes before the
  // error it wraps (`blob (code=Unknown): NoCredentialProviders: …`: gohugoio/hugo#11723)
  // https://pkg.go.dev/gocloud.dev/gcerrors
  const codeIs = has(text, '(code')
    ? /(?<!\b(?:blob|docstore|pubsub|secrets|runtimevar) )\(code[= ]([A-Z][\w.]{2,100})\)/.exec(text)
    : null;
  if (codeIs) {
    hints.add('code', stripFaultPrefix(codeIs[1]), PRIORITY.knownCodeToken, 'code-token');
  }
  // a known code in parentheses before its message (`(Client.UnauthorizedOperation) You are not authorized …`)
  const before = has(text, ') ')
    ? /\(((?:Client\.|Server\.)[A-Z][A-Za-z0-9.]{2,100})\) [`'"]?[A-Za-z]/.exec(text)
    : null;
  const beforeCode = stripFaultPrefix(before?.[1]);
  if (beforeCode !== null && isKnownCode(beforeCode)) {
    hints.add('code', beforeCode, PRIORITY.knownCodeToken, 'code-token');
  }
  for (const m of text.matchAll(/\(([A-Z][A-Za-z0-9.]{2,100})\)[ \t]*$/gm)) {
    const code = stripFaultPrefix(m[1]);
    if (code !== null && isKnownCode(code)) {
      hints.add('code', code, PRIORITY.knownCodeToken, 'code-token');
      break;
    }
  }
  // s3cmd and others print the status, then the code in parentheses: `S3 error: 403 (SignatureDoesNotMatch): …`
  // (s3cmd's own `S3 error:` before it marks any name there S3's code: `S3 error: 400 (InvalidRequest): Content-MD5 …`,
  // s3tools/s3cmd#1436)
  const parenthesised = has(text, '):')
    ? /\b(S3 error: )?\d{3} \(([A-Z][A-Za-z0-9.]{2,100})\): /.exec(text)
    : null;
  const inParentheses = stripFaultPrefix(parenthesised?.[2]);
  if (inParentheses && (isKnownCode(inParentheses) || CODE_SHAPE.test(inParentheses))) {
    hints.add('code', inParentheses, PRIORITY.knownCodeToken, 'code-token');
  } else if (inParentheses && parenthesised?.[1] !== undefined) {
    // (below any other code: a known one elsewhere, `S3 error: 403 (AccessDenied)` on the next line, comes first)
    hints.add('code', inParentheses, PRIORITY.implied - 1, 'code-token');
  }
  // an XML body whose tags were stripped (PHP's Guzzle summary): `<Type>Sender</Type><Code>AccessDenied</Code>
  // <Message>User: …` reads `SenderAccessDeniedUser: …`
  const glued = has(text, 'Sender') || has(text, 'Receiver') ? gluedXmlCode(text) : null;
  if (glued !== null) {
    hints.add('code', glued, PRIORITY.knownCodeToken, 'code-token');
  }
  // (a quoted value closed right after the code: a first word of a quoted sentence, `Code: chr "Access Denied"`, is
  // none; nor the start of `Status Code: HTTP status code: 403`; also in capitals, as Ghost's error log labels its
  // fields: `NAME: InternalServerError` / `CODE: AccessDenied`, colinmeinke/ghost-storage-adapter-s3#44)
  const labelled =
    /\b(?:[Ee]rror ?[Cc]ode|Code|CODE)\s*[:=]\s*(?:chr\s+)?(?:(["'])((?:Client\.)?[A-Z][\w.]{2,100})\1|((?:Client\.)?[A-Z][\w.]{2,100}))/.exec(
      text,
    );
  const labelledCode = labelled?.[2] ?? labelled?.[3];
  if (
    labelled &&
    labelledCode !== undefined &&
    labelledCode !== 'HTTP' &&
    // (a fault's type alone, as the Java SDK v1 writes it for an exception without a code: `Error Code: Client;`)
    labelledCode !== 'Client' &&
    labelledCode !== 'Server' &&
    (!labelled[0].startsWith('CODE') || /[a-z]/.test(labelledCode))
  ) {
    // another service's code that the answering one relays (Lambda: `InvalidParameterValueException: … EC2
    // Error Code: RequestLimitExceeded`) yields to the answering one's
    // (and the Go SDK v1's dump of the error's body, `RespMetadata: {…}, ErrorCode: "InvalidParameter"`, a field of
    // the body under the code the SDK printed: terraform-provider-aws#20922)
    const relayed =
      /\b(?:EC2|S3|KMS) $/.test(text.slice(Math.max(0, labelled.index - 4), labelled.index)) ||
      relayedSuffix(text, labelled.index, labelledCode) ||
      (has(text, 'RespMetadata:') && /^ErrorCode: "/.test(text.slice(labelled.index, labelled.index + 12)));
    hints.add(
      'code',
      stripFaultPrefix(labelledCode),
      relayed ? PRIORITY.unknownCodeToken : PRIORITY.knownCodeToken,
      'code-label',
    );
  }
  // a Haskell record's field as `show` prints it (`SESException {…, seCode = "InvalidClientTokenId", …}`);
  // the Java SDK v1's service exception as its getters print it (`HTTPStatusCode: 400 AmazonErrorCode:
  // AWS.SimpleQueueService.NonExistentQueue`: spring-cloud/spring-cloud-aws's queue lookups)
  // https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/AmazonServiceException.html#getErrorCode--
  const javaGetter = has(text, 'AmazonErrorCode: ')
    ? /\bAmazonErrorCode: (?!null\b)([A-Za-z][\w.]{2,100})/.exec(text)
    : null;
  if (javaGetter) hints.add('code', stripFaultPrefix(javaGetter[1]), PRIORITY.body, 'java-v1');
  // a PHP client's class and method before its error (FluentSMTP's `SimpleEmailService::sendRawEmail(): Sender -
  // MessageRejected: …`: WPManageNinja/fluent-smtp#61), the class named after the service
  const phpMethod =
    has(text, '::') && has(text, '(): ')
      ? /\b([A-Z][A-Za-z0-9]{2,60})::([a-z][A-Za-z0-9]{2,60})\(\): /.exec(text)
      : null;
  const phpService = phpMethod === null ? null : serviceFromSdkName(phpMethod[1] ?? '');
  if (phpMethod !== null && phpService !== null) {
    hints.add('service', phpService, PRIORITY.namedCall, 'php');
    hints.add('operation', pascalCase(phpMethod[2] ?? ''), PRIORITY.namedCall, 'php');
  }
  // the literal first: a pattern that starts with a letter class is tried at every word of a large input
  const recordField = has(text, 'Code = "') ? /\b[a-z]{1,12}Code = "([A-Z][\w.]{2,100})"/.exec(text) : null;
  if (recordField) {
    hints.add('code', stripFaultPrefix(recordField[1]), PRIORITY.knownCodeToken, 'code-label');
  }
};

/**
 * Messages that name the denied action in words of their own: the literal each holds (tried first, as the
 * pattern alone would be tried at every position of a large input), the pattern, and the prefix its name
 * lacks.
 */
const STATED_ACTIONS: readonly {
  readonly literal: string;
  readonly pattern: RegExp;
  readonly prefix: string;
  /** The action a sentence that writes no name of it stands for (the pattern then only has to match). */
  readonly action?: string;
  readonly surface: string;
  /** Whether the sentence is itself a refusal (its literal marks the error an access failure). */
  readonly refusal?: true;
}[] = [
  // a CloudFormation resource type's handler that failed with AccessDenied, its message naming the action as the CloudFormation
  // CLI's plugins write it (`Access denied for operation 'codeartifact:CreateRepository'.`:
  // aws-cloudformation/aws-cloudformation-resource-providers-codeartifact#36)
  // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html
  {
    literal: "Access denied for operation '",
    pattern: /\bAccess denied for operation '([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})'/,
    prefix: '',
    surface: 'cloudformation',
    refusal: true,
  },
  // EC2's throttling: `has been throttled on ec2:RunInstances because it exceeded its request rate limit`
  {
    literal: 'has been throttled on ',
    pattern: /has been throttled on ([a-z0-9-]{2,40}:\w{2,100})/,
    prefix: '',
    surface: 'ec2',
  },
  // the denial sentence as the Knowledge Center's Chinese pages translate it (`用户 ### 无权执行 (sts:DecodeAuthorizationMessage)
  // 操作`, `使用者:### 無權執行:(sts:DecodeAuthorizationMessage) 動作`) https://repost.aws/zh-Hans/knowledge-center/ec2-not-auth-launch
  {
    literal: '权执行',
    pattern: /无权执行[:：]?\s{0,3}\(?([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})\)?/,
    prefix: '',
    surface: 'message',
    refusal: true,
  },
  {
    literal: '權執行',
    pattern: /無權執行[:：]?\s{0,3}\(?([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})\)?/,
    prefix: '',
    surface: 'message',
    refusal: true,
  },
  // SimpleDB's AuthorizationFailure, the action and the resource in parentheses (`Session does not have permission to
  // perform (sdb:CreateDomain) on resource (arn:aws:sdb:…:domain/d).`: boto/boto's exception tests)
  // https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/APIError.html
  {
    literal: 'does not have permission to perform (',
    pattern: /\bdoes not have permission to perform \(([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})\)/,
    prefix: '',
    surface: 'sdb',
    refusal: true,
  },
  // DataZone's (SageMaker Unified Studio's) refusal naming the action and its own operation (`User is not permitted to
  // perform kms:Decrypt for operation GetEnvironment`: aws-solutions-library-samples/guidance-for-developing-data-and-ai-
  // foundation-with-amazon-sagemaker#18) https://docs.aws.amazon.com/datazone/latest/userguide/troubleshooting-datazone.html
  {
    literal: 'is not permitted to perform ',
    pattern:
      /\bis not permitted to perform ([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100}) for operation [A-Z]\w{1,100}/,
    prefix: '',
    surface: 'datazone',
    refusal: true,
  },
  // CloudFormation's wording of an SSM parameter it could not read: `User doesn't have permission to call
  // ssm:GetParameters`
  {
    literal: "doesn't have permission to call",
    pattern: /doesn't have permission to call ([a-z0-9-]{2,40}:\w{2,100})/,
    prefix: '',
    surface: 'cloudformation',
  },
  // Lambda relays S3's refusal of the code object a function is created from (`… permission to GetObject for
  // bucket/key. S3 Error Code: AccessDenied`)
  {
    literal: 'Your access has been denied by S3',
    pattern: deniedBy('S3'),
    prefix: 's3:',
    surface: 'lambda',
    refusal: true,
  },
  // … and S3's other answers to that fetch (`Error occurred while GetObject. S3 Error Code: AuthorizationHeaderMalformed. S3
  // Error Message: …`: arabold/aws-to-slack#83), under Lambda's InvalidParameterValueException
  // https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#API_CreateFunction_Errors
  {
    literal: 'Error occurred while GetObject. S3 Error Code:',
    pattern: /Error occurred while (GetObject)\. S3 Error Code:/,
    prefix: 's3:',
    surface: 'lambda',
  },
  // Elastic Beanstalk's InsufficientPrivilegesException names the action it could not perform for the caller:
  // `You do not have permission to perform the 's3:CreateBucket' action.`
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplicationVersion.html#API_CreateApplicationVersion_Errors
  {
    literal: 'You do not have permission to perform the',
    pattern: /You do not have permission to perform the '([a-z0-9-]{2,40}:\w{2,100})' action/,
    prefix: '',
    surface: 'elasticbeanstalk',
  },
  // AWS Backup's copy of an encrypted snapshot with a key the copying role may not describe: `Given key ID is not
  // accessible. You must have DescribeKey permissions on the default CMK`
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
  {
    literal: 'Given key ID is not accessible',
    pattern: /Given key ID is not accessible\.\s+You must have (\w{2,60}) permissions/,
    prefix: 'kms:',
    surface: 'backup',
    refusal: true,
  },
  // CloudWatch Logs names the caller by account and the action without its prefix: `User with accountId: 1 is not
  // authorized to perform CreateLogGroup with Tags`, `… perform GetLogGroupFields on resources /aws/lambda/f`
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/permissions-reference-cwl.html
  {
    literal: 'User with accountId: ',
    pattern:
      /User with accountId: \S{1,40} is not authorized[ \t]{1,20}to[ \t]{1,20}perform ([A-Z]\w{1,100})/,
    prefix: 'logs:',
    surface: 'logs',
  },
  // a service refused the role it was given (`SageMaker is unable to perform: sts:AssumeRole on the role. Check if you
  // have a trust relationship for 'sagemaker.amazonaws.com'`)
  {
    literal: 'is unable to perform: sts:AssumeRole',
    pattern: /is unable to perform: sts:(AssumeRole)\b/,
    prefix: 'sts:',
    surface: 'service-role',
    refusal: true,
  },
  // ECS could not assume the role a task was given: its trust policy or the passer's iam:PassRole (`ECS was unable to
  // assume the role 'arn:…' that was provided for this task`)
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
  {
    literal: 'ECS was unable to assume the role ',
    pattern: /ECS was unable to assume the role '/,
    prefix: '',
    action: 'sts:AssumeRole',
    surface: 'ecs',
    refusal: true,
  },
  // … and another service's (SageMaker's `ClientError: SageMaker was unable to assume the role 'arn:…'`)
  {
    literal: 'was unable to assume the role ',
    pattern: /(?<!ECS )was unable to assume the role '/,
    prefix: '',
    action: 'sts:AssumeRole',
    surface: 'service-role',
    refusal: true,
  },
  // Snowflake's storage integration, refused the AWS role it assumes for a stage (`SQL execution error: Error assuming
  // AWS_ROLE. Please verify the role and externalId are configured correctly in your AWS policy.`): the role's trust
  // policy https://docs.snowflake.com/en/user-guide/data-load-s3-config-storage-integration
  {
    literal: 'Error assuming AWS_ROLE',
    pattern: /\bError assuming AWS_ROLE\b/,
    prefix: '',
    action: 'sts:AssumeRole',
    surface: 'snowflake',
    refusal: true,
  },
  // … and Systems Manager Automation's, the role of a runbook (`The provided role: arn:…:role/x can't be assumed.`)
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup.html
  {
    literal: "can't be assumed",
    pattern: /\bThe provided role: \S{1,400} can't be assumed/,
    prefix: '',
    action: 'sts:AssumeRole',
    surface: 'service-role',
    refusal: true,
  },
  // SageMaker Studio's execution role without a permission it needs to open a user's app (`SageMaker is unable to use
  // your associated ExecutionRole [arn:…] to create app. Verify that your associated ExecutionRole has permission for
  // 'sagemaker:CreateApp'.`) https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
  {
    literal: "ExecutionRole has permission for '",
    pattern: /ExecutionRole has permission for '([a-z0-9-]{2,40}:\w{2,100})'/,
    prefix: '',
    surface: 'sagemaker',
    refusal: true,
  },
  // EKS names the permission it lacked to check its service-linked role (`Failed to validate if SLR:
  // AWSServiceRoleForAmazonEKSForFargate already exists due to missing permissions for 'iam:GetRole`)
  // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks-fargate.html
  {
    literal: "missing permissions for '",
    pattern: /missing permissions for '([a-z0-9-]{2,40}:\w{2,100})/,
    prefix: '',
    surface: 'eks',
    refusal: true,
  },
  // Elastic Beanstalk's InsufficientPrivilegesException for a role it was given to pass (`Insufficient privileges for
  // IAM PassRole Action.`) https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/iam-servicerole.html
  {
    literal: 'Insufficient privileges for IAM ',
    pattern: /Insufficient privileges for IAM (\w{2,60}) Action/,
    prefix: 'iam:',
    surface: 'elasticbeanstalk',
    refusal: true,
  },
  // the ECS agent's (and Service Connect's) refusal by ECS: `Unauthorized to perform ecs:Poll for arn:…:task-set/…`
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/instance_IAM_role.html
  {
    literal: 'Unauthorized to perform ',
    pattern: /Unauthorized to perform ([a-z0-9-]{2,40}:\w{2,100}) for /,
    prefix: '',
    surface: 'ecs',
    refusal: true,
  },
  // a service that could not assume the role it works through, and says which permission the trust policy must give
  // (Control Tower: `The AWSControlTowerStackSetRole is unable to assume the AWSControlTowerExecution role. To
  // continue, add the management account to the trust relationship … to allow sts:AssumeRole`)
  // https://docs.aws.amazon.com/controltower/latest/userguide/troubleshooting.html
  {
    literal: 'is unable to assume the ',
    pattern: /is unable to assume the [\w+=,.@-]{1,64} role\b/,
    prefix: '',
    action: 'sts:AssumeRole',
    surface: 'service-role',
    refusal: true,
  },
  // EventBridge Pipes' state reason for a source it may not read, naming the permission its role needs (`Pipes does
  // not have enough permission to process your event source. Please add ec2:DescribeSecurityGroups permission to
  // role.`) https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html
  {
    literal: 'Please add ',
    pattern: /Please add ([a-z0-9-]{2,40}:\w{2,100}) permission to role\b/,
    prefix: '',
    surface: 'pipes',
    refusal: true,
  },
  // Karpenter's check of its own permissions with a dry run, relayed in a node class's status (`Reason:
  // RunInstancesAuthCheckFailed, Message: Controller isn't authorized to call ec2:RunInstances`)
  // https://karpenter.sh/docs/concepts/nodeclasses/
  {
    literal: "isn't authorized to call ",
    pattern: /isn't authorized to call ([a-z0-9-]{2,40}:\w{2,100})/,
    prefix: '',
    surface: 'karpenter',
    refusal: true,
  },
  // Lambda relays EC2's refusal of the calls it makes for a function's VPC settings, naming the EC2 action (older, of
  // `your function execution role`, the name set in italics: serverless/serverless#1966)
  {
    literal: 'Your access has been denied by EC2',
    // (its words also as a terminal or a tool wrapped them over lines)
    pattern: deniedBy('EC2'),
    prefix: 'ec2:',
    surface: 'lambda',
    refusal: true,
  },
];

/**
 * Lambda's relay of a service's refusal of a call it made for a function, naming the call: `Your access has been denied
 * by S3, please make sure your request credentials have permission to GetObject for …` (also the older `your function
 * execution role have permission to *CreateNetworkInterface*`, in italics), its words wrapped over lines anywhere.
 */
function deniedBy(service: string): RegExp {
  return new RegExp(
    `Your access has been denied by ${service},\\s+please\\s+make\\s+sure\\s+your\\s+(?:request\\s+credentials|function\\s+execution\\s+role)\\s+ha(?:ve|s)\\s+permission\\s+to\\s+[*_\`]?(\\w{1,100})`,
  );
}

/**
 * An operation's name whose end a wrap moved after a space (`sts:GetCallerIde ntity`): joined when only
 * the joined name is an operation the curated table knows.
 */
function joinedOperation(head: string, tail: string | undefined): string {
  if (tail === undefined || servicesForOperation(head).length > 0) return head;
  return servicesForOperation(head + tail).length > 0 ? head + tail : head;
}

/**
 * Whether the text holds a literal. The extractors ask for over a hundred literals; asked one at a time, each absent
 * one costs a scan of the text (a megabyte of hard-wrapped corpus text: 18 ms for seventy of them, a third of a read).
 * So the literals asked for before are looked for together, as written, in the one scan of each text for every step's
 * phrases (`hasLiteral`); a literal asked for the first time is looked for alone, and joins the next text's scan. The
 * answers are the same either way, whatever was read before (read-error.order.test.ts); only the work differs.
 */
const has = hasLiteral;

/** The Java SDK v1's S3 request classes named after no operation, and the operation each sends. */
const S3_REQUEST_CLASSES: Readonly<Record<string, string>> = {
  GetObjectMetadata: 'HeadObject',
  InitiateMultipartUpload: 'CreateMultipartUpload',
};

/** What the ECS agent retrieves for a task, by its words, and the call it makes. */
const ECS_RETRIEVALS: Readonly<Record<string, { readonly service: string; readonly operation: string }>> = {
  'secrets from ssm': { service: 'ssm', operation: 'GetParameters' },
  'secret from asm': { service: 'secretsmanager', operation: 'GetSecretValue' },
  'ecr registry auth': { service: 'ecr', operation: 'GetAuthorizationToken' },
};

/** Whether a code token (`ExpiredToken:`) starts at `at`, after ` - `. */
function codeFollowsDash(text: string, at: number): boolean {
  const next = /^((?:Client\.|Server\.)?[A-Z][A-Za-z0-9]{2,60}):(?:\s|$)/.exec(text.slice(at, at + 80));
  const code = stripFaultPrefix(next?.[1]);
  return code !== null && isKnownCode(code);
}

/**
 * The known code glued between an XML error's type (`Sender`, `Receiver`) and its message when the tags
 * were stripped: the longest known code that the glued word starts with, ending before a capital.
 */
function gluedXmlCode(text: string): string | null {
  const m = /(?:Sender|Receiver)([A-Z][A-Za-z0-9]{2,80})/.exec(text);
  const word = m?.[1];
  if (word === undefined) return null;
  let found: string | null = null;
  for (let end = 3; end < word.length; end++) {
    const c = word.charCodeAt(end);
    if (c >= 65 && c <= 90 && isKnownCode(word.slice(0, end))) found = word.slice(0, end);
  }
  return found;
}

/** Generic status and request id phrases. */
const statusLines: Extractor = (text, hints) => {
  const status = /\b(?:Status Code|StatusCode|status code|HTTP\/1\.[01])[:\s]\s*(\d{3})\b/.exec(text);
  if (status) {
    hints.add('httpStatus', status[1], PRIORITY.codeToken, 'http');
  }
  const bare = /\b(403|401) Forbidden\b/.exec(text);
  if (bare) {
    hints.add('httpStatus', bare[1], PRIORITY.implied, 'http');
  }
  // the OpenSearch and Elasticsearch Python clients' request log: an AWS endpoint's answer and its status
  // (`POST https://search-logs-abc.us-east-1.es.amazonaws.com:443/_bulk [status:403 request:0.958s]`)
  const logged = has(text, ' [status:')
    ? /\b[A-Z]{3,7} https?:\/\/([a-z0-9.-]{1,250}\.amazonaws\.com)(?::\d{1,5})?\S{0,2000} \[status:(\d{3}) request:/.exec(
        text,
      )
    : null;
  if (logged) {
    addEndpoint(hints, logged[1] ?? '', 'opensearch-py');
    hints.add('httpStatus', logged[2], PRIORITY.body, 'opensearch-py');
  }
  // DuckDB's httpfs and dbt-duckdb name the AWS endpoint that answered and its status, without a body (`HTTP Error: HTTP
  // GET error on 'https://b.s3.amazonaws.com/k' (HTTP 400)`, `Unable to connect to URL "https://b.s3.amazonaws.com/k":
  // 400 (Bad Request)`: duckdb/duckdb#16007, duckdb/dbt-duckdb#138)
  const fetched =
    has(text, ' error on ') || has(text, 'Unable to connect to URL ')
      ? /(?:\bHTTP [A-Z]{3,7} error on|Unable to connect to URL) ['"]https?:\/\/([a-z0-9.-]{1,250}\.amazonaws\.com)(?::\d{1,5})?(?:\/[^'"\s]{0,2000})?['"]:? \(?(?:HTTP )?(\d{3})\b/.exec(
          text,
        )
      : null;
  if (fetched && addEndpoint(hints, fetched[1] ?? '', 'duckdb')) {
    hints.add('httpStatus', fetched[2], PRIORITY.body, 'duckdb');
    hints.relayed('duckdb');
  }
};

/** An operation a tool's words name, where some service has one of that name (the answer tells which). */
function addKnownOperation(hints: HintSet, name: string | undefined, surface: string): void {
  if (name !== undefined && servicesForOperation(name).length > 0)
    hints.add('operation', name, PRIORITY.phrase, surface);
}

/** The service and region of the AWS endpoint a client named (`search-x.us-east-1.es.amazonaws.com`); whether it is one. */
function addEndpoint(hints: HintSet, host: string, surface: string): boolean {
  const endpoint = serviceFromEndpointHost(host);
  if (endpoint === null) return false;
  hints.add('service', endpoint.service, PRIORITY.namedCall, surface);
  hints.add('region', endpoint.region, PRIORITY.namedCall, surface);
  return true;
}

const CODE_SHAPE =
  /(?:Exception|Error|Operation|Denied|Fault|Failure|Required|Exceeded|Capacity|Token|TokenId|Expired|Match|Signature|NotFound|InvalidState|Blocked|Verification|NotPermitted)$/;

/**
 * SQS's codes of its query protocol, named under `AWS.SimpleQueueService.` (`AWS.SimpleQueueService.NonExistentQueue`)
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
 */
const SQS_QUERY_CODE = /^AWS\.SimpleQueueService\.[A-Z][A-Za-z]{2,60}$/;

/**
 * The API operation a stack event's `API: s3:X` names: older events name an S3 call by the Java SDK v1's method
 * (`API: s3:SetBucketEncryption Access Denied`, DataDog/datadog-serverless-functions commit 1a24233), whose `set` is
 * the API's `Put` (`setBucketEncryption` sends PutBucketEncryption, authorised as s3:PutEncryptionConfiguration), some
 * with `Configuration` after the API's name (`setBucketVersioningConfiguration`).
 * https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/s3/AmazonS3.html
 */
function apiOperation(service: string, written: string): string {
  if (service !== 's3') return written;
  // (the method as Java names it, lower-case first: `API: s3:setBucketAccelerateConfiguration`, aws/aws-cdk#14973)
  const operation = written.charAt(0).toUpperCase() + written.slice(1);
  if (!operation.startsWith('Set'))
    return operation === written || !servicesForOperation(operation).includes('s3') ? written : operation;
  const put = `Put${operation.slice('Set'.length)}`;
  for (const candidate of [put, put.replace(/Configuration$/, '')]) {
    if (servicesForOperation(candidate).includes('s3')) return candidate;
  }
  return written;
}

/** The object call an S3 client's HTTP method names (HEAD is authorised as GetObject). */
const OBJECT_METHOD_OPERATION: Readonly<Record<string, string>> = {
  GET: 'GetObject',
  HEAD: 'HeadObject',
  PUT: 'PutObject',
  DELETE: 'DeleteObject',
};

/** Words that end like codes but are prose or class names. */
const NOT_CODES = new Set([
  'Error',
  'Exception',
  'ClientError',
  'ServiceException',
  'RuntimeError',
  'Cause',
  'Message',
  'RequestToken',
  // a forge's name before its own message (PyPI's trusted publishing: `OpenID Connect token retrieval failed: GitHub:
  // missing or insufficient OIDC token permissions`: freifunkMUC/unifi_respondd#59)
  'GitHub',
  // field labels of SDK and tool output, never codes (`StatusCode: 400`, `RequestID: …`)
  'StatusCode',
  'RequestId',
  'RequestID',
  'HostId',
  'HostID',
  'ErrorCode',
  'ErrorMessage',
  'ErrorType',
  'ExtendedRequestId',
  'AccessKeyId',
  'UserName',
  'ResourceType',
  // (and an SNS or IoT message's id in a log: `Cannot assume role MessageId: ef38…. Access denied: User: …`)
  'MessageId',
  // the JS SDK v2's own code for an answer whose body named none (`UnknownError: Forbidden (statusCode: 403)`, `code:
  // 'UnknownError'`): the HTTP status is all AWS said https://github.com/aws/aws-sdk-js/blob/master/lib/protocol/json.js
  'UnknownError',
  // the JavaScript runtime's own errors, a program's bug after the AWS error it printed (`Error: AccessDenied: Access
  // Denied` then `Error [TypeError]: Cannot read property 'Key' of undefined`: shallwefootball/upload-s3-action#27)
  // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Error#error_types
  'TypeError',
  'ReferenceError',
  'RangeError',
  'SyntaxError',
  // a library's own classes, no code of AWS's: node-fetch's failed fetch (`FetchError: invalid json response body at
  // http://169.254.169.254/…`: argoflow/argoflow-aws#134), Textractor's check of its clients' Regions
  // (`RegionMismatchError`: aws-samples/amazon-textract-textractor#364)
  'FetchError',
  'RegionMismatchError',
  // the Go SDK's own error before any call, a client without a Region (`error validating regions: MissingRegion: could not
  // find region configuration`: hashicorp/packer#10751), no answer of AWS's
  // https://docs.aws.amazon.com/sdk-for-go/api/aws/#pkg-variables
  'MissingRegion',
]);

/** PowerShell's `CategoryInfo : InvalidOperation: (...)` names an error category, not an AWS code. */
function isPowerShellCategory(text: string, at: number): boolean {
  return lineBefore(text, at).includes('CategoryInfo');
}

/**
 * Whether the token at `at` follows a tool's wrapper on its line: Terraform's `Error: creating S3 Bucket
 * ACL (b): ` (or its step alone), `error creating S3 bucket ACL for b: `, a log line's `failed: `, Node's unhandled
 * rejection.
 */
function afterToolWrapper(text: string, at: number): boolean {
  const before = lineBefore(text, at);
  return (
    // (Karpenter's `launching instances, with fleet error(s), InvalidBlockDeviceMapping: …`, the code after a comma)
    before.endsWith('with fleet error(s), ') ||
    (before.endsWith(': ') &&
      // (also a tool's lower-case `error:` and a capitalised step: Packer's `Retryable error: InvalidParameterValue: …`,
      // `Error Copying AMI (ami-…) to region (r): InvalidRequest: …`: hashicorp/packer-plugin-amazon#184)
      (/(?:^|\s)(?:[Ee]rror:? |failed: |UnhandledPromiseRejectionWarning: )/.test(before) ||
        // (also the Terraform provider's step alone, where a quote left out its `Error: `: `> creating FSx for Lustre Data
        // Repository Association: BadRequest: …`; the step is the line, its service and resource two words at least)
        QUOTED_STEP.test(before)))
  );
}

const QUOTED_STEP =
  /^[>│\s]*(?:creating|updating|deleting|reading) [A-Z][\w-]*(?: [\w-]+){1,8}(?: \([^()\n]{0,200}\))?: $/;

/**
 * Whether a Java SDK's suffix at `at` (`(Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException; …)`)
 * sits in the message of another call's error that the Go SDK v1 printed as `Code: message` after a tool's step
 * (`error creating Kinesis Firehose Delivery Stream: InvalidArgumentException: Access was denied when calling Glue. …
 * (Service: AWSGlue; …)`): the service answered with the outer code and relays the inner one; no Go SDK writes a Java
 * suffix of its own. https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html
 */
function relayedSuffix(text: string, at: number, code: string): boolean {
  if (!text.includes('rror ')) return false;
  const window = text.slice(Math.max(0, at - 1000), at);
  const line = window.slice(window.lastIndexOf('\n') + 1);
  // (also with no step before the code: chamber's `Error: InvalidKeyId: Alias arn:… is not found. (Service: AWSKMS; …)`)
  const outer = /(?:^|\s)(?:Error: |error )(?:[^:\n]{2,200}: )?([A-Z][A-Za-z0-9]{2,60}): \S/.exec(line)?.[1];
  return (
    outer !== undefined &&
    outer !== stripFaultPrefix(code) &&
    !NOT_CODES.has(outer) &&
    !isWrapperName(outer) &&
    (isKnownCode(outer) ||
      isCodeShaped(outer) ||
      // any code where the Go SDK v1's status line marks the `Code: message` form
      (PASCAL_CASE.test(outer) &&
        has(text, 'status code: ') &&
        /\bstatus code: \d{3}, request id: /.test(text)))
  );
}

/**
 * Whether `text` holds `sentence` with a line break where it has a space (a paste that kept a long message's wrapping:
 * `The bucket you are attempting to access must be addressed using the` / `specified endpoint.`, wal-e/wal-e commit
 * 5d7b73a): its words found by the one scan in any case, then the sentence as written, each space any blank.
 */
function brokenOverLines(text: string, sentence: string): boolean {
  if (!text.includes('\n') || !phrasesIn(text).has(sentence.trim().toLowerCase())) return false;
  let pattern = SPACED_SENTENCES.get(sentence);
  if (pattern === undefined) {
    pattern = new RegExp(
      sentence
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s{1,4}'),
    );
    SPACED_SENTENCES.set(sentence, pattern);
  }
  return pattern.test(text);
}

const SPACED_SENTENCES = new Map<string, RegExp>();

/** The words of the CLI's envelope as the translated pages write them, looked for before their pattern. */
const TRANSLATED_CALLS = [
  '调用 ',
  '調用 ',
  '呼叫 ',
  'を呼び出',
  '작업을 호출',
  '호출 중 오류',
  'al llamar a la operación ',
  'ao chamar a operação ',
  "l'appel de l'opération ",
];

/** A code and an action right before ` on resource: `, the sentence's core without its caller (`AccessDeniedException: x:Y`). */
const RETOLD_CORE =
  /\b(?:AccessDenied(?:Exception)?|UnauthorizedOperation|AuthorizationError): ([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9]{1,100})$/;

/** The text of the line before `at`, at most 300 characters of it (a log line's prefix is shorter). */
function lineBefore(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 300), at);
  return window.slice(window.lastIndexOf('\n') + 1);
}

/** HTTP reason phrases that some clients print where a code goes: no AWS code where they end a chain. */
const HTTP_REASONS: Readonly<Record<string, true>> = {
  Forbidden: true,
  NotFound: true,
  BadRequest: true,
  Unauthorized: true,
};

/** A PascalCase word of two humps or more (`AccessControlListNotSupported`, `NoSuchBucket`). */
// (also after a leading acronym and two words or more, `CNAMEAlreadyExists`: CloudFront's code, pulumi/pulumi-aws's
// issues; not a client's own `SQSError`)
const PASCAL_CASE = /^(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,6}(?=[A-Z][a-z])(?:[A-Z][a-z0-9]+){2,})$/;

/** The Go SDK v1's error type: `*ssm.InvalidInstanceId` followed by the code it is named after. */
const GO_V1_ERROR_TYPE = /^\*([a-z][a-z0-9]{1,30})\.([A-Z][A-Za-z0-9]{2,100}) \2\b/;

/** A server access log record from its requester (where written) through its error code. */
const ACCESS_LOG_RECORD =
  /(?:(arn:aws[\w-]{0,12}:(?:iam|sts)::\d{12}:\S{1,400}) \S{1,100} )?\bREST\.([A-Z]{3,7})\.([A-Z_]{3,40}) \S{1,1000} "[A-Z]{3,7} [^"\n]{1,2000}" (\d{3}) ([A-Z][A-Za-z]{2,60}|-) /;

/** S3's server access log's operations (`REST.GET.OBJECT`) that are one API each. */
const ACCESS_LOG_OPERATIONS: Readonly<Record<string, string>> = {
  'GET.OBJECT': 'GetObject',
  'HEAD.OBJECT': 'HeadObject',
  'PUT.OBJECT': 'PutObject',
  'DELETE.OBJECT': 'DeleteObject',
  'COPY.OBJECT': 'CopyObject',
  'GET.BUCKET': 'ListObjects',
  'HEAD.BUCKET': 'HeadBucket',
  'POST.UPLOADS': 'CreateMultipartUpload',
  'PUT.PART': 'UploadPart',
  'POST.UPLOAD': 'CompleteMultipartUpload',
  'DELETE.UPLOAD': 'AbortMultipartUpload',
  'GET.BUCKETPOLICY': 'GetBucketPolicy',
  'PUT.BUCKETPOLICY': 'PutBucketPolicy',
  'GET.LOCATION': 'GetBucketLocation',
};

/**
 * The query APIs' codes of an invalid request, no class's name (no `Exception` or `Error` after them): `Invalid` and
 * words (`InvalidTargetCapacitySpecification: TotalTargetCapacity should not be negative.`: EC2 Fleet's, in
 * github-aws-runners/terraform-aws-github-runner's commit 9ab7410; SSM's `InvalidActivation:`)
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
const INVALID_CODE = /^Invalid(?:[A-Z][a-z]+){1,7}(?:\.[A-Z][A-Za-z]{1,40})?$/;

/** EC2's dotted codes of PascalCase words (`InvalidGroup.Duplicate`, `InvalidParameterValue.Malformed`). */
const DOTTED_CODE = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+(?:\.[A-Z][A-Za-z0-9]*)+$/;

/** A second capital after a lower-case letter or digit (`AccessDenied`, `EC2ThrottledException`, `KMS.NotFound`). */
const TWO_HUMPS = /[a-z0-9.][A-Z]/;

/** A name shaped like an AWS error code: a code's ending, after more than one word (no `Denied` alone). */
function isCodeShaped(name: string): boolean {
  return CODE_SHAPE.test(name) && TWO_HUMPS.test(name);
}

/** A namespace of an SDK's or a runtime's classes (`Amazon.EC2.AmazonEC2Exception`, `System.Net.WebException`). */
const NAMESPACE_CLASS = /^(?:Amazon|System|Aws|Microsoft|Software)\./;

/**
 * Names of the wrappers that tools, runtimes and SDKs put around an AWS error: never the AWS code, which
 * wins wherever the text also carries it.
 */
const WRAPPER_NAMES = new Set([
  // the Go SDK v1's web identity credential provider's own code, around STS's answer (`WebIdentityErr: failed to
  // retrieve credentials caused by: InvalidIdentityToken: …`), also retyped (`WebIdentityError`)
  'WebIdentityErr',
  'WebIdentityError',
  // client libraries' classes around an answer that carries no AWS code: kafka-python's SASL failure around MSK's
  // `[uuid]: Access denied` (dpkp/kafka-python#2638), the MongoDB driver's around DocumentDB's (Automattic/mongoose#11800)
  'SaslAuthenticationFailedError',
  'MongoServerError',
  // PySpark's around the JVM's exception it relays (`Py4JJavaError: An error occurred while calling o72.save. :
  // …S3Exception: User: … is not authorized to perform: …`: apache/iceberg#9205)
  'Py4JJavaError',
  // the SageMaker Python SDK's class for a job or endpoint that ended failed, around the reason the service gave
  // (`UnexpectedStatusException: Error hosting endpoint e: Failed. Reason: The role '…' does not have BatchGetImage
  // permission …`: huggingface/notebooks#385)
  'UnexpectedStatusException',
  // the npm-publish GitHub Action's class around npm's own failure (`NpmCallError: Call to "npm publish" exited with
  // non-zero exit code 1` over `npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/…`)
  'NpmCallError',
  // the request-promise library's class for an answer of another status than 2xx (`StatusCodeError: 401 - {…}`, a Lambda
  // function's call to another host: phillipj/node-plex-api#117), whatever host answered
  // https://github.com/request/promise-core/blob/master/lib/errors.js
  'StatusCodeError',
  // axios's class for any host's answer of another status (`AxiosError: Request failed with status code 403`:
  // mrabit/aliyundriveDailyCheck#169) https://axios-http.com/docs/handling_errors
  'AxiosError',
  // Java's class of an unchecked exception, as a log prints one it caught (`Full RuntimeException:
  // org.apache.iceberg.exceptions.UnprocessableEntityException: …`: apache/polaris#5099)
  // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/RuntimeException.html
  'RuntimeException',
  // .NET's class of a null dereference in an application's own code (`NullReferenceException: Object reference not set to
  // an instance of an object`: aws/aws-sdk-net#458), the JavaScript SDK v2's code of a request that reached no service
  // (`"code":"NetworkingError"`: aws-amplify/amplify-js#5336), GameLift's server SDK's own (`GameLiftError:
  // ErrorType=LOCAL_CONNECTION_FAILED`: aws/aws-sdk-net#2552)
  'NullReferenceException',
  'NetworkingError',
  'GameLiftError',
  // the JavaScript SDK v2's own checks of a call's parameters before it is sent (`MultipleValidationErrors: There were 2
  // validation errors:`: aws/aws-sdk-js#2163; `"code": "UnexpectedParameter"` over its `ParamValidator.fail` frame:
  // aws-solutions-library-samples/video-on-demand-on-aws-foundation#24), botocore's failed connection
  // (`EndpointConnectionError: Could not connect to the endpoint URL`: aws/aws-sam-cli#1028), and a function's own error
  // type in its response (`"errorType": "InvalidInputError"`: panther-labs/panther#494)
  // https://github.com/aws/aws-sdk-js/blob/master/lib/param_validator.js
  'MultipleValidationErrors',
  'UnexpectedParameter',
  'MissingRequiredParameter',
  'EndpointConnectionError',
  'InvalidInputError',
  // GitHub's API client's class of any answer it refused (`HttpError: Resource not accessible by integration`), and the AWS
  // Toolkit's own class of an error it expected (`CodeExpectedError: cannot open …`): aws/aws-toolkit-vscode's commits
  // https://github.com/octokit/request-error.js
  'HttpError',
  'CodeExpectedError',
  // Vector's sink's own error type, around what it made of CloudWatch Logs' answers (`CloudwatchError: No Streams Found`,
  // a stream its own describe call did not find: vectordotdev/vector#586)
  'CloudwatchError',
  // the Amplify CLI's own class of a project it could not set up (`ProjectInitError: 'AWS Amplify Gen 1 has entered
  // maintenance mode'`: aws-amplify/amplify-category-api's commits) and Auth.js's of a sign-out (`[auth][error]
  // SignOutError: Read more at https://errors.authjs.dev#signouterror`: nextauthjs/next-auth's commits)
  // https://authjs.dev/reference/core/errors
  'ProjectInitError',
  'SignOutError',
  // (and Prisma's classes of a database query's failure, its cause there: https://www.prisma.io/docs/orm/reference/error-reference)
  'PrismaClientKnownRequestError',
  'PrismaClientUnknownRequestError',
  // a chat client's own class of a token its code could not parse (`error while fetching token ParsingError: expected
  // object but got undefined`: aws-samples/amazon-ivs-chat-web-demo#11)
  'ParsingError',
  // Python's own exception of a tool's code (`UnboundLocalError: local variable … referenced before assignment`)
  'UnboundLocalError',
  // the container registry's code for an error it did not classify (`"code":"UNKNOWN"`, around its S3 storage driver's
  // `s3aws: AuthorizationHeaderMalformed: …`: distribution/distribution#3412)
  // https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes
  'UNKNOWN',
  'ServerlessError',
  'UnhandledPromiseRejection',
  'JSONResponseError',
  'BotoServerError',
  'BotoClientError',
  'S3ResponseError',
  'EC2ResponseError',
  'ServiceError',
  'SdkError',
  'DispatchFailure',
  'ConstructionFailure',
  'ResponseError',
  'TypeError',
  'ReferenceError',
  'SyntaxError',
  'RangeError',
  // Python's built-in exceptions, which tools raise with the AWS answer in their message (the SageMaker SDK's
  // `ValueError: Error for Training job …: Failed Reason: CapacityError: …`: aws/sagemaker-pytorch-training-toolkit#171)
  'ValueError',
  'RuntimeError',
  'KeyError',
  'AttributeError',
  'AssertionError',
  'ToolkitError',
  'AmplifyError',
  // the Amplify Swift library's categories' errors, around a status it received (`StorageError: Received HTTP Response
  // status code 403 Forbidden`: aws-amplify/amplify-swift#3860)
  'StorageError',
  'DataStoreError',
  // the .NET SDK's internal exception for an HTTP answer it has not yet read, and .NET's own for a failed request
  // (`HttpErrorResponseException: Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was thrown.`:
  // aws/aws-aspnet-cognito-identity-provider#114; `WebException: 403 Forbidden`: amazon-archives/aws-sdk-unity#19)
  'HttpErrorResponseException',
  'WebException',
  // the Cognito Sync manager's own class around the answer it relays (`Rethrow as DataStorageException: Failed to list
  // records in dataset`: amazon-archives/aws-sdk-unity#19)
  'DataStorageException',
  'ExecaError',
  'ProcessError',
  'FunctionError',
  // the Elastic Beanstalk CLI's own class (`ERROR: NotAuthorizedError - Operation Denied. User: …`)
  'NotAuthorizedError',
  // the JS SDK v2's own code for a credential provider that failed; the AWS answer behind it, if any, is in its
  // `originalError` (`"code":"CredentialsError",…,"originalError":{…"code":"AccessDenied"}`: STS refusing the role)
  'CredentialsError',
  // LiteLLM's prefix for the provider that answered (`BedrockException - {"message": …}`)
  'BedrockException',
  'SagemakerException',
  // the Anthropic and OpenAI SDKs' classes, over Bedrock's answer (`PermissionDeniedError: 403 {…}`)
  'PermissionDeniedError',
  'AuthenticationError',
  'RateLimitError',
  'BadRequestError',
  'APIStatusError',
  'APIConnectionError',
  // .NET's wrapper of a task's exceptions (a Lambda function's `"errorType": "AggregateException"` over the SDK's)
  'AggregateException',
  // Python's built-in exceptions of a user's own script that a service relays (EMR Serverless: `Last few exceptions:
  // IndentationError: unexpected indent`), no AWS codes
  'IndentationError',
  'NameError',
  'ImportError',
  'ModuleNotFoundError',
  'IndexError',
  'ZeroDivisionError',
  'FileNotFoundError',
  'NotImplementedError',
  'UnicodeDecodeError',
  'MemoryError',
  'RecursionError',
  // Amplify Hosting's class of a failed build step (`!!! CustomerError: Unable to clone repository due to user error`)
  'CustomerError',
  // the Java SDK v1's base class of every service's error, where a tool prints it bare (`AmazonServiceException: AWS
  // was not able to validate the provided access credentials`: jenkinsci/ec2-plugin), the code its message tells
  'AmazonServiceException',
  // S3 client libraries' class of every error S3 answered (minio-js, deno_s3: `S3Error: Failed to put object:
  // 403 Forbidden`), its code a field of its own
  'S3Error',
  // the Python data tools' own: the built-in classes s3fs and pyarrow raise over S3's answer (`PermissionError: The
  // provided token has expired.`, `OSError: When initiating multiple part upload …: AWS Error ACCESS_DENIED …`),
  // Polars' (`ComputeError: Generic S3 error: …`), boto3's transfer manager's (`S3UploadFailedError: Failed to upload
  // …: An error occurred (405) when calling the PutObject operation`)
  'PermissionError',
  'OSError',
  'ComputeError',
  'S3UploadFailedError',
  'S3DownloadFailedError',
  // Powertools for AWS Lambda's parameters utility's class over SSM's answer (`GetParameterError: User: arn:… is not
  // authorized to perform: ssm:GetParameter …`) https://docs.powertools.aws.dev/lambda/typescript/latest/features/parameters/
  'GetParameterError',
  // Python's DB-API class a driver raises over a query engine's error (SQLAlchemy's `OperationalError:
  // (trino.exceptions.TrinoExternalError) …` over S3's 403) https://peps.python.org/pep-0249/#operationalerror
  'OperationalError',
  // PyIceberg's REST catalog class of a 403, over the body S3 Tables or Glue answered (`ForbiddenError: RESTError 403:
  // Received unexpected JSON Payload: {"error": {"code": 403, "type": "AccessDeniedException"}}`: apache/iceberg-python#3244)
  'ForbiddenError',
]);

/**
 * The error names of an ECS task's stopped reason (`ResourceInitializationError: … failed to create Cloudwatch log
 * stream: ResourceNotFoundException: …`): ECS's own category of the failure, over the AWS answer it relays, if any.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
 */
const ECS_STOPPED_REASONS = new Set([
  'ResourceInitializationError',
  'CannotPullContainerError',
  'CannotStartContainerError',
  'CannotCreateVolumeError',
  'CannotStopContainerError',
  'CannotInspectContainerError',
  'ContainerRuntimeError',
]);

/**
 * The Go SDK v1's own codes for a call that got no answer (its context cancelled it, the request could not be sent):
 * no AWS code, where an ECS stopped reason relays them (`ResourceInitializationError: … RequestError: send request
 * failed`) or a controller logs them (Karpenter's `RequestError: send request failed caused by: … i/o timeout`).
 * https://docs.aws.amazon.com/sdk-for-go/api/aws/request/#pkg-constants
 */
// (and the Go SDK v1's own failure to read an answer that was no AWS body, `SerializationError: failed decoding JSON RPC
// response status code: 200 … invalid character '<'`: grafana/redshift-datasource#117)
const SDK_CLIENT_CODES = new Set(['RequestCanceled', 'RequestError', 'SerializationError']);

/**
 * The SDKs' own codes for a credential chain that found no credentials (the `no-credentials` look-alike's), and the Go
 * SDK v1's for each provider it tried (`caused by: EnvAccessKeyNotFound … SharedCredsLoad … EC2RoleRequestError …
 * EC2MetadataError`), the chain's first one standing for them all https://docs.aws.amazon.com/sdk-for-go/api/aws/credentials/
 */
const CREDENTIAL_CHAIN_CODES = new Set([
  'NoCredentialProviders',
  'NoCredentialsError',
  'CredentialsProviderError',
  'EC2RoleRequestError',
  'EC2MetadataError',
  'EC2MetadataRequestError',
  'EnvAccessKeyNotFound',
  'EnvSecretNotFound',
  'SharedCredsLoad',
  'SharedCredsAccessKey',
  'CredentialsEndpointError',
]);

/**
 * Whether a name is a service's generic exception class, as the Java SDK v2 names one per service (`S3Exception`,
 * `DynamoDbException`, `EventBridgeException`): the class of every error of that service, no code of one.
 * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/handling-exceptions.html
 */
function isServiceClass(name: string): boolean {
  return name.endsWith('Exception') && serviceFromSdkName(name.slice(0, -'Exception'.length)) !== null;
}

/**
 * Whether a name is a wrapper's (`ServerlessError`, Lambda's `Runtime.UnhandledPromiseRejection`), or a system error's
 * name as Node gives it and libraries after it (`ENOTFOUND`, `ECONNRESET`; nodemailer's `EAUTH` over an SMTP server's
 * refusal: sandstorm-io/sandstorm#2734), no code of AWS's https://nodejs.org/api/errors.html#common-system-errors
 */
function isWrapperName(name: string): boolean {
  // (and Node's own codes, `ENOTFOUND`, `ERR_JWT_CLAIM_INVALID` of a library's error: nextauthjs/next-auth commit 950a937)
  // https://nodejs.org/api/errors.html#nodejs-error-codes
  return (
    WRAPPER_NAMES.has(name) ||
    name.startsWith('Runtime.') ||
    /^E[A-Z]{2,20}$/.test(name) ||
    /^ERR_[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(name)
  );
}

/** `Amazon.EC2.AmazonEC2Exception`, `System.Net.WebException`: a namespaced class, not a dotted EC2 code. */
function isQualifiedClassName(token: string): boolean {
  return token.includes('.') && (NAMESPACE_CLASS.test(token) || /Exception(?:\.|$)/.test(token));
}

const KNOWN_CODES = new Set<string>([
  ...AUTHORIZATION_CODES,
  ...LOOKALIKE_RULES.flatMap((rule) => rule.codes ?? []),
]);

/**
 * The known codes of two words or more by their small letters (`unauthorizedoperation` → `UnauthorizedOperation`; not
 * `throttling`, a word of prose too).
 */
const KNOWN_CODES_BY_LOWER: ReadonlyMap<string, string> = new Map(
  [...KNOWN_CODES].filter((code) => TWO_HUMPS.test(code)).map((code) => [code.toLowerCase(), code]),
);

/**
 * A code a service gives to another's error it relays, the other's service before a known code (Firehose's
 * `Kinesis.KMS.AccessDeniedException`, `S3.AccessDenied`)
 * https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html
 */
function isRelayedKnownCode(code: string): boolean {
  const dot = code.lastIndexOf('.');
  if (dot < 0) return false;
  const relayedFrom = code.slice(0, code.indexOf('.'));
  return (
    isKnownCode(code.slice(dot + 1)) &&
    serviceFromSdkName(relayedFrom) !== null &&
    // (a namespace's class, `Amazon.S3.AmazonS3Exception`, is none)
    !NAMESPACE_CLASS.test(code)
  );
}

function isKnownCode(code: string): boolean {
  return KNOWN_CODES.has(code) || /(?:LimitExceeded|QuotaExceeded)(?:Exception)?$/.test(code);
}

function addCodeOrStatus(hints: HintSet, value: string | undefined, priority: number, surface: string): void {
  if (value === undefined) {
    return;
  }
  if (/^\d{3}$/.test(value)) {
    hints.add('httpStatus', value, priority, surface);
  } else if (value === 'Unknown') {
    // the old CLI's `A client error (Unknown) occurred: Unknown`: it could not read the body's code, which the text may
    // still hold (`"Code": "InvalidAction"`)
    hints.add('code', value, PRIORITY.implied, surface);
  } else {
    hints.add('code', stripFaultPrefix(value), priority, surface);
  }
}

/**
 * Whether the token at `at` ends a Ruby class path of another library than the AWS SDK's (`Aws::S3::Errors::AccessDenied`
 * is the SDK's, named after the code): Elasticsearch's client's `Elasticsearch::Transport::Transport::Errors::
 * InternalServerError: [500] {… AmazonS3Exception[Access Denied] …}` (elastic/elasticsearch-cloud-aws#80) wraps the
 * AWS error and names none.
 */
function isForeignRubyClass(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 0x3a || text.charCodeAt(at - 2) !== 0x3a) return false;
  const path = /(?:^|[^\w:])((?:[A-Z]\w{0,60}::){1,8})$/.exec(text.slice(Math.max(0, at - 400), at));
  return path !== null && !(path[1] ?? '').startsWith('Aws::');
}

/** `Client.UnauthorizedOperation` → `UnauthorizedOperation`. */
export function stripFaultPrefix(code: string | undefined): string | null {
  if (code === undefined) {
    return null;
  }
  // a code never ends in a dot: one there ends the sentence (`EC2 Error Code: UnauthorizedOperation.`)
  const stripped = code.replace(/^(?:Client|Server)\./, '').replace(/\.+$/, '');
  // (nor carries the `AWS` a mobile SDK's class puts before a known one: `AWSNotAuthorizedException: Invalid login token.`,
  // amazon-archives/amazon-cognito-identity-js#7; Organizations' own `AWSOrganizationsNotInUseException` stays whole)
  return stripped.startsWith('AWS') && !isKnownCode(stripped) && isKnownCode(stripped.slice(3))
    ? stripped.slice(3)
    : stripped;
}

/**
 * The error code an SDK exception class stands for. Generic per-service classes (`AmazonS3Exception`,
 * `AthenaException`, `S3Exception`) carry no code; modelled ones are named after it.
 */
function codeFromExceptionClass(cls: string): string | null {
  if (isWrapperName(cls)) {
    return null;
  }
  if (
    /^(?:Amazon|AWS|Aws)?[A-Z][A-Za-z0-9]*ServiceException$/.test(cls) ||
    /^Amazon[A-Z0-9][A-Za-z0-9]*Exception$/.test(cls)
  ) {
    return null;
  }
  if (isKnownCode(cls)) {
    return cls;
  }
  if (cls.endsWith('Exception')) {
    const base = cls.slice(0, -'Exception'.length);
    if (isKnownCode(base)) {
      return base;
    }
    // A class named only after a service (`AthenaException`, `Ec2Exception`) is that SDK's generic class.
    if (serviceFromSdkName(base) !== null) {
      return null;
    }
  }
  return /^[A-Z][A-Za-z0-9.]+$/.test(cls) && !NOT_CODES.has(cls) ? cls : null;
}

/**
 * Where no extractor found a code: a known AWS code (an access code, a look-alike's) written anywhere as a
 * word of two or more capitalised parts, in whatever wrapping a tool printed it (`[AccessDenied]`,
 * `… with ExpiredToken and …`). Only in a text of a paste's size: its scan would add a pass over a megabyte.
 */
const anyKnownCode: Extractor = (text, hints) => {
  if (hints.best('code') !== null || text.length > 100_000) return;
  let count = 0;
  // also a code that starts with an acronym (`EC2ThrottledException`, `KMSAccessDeniedException`)
  for (const m of text.matchAll(
    /\b(?:[A-Z][a-z0-9]+|[A-Z]{2,}[0-9]*)(?:[A-Z][a-z0-9]*)+(?:\.[A-Z][A-Za-z0-9]+)?\b/g,
  )) {
    if (++count > 2000) return;
    // a class qualified by its package (`java.nio.file.AccessDeniedException`) is the platform's, not AWS's
    if (text.charAt(m.index - 1) === '.') continue;
    // nor a name Python says an object lacks (`… object has no attribute 'AccessDeniedException'`: apache/airflow#24773)
    if (text.endsWith("no attribute '", m.index)) continue;
    const code = isKnownCode(m[0]) ? m[0] : gluedCode(m[0], text.charAt(m.index + m[0].length));
    if (code !== null) {
      hints.add('code', code, PRIORITY.implied - 10, 'code-token');
      return;
    }
  }
};

/**
 * A code a library printed glued to its message's first word, the `<Code>` and `<Message>` texts of an XML body
 * run together (`InvalidClientTokenIdThe security token …`, `AccessDeniedAccess Denied`): the known code before a
 * message's usual first word.
 */
function gluedCode(token: string, next: string): string | null {
  if (next !== ' ') return null;
  // (an EC2 code of an ID too, as boto 2's EC2ResponseError prints the body's texts: `InvalidSnapshot.NotFoundThe snapshot
  // 'snap-1' does not exist.`: galaxyproject/cloudman#41)
  const glued =
    /^([A-Z][A-Za-z0-9]+?(?:\.[A-Z][A-Za-z0-9]+?)?)(The|User|You|Your|Access|Request|Not|Signature)$/.exec(
      token,
    );
  return glued?.[1] !== undefined && isKnownCode(glued[1]) ? glued[1] : null;
}

/**
 * Every extractor; priorities decide between them, and their order does not matter but for the last, which
 * reads only what the others left without a code.
 */
/**
 * A denial sentence in another language, as AWS's translated pages and consoles write it (`El usuario arn:aws:iam::1:user/
 * tester no tiene autorización para ejecutar ec2:RunInstances en resource: …`: re:Post's Knowledge Center in Spanish;
 * `用户 arn:aws:iam::1:user/ci-bot 无权对资源 t 执行 dynamodb:PutItem 操作`): the caller's ARN and, after it on its line,
 * the action, where the line holds no English sentence (read by the sentence's own reader) and writes words that are not
 * English (a letter outside ASCII). https://repost.aws/es/knowledge-center/iam-explicit-deny-errors
 */
const translatedDenial: Extractor = (text, hints) => {
  if (!has(text, ':iam::') && !has(text, ':sts::')) return;
  for (
    let at = text.indexOf('arn:aws'), seen = 0;
    at >= 0 && seen < 20;
    at = text.indexOf('arn:aws', at + 7), seen++
  ) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    const line = text.slice(start, end < 0 ? Math.min(text.length, at + 2000) : Math.min(end, at + 2000));
    if (!/[\u00C0-\u024F\u0400-\u04FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/.test(line)) continue;
    if (line.includes('is not authorized to perform') || line.includes('not authorized to perform:'))
      continue;
    const denial = TRANSLATED_DENIAL.exec(text.slice(at, start + line.length));
    if (denial?.[1] === undefined || denial[2] === undefined) continue;
    hints.add('principal', denial[1], PRIORITY.phrase, 'translated');
    hints.add('action', denial[2], PRIORITY.phrase, 'translated');
    // (and the resource where the slot's English word stayed: an ARN, or IAM's type and name rebuilt in the caller's
    // account, `en resource: role TestReadOnly`)
    const slot =
      /\bresource: (?:(arn:[^\s，。、]{1,1000})|(role|user|group|policy) ([\w+=,.@-]{1,128}))/.exec(line);
    const caller = /^arn:(aws[\w-]*):(?:iam|sts)::([^\s:]{1,40}):/.exec(denial[1]);
    const resource =
      slot?.[1] ??
      (slot?.[3] === undefined || caller === null
        ? undefined
        : `arn:${caller[1]}:iam::${caller[2]}:${slot[2]}/${slot[3]}`);
    hints.add('resource', resource, PRIORITY.phrase, 'translated');
    return;
  }
};

/** A caller's ARN, then an action after words of another language on the same line (no ARN of its own). */
const TRANSLATED_DENIAL =
  /^(arn:aws[\w-]*:(?:iam|sts)::[^\s:]{1,40}:(?:user|role|assumed-role|federated-user|root)[^\s，。、：,;"'()]{0,400})[^\n]{1,200}?(?<![\w:/-])([a-z][a-z0-9-]{1,40}:[A-Z][A-Za-z0-9]{2,100})(?![\w:/-])/;

export const EXTRACTORS: readonly Extractor[] = [
  awsCli,
  goV2,
  goV1,
  javaV1,
  javaV2,
  dotnet,
  ruby,
  php,
  kotlin,
  cognitect,
  sdkClientFrames,
  botocoreClass,
  jsSdk,
  httpHeaders,
  urllib3Log,
  ecrRegistry,
  codeCommitGit,
  goV1ErrorValue,
  clickhouseS3,
  jsonFields,
  rust,
  exAws,
  operationRequest,
  swift,
  cognitoHostedUi,
  amazonka,
  iotCoreLog,
  xmlBody,
  cloudFormation,
  namedCalls,
  signatures,
  codeTokens,
  statusLines,
  anyKnownCode,
  translatedDenial,
];

/**
 * A CloudTrail query's result as a Markdown table (CloudWatch Logs Insights or Athena rows pasted into an issue: `|
 * eventTime | errorCode | eventSource | eventName | …` over `| … | AccessDenied | xray.amazonaws.com | GetSamplingRules
 * | …`: DataBiosphere/azul#6614): the first row's call, where a failed row names its service and event.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
function addTrailTableHints(text: string, hints: HintSet): void {
  if (!has(text, '| eventSource |') && !has(text, '| eventsource |')) return;
  const lines = text.split('\n');
  const headerAt = lines.findIndex(
    (line) => /\|\s*event[Ss]ource\s*\|/.test(line) && /\|\s*event[Nn]ame\s*\|/.test(line),
  );
  if (headerAt < 0) return;
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const header = cells(lines[headerAt] ?? '').map((c) => c.toLowerCase());
  const row = lines
    .slice(headerAt + 1, headerAt + 3)
    .find((line) => line.includes('|') && !/^[\s|:-]*$/.test(line));
  if (row === undefined) return;
  const values = cells(row);
  const value = (name: string) => values[header.indexOf(name)] ?? '';
  const source = /^([a-z0-9-]{2,40})\.amazonaws\.com$/.exec(value('eventsource'));
  const event = /^[A-Z][A-Za-z0-9]{2,80}$/.exec(value('eventname'));
  const service = source?.[1] === undefined ? null : serviceFromEventSource(`${source[1]}.amazonaws.com`);
  if (service === null || event === null || !/\S/.test(value('errorcode'))) return;
  hints.add('service', service, PRIORITY.namedCall, 'cloudtrail-table');
  hints.add('operation', event[0], PRIORITY.namedCall, 'cloudtrail-table');
  const code = /^[A-Z][A-Za-z0-9.]{2,80}$/.exec(value('errorcode'));
  if (code !== null) hints.add('code', code[0], PRIORITY.body, 'cloudtrail-table');
}
