import { servicesForOperation } from '../catalog/operations.js';
import { serviceFromSdkName } from '../catalog/service-names.js';
import { namedMethodCalls, pascalCase } from './surfaces.js';

/**
 * A call a tool's step may have made, proposed from the step's words: the catalog decides whether the
 * service has it (see `refineWithCatalog`); the text alone never makes it the operation.
 */
export interface StepCall {
  /** `null` when the step names no service: the catalog's one service with that action, if only one has it. */
  readonly service: string | null;
  readonly operation: string;
  /** A call only of the service the answer came from, when the text tells it (a capitalised sentence's step). */
  readonly ofAnswering?: true;
  /**
   * A call of its service only where the answer may have come from it: no other service answered, and the code is
   * none S3 never writes (a JSON protocol's `…Exception`): Rekognition's `InvalidS3ObjectException: Unable to get
   * object metadata from S3` tells of its own read, no call the tool made.
   */
  readonly ifAnswering?: true;
}

/** The calls the failed step may have made, in order: the Terraform provider's wording first, else a tool's. */
export function stepCalls(text: string): readonly StepCall[] {
  const named = terraformStepCalls(text);
  if (named.length > 0) return named;
  const cmdlet = powerShellCalls(text);
  if (cmdlet.length > 0) return cmdlet;
  const stack = stackEventCalls(text);
  if (stack.length > 0) return stack;
  const methods = methodCalls(text);
  if (methods.length > 0) return methods;
  const chained = chainStepCalls(text);
  if (chained.length > 0) return chained;
  const transfer = s3TransferCalls(text);
  return transfer.length > 0 ? transfer : toolStepCalls(text);
}

/**
 * A tool's upload, download or deletion of an object where its own words say the object is S3's: to or from S3, a
 * bucket, an `s3://` address (`Error uploading k to S3: Access Denied`: deliciousbrains/wp-amazon-web-services#63;
 * `failed to upload 'k' to bucket 'b': InvalidPayer`: wal-g/wal-g#1459; `Unable to download object s3://b/k
 * (AccessDenied: Access Denied)`: aws/amazon-sagemaker-examples#4384; `Unable to delete object k in bucket b: Access
 * Denied`). An upload is PutObject, in one part or many; a download GetObject.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions
 */
function s3TransferCalls(text: string): readonly StepCall[] {
  if (text.length > MOST_SCANNED_FOR_STEPS || !/[Uu]pload|[Dd]ownload| object/.test(text)) return [];
  const step = S3_TRANSFER.exec(text);
  if (step === null) return [];
  const verb = step[1] ?? '';
  // (get, put, read, write and delete are S3's only where the step names the object: `failed to get bucket policy from bucket` is not)
  if (step[2] === undefined && !/^(?:up|down)load/.test(verb)) return [];
  const operation = TRANSFER_OPERATIONS.get(verb);
  return operation === undefined ? [] : [{ service: 's3', operation, ifAnswering: true }];
}

/** The longest text searched for the steps a paste writes (a larger one is a log, whose steps the envelopes name). */
const MOST_SCANNED_FOR_STEPS = 256 * 1024;

/** A transfer step: its verb, the object it names if any, then (on the same line) S3's own words for where. */
// (read and write too, where the object is named: WAL-G's `failed to read object: 'k' from S3: AccessDenied`,
// zalando/postgres-operator#2067; or the answer S3's, as Redshift relays it: `Unable to upload manifest file -
// S3ServiceException:Access Denied`, databricks/spark-redshift#321)
const S3_TRANSFER =
  /\b(?:[Ee]rror|[Ff]ailed(?: to)?|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot) (upload(?:ing)?|download(?:ing)?|delet(?:e|ing)|get(?:ting)?|put(?:ting)?|fetch(?:ing)?|read(?:ing)?|writ(?:e|ing))(?: an?| the)?(?: (object)\b)?[^\n]{0,300}?(?:\b(?:to|from|in|into) (?:the )?(?:S3\b|[Aa]mazon S3\b|bucket\b|S3 bucket\b)|(?:^|[\s'"(])s3:\/\/|\bS3ServiceException:)/;

/** The S3 operation of each transfer verb. */
const TRANSFER_OPERATIONS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['PutObject', ['upload', 'uploading', 'put', 'putting', 'write', 'writing']],
      ['GetObject', ['download', 'downloading', 'get', 'getting', 'fetch', 'fetching', 'read', 'reading']],
      ['DeleteObject', ['delete', 'deleting']],
    ] as const
  ).flatMap(([operation, verbs]) => verbs.map((verb) => [verb, operation] as const)),
);

/** Calls named by a service's SDK name and a method (`namedMethodCalls`) that the curated table does not know. */
function methodCalls(text: string): readonly StepCall[] {
  return namedMethodCalls(text).flatMap((call) => {
    const service = serviceFromSdkName(call.sdkName);
    return service === null ? [] : [{ service, operation: pascalCase(call.method) }];
  });
}

