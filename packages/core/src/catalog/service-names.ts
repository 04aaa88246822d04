import { SERVICE_NAME_KEYS } from './data/service-name-keys.js';

/**
 * SDK and endpoint names of AWS services mapped to their IAM service prefixes.
 * SDKs name services differently (`AmazonEC2`, `Ec2`, `EC2`, `AWSSecurityTokenService`,
 * `Amazon.SecurityToken`, `Secrets Manager`); errors carry those names, policies use the prefix.
 */

/** Normalised SDK service name (lower-case, letters and digits only, `amazon`/`aws` removed) → IAM prefix. */
const SDK_NAME_TO_PREFIX: Readonly<Record<string, string>> = {
  // Kinesis Video Streams' clients of its other endpoints, all authorised as `kinesisvideo:`
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonkinesisvideostreams.html
  kinesisvideosignaling: 'kinesisvideo',
  kinesisvideosignalingchannels: 'kinesisvideo',
  kinesisvideoarchivedmedia: 'kinesisvideo',
  kinesisvideomedia: 'kinesisvideo',
  kinesisvideowebrtcstorage: 'kinesisvideo',
  securitytokenservice: 'sts',
  securitytoken: 'sts',
  identitymanagement: 'iam',
  identitymanagementservice: 'iam',
  keymanagementservice: 'kms',
  simplesystemsmanagement: 'ssm',
  simpleemailservice: 'ses',
  simpleemail: 'ses',
  simpleemailv2: 'ses',
  sesv2: 'ses',
  simplenotificationservice: 'sns',
  simplenotification: 'sns',
  simplequeueservice: 'sqs',
  simplequeue: 'sqs',
  dynamodbv2: 'dynamodb',
  dynamodb: 'dynamodb',
  cloudwatchlogs: 'logs',
  logs: 'logs',
  cloudwatch: 'cloudwatch',
  monitoring: 'cloudwatch',
  cloudwatchevents: 'events',
  eventbridge: 'events',
  sfn: 'states',
  stepfunctions: 'states',
  elasticloadbalancing: 'elasticloadbalancing',
  elasticloadbalancingv2: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  applicationautoscaling: 'application-autoscaling',
  autoscaling: 'autoscaling',
  redshiftserverless: 'redshift-serverless',
  apigateway: 'apigateway',
  apigatewayv2: 'apigateway',
  apigatewaymanagementapi: 'execute-api',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  secretsmanager: 'secretsmanager',
  certificatemanager: 'acm',
  route53: 'route53',
  elasticcomputecloud: 'ec2',
  ec2: 'ec2',
  ecr: 'ecr',
  ecs: 'ecs',
  eks: 'eks',
  s3: 's3',
  s3control: 's3',
  simplestorageservice: 's3',
  lambda: 'lambda',
  kms: 'kms',
  sts: 'sts',
  iam: 'iam',
  ssm: 'ssm',
  sns: 'sns',
  sqs: 'sqs',
  cloudformation: 'cloudformation',
  // Cloud Control API's SDK name (`operation error CloudControl: CreateResource`); its actions are CloudFormation's
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_cloudcontrol.html
  cloudcontrol: 'cloudformation',
  cloudcontrolapi: 'cloudformation',
  rds: 'rds',
  athena: 'athena',
  glue: 'glue',
  greengrassv2: 'greengrass',
  greengrass: 'greengrass',
  rekognition: 'rekognition',
  // Amazon Lex's SDK clients (`[AWS lexmodelbuildingservice 429 …] putBot(…)`: aws/aws-sdk-js#2884), V1 and V2 under
  // one prefix https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonlex.html
  lexmodelbuildingservice: 'lex',
  lexruntimeservice: 'lex',
  lexruntime: 'lex',
  lexmodelsv2: 'lex',
  lexruntimev2: 'lex',
  codebuild: 'codebuild',
  codedeploy: 'codedeploy',
  codepipeline: 'codepipeline',
  sagemaker: 'sagemaker',
  organizations: 'organizations',
  acm: 'acm',
  ses: 'ses',
  states: 'states',
  events: 'events',
  kinesis: 'kinesis',
  firehose: 'firehose',
  kinesisfirehose: 'firehose',
  elasticache: 'elasticache',
  opensearch: 'es',
  elasticsearch: 'es',
  elasticsearchservice: 'es',
  cloudtrail: 'cloudtrail',
  cloudfront: 'cloudfront',
  batch: 'batch',
  emr: 'elasticmapreduce',
  elasticmapreduce: 'elasticmapreduce',
  appsync: 'appsync',
  // Amazon Managed Workflows for Apache Airflow, as the Terraform provider names it (`creating MWAA Environment`:
  // idealo/terraform-aws-mwaa#156) https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonmanagedworkflowsforapacheairflow.html
  mwaa: 'airflow',
  backup: 'backup',
  efs: 'elasticfilesystem',
  elasticfilesystem: 'elasticfilesystem',
  bedrock: 'bedrock',
  bedrockruntime: 'bedrock',
  // Bedrock's agents are authorised under its prefix; AgentCore has its own
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html
  bedrockagent: 'bedrock',
  bedrockagentruntime: 'bedrock',
  bedrockagentcorecontrol: 'bedrock-agentcore',
  servicequotas: 'servicequotas',
  ssoadmin: 'sso',
  sso: 'sso',
  ssooidc: 'sso-oauth',
  resourcegroupstaggingapi: 'tag',
  configservice: 'config',
  config: 'config',
  guardduty: 'guardduty',
  securityhub: 'securityhub',
  wafv2: 'wafv2',
  xray: 'xray',
  elasticbeanstalk: 'elasticbeanstalk',
  redshift: 'redshift',
  lightsail: 'lightsail',
  transfer: 'transfer',
  datasync: 'datasync',
  apprunner: 'apprunner',
  amplify: 'amplify',
  iot: 'iot',
  kafka: 'kafka',
  msk: 'kafka',
  mq: 'mq',
  lakeformation: 'lakeformation',
  comprehend: 'comprehend',
  textract: 'textract',
  polly: 'polly',
  transcribeservice: 'transcribe',
  transcribe: 'transcribe',
  databasemigrationservice: 'dms',
  dms: 'dms',
  workspaces: 'workspaces',
  ram: 'ram',
  servicecatalog: 'servicecatalog',
  codecommit: 'codecommit',
  codeartifact: 'codeartifact',
  ecrpublic: 'ecr-public',
  pinpoint: 'mobiletargeting',
  mediaconvert: 'mediaconvert',
  storagegateway: 'storagegateway',
  directconnect: 'directconnect',
  inspector2: 'inspector2',
};

