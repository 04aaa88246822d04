import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { readError } from './read-error.js';
import { refineWithCatalog } from './refine-with-catalog.js';

const CASES: readonly {
  readonly name: string;
  readonly input: string;
  readonly expected: { service: string | null; action: string | null; actionSource: string | null };
}[] = [
  {
    // an ECS Anywhere guide's SSM agent log (094459/blog-2024): `error occurred in RequestManagedInstanceRoleToken:`
    name: "the SSM agent's `error occurred in RequestManagedInstanceRoleToken:` is that call, SSM's the one service with it",
    input:
      '2021-06-30 18:30:37 ERROR Health ping failed with error - error occurred in RequestManagedInstanceRoleToken: AccessDeniedException: Authentication failed\n\tstatus code: 400, request id: afbe8882-27ed-49fa-92a9-1c3582b12f11',
    expected: { service: 'ssm', action: 'ssm:RequestManagedInstanceRoleToken', actionSource: 'operation' },
  },
  {
    // round 84's reduction of hashicorp/terraform-provider-aws#22709: a Describe step reading one resource is the API of
    // many (`DescribeRouteTable` is no EC2 operation)
    name: 'a Terraform step `reading EC2 Route Table (rtb-1)` is DescribeRouteTables',
    input:
      'Error: reading EC2 Route Table (rtb-1): UnauthorizedOperation: You are not authorized to perform this operation.',
    expected: { service: 'ec2', action: 'ec2:DescribeRouteTables', actionSource: 'operation' },
  },
  {
    // aws/aws-xray-sdk-dotnet#79: the .NET SDK's log of a failed attempt names the request, the exception its service
    name: "the .NET SDK's `AmazonXRayException making request GetSamplingTargetsRequest to …` is xray:GetSamplingTargets",
    input:
      "ERROR Amazon.XRay.AmazonXRayClient - An exception of type HttpErrorResponseException was handled in ErrorHandler.\nAmazon.Runtime.Internal.HttpErrorResponseException: Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was thrown.\nat Amazon.Runtime.HttpWebRequestMessage.GetResponseAsync(CancellationToken cancellationToken)\nat Amazon.Runtime.Internal.HttpHandler`1.InvokeAsync[T](IExecutionContext executionContext)\nat Amazon.Runtime.Internal.Unmarshaller.InvokeAsync[T](IExecutionContext executionContext)\nat Amazon.Runtime.Internal.ErrorHandler.InvokeAsync[T](IExecutionContext executionContext)\nERROR Amazon.XRay.AmazonXRayClient - AmazonXRayException making request GetSamplingTargetsRequest to http://172.17.0.1:2000/. Attempt 1.\nAmazon.XRay.AmazonXRayException: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details. ---> Amazon.Runtime.Internal.HttpErrorResponseException: Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was thrown.\nat Amazon.Runtime.HttpWebRequestMessage.GetResponseAsync(CancellationToken cancellationToken)",
    expected: { service: 'xray', action: 'xray:GetSamplingTargets', actionSource: 'operation' },
  },
  {
    name: 'an operation of one service only resolves to its action',
    input:
      'An error occurred (AccessDeniedException) when calling the CreateWorkspaces operation: Access denied',
    expected: { service: 'workspaces', action: 'workspaces:CreateWorkspaces', actionSource: 'operation' },
  },
  {
    name: 'an operation several services have stays unresolved',
    input:
      'An error occurred (AccessDeniedException) when calling the DescribeFileSystems operation: Access denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // aws/redshift-test-drive#120: EC2's code in Redshift's answer implied EC2, which has no such action
    name: 'an operation inferred under the service a code implied, that service lacking it, is the one service that has it',
    input:
      'An error occurred (UnauthorizedOperation) when calling the RestoreFromClusterSnapshot operation: Access Denied. Please ensure that your IAM Permissions allow this operation.',
    expected: {
      service: 'redshift',
      action: 'redshift:RestoreFromClusterSnapshot',
      actionSource: 'operation',
    },
  },
  {
    // NixOS/nixops commit db84a8f: EC2, App Mesh and Refactor Spaces have DeleteRoute; EC2's dotted code tells which answered
    name: "an operation several services have, answered with EC2's dotted code of an ID, is EC2's",
    input:
      'An error occurred (InvalidRouteTableId.Malformed) when calling the DeleteRoute operation: Invalid id: ""rtb-d9ca1aa6"" (expecting "rtb-...")',
    expected: { service: 'ec2', action: 'ec2:DeleteRoute', actionSource: 'operation' },
  },
  {
    // okd-project/okd#2168: the older provider's step on a bucket's policy, its name between
    name: 'an older Terraform step `error getting S3 bucket (b) policy:` is GetBucketPolicy',
    input:
      '$ openshift-install create cluster --dir t7\nlevel=info msg=Credentials loaded from default AWS environment variables\nlevel=info msg=Consuming Install Config from target directory\nlevel=info msg=Skipping quota checks\nlevel=info msg=Creating infrastructure resources...\nlevel=error\nlevel=error msg=Error: error getting S3 bucket (t7-6dlcq-bootstrap) policy: AccessDenied: Access Denied\nlevel=error msg=\tstatus code: 403, request id: AQZBRTNMN4VKFGRV, host id: GhQ4qI82IY659LOVbKl9pMHcuPkSFdaI0unlp84ineQltj8q799hESEWifxS3HrS55iN/QnFy4Q=\nlevel=error\nlevel=error msg=  with aws_s3_bucket.ignition,\nlevel=error msg=  on main.tf line 47, in resource "aws_s3_bucket" "ignition":\nlevel=error msg=  47: resource "aws_s3_bucket" "ignition" {\nlevel=error\nlevel=error msg=failed to fetch Cluster: failed to generate asset "Cluster": failure applying terraform for "bootstrap" stage: failed to create cluster: failed to apply Terraform: exit status 1',
    expected: { service: 's3', action: 's3:GetBucketPolicy', actionSource: 'operation' },
  },
  {
    // openshift/oadp-operator#106: Velero's `error getting volume info` under EC2's code of an unknown volume proposes
    // GetVolume, which only another service (AWS Deadline Cloud) has
    name: "a step's call no service but the one EC2's dotted code names could have stays unresolved",
    input:
      'time=“2021-05-24T19:08:37Z” level=info msg=“1 errors encountered backup up item” backup=oadp-operator/backup4 logSource=“pkg/backup/backup.go:427” name=mongodb-56d8597f95-9f8jl\ntime=“2021-05-24T19:08:37Z” level=error msg=“Error backing up item” backup=oadp-operator/backup4 error=“error getting volume info: rpc error: code = Unknown desc = InvalidVolume.NotFound: The volume ‘vol-0b535499d533d94e9’ does not exist.\\n\\tstatus code: 400, ',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'an operation no service has stays unresolved',
    input:
      'An error occurred (AccessDenied) when calling the NoSuchOperationAnywhere operation: Access Denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // aws-samples/aws-cost-explorer-report#29: a paste glued the next word onto the sentence's action
    name: "an action the catalog lacks that the client's operation begins (`tag:GetTagValuesTotal chart`, GetTagValues) is the operation's",
    input:
      'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetTagValues operation: User: arn:aws:sts::678258727640:assumed-role/r/CostExplorerReportLambda is not authorized to perform: tag:GetTagValuesTotal chart',
    expected: { service: 'tag', action: 'tag:GetTagValues', actionSource: 'message' },
  },
  {
    // cloudposse/terraform-aws-components, modules/aws-teams/README.md
    name: "a Terraform step on an IAM role's `assume role policy` is UpdateAssumeRolePolicy",
    input:
      'Error: error updating IAM Role (acme-gbl-root-tfstate-backend-analytics-ro) assume role policy: LimitExceeded: Cannot exceed quota for ACLSizePerRole: 2048',
    expected: { service: 'iam', action: 'iam:UpdateAssumeRolePolicy', actionSource: 'operation' },
  },
  // Terraform's steps (https://hashicorp.github.io/terraform-provider-aws/error-handling): the step
  // proposes, the catalog confirms
  {
    name: "a Terraform step's resource named after the API's noun is its call (`creating SNS Topic`)",
    input:
      'Error: creating SNS Topic (alerts): AuthorizationError: User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized',
    expected: { service: 'sns', action: 'sns:CreateTopic', actionSource: 'operation' },
  },
  {
    // aws/aws-tools-for-powershell#165: AWS Tools for PowerShell's cmdlet in its error record
    name: "a PowerShell cmdlet's error record names its call (`Write-S3Object: …` is PutObject)",
    input:
      '`Write-S3Object` fails to upload a file with `Write-S3Object: Error making request with Error Code InvalidAccessKeyId and Http Status Code Forbidden. No further error information was returned by the service.` \n',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  {
    // aws-quickstart/quickstart-microsoft-activedirectory#152
    name: '`Read-S3Object : Access Denied` is s3:GetObject',
    input:
      'PS C:\\Windows\\system32> Read-S3Object -BucketName "aws-quickstart" -Key "quickstart-microsoft-activedirectory/scripts/Modules/Module-AD/Module-AD.psd1" -File "C:\\AWSQuickstart\\Module-AD\\Module-AD.psd1" -Region "us-east-1"\nRead-S3Object : Access Denied',
    expected: { service: 's3', action: 's3:GetObject', actionSource: 'operation' },
  },
  {
    // aws/aws-dotnet-deploy#731: the .NET deploy tool's step, EC2's code after it
    name: '`Error attempting to describe available VPCs (UnauthorizedOperation)` is ec2:DescribeVpcs',
    input:
      'Configuring AWS Credentials using AWS SDK credential search.\nConfiguring AWS region with specified value us-west-2.\n\nError attempting to describe available VPCs (UnauthorizedOperation).\nYou are not authorized to perform this operation.\n\n\nFor more information, please visit our troubleshooting guide https://aws.github.io/aws-dotnet-deploy/troubleshooting-guide/.\n',
    expected: { service: 'ec2', action: 'ec2:DescribeVpcs', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform-provider-aws#22867: the eksctl phrase `creating CloudFormation stack` is no StackSet's step
    name: "Terraform's `error creating CloudFormation StackSet` is CreateStackSet, not the stack's CreateStack",
    input:
      'Error: error creating CloudFormation StackSet (Sec-Hub-SHARR-Members-Role): ValidationError: You must be the master or delegated admin account of an organization before operating a SERVICE_MANAGED stack set status code: 400,',
    expected: {
      service: 'cloudformation',
      action: 'cloudformation:CreateStackSet',
      actionSource: 'operation',
    },
  },
  {
    // org-formation/org-formation-cli#280: Organizations' sentence names the service; only User Notifications has an
    // action named ListOrganizationalUnits
    name: "a lower-case step is no other service's call than the one the answer's sentence names",
    input:
      "ERROR: unable to list organizational units\nAWS Organizations can't complete your request because another request is already in progress. Try again later. (use option --print-stack to print stack)\nERROR: error: TooManyRequestsException, aws-request-id: ##################",
    expected: { service: 'organizations', action: null, actionSource: null },
  },
  {
    // idealo/terraform-aws-mwaa#156: the provider names Amazon MWAA's environment by the service's short name
    name: "Terraform's `creating MWAA Environment` is airflow:CreateEnvironment",
    input:
      "Error: creating MWAA Environment (prod): ValidationException: Failed to assume role arn:aws:iam::REDACTED:role/mwaa-prod-execution-role. This could be due to the role's trust policy.",
    expected: { service: 'airflow', action: 'airflow:CreateEnvironment', actionSource: 'operation' },
  },
  {
    // openshift/hive commit 5e86610: Terraform 0.x's step, the code on the next line
    name: "Terraform 0.x's `Error creating NAT Gateway:` with its code on the next line is its step's call",
    input:
      'Error: Error creating NAT Gateway:\nNatGatewayLimitExceeded: Performing this operation would exceed the limit\nof 5 NAT gateways',
    expected: { service: 'ec2', action: 'ec2:CreateNatGateway', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform#7198: Terraform 0.x's step, the code right after it
    name: "Terraform 0.x's `Error creating launch configuration: ValidationError:` is its step's call",
    input:
      'aws_launch_configuration.sandbox: Error creating launch configuration: ValidationError: You are not authorized to perform this operation.',
    expected: {
      service: 'autoscaling',
      action: 'autoscaling:CreateLaunchConfiguration',
      actionSource: 'operation',
    },
  },
  {
    // pulumi/pulumi-aws#907: the step names only its service, no call (not AppSync's CreateApi)
    name: 'a step that names only its service (`Error creating API Gateway: AccessDeniedException:`) names no call',
    input:
      'error: Error creating API Gateway: AccessDeniedException: \n\tstatus code: 403, request id: xxxd7e62-cf5e-xxx5-a4f5-a7f00af4exxx',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // an app's own capitalised step: velero-io/velero#4955; Velero's AWS plugin lists the backup store's bucket, S3's
    // ListObjectsV2, not AWS Backup's ListBackups (the words alone would propose)
    name: "Velero's `Error listing backups in backup store` is S3's listing, not AWS Backup's ListBackups",
    input:
      'level=error msg="Error listing backups in backup store" backupLocation=default controller=backup-sync error="rpc error: code = Unknown desc = AccessDenied: Access Denied\n\tstatus code: 403, request id: 1"',
    expected: { service: 's3', action: 's3:ListBucket', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform-provider-aws#17254: Glue's answer relayed in Firehose's message is not the answering service
    name: "a step whose service relays another's answer is still the step's call (`creating Kinesis Firehose Delivery Stream`)",
    input:
      'Error: error creating Kinesis Firehose Delivery Stream: InvalidArgumentException: Access was denied when calling Glue. Please ensure that the role specified in the data format conversion configuration has the necessary permissions. Insufficient Lake Formation permission(s) on t (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException; Request ID: 67116cf3-6102-4d1e-9229-a8c0e63cf9f7; Proxy: null)',
    expected: { service: 'firehose', action: 'firehose:CreateDeliveryStream', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform-provider-aws#32809
    name: 'a wait whose read failed is that read (`waiting for EKS Cluster (c) create: ExpiredTokenException`)',
    input:
      '│ Error: waiting for EKS Cluster (githubissue) create: ExpiredTokenException: The security token included in the request is expired\n│ \tstatus code: 403, request id: a16bb54f-d47d-4283-b431-70f06fb0112f',
    expected: { service: 'eks', action: 'eks:DescribeCluster', actionSource: 'operation' },
  },
  {
    // josephmachado/beginner_de_project#28: the reads worked, the cluster ended terminated
    name: 'a wait that ended in a state not wanted names no call (`… to create: unexpected state`)',
    input:
      "│ Error: error waiting for EMR Cluster (j-1QCC2RIRPI8ZQ) to create: unexpected state 'TERMINATING', wanted target 'RUNNING, WAITING'. last error: VALIDATION_ERROR: Invalid InstanceProfile: EMR_EC2_DefaultRole.",
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'a service of two words and a resource of two (`creating CloudWatch Logs Log Group`)',
    input: 'Error: creating CloudWatch Logs Log Group (/aws/lambda/f): AccessDeniedException: denied',
    expected: { service: 'logs', action: 'logs:CreateLogGroup', actionSource: 'operation' },
  },
  {
    name: "the service's words belong to the API's noun (`creating Auto Scaling Group`)",
    input: 'Error: creating Auto Scaling Group (web): AccessDenied: denied\n\tstatus code: 403',
    expected: {
      service: 'autoscaling',
      action: 'autoscaling:CreateAutoScalingGroup',
      actionSource: 'operation',
    },
  },
  {
    name: "the API's own spelling (`creating EKS Node Group` is `CreateNodegroup`)",
    input: 'Error: creating EKS Node Group (c:ng): AccessDeniedException: denied',
    expected: { service: 'eks', action: 'eks:CreateNodegroup', actionSource: 'operation' },
  },
  {
    name: 'a resource the API creates otherwise stays unknown (`creating SES Domain Identity` is VerifyDomainIdentity)',
    input: 'Error: creating SES Domain Identity (example.com): AccessDenied: denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'the table names the call where the API names the resource otherwise (`creating SSM Parameter` is PutParameter)',
    input: 'Error: creating SSM Parameter (/app/db): AccessDeniedException: denied',
    expected: { service: 'ssm', action: 'ssm:PutParameter', actionSource: 'operation' },
  },
  // a stack event's failed creation: the resource type's create call
  // (https://github.com/awslabs/landing-zone-accelerator-on-aws/issues/241)
  {
    name: "a stack event's CREATE_FAILED on a resource type is that type's create call (`AWS::EC2::VPC`)",
    input:
      '1189 | AWSAccelerator-NetworkVpcStack-141804913778-eu-west-2 \\| 12:25:58 PM \\| CREATE_FAILED        \\| AWS::EC2::VPC                         \\| MainVpcVpc (MainVpcVpc92BED2A6) Resource handler returned message: "The maximum number of VPCs has been reached. (Service: Ec2, Status Code: 400, Request ID: 5ce9e2b3-ab97-48ae-9110-21df5e97e9b5)" (RequestToken: 79d65bb7-1d80-c629-18dc-b61fe9935538, HandlerErrorCode: GeneralServiceException)',
    expected: { service: 'ec2', action: 'ec2:CreateVpc', actionSource: 'operation' },
  },
  // unless another service answered (https://github.com/cloudfoundry/bosh-aws-cpi-release/issues/61)
  {
    name: "a stack event answered by another service's call names no call (`AWS::ElasticBeanstalk::Environment`, `Service: AmazonEC2`)",
    input:
      '19:32:04 UTC+0550 | CREATE_FAILED | AWS::ElasticBeanstalk::Environment | envsocureactionauditprod1515 | Request limit exceeded. (Service: AmazonEC2; Status Code: 503; Error Code: RequestLimitExceeded; Request ID: 7fd6cf20-2880-4845-a2f5-3fa30583767f)',
    expected: { service: 'ec2', action: null, actionSource: null },
  },
  // a provider's service name that is no SDK's: Cognito user pools (held-out 6:
  // https://github.com/webiny/webiny-js/issues/1517)
  {
    name: "a Cognito user pool step is Cognito user pools' call (`creating Cognito User Pool`)",
    input:
      '  aws:cognito:UserPool (api-user-pool):\n    error: 1 error occurred:\n        * error creating Cognito User Pool: SubscriptionRequiredException: The AWS Access Key Id needs a subscription for the service\n        status code: 400, request id: 11306c38-e61c-4d86-bd0a-becbd49453d7',
    expected: { service: 'cognito-idp', action: 'cognito-idp:CreateUserPool', actionSource: 'operation' },
  },
  // a tool's capitalised step that names its service (held-out 6:
  // https://github.com/ionic-team/ionic2-starter-aws/issues/46)
  {
    name: "a step that names its service proposes that service's call (`Unable to create Amazon S3 bucket`)",
    input:
      'Unable to create Amazon S3 bucket for deployment artifacts. You have attempted to create more buckets than allowed (Service: Amazon S3; Status Code: 400; Error Code: TooManyBuckets; Request ID: ',
    expected: { service: 's3', action: 's3:CreateBucket', actionSource: 'operation' },
  },
  // and one that names none stays no step (https://github.com/aws/amazon-s3-encryption-client-dotnet/issues/71)
  {
    name: 'a capitalised sentence that names no service is no step (`Unable to decrypt data for object …`)',
    input:
      'AmazonS3EncryptionClientV2 59|2024-11-11T14:25:30.400Z|ERROR|An exception of type AmazonServiceException was handled in ErrorHandler. --> Amazon.Runtime.AmazonServiceException: Unable to decrypt data for object test-notencrypted-file.txt in bucket <<bucket-name>>\n ---> Amazon.S3.AmazonS3Exception: The specified key does not exist.',
    expected: { service: 's3', action: null, actionSource: null },
  },
  {
    name: 'a read step: `reading Lambda Function` is GetFunction, `reading DynamoDB Table` DescribeTable',
    input: 'Error: reading DynamoDB Table (orders): AccessDeniedException: denied',
    expected: { service: 'dynamodb', action: 'dynamodb:DescribeTable', actionSource: 'operation' },
  },
  {
    name: "Terraform 0.x's `Error putting S3 Bucket Policy:`",
    input: '* aws_s3_bucket_policy.b: Error putting S3 Bucket Policy: AccessDenied: Access Denied',
    expected: { service: 's3', action: 's3:PutBucketPolicy', actionSource: 'operation' },
  },
  {
    name: 'old wording: `Error deleting ECR Repository:`',
    input: '* aws_ecr_repository.app: Error deleting ECR Repository: AccessDeniedException: denied',
    expected: { service: 'ecr', action: 'ecr:DeleteRepository', actionSource: 'operation' },
  },
  {
    name: "an action written lower-case takes the catalog's spelling (IAM matches either)",
    input:
      'An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:111122223333:q because no identity-based policy allows the sqs:sendmessage action',
    expected: { service: 'sqs', action: 'sqs:SendMessage', actionSource: 'message' },
  },
  {
    name: "a tool's own lower-case step, its service found by the catalog (`failed to describe subnets`)",
    input:
      'E0610 controller.go:134] failed to describe subnets for cluster "c1": UnauthorizedOperation: You are not authorized to perform this operation.',
    expected: { service: 'ec2', action: 'ec2:DescribeSubnets', actionSource: 'operation' },
  },
  {
    name: 'a step whose operation several services have stays unknown (`failed to create volume`)',
    input: 'failed to create volume: AccessDeniedException: denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'what the curated table resolves is left as it is',
    input: 'An error occurred (AccessDenied) when calling the CreateMultipartUpload operation: Access Denied',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  // practice 9 (https://github.com/widdix/aws-cf-templates/issues/185)
  {
    name: 'a stack event on the legacy `AWS::Elasticsearch::Domain` is CreateElasticsearchDomain',
    input:
      'CREATE_FAILED | AWS::Elasticsearch::Domain | ElasticsearchDomain | Before you can proceed, you must enable a service-linked role to give Amazon ES permissions to access your VPC. (Service: AWSElasticsearch; Status Code: 400; Error Code: ValidationException; Request ID: 1a439bb6-a056-11e8-bd06-4590933de7d2)\n-- | -- | -- | --',
    expected: { service: 'es', action: 'es:CreateElasticsearchDomain', actionSource: 'operation' },
  },
  // practice 22 (https://github.com/awslabs/harmonix/issues/22, aws-quickstart/quickstart-tableau-server#26)
  {
    name: 'a stack event on `AWS::EC2::Instance` is RunInstances, the call that creates the type',
    input:
      '7:23:52 PM | CREATE_FAILED        | AWS::EC2::Instance                            | GitlabHostingConstructGitlabHost08D9CB4A\nIn order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/mark\netplace/pp?sku=4q59bftpyoueme916m1pjimec (Service: AmazonEC2; Status Code: 401; Error Code: OptInRequired; Request ID: fe9f7f71-91da-4\n289-b14a-241c9b0c1a91; Proxy: null)',
    expected: { service: 'ec2', action: 'ec2:RunInstances', actionSource: 'operation' },
  },
  {
    name: "the console's stack event table row on `AWS::EC2::Instance` is RunInstances",
    input:
      '12:43:57 UTC+0100 | CREATE_FAILED | AWS::EC2::Instance | TableauServer | In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=aw0evgkw8e5c1q413zgy5pjce (Service: AmazonEC2; Status Code: 401; Error Code: OptInRequired; Request ID: 8b468c50-1099-4305-aa64-317ed74f59a4)\n-- | -- | -- | -- | --',
    expected: { service: 'ec2', action: 'ec2:RunInstances', actionSource: 'operation' },
  },
  // zalando/postgres-operator/issues/2067
  {
    name: "WAL-G's `failed to read object: 'k' from S3: AccessDenied` step; the catalog confirms the call (round 147)",
    input:
      "ERROR: 2022/10/06 12:23:39.465899 Couldn't check whether there is an overwrite attempt due to inner error: failed to read object: 'spilo/powerbot-postgres-development/wal/14/wal_005/00000002.history.lz4' from S3: AccessDenied: Access Denied\n        status code: 403, request id: EANDRVDGZDMMEBA9, host id: 0lVxvS3DilpYcvJS9Zf1RNbRezcr17JWvKsNaMkZ9yGahqOiQ2DMi+rWY3ZnsVOBQqEk3bMdnkA=",
    expected: { service: 's3', action: 's3:GetObject', actionSource: 'operation' },
  },
  // databricks/spark-redshift/issues/321
  {
    name: "Redshift's `Unable to upload manifest file - S3ServiceException:Access Denied`; the catalog confirms the call (round 147)",
    input:
      '  error:  Unable to upload manifest file - S3ServiceException:Access Denied,Status 403,Error AccessDenied,Rid BEC36007FAA4C22A,ExtRid XDvccdTuoBmu79AkG9IXc3QOjt3IV0LNsFlpdc6vyKWHD82fnGX95rAEhwIP8ape4Q58ENj4KHs=,CanRetry 1',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  // app-sre/qontract-reconcile/pull/1291
  {
    name: "The older provider's `Error creating Cloudwatch log subscription filter:` is PutSubscriptionFilter; the catalog confirms the call (round 149)",
    input:
      'Error: Error creating Cloudwatch log subscription filter: InvalidParameterException: Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.',
    expected: { service: 'logs', action: 'logs:PutSubscriptionFilter', actionSource: 'operation' },
  },
  // aws/aws-tools-for-powershell/issues/384
  {
    name: "A cmdlet's name before S3's MalformedXML sentence; the catalog confirms the call (round 150)",
    input:
      'Write-S3BucketInventoryConfiguration: The XML you provided was not well-formed or did not validate against our published schema',
    expected: { service: 's3', action: 's3:PutInventoryConfiguration', actionSource: 'operation' },
  },
  // hashicorp/terraform-provider-aws/issues/29323
  {
    name: "`creating Flow Log (vpc-XXXXXXXXX)` is CreateFlowLogs, EC2's name of many; the catalog confirms the call (round 155)",
    input:
      'module.vpc.aws_flow_log.this[0]: Creating...\n╷\n│ Error: creating Flow Log (vpc-XXXXXXXXX): InvalidParameter: Unable to assume given IAM role: \'arn:aws:iam::ACCOUNT_ID:role/vpc-flow-log-role-9999999999999\'\n│       status code: 400, request id: xxxxxxxx-yyyy-xxxx-yyyy-xxxxxxxxxxxxx\n│\n│   with module.vpc.aws_flow_log.this[0],\n│   on ../modules/aws/vpc/aws_vpc_flow_log.tf line 110, in resource "aws_flow_log" "this":\n│  110: resource "aws_flow_log" "this" {\n│\n╵',
    expected: { service: 'ec2', action: 'ec2:CreateFlowLogs', actionSource: 'operation' },
  },
  // hashicorp/terraform-provider-aws/issues/11970
  {
    name: "the older provider's `Error creating Flow Log for (vpc-xxxxxxx)` is CreateFlowLogs; the catalog confirms the call (round 155)",
    input:
      'Error: Error creating Flow Log for (vpc-xxxxxxx), error: UnauthorizedOperation: You are not authorized to perform this operation.',
    expected: { service: 'ec2', action: 'ec2:CreateFlowLogs', actionSource: 'operation' },
  },
  // prowler-cloud/prowler/issues/1143
  {
    name: 'GetFindings, which several services have, of the one the message names (`AWS Security Hub`); the catalog confirms the call (round 157)',
    input:
      'An error occurred (InvalidAccessException) when calling the GetFindings operation: Account xxxx is not subscribed to AWS Security Hub',
    expected: { service: 'securityhub', action: 'securityhub:GetFindings', actionSource: 'operation' },
  },
  // transloadit/uppy/issues/2270
  {
    name: "`unable to create multipart upload` is S3's CreateMultipartUpload, authorized as s3:PutObject, no action of its own name (round 159)",
    input:
      'tus: unexpected response while creating upload, originated from request (response code: 500, response text: s3store: unable to create multipart upload:\nSignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.\n\tstatus code: 403, request id: E7FB5AA69C297CB5, host id: C8bHYgVML6z1eqjCyN2gVKK3yuVo3Ze2/kkO1YhPCgGn0ZT4yBO2cHVqnmlVsElgi7k4/3WVb0k=\n)',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  // rancher/rancher/issues/10635
  {
    name: "the AWS cloud provider's `error listing AWS route tables:` under EC2's code is DescribeRouteTables (round 167's line, alone)",
    input:
      'error listing AWS route tables: "UnauthorizedOperation: You are not authorized to perform this operation.',
    expected: { service: 'ec2', action: 'ec2:DescribeRouteTables', actionSource: 'operation' },
  },
  // kubeflow/website, docs/distributions/aws/troubleshooting-aws.md (round 154)
  {
    name: 'an operation of a phrase (`failed to create cluster`) that the answering service (EC2, by its code) has no action of, while several others do, names no action: never ec2:CreateCluster',
    input:
      '+ eksctl create cluster --config-file=/tmp/cluster_config.yaml\n[ℹ]  using region us-west-2\n[ℹ]  subnets for us-west-2b - public:192.168.0.0/19 private:192.168.96.0/19\n[ℹ]  subnets for us-west-2c - public:192.168.32.0/19 private:192.168.128.0/19\n[ℹ]  subnets for us-west-2d - public:192.168.64.0/19 private:192.168.160.0/19\n[ℹ]  nodegroup "general" will use "ami-0280ac619ed294a8a" [AmazonLinux2/1.12]\n[ℹ]  creating EKS cluster "test-cluster" in "us-west-2" region\n[ℹ]  will create a CloudFormation stack for cluster itself and 1 nodegroup stack(s)\n[ℹ]  if you encounter any issues, check CloudFormation console or try \'eksctl utils describe-stacks --region=us-west-2 --name=test-cluster\'\n[ℹ]  building cluster stack "eksctl-test-cluster-cluster"\n[✖]  unexpected status "ROLLBACK_IN_PROGRESS" while waiting for CloudFormation stack "eksctl-test-cluster-cluster"\n[ℹ]  fetching stack events in attempt to troubleshoot the root cause of the failure\n[ℹ]  AWS::CloudFormation::Stack/eksctl-test-cluster-cluster: ROLLBACK_IN_PROGRESS – "The following resource(s) failed to create: [InternetGateway, ServiceRole, NATIP, VPC]. . Rollback requested by user."\n[✖]  AWS::EC2::EIP/NATIP: CREATE_FAILED – "Resource creation cancelled"\n[✖]  AWS::IAM::Role/ServiceRole: CREATE_FAILED – "Resource creation cancelled"\n[ℹ]  AWS::EC2::EIP/NATIP: CREATE_IN_PROGRESS – "Resource creation Initiated"\n[✖]  AWS::EC2::VPC/VPC: CREATE_FAILED – "The maximum number of VPCs has been reached. (Service: AmazonEC2; Status Code: 400; Error Code: VpcLimitExceeded; Request ID: xxxxxxxxxx)"\n[ℹ]  AWS::IAM::Role/ServiceRole: CREATE_IN_PROGRESS – "Resource creation Initiated"\n[ℹ]  AWS::EC2::EIP/NATIP: CREATE_IN_PROGRESS\n[✖]  AWS::EC2::InternetGateway/InternetGateway: CREATE_FAILED – "The maximum number of internet gateways has been reached. (Service: AmazonEC2; Status Code: 400; Error Code: InternetGatewayLimitExceeded; Request ID: 7b3c9620-d1fa-4893-9e91-fb94eb3f2ef3)"\n[ℹ]  AWS::EC2::VPC/VPC: CREATE_IN_PROGRESS\n[ℹ]  AWS::IAM::Role/ServiceRole: CREATE_IN_PROGRESS\n[ℹ]  AWS::EC2::InternetGateway/InternetGateway: CREATE_IN_PROGRESS\n[ℹ]  AWS::CloudFormation::Stack/eksctl-test-cluster-cluster: CREATE_IN_PROGRESS – "User Initiated"\n[ℹ]  1 error(s) occurred and cluster hasn\'t been created properly, you may wish to check CloudFormation console\n[ℹ]  to cleanup resources, run \'eksctl delete cluster --region=us-west-2 --name=test-cluster\'\n[✖]  waiting for CloudFormation stack "eksctl-test-cluster-cluster" to reach "CREATE_COMPLETE" status: ResourceNotReady: failed waiting for successful resource state\n[✖]  failed to create cluster "test-cluster"',
    expected: { service: 'ec2', action: null, actionSource: null },
  },
  // practice 25 (aws-samples/amazon-guardduty-for-aws-organizations-with-terraform#6)
  {
    name: "an older provider's `Creating GuardDuty Detector failed:` is CreateDetector",
    input:
      'Error: Creating GuardDuty Detector failed: UnrecognizedClientException: \n\u2502       status code: 403, request id: xxx-xxx-xxx\n\u2502 \n\u2502   with module.guardduty_baseline_<region>.aws_guardduty_detector.MyDetector[0],\n\u2502   on modules/guardduty-baseline/main.tf line 28, in resource "aws_guardduty_detector" "MyDetector":\n\u2502   28: resource "aws_guardduty_detector" "MyDetector" {\n\u2502 \n\u2575',
    expected: { service: 'guardduty', action: 'guardduty:CreateDetector', actionSource: 'operation' },
  },
  // practice 25 (hashicorp/terraform-provider-aws#32915)
  {
    name: "a step on the resource's policy (`creating S3 Access Point (id) policy:`) is its Put…Policy",
    input:
      '=== RUN   TestAccS3ControlAccessPoint_policy\n=== PAUSE TestAccS3ControlAccessPoint_policy\n=== CONT  TestAccS3ControlAccessPoint_policy\n    access_point_test.go:182: Step 1/4 error: Error running apply: exit status 1\n        Error: creating S3 Access Point (187416307283:tf-acc-test-4053537077800599509) policy: AccessDenied: Access Denied\n          status code: 403, request id: VJ0Y2JRJ2S4XDVY8, host id: 0OvEyis7Cn9glXHblD2pAluefQaLv3GF1cTOCRBvC/h7xAtqG7AqV60TGDG6OoUY8xvfLqzzQNo=\n          with aws_s3_access_point.test,\n          on terraform_plugin_test.tf line 6, in resource "aws_s3_access_point" "test":\n           6: resource "aws_s3_access_point" "test" {\n--- FAIL: TestAccS3ControlAccessPoint_policy (171.18s)',
    expected: { service: 's3', action: 's3:PutAccessPointPolicy', actionSource: 'operation' },
  },
  // practice 9 (https://github.com/aws/eks-distro/issues/2805)
  {
    name: "eksctl's stack event (`AWS::EKS::AccessEntry/AccessEntry: CREATE_FAILED`) is the type's create call",
    input:
      '2024-02-22 06:11:20 [✖]  AWS::EKS::AccessEntry/AccessEntry: CREATE_FAILED – "Resource handler returned message: \\"The specified access entry resource is already in use on this cluster. (Service: Eks, Status Code: 409, Request ID: db\n17d466-dca2-4403-97e8-99bf5c3ca227)\\" (RequestToken: 742fa327-f30f-677c-09bd-cf569a2cfeb8, HandlerErrorCode: AlreadyExists)"',
    expected: { service: 'eks', action: 'eks:CreateAccessEntry', actionSource: 'operation' },
  },
  // practice 10 (https://github.com/velero-io/velero/issues/6082)
  {
    name: "a tool's gerund step (`error putting object`) is a call of the service that answered (S3's host ID), not MediaStore's",
    input:
      'time="2023-04-05T16:47:23Z" level=error msg="backup failed" controller=backup error="rpc error: code = Unknown desc = error putting object backups/velero-clients-document-mongodb-uat-20230405164545/velero-backup.json: AccessDenied: Access Denied\\n\\tstatus code: 403, request id: VMR0P517BVGX8KTN, host id: f7q86nhKo+0tirSZS1OQVaR/T+LqD8zkL5Cw6uRa4oPXqnKwATrBwj5n+oKKQ0FC7rT6ccM2NDI=" key=velero/velero-clients-document-mongodb-uat-20230405164545 logSource="pkg/controller/backup_controller.go:300"',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  // practice 10 (https://github.com/velero-io/velero/issues/5670)
  {
    name: "a tool's step is no call of a service other than the one that answered (`error getting volume info` under EC2's code)",
    input:
      'time="2022-12-06T19:03:29Z" level=error msg="Error backing up item" backup=velero/all-namespaces-20221206190325 error="error getting volume info: rpc error: code = Unknown desc = UnauthorizedOperation: You are not authorized to perform this operation.\\n\\tstatus code: 403, request id: 3688a339-4214-424f-bf0e-c41ca1601c1a" logSource="pkg/backup/backup.go:417" name=prometheus-grafana-5674f4884b-7jgxd',
    expected: { service: 'ec2', action: null, actionSource: null },
  },
  // practice 9 (https://github.com/localstack/localstack/issues/5051)
  {
    name: "an HTTP API's creation (`error creating API Gateway v2 API`) is API Gateway's `POST`",
    input:
      '╷\n│ Error: error creating API Gateway v2 API: UnrecognizedClientException: \n│ \tstatus code: 403, request id: 1e19692f-f1b5-4f09-a2b5-038e8861c2cc\n│ \n│   on .terraform/modules/api_gateway/main.tf line 2, in resource "aws_apigatewayv2_api" "this":\n│    2: resource "aws_apigatewayv2_api" "this" {\n│ ',
    expected: { service: 'apigateway', action: 'apigateway:POST', actionSource: 'operation' },
  },
  // practice 9 (https://github.com/hashicorp/terraform-provider-aws/pull/36663)
  {
    name: "Go v2's CreateDistributionWithTags is authorised as cloudfront:CreateDistribution",
    input:
      '        Error: creating CloudFront Distribution: operation error CloudFront: CreateDistributionWithTags, https response error StatusCode: 403, RequestID: 926c609c-35ed-481b-904f-cc3c9baeadb2, AccessDenied: Your account must be verified before you can add new CloudFront resources. To verify your account, please contact AWS Support (https://console.aws.amazon.com/support/home#/) and include this error message.\n        \n          with aws_cloudfront_distribution.custom_distribution,\n          on terraform_plugin_test.tf line 118, in resource "aws_cloudfront_distribution" "custom_distribution":\n         118: resource "aws_cloudfront_distribution" "custom_distribution" {',
    expected: { service: 'cloudfront', action: 'cloudfront:CreateDistribution', actionSource: 'operation' },
  },
  // held-out 8 (https://github.com/awslabs/cdk-eks-blueprints/issues/381)
  {
    name: "a capitalised sentence's step is a call of the service that answered (`Unable to delete launch template`, EC2's code)",
    input:
      '```\n2022-05-13T03:09:42.540Z        ERROR   controller.aws.launchtemplate   Unable to delete launch template, UnauthorizedOperation: You are not authorized to perform this operation.\n```',
    expected: { service: 'ec2', action: 'ec2:DeleteLaunchTemplate', actionSource: 'operation' },
  },
  // practice 36 (https://github.com/towanoah-kafc12/hello-cdk/blob/HEAD/MEMO.md)
  {
    name: 'a resource a CloudFormation hook refused (`The following hook(s) failed`) was never called for: no create call',
    input:
      "Failed resources:\nCDKToolkit | 13:11:36 | CREATE_FAILED        | AWS::ECR::Repository       | ContainerAssetsRepository The following hook(s) failed: [AWS::ControlTower::Hook] : Hook failed with message: ValidationError\n        [CT.ECR.PR.2]: Require Amazon ECR private repositories to have image scanning enabled\n        [FIX]: Set 'ScanOnPush' in 'ImageScanningConfiguration' to 'true'.\n\n❌  Environment aws://940863285927/ap-northeast-1 failed bootstrapping: ToolkitError: The stack named CDKToolkit failed creation, it may need to be manually deleted from the AWS  ❌  Environment aws://940863285927/ap-northeast-1 failed bootstrapping: ToolkitError: The stack named CDKToolkit failed creation, it may need to be manually deleted from the AWS console: ROLLBACK_COMPLETE: The following hook(s) failed: [AWS::ControlTower::Hook]",
    expected: { service: 'ecr', action: null, actionSource: null },
  },
  // practice 37 (https://github.com/JuliaCloud/AWSSDK.jl/issues/3)
  {
    name: "the call a Julia REPL echoed (`AWSSDK.Batch.describe_compute_environments()`), confirmed by Batch's catalog",
    input:
      "julia> AWSSDK.Batch.describe_compute_environments()\nERROR: 403 -- The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\nHTTP.StatusError: received a '403 - Forbidden' status in response",
    expected: { service: 'batch', action: 'batch:DescribeComputeEnvironments', actionSource: 'operation' },
  },
  // practice 37 (https://github.com/iann0036/former2/issues/360)
  {
    name: "a tool's `Error calling DAX.describeClusters` is DAX's DescribeClusters, not ECS's",
    input: 'Error calling DAX.describeClusters\nAccess Denied to API Version: DAX_V3',
    expected: { service: 'dax', action: 'dax:DescribeClusters', actionSource: 'operation' },
  },
  // practice 45 (https://github.com/pulumi/pulumi-aws/issues/1921)
  {
    name: "a step's `associating` (`error associating EKS Identity Provider Config`) is the API's Associate call",
    input:
      '    error: 1 error occurred:\n        * error associating EKS Identity Provider Config (app-cluster-01:oidc-provider): InvalidRequestException: Role with arn: arn:aws:iam::REDACTED:role/app-cluster-01-control-plane-role, could not be assumed because it does not exist or the trusted entity is not correct\n    {\n      RespMetadata: {\n        StatusCode: 400,\n        RequestID: "971534ba-0b1e-4ad4-b967-b3652d7a31a0"\n      },\n      ClusterName: "app-cluster-01",\n      Message_: "Role with arn: arn:aws:iam::REDACTED:role/app-cluster-01-control-plane-role, could not be assumed because it does not exist or the trusted entity is not correct"\n    }',
    expected: { service: 'eks', action: 'eks:AssociateIdentityProviderConfig', actionSource: 'operation' },
  },
  // a tool's `Error calling` after a mention that names no call
  {
    name: '`Error calling DAX.describeClusters` after an `rror calling` that is none is still read',
    input: 'rror calling foo\nError calling DAX.describeClusters\nAccess Denied to API Version: DAX_V3',
    expected: { service: 'dax', action: 'dax:DescribeClusters', actionSource: 'operation' },
  },
  {
    // crossplane-contrib/provider-upjet-aws#296: Firewall Manager makes its policies by PutPolicy
    name: "a Terraform step's resource the API makes by a Put is that call (`creating FMS Policy` is fms:PutPolicy)",
    input:
      '    message: "apply failed: error creating FMS Policy: AccessDeniedException: Account:\n      153891904029 is not currently delegated by AWS FM.\\n\\tstatus code: 400, request\n      id: 02c864b5-cfcc-4205-9def-14bf418c3b54: "',
    expected: { service: 'fms', action: 'fms:PutPolicy', actionSource: 'operation' },
  },
  {
    // dan-v/awslambdaproxy#25: no service named, an EC2 id after the step; Wickr alone has an UpdateSecurityGroup action
    name: "a step on an EC2 resource by its id (`error updating Security Group (sg-…)`) proposes EC2's calls only",
    input:
      '│ Error: error updating Security Group (sg-059c85e095c49e44a): error authorizing Security Group (ingress) rules: RulesPerSecurityGroupLimitExceeded: The maximum number of rules per security group has been reached.\n│ \tstatus code: 400, request id: a6c1c40f-23ae-423f-a67b-f0a90161b43e',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // kubernetes-sigs/aws-load-balancer-controller#2022
    name: 'a step that creates an association is the Associate call (`failed to create WAFv2 webACL association`)',
    input:
      '{"level":"error","logger":"controller","msg":"Reconciler error","error":"failed to create WAFv2 webACL association on LoadBalancer: WAFNonexistentItemException: AWS WAF couldn\u2019t perform the operation because your resource doesn\u2019t exist."}',
    expected: { service: 'wafv2', action: 'wafv2:AssociateWebACL', actionSource: 'operation' },
  },
  {
    // alphagov/govuk-aws commit 9026b5e: Terraform 0.12's `modifying`, the API's Update
    name: "an older provider's `Error modifying Lambda Function Code f:` is lambda:UpdateFunctionCode",
    input:
      '\t* aws_lambda_function.transition_executor: Error modifying Lambda Function Code govuk-integration-transition: InvalidParameterValueException: The runtime parameter of python3.6 is no longer supported for creating or updating AWS Lambda functions.',
    expected: { service: 'lambda', action: 'lambda:UpdateFunctionCode', actionSource: 'operation' },
  },
  {
    // ministryofjustice/cloud-platform-infrastructure commit 26bffa1: the step's id on its own line, its part after it
    name: "a Terraform step on a resource's configuration (`updating Elasticsearch Domain` / `(arn:…) config:`) is the legacy API's UpdateElasticsearchDomainConfig",
    input:
      'Got an error Error: updating Elasticsearch Domain\n(arn:aws:es:eu-west-2:754256621582:domain/cloud-platform-live) config:\nLimitExceededException: IOPS must be between 15000 and 20000',
    expected: { service: 'es', action: 'es:UpdateElasticsearchDomainConfig', actionSource: 'operation' },
  },
  {
    // ministryofjustice/modernisation-platform-environments commit 8cbea59: aws-nuke's step without `to`
    name: "a tool's `failed get caller identity:` is sts:GetCallerIdentity",
    input:
      'BEGIN: Nuke\nError: failed get caller identity: InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, request id: 3f6fad17-c98d-473d-8e49-fda2e5270c08',
    expected: { service: 'sts', action: 'sts:GetCallerIdentity', actionSource: 'operation' },
  },
  {
    // uktrade/platform-tools commit e318b12: ElastiCache's older names carry `Cache`, the id left out by an ellipsis
    name: 'a Terraform step on an ElastiCache Subnet Group (`creating ElastiCache Subnet Group ...`) is CreateCacheSubnetGroup',
    input:
      'Error: creating ElastiCache Subnet Group ...\napi error ServiceLinkedRoleNotFoundFault: This action cannot be completed due to insufficient permissions.',
    expected: {
      service: 'elasticache',
      action: 'elasticache:CreateCacheSubnetGroup',
      actionSource: 'operation',
    },
  },
  {
    // cisagov/crossfeed commit 1898f34
    name: 'a part of a bucket the Terraform provider names after its id (`creating S3 Bucket (b) Ownership Controls:`) is its Put',
    input:
      'Error: creating S3 Bucket (cisa-crossfeed-staging-cloudtrail) Ownership Controls: AccessDenied: Access Denied',
    expected: { service: 's3', action: 's3:PutBucketOwnershipControls', actionSource: 'operation' },
  },
  {
    // openshift/cluster-api-provider-aws commit 8e04d87
    name: "a Go error chain's innermost step that names its service (`deleting S3 object: NotFound`) over the program's own",
    input:
      'E0316 16:37:08.973942     366 awsmachine_controller.go:307] "unable to delete machine" err=<\n\tdeleting bootstrap data object: deleting S3 object: NotFound: Not Found\n\t\tstatus code: 404, request id: 5Z101DW1KN380WTY\n >',
    expected: { service: 's3', action: 's3:DeleteObject', actionSource: 'operation' },
  },
  {
    // a review of this stop's change: a program's own words for its work are no API's (SNS has Publish)
    name: "a Go error chain's step that names no call of its service (`sending sns message`) proposes none",
    input: 'error: publishing event: sending sns message: AuthorizationError: User is not authorized',
    expected: { service: 'sns', action: null, actionSource: null },
  },
  {
    // gruntwork-io/knowledge-base discussion 239
    name: "Terraform 0.x's `Error putting S3 policy:` is S3's PutBucketPolicy (its calls on a bucket's part carry `Bucket`)",
    input: 'Error: Error putting S3 policy: AccessDenied: Access Denied',
    expected: { service: 's3', action: 's3:PutBucketPolicy', actionSource: 'operation' },
  },
  {
    // gruntwork-io/knowledge-base discussion 691
    name: 'a step after `Error:` (`Error: putting IAM group policy x: LimitExceeded`) is PutGroupPolicy',
    input:
      '│ Error: putting IAM group policy _all-accounts: LimitExceeded: Maximum policy size of 5120 bytes exceeded for group _all-accounts',
    expected: { service: 'iam', action: 'iam:PutGroupPolicy', actionSource: 'operation' },
  },
  {
    // jenkins-x/terraform-aws-eks-jx#32
    name: "a step without its service (`error getting user:`) is IAM's where the code is IAM's only (`NoSuchEntity`)",
    input:
      'Error: error getting user: NoSuchEntity: The user with name jenkins-x-vault cannot be found.\n\tstatus code: 404, request id: 0b3eebff-f6e3-4443-93bb-a5b605627029',
    expected: { service: 'iam', action: 'iam:GetUser', actionSource: 'operation' },
  },
  {
    // ministryofjustice/cloud-platform-environments commit 2afddc62
    name: 'a lower-case step on an Elasticsearch domain (`error updating Elasticsearch Domain config:`) calls the legacy API',
    input:
      'Error: error updating Elasticsearch Domain config: LimitExceededException: Throughput must be between 250 and 593',
    expected: { service: 'es', action: 'es:UpdateElasticsearchDomainConfig', actionSource: 'operation' },
  },
  {
    // crossplane-contrib/provider-upjet-aws#1370
    name: "the provider's `modifying ElastiCache Replication Group (r) authentication:` step is ModifyReplicationGroup",
    input:
      ' managed/elasticache.aws.upbound.io/v1beta2, kind=replicationgroup  async update failed: failed to update the resource: [{0 modifying ElastiCache Replication Group (new-test-v2) authentication: InvalidParameterValue: Auth token update strategy delete is not supported currently',
    expected: {
      service: 'elasticache',
      action: 'elasticache:ModifyReplicationGroup',
      actionSource: 'operation',
    },
  },
  {
    // crossplane-contrib/provider-aws#326
    name: "Crossplane's `cannot create ElastiCache replication group:` is CreateReplicationGroup",
    input:
      '"create failed: cannot create ElastiCache replication group: InvalidParameterCombination: Use of cache security groups is not permitted along with cache subnet group and/or security group Ids.\\n\\tstatus code: 400, request id: 7524deef-ec04-4428-87d1-8124bffe0f9c"',
    expected: {
      service: 'elasticache',
      action: 'elasticache:CreateReplicationGroup',
      actionSource: 'operation',
    },
  },
  {
    // crossplane-contrib/provider-aws/issues/281
    name: "Crossplane's `cannot describe RDS instance:` is DescribeDBInstances (RDS's nouns carry `DB`)",
    input:
      'kubectl describe rdsinstance\nEvents:\n  Type     Reason                         Age   From                                            Message\n  ----     ------                         ----  ----                                            -------\n  Normal   CreatedExternalResource        60m   managed/rdsinstance.database.aws.crossplane.io  Successfully requested creation of external resource\n  Warning  CannotObserveExternalResource  44m   managed/rdsinstance.database.aws.crossplane.io  cannot describe RDS instance: ExpiredToken: The security token included in the request is expired\n           status code: 403, request id: 9d127ad0-d550-4376-981c-59d20db485cc\n  Warning  CannotObserveExternalResource  44m  managed/rdsinstance.database.aws.crossplane.io  cannot describe RDS instance: ExpiredToken: The security token included in the request is expired\n           status code: 403, request id: 66172732-3a3a-4659-ac10-96d2ee42d227',
    expected: { service: 'rds', action: 'rds:DescribeDBInstances', actionSource: 'operation' },
  },
  {
    // synfinatic/aws-sso-cli#1359
    name: "an operation IAM authorizes with no action (SSO OIDC's RegisterClient) has no action, not one made up",
    input:
      'FATAL Unable to authenticate error="unable to register client with AWS SSO: registerClient: operation error SSO OIDC: RegisterClient, https response error StatusCode: 400, InvalidScopeException: "',
    expected: { service: 'sso-oauth', action: null, actionSource: null },
  },
  {
    // deliciousbrains/wp-amazon-web-services#63, #40: a plugin's upload, its step naming S3 as where
    name: "a tool's `Error uploading k to S3: Access Denied` is S3's PutObject",
    input:
      'Jan 20 17:14:33 dev apache2[4194]: [error] [client 192.168.33.1] Error uploading $IMAGE to S3: Access Denied, referer: $MYBLOG/wp-admin/post-new.php',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  {
    // wal-g/wal-g#1459: the upload's bucket named, the answer S3's own code
    name: "WAL-G's `failed to upload 'k' to bucket 'b': InvalidPayer` is S3's PutObject",
    input:
      "ERROR: 2023/04/23 22:13:27.118649 failed to upload 'walg/wal_005/000000010000000000000001.br' to bucket 'la-backup-shortlinker': InvalidPayer: All access to this object has been disabled\n\tstatus code: 403, request id: , host id:",
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
  {
    // aws/amazon-sagemaker-examples#4384: a download from an s3:// address
    name: 'a download of an `s3://` object is GetObject',
    input:
      'ClientError: Data download failed:Unable to download object s3://sagemaker-repository-dub/model-data-model-package_llama2-7b-v3 (AccessDenied: Access Denied)',
    expected: { service: 's3', action: 's3:GetObject', actionSource: 'operation' },
  },
  {
    // awsdocs/aws-doc-sdk-examples, the S3 Object Lock scenario's specification: a deletion the lock refused
    name: 'an `Unable to delete object k in bucket b: Access Denied` is DeleteObject',
    input:
      '        Unable to delete object dotnet-example-file1.txt in bucket dotnet-s3-lock-example0-retention-after-creation: Access Denied',
    expected: { service: 's3', action: 's3:DeleteObject', actionSource: 'operation' },
  },
  {
    // awsdocs/amazon-rekognition-developer-guide: Rekognition's own read of the image, no call the client made
    name: "Rekognition's `InvalidS3ObjectException: Unable to get object metadata from S3` proposes no S3 call",
    input:
      '{"__type":"InvalidS3ObjectException","Code":"InvalidS3ObjectException","Message":"Unable to get object metadata from S3. Check object key, region and/or access permissions."}',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // openemr/openemr-devops#170: Elastic Beanstalk's answer about its own download of a source bundle
    name: "Elastic Beanstalk's `Unable to download from S3 location` under its own code is no S3 call of the client",
    input:
      'Unable to download from S3 location (Bucket: openemr-cfn-uswest2 Key: openemr.zip). Reason: Forbidden (Service: AWSElasticBeanstalk; Status Code: 400; Error Code: InvalidParameterCombination; Request ID: e77ea5ad-8c3c-4d15-8eea-f96aa4e51df4)',
    expected: { service: 'elasticbeanstalk', action: null, actionSource: null },
  },
  {
    // a longer step name two services have (S3's and S3 on Outposts' GetBucketPolicy) is not the shorter one that only
    // Outposts has (GetBucket)
    name: 'a step whose longest name several services have is not a shorter name of one of them',
    input: 'failed to get bucket policy from bucket b: AccessDenied: Access Denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // hashicorp/terraform#16193: the wait read the environment; its events name S3's refusal, no call of the provider's
    name: "the Terraform provider's wait for an Elastic Beanstalk environment that ended in its events' errors proposes no read",
    input:
      '* aws_elastic_beanstalk_environment.prodenv: Error waiting for Elastic Beanstalk Environment (e-acecfptpk3) to become ready: 2 error(s) occurred:\n\n* 2017-09-26 21:40:31.639 +0000 UTC (e-acecfptpk3) : Service:Amazon S3, Message:Access Denied\n* 2017-09-26 21:40:31.751 +0000 UTC (e-acecfptpk3) : Failed to launch environment.',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // crossplane-contrib/provider-upjet-aws#357: the same wait, its line wrapped in a resource's status
    name: 'the same wait over two lines of a wrapped status proposes no read either',
    input:
      'message: "apply failed: Error waiting for Elastic Beanstalk Environment (e-vu2pdgnm4z)\n      to become ready: 2 errors occurred:\\n\\t* 2022-12-21 11:40:59.758 +0000 UTC (e-vu2pdgnm4z)\n      : Environment must have instance profile associated with it.\\n\\t* 2022-12-21\n      11:40:59.862 +0000 UTC (e-vu2pdgnm4z) : Failed to launch environment.\\n\\n: "',
    expected: { service: 'elasticbeanstalk', action: null, actionSource: null },
  },
  {
    // ansible-collections/community.aws commit 18e7e4c: Elastic Load Balancing and VPC Lattice both have DeleteTargetGroup
    name: "an operation two services have, its message writing one's resource ARN, is that service's",
    input:
      "Couldn't delete target group: An error occurred (ResourceInUse) when calling the DeleteTargetGroup operation: Target group 'arn:aws:elasticloadbalancing:us-east-1:966509639900:targetgroup/ansible-test-a8e44f89-tg-used/886bb3b8d9fd8c6c' is currently in use by a listener or a rule",
    expected: {
      service: 'elasticloadbalancing',
      action: 'elasticloadbalancing:DeleteTargetGroup',
      actionSource: 'operation',
    },
  },
  {
    name: 'the same operation without a resource ARN stays unresolved',
    input: 'An error occurred (AccessDenied) when calling the DeleteTargetGroup operation: Access Denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // redhat-cop/agnosticd commit 984f5de: openshift-install's destroy, a Go error chain's bare step before EC2's code
    name: 'a chain step naming no service (`msg="describe instances: UnauthorizedOperation: …`) is the answering service\'s call',
    input:
      'time="2020-05-26T14:17:29Z" level=info msg="describe instances: UnauthorizedOperation: You are not authorized to perform this operation.\\n\\tstatus code: 403, request id: 0eb0b0e6-913d-4d2f-8abd-7f2e60b5f548"',
    expected: { service: 'ec2', action: 'ec2:DescribeInstances', actionSource: 'operation' },
  },
  {
    // openshift/installer#3055: the Terraform provider 0.x's step names a network interface by its short name
    name: 'a step `Error creating ENI:` is CreateNetworkInterface',
    input:
      'ERROR \t* aws_network_interface.master.1: Error creating ENI: UnauthorizedOperation: You are not authorized to perform this operation.\nERROR \tstatus code: 403, request id: 9b772002-65ad-4642-86f3-4d314dcfa2e5',
    expected: { service: 'ec2', action: 'ec2:CreateNetworkInterface', actionSource: 'operation' },
  },
  {
    // cilium/cilium#8830: the operator's attachment of another interface
    name: 'a step `unable to attach ENI at index 3:` is AttachNetworkInterface',
    input:
      'level=warning msg="Unable to resolve IP deficit of node" error="unable to attach ENI at index 3: AttachmentLimitExceeded: Interface count 4 exceeds the limit for m5.large\\n\\tstatus code: 400, request id: 76e06519-1ee4-47eb-99cc-2b1f89bea995"',
    expected: { service: 'ec2', action: 'ec2:AttachNetworkInterface', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform#12448: a step of four words
    name: 'a step `Error modifying VPC Peering Connection options:` is ModifyVpcPeeringConnectionOptions',
    input:
      '* aws_vpc_peering_connection.test-access: Error modifying VPC Peering Connection options: OperationNotPermitted: User LOCAL_ACCOUNT_ID does not have permission to modify the accepter side peering options\n        status code: 400, request id: 348f0ae0-21ca-4caf-ba30-fdeb07e8a109',
    expected: { service: 'ec2', action: 'ec2:ModifyVpcPeeringConnectionOptions', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform-provider-aws#24362: the provider's older step for a provisioned product
    name: 'a step `Error provisioning Service Catalog Product:` is ProvisionProduct',
    input:
      'Error provisioning Service Catalog Product: InvalidParametersException: Multiple Provisioning Artifact with name AWS Control Tower Account Factory found.',
    expected: {
      service: 'servicecatalog',
      action: 'servicecatalog:ProvisionProduct',
      actionSource: 'operation',
    },
  },
  {
    // amplify-education/asiaq#254: GameLift has CreateVpcPeeringConnection too; the code is EC2's
    name: "EC2's PendingVpcPeeringConnectionLimitExceeded makes CreateVpcPeeringConnection EC2's",
    input:
      'ERROR EC2 Error response: An error occurred (PendingVpcPeeringConnectionLimitExceeded) when calling the CreateVpcPeeringConnection operation: Vpc peering connection request limit exceeded.',
    expected: { service: 'ec2', action: 'ec2:CreateVpcPeeringConnection', actionSource: 'operation' },
  },
  {
    // aws-samples/bedrock-access-gateway#206: the CloudFormation console's banner over a resource's events
    name: 'the console banner `This AWS::Lambda::Function resource is in a CREATE_FAILED state.` is CreateFunction',
    input:
      'This AWS::Lambda::Function resource is in a CREATE_FAILED state.\n\nResource handler returned message: "The image manifest, config or layer media type for the source image 111122223333.dkr.ecr.us-east-1.amazonaws.com/bedrock-proxy-api:latest is not supported. (Service: Lambda, Status Code: 400, Request ID: 72b88508-7f01-487d-8460-cfe49db47651) (SDK Attempt Count: 1)"',
    expected: { service: 'lambda', action: 'lambda:CreateFunction', actionSource: 'operation' },
  },
  {
    // hashicorp/terraform-provider-aws#14328: the API's noun carries the service's own words
    name: "a step naming its service, `error accepting Direct Connect gateway association proposal`, may be the call whose noun carries the service's words",
    input:
      'Error: error accepting Direct Connect gateway association proposal: DirectConnectClientException: Direct Connect Gateway Association Proposal  has been accepted!',
    expected: {
      service: 'directconnect',
      action: 'directconnect:AcceptDirectConnectGatewayAssociationProposal',
      actionSource: 'operation',
    },
  },
  {
    // Yoshiki0705/FSx-for-ONTAP-S3AccessPoints-Serverless-Patterns: EC2 and FSx have DeleteVolume; EC2 writes no BadRequest
    name: "an operation the curated table knows as EC2's, answered with a code EC2 never writes (BadRequest), is not EC2's",
    input:
      'An error occurred (BadRequest) when calling the DeleteVolume operation:\nCannot delete volume while it has one or multiple S3 access points: [<ap-name>]',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // amazon-connect/amazon-connect-snippets: IAM writes no InvalidRequestException; several services have CreateUser
    name: 'CreateUser answered with InvalidRequestException is no IAM call, and stays unresolved among the services that have it',
    input:
      'botocore.errorfactory.InvalidRequestException: An error occurred (InvalidRequestException) when calling the CreateUser operation: Required parameter missing: Password',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    // hashicorp/terraform-provider-aws#19400: the older provider's import of a certificate
    name: 'a step `error importing ACM Certificate:` is ImportCertificate',
    input:
      'Error: error importing ACM Certificate: ValidationException: The certificate field contains more than one certificate.',
    expected: { service: 'acm', action: 'acm:ImportCertificate', actionSource: 'operation' },
  },
  {
    // jonrau1/ElectricEye's auditors: Secrets Manager is the curated table's one service of GetResourcePolicy; the code is
    // Glue's or Lake Formation's, and of those Glue has the operation
    name: "an operation the curated table knows as one service's, answered with a code of others, is the one of those that has it",
    input:
      'An error occurred (EntityNotFoundException) when calling the GetResourcePolicy operation: Policy not found',
    expected: { service: 'glue', action: 'glue:GetResourcePolicy', actionSource: 'operation' },
  },
];

describe('refineWithCatalog', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const read = readError(c.input);
    if (!read.ok) throw new Error(read.diagnostics[0]?.message);
    const refined = await refineWithCatalog(read.value, nodeCatalog());
    expect({
      service: refined.failure.service,
      action: refined.failure.action,
      actionSource: refined.actionSource,
    }).toEqual(c.expected);
    // an unnamed action is an unknown of a denial only
    if (refined.kind === 'authorization') {
      expect(refined.unknowns.some((u) => u.code === 'action-not-named')).toBe(c.expected.action === null);
    }
  });
});