/**
 * A CloudFormation stack event's failed creation or deletion of a resource (`CREATE_FAILED | AWS::EC2::VPC`): the
 * resource type's own create or delete call (`CreateVpc`), when the catalog has it, or the call that creates a type
 * named otherwise (`AWS::EC2::Instance`: RunInstances); another type's proposes nothing the catalog has, and stays
 * unknown.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-describing-stacks.html
 */
function stackEventCalls(text: string): readonly StepCall[] {
  if (!text.includes('_FAILED')) return [];
  // the console's and CDK's `CREATE_FAILED | AWS::EC2::VPC`, or eksctl's `AWS::EKS::AccessEntry/AccessEntry: CREATE_FAILED`
  const event =
    /\b(CREATE|DELETE)_FAILED\b[\s|│\\]{1,40}AWS::([A-Za-z0-9]{2,40})::([A-Za-z0-9]{2,60})\b/.exec(text) ??
    reordered(
      /\bAWS::([A-Za-z0-9]{2,40})::([A-Za-z0-9]{2,60})\/[\w-]{1,100}: (CREATE|DELETE)_FAILED\b/.exec(text),
    ) ??
    // (or the console's banner over a resource's events: `This AWS::Lambda::Function resource is in a CREATE_FAILED
    // state.`: aws-samples/bedrock-access-gateway#206)
    reordered(
      /\bThis AWS::([A-Za-z0-9]{2,40})::([A-Za-z0-9]{2,60}) resource is in an? (CREATE|DELETE)_FAILED state\b/.exec(
        text,
      ),
    );
  if (event === null) return [];
  // a hook that refused the resource ran before its handler made any call (`The following hook(s) failed:
  // [AWS::ControlTower::Hook]`) https://docs.aws.amazon.com/cloudformation-cli/latest/hooks-userguide/what-is-cloudformation-hooks.html
  if (text.includes('hook(s) failed')) return [];
  const service = serviceFromSdkName(event[2] ?? '');
  if (service === null) return [];
  // an answer from another service than the resource's (`AWS::ElasticBeanstalk::Environment` failed on EC2's
  // `(Service: AmazonEC2; …)`) came from a call the resource's handler made there, which the event does not name
  const answering = /\(Service: ([A-Za-z0-9 ]{2,60})[;,]/.exec(text);
  if (answering !== null && serviceFromSdkName(answering[1] ?? '') !== service) return [];
  const verb = event[1] === 'CREATE' ? 'Create' : 'Delete';
  const named = TYPE_OPERATIONS.get(`${event[2]}::${event[3]}`);
  return [{ service, operation: named === undefined ? `${verb}${event[3]}` : named[verb] }];
}

/**
 * An AWS Tools for PowerShell cmdlet whose error record names it (`Write-S3Object : Access Denied`, PowerShell 7's
 * `Write-S3Object: …`): `Verb-<service prefix><noun>`, the calls its verb may make on the noun (`Write` is `Put`,
 * `Read` is `Get`, `Get` is `Get`, else `Describe`/`List` of many), the catalog confirming; S3's listing cmdlets by
 * their own names. https://docs.aws.amazon.com/powershell/latest/reference/items/Write-S3Object.html
 */
function powerShellCalls(text: string): readonly StepCall[] {
  if (!text.includes('-')) return [];
  const m = CMDLET.exec(text);
  if (m === null) return [];
  const prefix = m[2] ?? '';
  const service = POWERSHELL_PREFIXES.get(prefix) ?? serviceFromSdkName(prefix);
  if (service === null) return [];
  const listed = CMDLET_OPERATIONS.get(`${m[1]}-${prefix}${m[3]}`);
  if (listed !== undefined) return [{ service, operation: listed }];
  const noun = m[3] ?? '';
  // (a `Describe` or `List` reads many: `Get-EC2Instance` is DescribeInstances)
  return (CMDLET_VERBS.get(m[1] ?? '') ?? []).map((verb) => ({
    service,
    operation: `${verb}${noun}${verb === 'Describe' || verb === 'List' ? 's' : ''}`,
  }));
}

/** The cmdlet verbs whose API verbs are other words, in the order tried; the rest are the API's own. */
const CMDLET_VERBS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['Get', ['Get', 'Describe', 'List']],
  ['Read', ['Get']],
  ['Write', ['Put']],
  ['New', ['Create']],
  ['Remove', ['Delete']],
  ['Set', ['Put', 'Set', 'Update']],
  ['Unregister', ['Deregister']],
  ...[
    'Copy',
    'Update',
    'Start',
    'Stop',
    'Send',
    'Publish',
    'Invoke',
    'Register',
    'Add',
    'Enable',
    'Disable',
  ].map((verb): [string, readonly string[]] => [verb, [verb]]),
]);