/** CloudTrail `eventSource` hosts whose first label is not the IAM prefix. */
const EVENT_SOURCE_TO_PREFIX: Readonly<Record<string, string>> = {
  monitoring: 'cloudwatch',
  email: 'ses',
  // the Resource Groups Tagging API's, whose actions are `tag:` https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonresourcegrouptaggingapi.html
  tagging: 'tag',
};

/** Maps an SDK service name (`AmazonEC2`, `Ec2`, `Secrets Manager`, `Amazon.SecurityToken`) to an IAM prefix. */
export function serviceFromSdkName(name: string): string | null {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^(amazon|aws)/, '')
    .replace(/^(amazon|aws)/, '');
  // own keys only: `constructor` or `toString` is no service
  if (Object.hasOwn(SDK_NAME_TO_PREFIX, key)) return SDK_NAME_TO_PREFIX[key] ?? null;
  return Object.hasOwn(SERVICE_NAME_KEYS, key) ? (SERVICE_NAME_KEYS[key] ?? null) : null;
}

/** Maps a CloudTrail `eventSource` (`ec2.amazonaws.com`) or an endpoint host label to an IAM prefix. */
export function serviceFromEventSource(eventSource: string): string | null {
  const label = eventSource.toLowerCase().split('.')[0];
  if (label === undefined || label === '' || !/^[a-z0-9-]+$/.test(label)) {
    return null;
  }
  return Object.hasOwn(EVENT_SOURCE_TO_PREFIX, label) ? (EVENT_SOURCE_TO_PREFIX[label] ?? label) : label;
}

