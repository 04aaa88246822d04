/**
 * API operation names of common services, and the IAM action each is authorised as where the two differ
 * (`CreateMultipartUpload` is authorised as `s3:PutObject`).
 *
 * Each service lists its operations separated by spaces; `Operation=Action` marks an operation authorised
 * under another action name. An operation not listed is authorised as `<prefix>:<Operation>`, which holds for
 * most AWS APIs.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html (CloudTrail's names of S3's
 *   bucket-level calls, `DeleteBucketPublicAccessBlock` for the API's DeletePublicAccessBlock)
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
const OPERATIONS: Readonly<Record<string, string>> = {
  ec2: `RunInstances StartInstances StopInstances TerminateInstances RebootInstances CreateTags DeleteTags
    DescribeInstances DescribeInstanceTypes DescribeInstanceTypeOfferings DescribeInstanceCreditSpecifications
    DescribeImages DescribeVolumes DescribeRegions DescribeAvailabilityZones DescribeSubnets DescribeVpcs
    DescribeSecurityGroups DescribeSecurityGroupRules DescribeKeyPairs DescribeSnapshots DescribeNetworkInterfaces
    DescribeLaunchTemplates DescribeLaunchTemplateVersions DescribeAccountAttributes DescribeInstanceAttribute
    DescribeTags DescribeInstanceStatus DescribeVolumesModifications DescribeFleets DescribeHosts
    DescribeAddresses DescribeRouteTables DescribeInternetGateways DescribeNatGateways DescribeVpcEndpoints
    DescribeSpotInstanceRequests DescribeSpotPriceHistory DescribePlacementGroups DescribeCapacityReservations
    DescribeTransitGateways DescribePrefixLists DescribeManagedPrefixLists DescribeIamInstanceProfileAssociations
    CreateVolume AttachVolume DetachVolume DeleteVolume ModifyVolume CreateSnapshot CreateSnapshots CopySnapshot
    DeleteSnapshot CreateFleet CreateLaunchTemplate CreateLaunchTemplateVersion ModifyLaunchTemplate
    DeleteLaunchTemplate ModifyInstanceAttribute ModifyInstanceMetadataOptions AssociateIamInstanceProfile
    ReplaceIamInstanceProfileAssociation DisassociateIamInstanceProfile CreateSecurityGroup DeleteSecurityGroup
    AuthorizeSecurityGroupIngress AuthorizeSecurityGroupEgress RevokeSecurityGroupIngress RevokeSecurityGroupEgress
    CreateKeyPair ImportKeyPair DeleteKeyPair CreateImage CopyImage RegisterImage DeregisterImage CreateVpc
    DeleteVpc CreateSubnet DeleteSubnet AllocateAddress AssociateAddress ReleaseAddress DisassociateAddress
    CreateNetworkInterface AttachNetworkInterface DeleteNetworkInterface RequestSpotInstances
    CancelSpotInstanceRequests CreateVpcEndpoint GetConsoleOutput MonitorInstances GetPasswordData
    CreateNatGateway CreateInternetGateway AttachInternetGateway CreateRouteTable CreateRoute
    EnableEbsEncryptionByDefault GetEbsEncryptionByDefault GetEbsDefaultKmsKeyId ModifyEbsDefaultKmsKeyId
    AllocateHosts CreatePlacementGroup CreateCapacityReservation CreateTransitGateway ImportImage ExportImage`,
  s3: `GetObject PutObject DeleteObject DeleteObjects=DeleteObject HeadObject=GetObject HeadBucket=ListBucket
    ListObjects=ListBucket ListObjectsV2=ListBucket ListObjectVersions=ListBucketVersions
    CreateMultipartUpload=PutObject UploadPart=PutObject UploadPartCopy=PutObject
    CompleteMultipartUpload=PutObject AbortMultipartUpload ListParts=ListMultipartUploadParts
    ListMultipartUploads=ListBucketMultipartUploads CopyObject=PutObject GetObjectTagging PutObjectTagging
    DeleteObjectTagging GetObjectAcl PutObjectAcl GetBucketPolicy PutBucketPolicy DeleteBucketPolicy GetBucketAcl
    PutBucketAcl GetBucketLocation CreateBucket DeleteBucket ListBuckets=ListAllMyBuckets GetBucketVersioning
    PutBucketVersioning GetBucketTagging PutBucketTagging DeleteBucketTagging=PutBucketTagging
    GetBucketEncryption=GetEncryptionConfiguration PutBucketEncryption=PutEncryptionConfiguration
    DeleteBucketEncryption=PutEncryptionConfiguration GetBucketLifecycleConfiguration=GetLifecycleConfiguration
    PutBucketLifecycleConfiguration=PutLifecycleConfiguration DeleteBucketLifecycle=PutLifecycleConfiguration
    GetBucketNotificationConfiguration=GetBucketNotification PutBucketNotificationConfiguration=PutBucketNotification
    GetBucketReplication=GetReplicationConfiguration PutBucketReplication=PutReplicationConfiguration
    DeleteBucketReplication=PutReplicationConfiguration GetBucketCors=GetBucketCORS PutBucketCors=PutBucketCORS
    DeleteBucketCors=PutBucketCORS GetPublicAccessBlock=GetBucketPublicAccessBlock
    PutPublicAccessBlock=PutBucketPublicAccessBlock DeletePublicAccessBlock=PutBucketPublicAccessBlock
    DeleteBucketPublicAccessBlock=PutBucketPublicAccessBlock
    GetBucketPolicyStatus GetBucketOwnershipControls PutBucketOwnershipControls GetBucketLogging PutBucketLogging
    GetBucketWebsite PutBucketWebsite DeleteBucketWebsite GetObjectAttributes RestoreObject
    SelectObjectContent=GetObject GetObjectLockConfiguration=GetBucketObjectLockConfiguration
    PutObjectLockConfiguration=PutBucketObjectLockConfiguration GetObjectRetention PutObjectRetention
    GetObjectLegalHold PutObjectLegalHold GetBucketAccelerateConfiguration=GetAccelerateConfiguration
    PutBucketAccelerateConfiguration=PutAccelerateConfiguration GetBucketRequestPayment PutBucketRequestPayment
    GetBucketMetricsConfiguration=GetMetricsConfiguration PutBucketMetricsConfiguration=PutMetricsConfiguration
    DeleteBucketMetricsConfiguration=PutMetricsConfiguration ListBucketMetricsConfigurations=GetMetricsConfiguration
    GetBucketAnalyticsConfiguration=GetAnalyticsConfiguration PutBucketAnalyticsConfiguration=PutAnalyticsConfiguration
    DeleteBucketAnalyticsConfiguration=PutAnalyticsConfiguration
    ListBucketAnalyticsConfigurations=GetAnalyticsConfiguration
    GetBucketInventoryConfiguration=GetInventoryConfiguration PutBucketInventoryConfiguration=PutInventoryConfiguration
    DeleteBucketInventoryConfiguration=PutInventoryConfiguration
    ListBucketInventoryConfigurations=GetInventoryConfiguration
    GetBucketIntelligentTieringConfiguration=GetIntelligentTieringConfiguration
    PutBucketIntelligentTieringConfiguration=PutIntelligentTieringConfiguration
    DeleteBucketIntelligentTieringConfiguration=PutIntelligentTieringConfiguration
    ListBucketIntelligentTieringConfigurations=GetIntelligentTieringConfiguration
    DeleteBucketOwnershipControls=PutBucketOwnershipControls`,
  sts: `AssumeRole AssumeRoleWithWebIdentity AssumeRoleWithSAML GetSessionToken GetFederationToken GetCallerIdentity
    DecodeAuthorizationMessage GetAccessKeyInfo AssumeRoot`,
  iam: `CreateRole DeleteRole GetRole ListRoles PutRolePolicy AttachRolePolicy DetachRolePolicy DeleteRolePolicy
    GetRolePolicy ListRolePolicies ListAttachedRolePolicies UpdateAssumeRolePolicy UpdateRole CreateUser DeleteUser
    GetUser ListUsers CreateAccessKey DeleteAccessKey ListAccessKeys UpdateAccessKey CreatePolicy
    CreatePolicyVersion DeletePolicy DeletePolicyVersion GetPolicyVersion ListPolicies ListPolicyVersions
    SetDefaultPolicyVersion CreateInstanceProfile DeleteInstanceProfile AddRoleToInstanceProfile
    RemoveRoleFromInstanceProfile GetInstanceProfile ListInstanceProfiles ListInstanceProfilesForRole
    CreateServiceLinkedRole DeleteServiceLinkedRole TagRole UntagRole TagUser PutRolePermissionsBoundary
    DeleteRolePermissionsBoundary PutUserPermissionsBoundary UploadServerCertificate GetServerCertificate
    GetAccountAuthorizationDetails SimulatePrincipalPolicy SimulateCustomPolicy CreateOpenIDConnectProvider
    GetOpenIDConnectProvider ListOpenIDConnectProviders AttachUserPolicy PutUserPolicy DetachUserPolicy
    CreateGroup AddUserToGroup ListGroupsForUser AttachGroupPolicy PutGroupPolicy GetAccountSummary
    ListAccountAliases CreateAccountAlias CreateLoginProfile UpdateLoginProfile ChangePassword
    GenerateCredentialReport GetCredentialReport ListMFADevices EnableMFADevice CreateVirtualMFADevice
    GetAccountPasswordPolicy UpdateAccountPasswordPolicy CreateSAMLProvider GenerateServiceLastAccessedDetails`,
  lambda: `Invoke=InvokeFunction InvokeAsync=InvokeFunction InvokeWithResponseStream=InvokeFunction CreateFunction
    UpdateFunctionCode UpdateFunctionConfiguration GetFunction GetFunctionConfiguration DeleteFunction
    ListFunctions AddPermission RemovePermission PublishVersion CreateAlias UpdateAlias GetAlias GetLayerVersion
    PublishLayerVersion ListLayers ListLayerVersions AddLayerVersionPermission CreateEventSourceMapping
    ListEventSourceMappings UpdateEventSourceMapping PutFunctionConcurrency ListProvisionedConcurrencyConfigs
    PutProvisionedConcurrencyConfig GetAccountSettings ListVersionsByFunction CreateFunctionUrlConfig
    GetFunctionUrlConfig GetPolicy ListTags`,
  kms: `Decrypt Encrypt GenerateDataKey GenerateDataKeyWithoutPlaintext GenerateDataKeyPair ReEncrypt=ReEncryptFrom
    DescribeKey CreateGrant ListGrants RetireGrant RevokeGrant GetKeyPolicy PutKeyPolicy CreateKey
    ScheduleKeyDeletion CancelKeyDeletion EnableKey DisableKey ListKeys ListAliases CreateAlias DeleteAlias Sign
    Verify GetPublicKey GenerateMac VerifyMac EnableKeyRotation GetKeyRotationStatus ListKeyPolicies`,
  ssm: `GetParameter GetParameters GetParametersByPath PutParameter DeleteParameter DeleteParameters
    DescribeParameters GetParameterHistory SendCommand StartSession ResumeSession TerminateSession
    GetCommandInvocation ListCommandInvocations DescribeInstanceInformation StartAutomationExecution GetDocument
    CreateDocument UpdateInstanceInformation`,
  secretsmanager: `GetSecretValue BatchGetSecretValue PutSecretValue CreateSecret DescribeSecret ListSecrets
    UpdateSecret DeleteSecret RestoreSecret RotateSecret GetResourcePolicy PutResourcePolicy
    DeleteResourcePolicy GetRandomPassword ListSecretVersionIds`,
  dynamodb: `GetItem PutItem UpdateItem DeleteItem Query Scan BatchGetItem BatchWriteItem DescribeTable CreateTable
    DeleteTable UpdateTable ListTables DescribeTimeToLive UpdateTimeToLive DescribeContinuousBackups
    DescribeStream GetRecords GetShardIterator ListStreams CreateBackup`,
  sns: `Publish PublishBatch=Publish Subscribe Unsubscribe CreateTopic DeleteTopic GetTopicAttributes
    SetTopicAttributes ListTopics ListSubscriptions ListSubscriptionsByTopic ConfirmSubscription
    GetSubscriptionAttributes SetSubscriptionAttributes CreatePlatformEndpoint`,
  sqs: `SendMessage SendMessageBatch=SendMessage ReceiveMessage DeleteMessage DeleteMessageBatch=DeleteMessage
    GetQueueUrl GetQueueAttributes SetQueueAttributes CreateQueue DeleteQueue ListQueues PurgeQueue
    ChangeMessageVisibility ChangeMessageVisibilityBatch=ChangeMessageVisibility ListQueueTags TagQueue`,
  ecr: `GetAuthorizationToken BatchGetImage GetDownloadUrlForLayer BatchCheckLayerAvailability InitiateLayerUpload
    UploadLayerPart CompleteLayerUpload PutImage CreateRepository DeleteRepository DescribeRepositories
    ListImages BatchDeleteImage SetRepositoryPolicy GetRepositoryPolicy PutLifecyclePolicy
    DescribeImageScanFindings StartImageScan`,
  ecs: `RunTask StartTask StopTask RegisterTaskDefinition DeregisterTaskDefinition DescribeTaskDefinition
    CreateService UpdateService DeleteService DescribeServices DescribeTasks ListTasks ListServices
    DescribeClusters ExecuteCommand ListTaskDefinitions DescribeContainerInstances`,
  eks: `DescribeCluster ListClusters CreateNodegroup DescribeNodegroup ListNodegroups UpdateClusterConfig
    CreateAccessEntry DescribeAccessEntry AssociateAccessPolicy CreateAddon DescribeAddon ListAddons
    CreateFargateProfile`,
  cloudformation: `CreateStack UpdateStack DeleteStack DescribeStacks CreateChangeSet ExecuteChangeSet
    DescribeChangeSet DeleteChangeSet DescribeStackEvents DescribeStackResources DescribeStackResource
    ValidateTemplate GetTemplate GetTemplateSummary ListStacks ListStackResources CreateStackSet
    CreateStackInstances ListExports`,
  logs: `CreateLogGroup CreateLogStream PutLogEvents DescribeLogGroups DescribeLogStreams GetLogEvents
    FilterLogEvents PutRetentionPolicy StartQuery GetQueryResults PutSubscriptionFilter DeleteLogGroup
    TagLogGroup AssociateKmsKey`,
  cloudwatch: `PutMetricData GetMetricData GetMetricStatistics ListMetrics PutMetricAlarm DescribeAlarms
    DeleteAlarms PutDashboard GetDashboard`,
  athena: `StartQueryExecution GetQueryExecution GetQueryResults StopQueryExecution GetTableMetadata GetWorkGroup
    ListWorkGroups ListDatabases ListTableMetadata GetDataCatalog ListDataCatalogs`,
  glue: `GetTable GetTables GetDatabase GetDatabases CreateTable UpdateTable DeleteTable StartJobRun CreateJob
    GetJob GetJobRun GetPartitions GetPartition BatchCreatePartition CreateCrawler StartCrawler GetCrawler
    CreateDatabase`,
  greengrass: `CreateComponentVersion CreateDeployment ListComponents GetComponent`,
  'application-autoscaling': `DescribeScalingPolicies RegisterScalableTarget PutScalingPolicy
    DescribeScalableTargets DeregisterScalableTarget DescribeScalingActivities`,
  'redshift-serverless': `GetWorkgroup ListWorkgroups GetNamespace ListNamespaces GetCredentials`,
  rekognition: `DetectLabels DetectFaces SearchFacesByImage IndexFaces CompareFaces DetectText`,
  organizations: `DescribeOrganization ListAccounts ListPoliciesForTarget DescribePolicy ListRoots ListParents
    ListPolicies AttachPolicy CreatePolicy DescribeAccount ListTargetsForPolicy`,
  codebuild: `StartBuild CreateProject UpdateProject BatchGetProjects BatchGetBuilds`,
  codedeploy: `ListDeployments CreateDeployment GetDeployment ListApplications`,
  rds: `CreateDBInstance DescribeDBInstances ModifyDBInstance DeleteDBInstance CreateDBCluster
    DescribeDBClusters ModifyDBCluster CreateDBSnapshot DescribeDBSnapshots RestoreDBInstanceFromDBSnapshot
    CreateDBSubnetGroup DeleteDBCluster StartDBCluster StopDBCluster FailoverDBCluster RebootDBInstance StartDBInstance
    StopDBInstance CreateDBClusterSnapshot GenerateDbAuthToken=connect`,
  autoscaling: `CreateAutoScalingGroup UpdateAutoScalingGroup DeleteAutoScalingGroup DescribeAutoScalingGroups
    SetDesiredCapacity CreateLaunchConfiguration DescribeLaunchConfigurations`,
  elasticloadbalancing: `DescribeLoadBalancers CreateLoadBalancer DeleteLoadBalancer CreateTargetGroup
    RegisterTargets DeregisterTargets DescribeTargetGroups DescribeTargetHealth CreateListener DescribeListeners
    ModifyLoadBalancerAttributes`,
  route53: `ChangeResourceRecordSets ListHostedZones ListResourceRecordSets GetHostedZone CreateHostedZone
    ListHostedZonesByName GetChange`,
  acm: `RequestCertificate DescribeCertificate ListCertificates ImportCertificate DeleteCertificate`,
  ses: `SendEmail SendRawEmail SendTemplatedEmail GetSendQuota`,
  states: `StartExecution CreateStateMachine DescribeExecution DescribeStateMachine StartSyncExecution`,
  events: `PutEvents PutRule PutTargets DescribeRule ListRules`,
  sagemaker: `CreateTrainingJob CreateEndpoint CreateModel CreateNotebookInstance CreateProcessingJob
    CreateEndpointConfig InvokeEndpoint`,
  'cognito-identity': `GetId GetCredentialsForIdentity GetOpenIdToken`,
  kinesis: `PutRecord PutRecords GetRecords DescribeStream CreateStream ListStreams`,
  firehose: `PutRecord PutRecordBatch CreateDeliveryStream DescribeDeliveryStream`,
  // (Bedrock Agents' runtime InvokeAgent, in every paste of the operation our rounds found, botocore's `EventStreamError`
  // naming no service; Amazon Connect Health and DataZone have actions of the name too, and the action stays marked as
  // inferred) https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_InvokeAgent.html
  bedrock: `InvokeModel InvokeModelWithResponseStream Converse=InvokeModel ConverseStream=InvokeModelWithResponseStream
    ListFoundationModels InvokeAgent`,
  // CreateDistributionWithTags is authorised as CreateDistribution (with TagResource for its tags)
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistributionWithTags.html
  cloudfront: `CreateDistribution CreateDistributionWithTags=CreateDistribution GetDistribution
    GetDistributionConfig UpdateDistribution DeleteDistribution ListDistributions CreateInvalidation`,
  // a WebSocket API's connections, managed through its `@connections` endpoint: one action for them all
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
  'execute-api': `PostToConnection=ManageConnections GetConnection=ManageConnections
    DeleteConnection=ManageConnections`,
  // API Gateway's management API is authorised by the request's HTTP method: `apigateway:POST` on `/restapis`
  // creates a REST API (`CreateRestApi`, v2's `CreateApi` on `/apis`), `PUT` imports or overwrites, `PATCH`
  // updates, `GET` reads, `DELETE` deletes (names other services' operations share, `CreateRoute`, are left out)
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/security_iam_service-with-iam.html
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html
  apigateway: `CreateRestApi=POST ImportRestApi=POST CreateResource=POST CreateDeployment=POST CreateStage=POST
    CreateAuthorizer=POST CreateDomainName=POST CreateApiKey=POST CreateUsagePlan=POST CreateUsagePlanKey=POST
    CreateBasePathMapping=POST CreateVpcLink=POST CreateApi=POST CreateIntegration=POST
    CreateApiMapping=POST PutRestApi=PUT PutMethod=PUT PutIntegration=PUT PutMethodResponse=PUT
    PutIntegrationResponse=PUT PutGatewayResponse=PUT ImportApi=PUT ReimportApi=PUT GetRestApis=GET GetRestApi=GET
    GetResources=GET GetStage=GET GetStages=GET GetApiKeys=GET
    GetDomainName=GET GetDomainNames=GET GetAccount=GET GetApis=GET GetApi=GET GetUsagePlans=GET
    UpdateRestApi=PATCH UpdateStage=PATCH UpdateAccount=PATCH UpdateDomainName=PATCH UpdateApi=PATCH
    DeleteRestApi=DELETE DeleteStage=DELETE DeleteResource=DELETE DeleteDeployment=DELETE DeleteDomainName=DELETE
    DeleteApi=DELETE`,
};

/** An operation resolved to its IAM action. */
export interface OperationAction {
  readonly service: string;
  readonly operation: string;
  /** `service:Action` with the service prefix lower-case. */
  readonly action: string;
}