/** A cmdlet before the `:` of its error record: verb, the service's prefix (`S3`, `EC2`, `CWL`), the noun. */
const CMDLET = new RegExp(
  `\\b(${[...CMDLET_VERBS.keys()].join('|')})-([A-Z][A-Z0-9]{0,5})([A-Z][a-z][A-Za-z0-9]{0,60}) ?:`,
);

/** Cmdlet prefixes that are no SDK's name (`LM` is Lambda's, `CWL` CloudWatch Logs'). */
const POWERSHELL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['LM', 'lambda'],
  ['CFN', 'cloudformation'],
  ['DDB', 'dynamodb'],
  ['SEC', 'secretsmanager'],
  ['CWL', 'logs'],
  ['CW', 'cloudwatch'],
  ['R53', 'route53'],
  ['ELB2', 'elasticloadbalancing'],
  ['AS', 'autoscaling'],
  ['CT', 'cloudtrail'],
]);

/**
 * Cmdlets whose call their name does not tell: S3's that list (`Get-S3Object` calls ListObjects, not GetObject), and
 * `New-EC2Instance`, which calls RunInstances https://docs.aws.amazon.com/powershell/latest/reference/items/New-EC2Instance.html
 */
const CMDLET_OPERATIONS: ReadonlyMap<string, string> = new Map([
  ['Get-S3Object', 'ListObjects'],
  ['Get-S3Bucket', 'ListBuckets'],
  ['New-EC2Instance', 'RunInstances'],
]);

/** eksctl's match (type, status) in the console's order (status, type). */
function reordered(m: RegExpExecArray | null): readonly (string | undefined)[] | null {
  return m === null ? null : [m[0], m[3], m[1], m[2]];
}

/**
 * Resource types whose handler creates or deletes them by a call not named `Create<Type>` / `Delete<Type>`: an
 * instance is launched by RunInstances and ended by TerminateInstances, an Elastic IP allocated and released, a
 * bucket's policy put, a rule put, a permission added; the legacy `AWS::Elasticsearch::Domain` by
 * `CreateElasticsearchDomain`. Types with more than one such call (`AWS::IAM::Policy`: a role's, user's or group's
 * inline policy) are left out. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html
 */
const TYPE_OPERATIONS: ReadonlyMap<string, { readonly Create: string; readonly Delete: string }> = new Map([
  ['Elasticsearch::Domain', { Create: 'CreateElasticsearchDomain', Delete: 'DeleteElasticsearchDomain' }],
  ['EC2::Instance', { Create: 'RunInstances', Delete: 'TerminateInstances' }],
  ['EC2::EIP', { Create: 'AllocateAddress', Delete: 'ReleaseAddress' }],
  ['EC2::EIPAssociation', { Create: 'AssociateAddress', Delete: 'DisassociateAddress' }],
  ['EC2::VolumeAttachment', { Create: 'AttachVolume', Delete: 'DetachVolume' }],
  [
    'EC2::SecurityGroupIngress',
    { Create: 'AuthorizeSecurityGroupIngress', Delete: 'RevokeSecurityGroupIngress' },
  ],
  [
    'EC2::SecurityGroupEgress',
    { Create: 'AuthorizeSecurityGroupEgress', Delete: 'RevokeSecurityGroupEgress' },
  ],
  ['EC2::SubnetRouteTableAssociation', { Create: 'AssociateRouteTable', Delete: 'DisassociateRouteTable' }],
  ['S3::BucketPolicy', { Create: 'PutBucketPolicy', Delete: 'DeleteBucketPolicy' }],
  ['SNS::Subscription', { Create: 'Subscribe', Delete: 'Unsubscribe' }],
  ['Lambda::Permission', { Create: 'AddPermission', Delete: 'RemovePermission' }],
  ['Events::Rule', { Create: 'PutRule', Delete: 'DeleteRule' }],
  ['Logs::SubscriptionFilter', { Create: 'PutSubscriptionFilter', Delete: 'DeleteSubscriptionFilter' }],
  ['CloudWatch::Alarm', { Create: 'PutMetricAlarm', Delete: 'DeleteAlarms' }],
  ['Route53::RecordSet', { Create: 'ChangeResourceRecordSets', Delete: 'ChangeResourceRecordSets' }],
]);

/**
 * A tool's own words for the step that failed, in lower case and without a service (`failed to describe
 * subnets`, `unable to get caller identity`, `error listing objects`): the verb and up to three following
 * words as an operation's name (`DescribeSubnets`, `GetCallerIdentity`, `ListObjects`), each also plural for
 * the verbs whose operations take many; a call only when the catalog finds exactly one service with it. A
 * step that names its service (`Unable to create Amazon S3 bucket`, also capitalised) proposes that
 * service's operation.
 */