/** Maps an AWS endpoint host (`sts.eu-west-1.amazonaws.com`, `bkt.s3.ap-south-1.amazonaws.com`) to prefix and region. */
export function serviceFromEndpointHost(host: string): { service: string; region: string | null } | null {
  const labels = host.toLowerCase().split('.');
  const awsIndex = labels.lastIndexOf('amazonaws');
  if (awsIndex < 1) {
    return null;
  }
  const before = labels.slice(0, awsIndex);
  const s3Index = before.findIndex((l) => l === 's3' || l.startsWith('s3-'));
  if (s3Index >= 0) {
    return { service: 's3', region: regionOrNull(before[s3Index + 1]) };
  }
  // an OpenSearch domain's endpoint names its region before the service (`search-logs-abc.us-east-1.es.amazonaws.com`,
  // a serverless collection's `<id>.us-east-1.aoss.amazonaws.com`)
  // https://docs.aws.amazon.com/general/latest/gr/opensearch-service.html
  const last = before[before.length - 1];
  const regionBefore = regionOrNull(before[before.length - 2]);
  if ((last === 'es' || last === 'aoss') && regionBefore !== null) {
    return { service: last, region: regionBefore };
  }
  // an API's own host names the API first (`abc123.execute-api.us-east-1.amazonaws.com`, a WebSocket API's
  // `@connections` endpoint), an account's IoT endpoint its own prefix (`a1b2-ats.iot.us-east-1.amazonaws.com`)
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
  // https://docs.aws.amazon.com/iot/latest/developerguide/iot-connect-devices.html
  const named = before.findIndex((l) => l === 'execute-api' || l === 'iot');
  if (named > 0) {
    return { service: before[named] ?? '', region: regionOrNull(before[named + 1]) };
  }
  // SQS's legacy endpoints name the region first (`eu-west-1.queue.amazonaws.com`, `queue.amazonaws.com`)
  // https://docs.aws.amazon.com/general/latest/gr/sqs-service.html
  if (last === 'queue') {
    return { service: 'sqs', region: regionBefore };
  }
  // a customer's or an interface endpoint's own prefix before the service and its Region (MediaConvert's
  // `abc123.mediaconvert.us-east-1.amazonaws.com`, `vpce-0a1b-c2d3.sts.us-east-1.vpce.amazonaws.com`)
  // https://docs.aws.amazon.com/mediaconvert/latest/ug/getting-started.html,
  // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
  const regionAt = before.findIndex((label) => regionOrNull(label) !== null);
  const beforeRegion = before[regionAt - 1];
  if (regionAt >= 2 && beforeRegion !== undefined && /^[a-z][a-z0-9-]*$/.test(beforeRegion)) {
    return {
      service: serviceFromEventSource(beforeRegion) ?? beforeRegion,
      region: before[regionAt] ?? null,
    };
  }
  const first = before[0];
  // a masked label (`***.eu-central-1.amazonaws.com`, `xxxxxxx.eu-central-1.amazonaws.com`) names no service
  if (first === undefined || !/^[a-z0-9-]+$/.test(first) || /^x+$/.test(first)) {
    return null;
  }
  return { service: serviceFromEventSource(first) ?? first, region: regionOrNull(before[1]) };
}

/** A host's label when it is a Region's name (`eu-west-1`), else `null`. */
function regionOrNull(label: string | undefined): string | null {
  return label !== undefined && /^[a-z]{2}(-[a-z]+)+-\d$/.test(label) ? label : null;
}