interface OperationIndex {
  /** service → operation (lower-case) → action name */
  readonly byService: Map<string, Map<string, { operation: string; action: string }>>;
  /** operation (lower-case) → services that have it */
  readonly servicesByOperation: Map<string, string[]>;
}

let index: OperationIndex | undefined;

function buildIndex(): OperationIndex {
  const byService = new Map<string, Map<string, { operation: string; action: string }>>();
  const servicesByOperation = new Map<string, string[]>();
  for (const [service, list] of Object.entries(OPERATIONS)) {
    const operations = new Map<string, { operation: string; action: string }>();
    for (const token of list.split(/\s+/)) {
      if (token === '') {
        continue;
      }
      const [operation = token, action = operation] = token.split('=');
      operations.set(operation.toLowerCase(), { operation, action });
      const services = servicesByOperation.get(operation.toLowerCase());
      if (services) {
        services.push(service);
      } else {
        servicesByOperation.set(operation.toLowerCase(), [service]);
      }
    }
    byService.set(service, operations);
  }
  return { byService, servicesByOperation };
}

function getIndex(): OperationIndex {
  index ??= buildIndex();
  return index;
}

/** Services whose API has an operation of this name (case-insensitive), most common first. */
export function servicesForOperation(operation: string): readonly string[] {
  return getIndex().servicesByOperation.get(operation.toLowerCase()) ?? [];
}

/** Whether the service is one this table knows the operations of. */
export function isKnownService(service: string): boolean {
  return getIndex().byService.has(service);
}

/**
 * The IAM action an operation of `service` is authorised as: the listed mapping, else
 * `<service>:<Operation>` (AWS names most actions after their operation).
 */
export function actionForOperation(service: string, operation: string): OperationAction {
  const known = getIndex().byService.get(service)?.get(operation.toLowerCase());
  const op = known?.operation ?? operation;
  return { service, operation: op, action: `${service}:${known?.action ?? op}` };
}

/** The listed operations authorised under another action name (`s3:ListObjects` is `s3:ListBucket`). */
export function renamedOperations(): OperationAction[] {
  const renamed: OperationAction[] = [];
  for (const [service, operations] of getIndex().byService) {
    for (const { operation, action } of operations.values()) {
      if (action !== operation) renamed.push({ service, operation, action: `${service}:${action}` });
    }
  }
  return renamed;
}