function toolStepCalls(text: string): readonly StepCall[] {
  if (!TOOL_LEADS.some((lead) => text.includes(lead))) return [];
  let seen = 0;
  for (const step of text.matchAll(TOOL_STEP)) {
    if (++seen > 20) break;
    const written = (step[2] ?? '').toLowerCase();
    const verb = GERUNDS.get(written) ?? written;
    let words: readonly string[] = (step[3] ?? '')
      .split(' ')
      .filter((word) => word !== '' && !FILLERS.has(word.toLowerCase()))
      .map((word) => NOUN_ALIASES.get(word) ?? word);
    // a service the step names (`Unable to create Amazon S3 bucket`, `… API Gateway`): its operation, not any
    // service's; a step that names only its service (`Error creating API Gateway: …`) names no call
    const named = leadingService(words);
    // (the legacy service's own word, `Elasticsearch` alone)
    const elasticsearch =
      named.service === 'es' && words[0] === 'Elasticsearch' && named.rest.length === words.length - 1;
    // (and any service's words, which some of its APIs' nouns carry: `error accepting Direct Connect gateway association
    // proposal` is AcceptDirectConnectGatewayAssociationProposal, hashicorp/terraform-provider-aws#14328)
    const serviceWords =
      named.service === null
        ? ''
        : words
            .slice(0, words.length - named.rest.length)
            .map(pascalCase)
            .join('');
    words = named.rest;
    // (a resource's policy named after its name, `error getting S3 bucket (b) policy: AccessDenied` (an older Terraform
    // provider's, under okd-project/okd#2168): GetBucketPolicy)
    if (
      /^ ?\([^()\n]{1,255}\) policy:/.test(
        text.slice(step.index + step[0].length, step.index + step[0].length + 300),
      )
    )
      words = [...words, 'policy'];
    // (or an EC2 resource by its id after the words: `error updating Security Group (sg-…)` is EC2's, never the
    // one other service with an UpdateSecurityGroup action)
    const service =
      named.service ??
      (EC2_ID.test(text.slice(step.index + step[0].length, step.index + step[0].length + 40)) ? 'ec2' : null);
    if (words.length === 0) return [];
    // a sentence's capitalised lead is a step where it names the service, or of the service that answered (Karpenter's
    // `Unable to delete launch template, UnauthorizedOperation: …` is EC2's; `Unable to decrypt data for object …`,
    // an S3 encryption client's own work, is no S3 call)
    // (Terraform 0.x's own `Error creating launch configuration: ValidationError: …`, the code right after the step,
    // is a step of its own, as `error creating …` is; an app's `Error listing backups in …` is not)
    const ofAnswering =
      service === null &&
      /^[A-Z]/.test(step[1] ?? '') &&
      !(
        step[1] === 'Error' &&
        GERUNDS.has(written) &&
        TERRAFORM_STEP_END.test(
          text.slice(step.index + step[0].length - 1, step.index + step[0].length + 200),
        )
      );
    words = words.slice(0, 4);
    // what a client does for itself before any call (`failed to get credentials`, `… token`) names none
    if (CLIENT_NOUNS.has((words[0] ?? '').toLowerCase())) return [];
    const calls: StepCall[] = [];
    for (let k = words.length; k >= 1; k--) {
      const noun = words.slice(0, k).map(pascalCase).join('');
      // an association made or ended is its own call (`failed to create WAFv2 webACL association` is AssociateWebACL):
      // never the thing's own create without the word that changes the call
      const associated =
        k > 1 && words[k - 1]?.toLowerCase() === 'association' ? ASSOCIATIONS.get(verb) : undefined;
      const operation =
        associated === undefined
          ? `${pascalCase(verb)}${noun}`
          : `${associated}${noun.slice(0, -'Association'.length)}`;
      const call = ofAnswering ? { service, operation, ofAnswering: true as const } : { service, operation };
      // (the legacy Elasticsearch resources' calls carry the service's word, as `terraformStepCalls` proposes them:
      // `error updating Elasticsearch Domain config` is UpdateElasticsearchDomainConfig)
      if (elasticsearch && associated === undefined) {
        calls.push({ ...call, operation: `${pascalCase(verb)}Elasticsearch${noun}` });
      }
      calls.push(call);
      if (serviceWords !== '' && !elasticsearch && associated === undefined)
        calls.push({ ...call, operation: `${pascalCase(verb)}${serviceWords}${noun}` });
      // (and S3's calls on a bucket's part carry `Bucket`: Terraform 0.x's `Error putting S3 policy:` is PutBucketPolicy)
      // https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
      if (service === 's3' && associated === undefined && !/^(?:Bucket|Object)/.test(noun)) {
        calls.push({ ...call, operation: `${pascalCase(verb)}Bucket${noun}` });
      }
      // (and RDS's and Neptune's and DocumentDB's nouns carry `DB`: `cannot describe RDS instance` is DescribeDBInstances, as
      // Crossplane's provider writes it) https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Operations.html
      if (service === 'rds' && associated === undefined && !noun.startsWith('DB')) {
        calls.push({ ...call, operation: `${pascalCase(verb)}DB${noun}` });
        if (MANY.has(verb)) calls.push({ ...call, operation: `${pascalCase(verb)}DB${noun}s` });
      }
      if (associated !== undefined) break;
      // (an older provider's `Error modifying Lambda Function Code f:` is UpdateFunctionCode)
      if (verb === 'modify') calls.push({ ...call, operation: `Update${noun}` });
      // (and a resource its service makes by a Put, where the step names that service, as the provider's steps are read:
      // `Error creating Cloudwatch log subscription filter:` is PutSubscriptionFilter)
      if (verb === 'create' && service !== null && associated === undefined)
        calls.push({ ...call, operation: `Put${noun}` });
      // (and the name of many after it, where the verb reads many)
      for (const many of withPlural(verb, operation).slice(1)) calls.push({ ...call, operation: many });
      // (and EC2 lists by its Describe calls: the AWS cloud provider's `error listing AWS route tables:` under EC2's
      // UnauthorizedOperation is DescribeRouteTables, rancher/rancher#10635)
      if (verb === 'list') calls.push({ ...call, operation: `Describe${noun}` });
      // (EC2 makes and deletes some resources by the name of many: `creating Flow Log (vpc-…)` is CreateFlowLogs)
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html
      if (service === 'ec2' && (verb === 'create' || verb === 'delete') && !operation.endsWith('s'))
        calls.push({ ...call, operation: `${operation}s` });
    }
    return calls;
  }
  return [];
}

/**
 * An EC2 resource's id in parentheses, by the prefixes EC2 gives its resources' ids
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html
 */
// (also after a space or `for`, and redacted, as the older provider and a paste write it: `Error creating Flow Log for
// (vpc-xxxxxxx)`, hashicorp/terraform-provider-aws#11970)
const EC2_ID =
  /^ ?(?:for )?\((?:sg|vpc|subnet|i|eni|igw|eigw|rtb|acl|nat|vol|snap|ami|lt|pcx|tgw|tgw-attach|vpce|eipalloc|dopt|pl)-(?:[0-9a-f]{8,17}|[xX]{3,17})\)/;

/**
 * What ends a Terraform 0.x step: its id or words, then the AWS code (`…: ValidationError: …`), perhaps on the next
 * line (`Error: Error creating NAT Gateway:` / `NatGatewayLimitExceeded: …`: openshift/hive commit 5e86610).
 */
const TERRAFORM_STEP_END = /^[^:\n"=]{0,100}:(?: |[ \t]*\n[ \t]*)(?:Client\.)?[A-Z][A-Za-z0-9.]{2,60}: /;

/** The leads of {@link TOOL_STEP}, looked for before it runs. */
// (and Crossplane's providers' `cannot create ElastiCache replication group: …`: crossplane-contrib/provider-aws#326)
const TOOL_LEADS = ['ailed ', 'nable to ', 'ould not ', "ouldn't ", 'annot ', 'rror ', 'rror: '];

/** A step's verb as `error putting object` writes it, and the API's verb (`Put`). */
const GERUNDS: ReadonlyMap<string, string> = new Map([
  ['creating', 'create'],
  ['deleting', 'delete'],
  ['describing', 'describe'],
  ['getting', 'get'],
  ['listing', 'list'],
  ['updating', 'update'],
  ['putting', 'put'],
  ['modifying', 'modify'],
  ['attaching', 'attach'],
  ['associating', 'associate'],
  ['disassociating', 'disassociate'],
  ['detaching', 'detach'],
  ['tagging', 'tag'],
  ['accepting', 'accept'],
  ['provisioning', 'provision'],
  ['importing', 'import'],
  ['starting', 'start'],
  ['stopping', 'stop'],
  ['invoking', 'invoke'],
  ['publishing', 'publish'],
  ['sending', 'send'],
  ['receiving', 'receive'],
  ['assuming', 'assume'],
  ['decrypting', 'decrypt'],
  ['encrypting', 'encrypt'],
]);

/**
 * A lead, a verb of the API's, and the words after it (letters and digits only, up to five); `failed` also without its
 * `to` (aws-nuke's `failed get caller identity: InvalidClientTokenId: …`).
 */
const TOOL_STEP = new RegExp(
  `\\b([Ff]ailed(?: to)?|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Ee]rror attempting to|[Ee]rror:?) (${[...GERUNDS.values(), ...GERUNDS.keys()].join('|')}) ((?:[A-Za-z][A-Za-z0-9]{0,30} ?){1,5})`,
  'g',
);

/**
 * The API's noun for a resource's short name in a step (`Error creating ENI: …`: openshift/installer#3055; `unable to
 * attach ENI at index 3: …`: cilium/cilium#8830) https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html
 */
const NOUN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['ENI', 'NetworkInterface'],
  ['ENIs', 'NetworkInterfaces'],
  ['AMI', 'Image'],
  ['AMIs', 'Images'],
]);

/** Words a step's description holds that no operation's name does. */
const FILLERS = new Set([
  'the',
  'a',
  'an',
  'new',
  'aws',
  'amazon',
  'for',
  'from',
  'to',
  'of',
  'in',
  'on',
  'with',
  // (the .NET deploy tool's `Error attempting to describe available VPCs`)
  'available',
]);

/** A client's own things: a step on them is no API call (`GetCredentials` is Redshift Serverless's). */
const CLIENT_NOUNS = new Set([
  'credentials',
  'credential',
  'token',
  'tokens',
  'config',
  'client',
  'session',
  'lock',
]);

/** The call that makes or ends an association, by the step's verb. */
const ASSOCIATIONS: ReadonlyMap<string, string> = new Map([
  ['create', 'Associate'],
  ['delete', 'Disassociate'],
]);

/** Verbs whose operations read or list many (`DescribeSubnets`, `ListObjects`). */
const MANY = new Set(['describe', 'list']);

/** An operation's name, and where its verb reads many, the name of many too (`DescribeSubnet`, `DescribeSubnets`). */
function withPlural(verb: string, operation: string): string[] {
  return MANY.has(verb.toLowerCase()) && !operation.endsWith('s')
    ? [operation, `${operation}s`]
    : [operation];
}

/**
 * The innermost step of a Go program's error chain, right before the AWS code, where it names its service (`unable to
 * delete machine … deleting bootstrap data object: deleting S3 object: NotFound: Not Found`:
 * openshift/cluster-api-provider-aws commit 8e04d87): that service's call, over a step of the program's own further out.
 */
function chainStepCalls(text: string): readonly StepCall[] {
  // (a step of a bare verb looked for in a text of a paste's size: in a larger one, only the `-ing` steps looked for before,
  // the pattern tried at every `: ` of a megabyte costing a few milliseconds)
  if (text.length > MOST_SCANNED_FOR_STEPS ? !text.includes('ing ') : !text.includes(': ')) return [];
  const step = CHAIN_STEP.exec(text);
  if (step === null) return [];
  const verb = GERUNDS.get(step[1] ?? '') ?? step[1] ?? '';
  const { service, rest } = leadingService((step[2] ?? '').split(' '));
  const nouns = rest.filter((word) => !FILLERS.has(word.toLowerCase()));
  if (nouns.length === 0 || CLIENT_NOUNS.has((nouns[0] ?? '').toLowerCase())) return [];
  const operation = `${pascalCase(verb)}${nouns.map(pascalCase).join('')}`;
  const candidates = withPlural(verb, operation);
  // (a step that names no service is a call of the service that answered, where the text tells which: `describe
  // instances: UnauthorizedOperation: …`, openshift-install's destroy under EC2's code, is DescribeInstances)
  if (service === null) {
    return candidates.map((name) => ({ service: null, operation: name, ofAnswering: true as const }));
  }
  // (only a call the curated table knows of that service: a program's words are not the API's, `sending sns message`
  // is no SNS call, `getting ssm parameter value` no SSM one)
  return candidates
    .filter((name) => servicesForOperation(name).includes(service))
    .map((name) => ({ service, operation: name }));
}

/**
 * The service a step's leading words name, two of them tried first (`Secrets Manager secret`, `S3 object`), and the
 * words after its name; `null` and the words as they are where they name none, or where one word is all there is.
 */
function leadingService(given: readonly string[]): { service: string | null; rest: readonly string[] } {
  const words = withLogsName(given);
  const two = words.length >= 2 ? serviceFromSdkName(`${words[0]}${words[1]}`) : null;
  if (two !== null) return { service: two, rest: words.slice(2) };
  const one = words.length > 1 ? serviceFromSdkName(words[0] ?? '') : null;
  return one === null ? { service: null, rest: words } : { service: one, rest: words.slice(1) };
}

/**
 * A step's words with CloudWatch Logs' name as one word where the older Terraform provider wrote it as two or three
 * (`Error creating Cloudwatch log subscription filter:`, `… CloudWatch Log Group:`): `log` the noun's own word before a
 * group, stream or event, else the service's (app-sre/qontract-reconcile#1291).
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_Operations.html
 */
function withLogsName(words: readonly string[]): readonly string[] {
  if (words[0]?.toLowerCase() !== 'cloudwatch' || !/^logs?$/i.test(words[1] ?? '')) return words;
  const ownWord = /^log$/i.test(words[1] ?? '') && /^(?:groups?|streams?|events?)$/i.test(words[2] ?? '');
  return ['CloudWatchLogs', ...words.slice(ownWord ? 1 : 2)];
}

/**
 * A lower-case step of an error chain, perhaps its service's name first, before the code (`: deleting S3 object: NotFound:
 * `, `msg="describe instances: UnauthorizedOperation: `).
 */
const CHAIN_STEP = new RegExp(
  `(?:^|: |\\t|=")(${[...GERUNDS.keys(), ...new Set(GERUNDS.values())].join('|')}) ([A-Za-z][A-Za-z0-9]{0,30}(?: [A-Za-z][A-Za-z0-9]{0,30}){0,3}): (?:Client\\.)?[A-Z][A-Za-z0-9.]{2,60}: `,
  'm',
);

/**
 * The Terraform AWS provider names a failed step by its verb, the service's name and the resource's name
 * (`creating SNS Topic (alerts): …`, `error deleting ECR Repository (app): …`), and names most resources
 * after the API's noun: `Create` + `Topic` is SNS's `CreateTopic`. Proposed here in order: the verb with the
 * resource's words, then with the service's words too (`Auto Scaling Group` is `CreateAutoScalingGroup`);
 * `creating` as `Create` or `Put`, `updating` as `Update`, `Modify` or `Put`, `reading` and `waiting for` as `Get` or
 * `Describe`, `putting` as `Put`. A step whose resource the API names otherwise (`Config Organization Managed Rule` is
 * created by `PutOrganizationConfigRule`) proposes nothing the catalog has, and so stays unknown.
 * @see https://hashicorp.github.io/terraform-provider-aws/error-handling
 */
function terraformStepCalls(text: string): readonly StepCall[] {
  // the short literals first: the pattern alone is tried at every word boundary of a large input
  if (!STEP_LEADS.some((lead) => text.includes(lead))) return [];
  const step = STEP.exec(text);
  if (step === null) return [];
  const verb = (step[1] ?? '').toLowerCase();
  // a wait that ended in a state the provider did not want (`waiting for EMR Cluster (j-…) to create: unexpected
  // state 'TERMINATING'`) read the resource fine: the call that failed is the one that made it, not named here
  if (
    verb === 'waiting for' &&
    WAIT_ENDED.test(text.slice(step.index + step[0].length, step.index + step[0].length + 160))
  )
    return [];
  // the resource's policy or configuration rather than the resource (`creating S3 Access Point (123:ap) policy:
  // AccessDenied`: its Put; `updating Elasticsearch Domain (arn:…) config:`: UpdateElasticsearchDomainConfig)
  // (or a part of it the provider names after the id: `creating S3 Bucket (b) Ownership Controls: AccessDenied` is
  // PutBucketOwnershipControls: cisagov/crossfeed commit 1898f34)
  const part = step[0].endsWith('(')
    ? /^[^()\n]{1,300}\) (assume role policy|policy|config|(?:[A-Z][A-Za-z0-9]{0,30} ){0,3}[A-Z][A-Za-z0-9]{0,30}):/.exec(
        text.slice(step.index + step[0].length, step.index + step[0].length + 320),
      )
    : null;
  // an IAM role's trust policy, which its own call replaces (`updating IAM Role (r) assume role policy: LimitExceeded`:
  // cloudposse/terraform-aws-components' aws-teams module)
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
  if (part?.[1] === 'assume role policy') {
    return /^IAM\s+Role$/.test(step[2] ?? '')
      ? [{ service: 'iam', operation: 'UpdateAssumeRolePolicy' }]
      : [];
  }
  const policy = part?.[1] === 'policy';
  const verbs = policy ? ['Put'] : (VERBS[verb] ?? []);
  const partWords =
    part?.[1] === undefined
      ? []
      : policy
        ? ['Policy']
        : part[1] === 'config'
          ? ['Config']
          : part[1].split(' ');
  const words = withLogsName([...(step[2] ?? '').split(/\s+/), ...partWords]);
  // the service's name is the longest run of leading words the SDK names know (`Secrets Manager`, `Route 53`)
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const name = words.slice(0, k).join('');
    const service = serviceFromSdkName(name) ?? PROVIDER_SERVICE_NAMES.get(name) ?? null;
    if (service === null) continue;
    const noun = words.slice(k).join('');
    const withService = words.join('');
    // the legacy Elasticsearch resources call the APIs that carry the service's word (`UpdateElasticsearchDomainConfig`),
    // not OpenSearch's of the same noun (`UpdateDomainConfig`)
    // https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_Operations_Amazon_OpenSearch_Service_Configuration_API.html
    const nouns = /^[A-Za-z]+$/.test(name) ? [noun, withService] : [noun];
    if (name === 'Elasticsearch') nouns.reverse();
    // (and ElastiCache names its older resources with `Cache`: `creating ElastiCache Subnet Group` is
    // CreateCacheSubnetGroup) https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_Operations.html
    if (service === 'elasticache') nouns.push(`Cache${noun}`);
    // (a `Describe` that reads one resource is often the API's of many, which the catalog has: `reading EC2 Subnet (s)` is
    // DescribeSubnets, `reading EC2 Route Table (r)` DescribeRouteTables)
    return verbs.flatMap((apiVerb) =>
      nouns.flatMap((n) =>
        withPlural(apiVerb, `${apiVerb}${n}`).map((operation) => ({ service, operation })),
      ),
    );
  }
  return [];
}

/**
 * What follows a wait's step when the reads worked and the resource did not reach the state wanted, or ended in its own
 * events' errors (`Error waiting for Elastic Beanstalk Environment (e-1) to become ready: 2 error(s) occurred: * … :
 * Service:Amazon S3, Message:Access Denied`: hashicorp/terraform#16193), perhaps over two lines of a wrapped paste.
 */
const WAIT_ENDED =
  /^[^:\n]{0,60}(?:\n[ \t]{0,40}[^:\n]{0,60})?: (?:unexpected state|timeout while waiting|couldn't find resource|[Nn]o [A-Z]|\d{1,3} errors?(?:\(s\))? occurred)/;

/** Each step verb's API verbs, in the order tried. */
const VERBS: Readonly<Record<string, readonly string[]>> = {
  // (a resource the API makes by a Put: `creating SSM Parameter` is PutParameter, `creating FMS Policy` PutPolicy,
  // `creating CloudWatch Metric Alarm` PutMetricAlarm)
  creating: ['Create', 'Put'],
  deleting: ['Delete'],
  updating: ['Update', 'Modify', 'Put'],
  // (`modifying ElastiCache Replication Group (r) authentication:`, as the provider's upjet build relays it:
  // crossplane-contrib/provider-upjet-aws#1370)
  modifying: ['Modify'],
  reading: ['Get', 'Describe'],
  putting: ['Put'],
  // (`error associating EKS Identity Provider Config (c:p):` is AssociateIdentityProviderConfig)
  associating: ['Associate'],
  disassociating: ['Disassociate'],
  // a resource waited for (`waiting for EKS Cluster (c) create`) is read until it reaches the state
  'waiting for': ['Describe', 'Get'],
};

/**
 * A step's verb and capitalised words (at most eight), before the resource's id in parentheses (on the next line where a
 * paste broke it there), a colon or an ellipsis that left the id out, or before ` failed:` as older providers wrote it
 * (`Creating GuardDuty Detector failed: …`).
 */
const STEP = new RegExp(
  `\\b(${Object.keys(VERBS)
    .map((verb) => `[${verb[0]?.toUpperCase()}${verb[0]}]${verb.slice(1)}`)
    .join(
      '|',
    )}) ((?:[A-Z][A-Za-z0-9]{0,30} ){1,7}?[A-Z][A-Za-z0-9]{0,30})(?:[ \\n]\\(|:| failed:| \\.\\.\\.| …)`,
);

/** The steps' verbs without their first letter (either case), looked for before {@link STEP} runs. */
const STEP_LEADS = Object.keys(VERBS).map((verb) => `${verb.slice(1)} `);

/**
 * The provider's names of services that are no SDK's name: `Cognito User Pool` is Cognito user pools'
 * (`cognito-idp`), `Cognito Identity Pool` Cognito identity's (an SDK name).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html
 */
// (and `Cognito IDP`, the gloss of `Amazon Cognito IDP (Identity Provider) User Pool Client` without its parentheses:
// `reading … User Pool Client (x): InvalidParameterException`, aws-controllers-k8s or upjet relaying the provider)
const PROVIDER_SERVICE_NAMES: ReadonlyMap<string, string> = new Map([
  ['Cognito', 'cognito-idp'],
  ['CognitoIDP', 'cognito-idp'],
]);

/**
 * The Terraform AWS provider's newer service names carry a gloss (`creating Amazon S3 (Simple Storage) Bucket (b)`,
 * `listing tags for S3 (Simple Storage) Bucket (b)`): the step read without it and without `Amazon`/`AWS`, as the
 * older `creating S3 Bucket (b)`. Only after a step's verb, before a capitalised word; copied only when present.
 * @see https://hashicorp.github.io/terraform-provider-aws/error-handling
 */
export function withoutServiceGlosses(text: string): string {
  // one scan for what every lead ends in first: most texts hold no step at all
  if (!text.includes('ing ') || !text.includes(') ') || !GLOSS_LEADS.some((lead) => text.includes(lead))) {
    return text;
  }
  return text.replace(GLOSSED_STEP, '$1 $2');
}

const GLOSS_LEADS = [
  'reating ',
  'eading ',
  'eleting ',
  'pdating ',
  'utting ',
  'etting ',
  'isting ',
  'aiting ',
];

// (the service's name perhaps two words: `reading Amazon Cognito IDP (Identity Provider) User Pool Client (x)`)
const GLOSSED_STEP =
  /\b([Cc]reating|[Rr]eading|[Dd]eleting|[Uu]pdating|[Pp]utting|[Ss]etting|[Ll]isting tags for|[Ww]aiting for) (?:Amazon |AWS )?([A-Z][A-Za-z0-9]{0,20}(?: [A-Z][A-Z0-9]{1,10})?) \([A-Z][A-Za-z0-9&]{0,20}(?: [A-Za-z0-9&]{1,20}){0,5}\)(?= [A-Z])/g;
