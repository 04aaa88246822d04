import { type HintSet, PRIORITY } from './hints.js';
import { lookForPhrases, phrasesIn } from './phrase-scan.js';

/** A client's own failure to find credentials: no call was made. */
const NO_CREDENTIALS_FOUND =
  /\bCredentialsError: Missing credentials|\bNoCredentialProviders\b|\bUnable to locate credentials\b/;

/**
 * Step descriptions that infrastructure tools print before the AWS error, and the operation each step
 * calls. Terraform's AWS provider, Karpenter and CloudFormation name the step, not the API; the
 * denied action is then only known from this table. Tried in order: more specific phrases first.
 */
const TOOL_PHRASES: readonly {
  readonly phrase: string;
  readonly service: string;
  readonly operation: string;
  readonly surface: string;
  /** The other operation of the same step, when the text after the phrase says it was that one. */
  readonly otherwise?: { readonly pattern: RegExp; readonly operation: string };
  /** Text that tells the step went on past this call and failed elsewhere. */
  readonly unless?: RegExp;
}[] = [
  { phrase: 'with fleet error(s)', service: 'ec2', operation: 'CreateFleet', surface: 'controller' },
  // the Terraform provider reading a VPC's main route table (`error reading EC2 VPC (vpc-…) main Route Table:
  // UnauthorizedOperation`: hashicorp/terraform-provider-aws#22709), a DescribeRouteTables filtered by the VPC
  { phrase: 'main Route Table:', service: 'ec2', operation: 'DescribeRouteTables', surface: 'terraform' },
  // docker-machine's amazonec2 driver (`Error launching instance:`), Cluster API's AWS provider (`failed to
  // run instance:`) and Ansible's ec2 module (`Instance creation failed =>`) wrap RunInstances' error
  {
    phrase: 'Error launching instance',
    service: 'ec2',
    operation: 'RunInstances',
    surface: 'docker-machine',
  },
  { phrase: 'failed to run instance', service: 'ec2', operation: 'RunInstances', surface: 'controller' },
  // Cluster API's AWS provider setting a new VPC's DNS attributes (`failed to set vpc attributes:`)
  {
    phrase: 'failed to set vpc attributes',
    service: 'ec2',
    operation: 'ModifyVpcAttribute',
    surface: 'controller',
  },
  // the AWS Load Balancer Controller finding an ingress's subnets by their tags
  {
    phrase: "couldn't auto-discover subnets",
    service: 'ec2',
    operation: 'DescribeSubnets',
    surface: 'controller',
  },
  { phrase: 'Instance creation failed =>', service: 'ec2', operation: 'RunInstances', surface: 'ansible' },
  // the older Terraform provider's step for an EventBridge rule's target (`Creating CloudWatch Events Target failed:`),
  // which PutTargets adds https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html
  {
    phrase: 'Creating CloudWatch Events Target',
    service: 'events',
    operation: 'PutTargets',
    surface: 'terraform',
  },
  // the .NET SDK assuming a profile's role for its credentials (`AmazonClientException: Error calling AssumeRole for
  // role <arn> ---> AmazonSecurityTokenServiceException: …`: aws/aws-sdk-net#681)
  {
    phrase: 'Error calling AssumeRole for role',
    service: 'sts',
    operation: 'AssumeRole',
    surface: 'dotnet',
    // (its web identity credentials print the same words over AssumeRoleWithWebIdentity's answer: aws/aws-sdk-net#1522)
    unless: /\bsts:AssumeRoleWith/,
  },
  // saml2aws exchanging the identity provider's assertion for credentials (`Error retrieving STS credentials using
  // SAML.: ValidationError: …`: Versent/saml2aws#1514)
  {
    phrase: 'Error retrieving STS credentials using SAML',
    service: 'sts',
    operation: 'AssumeRoleWithSAML',
    surface: 'saml2aws',
  },
  // the Amazon plugin of Packer: its AMI lookups (source AMI, name prevalidation) wrap DescribeImages
  { phrase: 'Error querying AMI', service: 'ec2', operation: 'DescribeImages', surface: 'packer' },
  // (and its older wording after an AMI's creation, the code in parentheses at the end: `Error querying images: The
  // image id '[ami-…]' does not exist (InvalidAMIID.NotFound)`: hashicorp/packer#207)
  { phrase: 'Error querying images', service: 'ec2', operation: 'DescribeImages', surface: 'packer' },
  // Velero's AWS plugin attaching a restored volume (`Error attaching EBS volume "vol-…" to instance "i-…":
  // "UnauthorizedOperation: …`: velero-io/velero#369), Karpenter terminating a node's instance (`terminating instance
  // ip-…, UnauthorizedOperation: …`: aws/karpenter-provider-aws#2100) and the AWS Load Balancer Controller creating the
  // backend security group (`Failed to auto-create backend SG`: kubernetes-sigs/aws-load-balancer-controller#2389)
  { phrase: 'Error attaching EBS volume', service: 'ec2', operation: 'AttachVolume', surface: 'controller' },
  { phrase: 'terminating instance', service: 'ec2', operation: 'TerminateInstances', surface: 'controller' },
  {
    phrase: 'Failed to auto-create backend SG',
    service: 'ec2',
    operation: 'CreateSecurityGroup',
    surface: 'controller',
  },
  // the EBS CSI driver's CreateDisk: `could not create volume in EC2: <CreateVolume's error>`
  {
    phrase: 'could not create volume in EC2',
    service: 'ec2',
    operation: 'CreateVolume',
    surface: 'controller',
  },
  // Kubernetes' in-tree EBS volume plugin (and tools written after it) resizing a volume: `AWS modifyVolume failed for
  // vol-… with <ModifyVolume's error>`
  {
    phrase: 'AWS modifyVolume failed for',
    service: 'ec2',
    operation: 'ModifyVolume',
    surface: 'controller',
  },
  // ClickHouse's S3 table function listing the keys a glob matches (`Could not list objects in bucket 'b' with
  // prefix 'p', S3 exception: …`)
  {
    phrase: 'Could not list objects in bucket',
    service: 's3',
    operation: 'ListObjectsV2',
    surface: 'clickhouse',
  },
  // the Lambda console's test of a function (`Calling the Invoke API failed with message: Rate Exceeded.`, `Calling the
  // invoke API action failed with this message: …`): https://repost.aws/knowledge-center/lambda-kmsaccessdeniedexception-errors
  { phrase: 'Calling the Invoke API', service: 'lambda', operation: 'Invoke', surface: 'console' },
  { phrase: 'Calling the invoke API', service: 'lambda', operation: 'Invoke', surface: 'console' },
  // the Terraform provider starting and stopping an instance (`starting EC2 Instance (i-…): ReservationCapacityExceeded`)
  { phrase: 'starting EC2 Instance', service: 'ec2', operation: 'StartInstances', surface: 'terraform' },
  { phrase: 'stopping EC2 Instance', service: 'ec2', operation: 'StopInstances', surface: 'terraform' },
  // its Availability Zones data source (`Error fetching Availability Zones: UnauthorizedOperation`) and a new security
  // group's default egress rule, which it revokes (`revoking default egress rule for Security Group (sg-…)`)
  {
    phrase: 'Error fetching Availability Zones',
    service: 'ec2',
    operation: 'DescribeAvailabilityZones',
    surface: 'terraform',
  },
  {
    phrase: 'revoking default egress rule',
    service: 'ec2',
    operation: 'RevokeSecurityGroupEgress',
    surface: 'terraform',
  },
  // Docker's awslogs driver, as an ECS task's stopped reason relays it (`failed to create Cloudwatch log stream:
  // ResourceNotFoundException: The specified log group does not exist`)
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
  {
    phrase: 'failed to create Cloudwatch log stream',
    service: 'logs',
    operation: 'CreateLogStream',
    surface: 'ecs-agent',
  },
  {
    phrase: 'failed to create Cloudwatch log group',
    service: 'logs',
    operation: 'CreateLogGroup',
    surface: 'ecs-agent',
  },
  // the Amplify libraries' Storage category (`Something went wrong with your AWS S3 Storage upload file operation`)
  // https://docs.amplify.aws/gen1/android/build-a-backend/storage/
  {
    phrase: 'AWS S3 Storage upload file operation',
    service: 's3',
    operation: 'PutObject',
    surface: 'amplify',
  },
  {
    phrase: 'AWS S3 Storage download file operation',
    service: 's3',
    operation: 'GetObject',
    surface: 'amplify',
  },
  { phrase: 'AWS S3 Storage list operation', service: 's3', operation: 'ListObjectsV2', surface: 'amplify' },
  { phrase: 'AWS S3 Storage remove operation', service: 's3', operation: 'DeleteObject', surface: 'amplify' },
  // the .NET Lambda tools' upload of a package (`Uploading to S3. (Bucket: b Key: k.zip) Error uploading to k in bucket b:
  // Access Denied`: aws/aws-extensions-for-dotnet-cli#138)
  // (not where the upload went through and a later step failed: `… Progress: 100%` / `Error creating Lambda function`)
  {
    phrase: 'Uploading to S3. (Bucket:',
    service: 's3',
    operation: 'PutObject',
    surface: 'lambda-tools',
    unless: /\.\.\. Progress: 100%/,
  },
  // the Kubernetes cluster autoscaler reading a managed node group's labels (`Failed to get labels from EKS
  // DescribeNodegroup API for nodegroup …`: aws-ia/terraform-aws-eks-blueprints-addons#89)
  {
    phrase: 'from EKS DescribeNodegroup API',
    service: 'eks',
    operation: 'DescribeNodegroup',
    surface: 'cluster-autoscaler',
  },
  // Packer's check that the temporary security group it made exists (`[DEBUG] Describing tempSecurityGroup to ensure it is
  // available: sg-…`, then `Error in querying security group UnauthorizedOperation`: hashicorp/packer commit b7d2538);
  // its error line, not the debug line every run prints
  {
    phrase: 'Error in querying security group',
    service: 'ec2',
    operation: 'DescribeSecurityGroups',
    surface: 'packer',
  },
  // WAL-G listing a backup folder, Velero listing a backup store's backups (both S3 listings where S3 answered)
  { phrase: 'failed to list s3 folder', service: 's3', operation: 'ListObjectsV2', surface: 'wal-g' },
  {
    phrase: 'Error listing backups in backup store',
    service: 's3',
    operation: 'ListObjectsV2',
    surface: 'velero',
  },
  // eksctl's stack for a cluster or node group (`creating CloudFormation stack "eksctl-…": InsufficientCapabilitiesException`)
  {
    phrase: 'creating CloudFormation stack',
    service: 'cloudformation',
    operation: 'CreateStack',
    surface: 'eksctl',
  },
  // AWS Copilot's upload of a custom resource's code to the environment's bucket (`upload custom resource
  // "EnvControllerFunction": upload manual/scripts/….zip to bucket b: AccessDenied: Access Denied`)
  { phrase: 'upload custom resource', service: 's3', operation: 'PutObject', surface: 'copilot' },
  // Terraform 4.x's step for an EBS volume (5.x writes `creating EC2 EBS Volume`)
  { phrase: 'creating EBS Volume', service: 'ec2', operation: 'CreateVolume', surface: 'terraform' },
  // Terraform's S3 backend writing the state object, and Terragrunt creating the state bucket
  { phrase: 'failed to upload state', service: 's3', operation: 'PutObject', surface: 'terraform' },
  { phrase: 'Create S3 bucket', service: 's3', operation: 'CreateBucket', surface: 'terragrunt' },
  { phrase: 'creating fleet', service: 'ec2', operation: 'CreateFleet', surface: 'controller' },
  { phrase: 'tagging instance', service: 'ec2', operation: 'CreateTags', surface: 'controller' },
  { phrase: 'launching source instance', service: 'ec2', operation: 'RunInstances', surface: 'terraform' },
  { phrase: 'creating EC2 Instance', service: 'ec2', operation: 'RunInstances', surface: 'terraform' },
  // the older provider's RDS instance, named without its service (`Error creating DB Instance: ExpiredToken: …`:
  // HashiCorp's support article on ExpiredToken errors in long applies), no Timestream for InfluxDB's CreateDbInstance
  {
    phrase: 'Error creating DB Instance',
    service: 'rds',
    operation: 'CreateDBInstance',
    surface: 'terraform',
  },
  // an Aurora cluster changed (`updating RDS Cluster (c): InvalidParameterValue: …`: terraform-aws-modules/
  // terraform-aws-rds-aurora commit 5b54e72), and a tag set on another resource by `aws_ec2_tag` (`error creating EC2 Tag
  // (Name) for resource (): …`: terraform-aws-modules/terraform-aws-transit-gateway commit e9da39b)
  { phrase: 'updating RDS Cluster', service: 'rds', operation: 'ModifyDBCluster', surface: 'terraform' },
  { phrase: 'creating EC2 Tag', service: 'ec2', operation: 'CreateTags', surface: 'terraform' },
  // Amazon Managed Service for Prometheus' workspace, its service named by its product's last word (`creating Prometheus
  // Workspace: AccessDeniedException`: aws-samples/eks-workshop-v2#436)
  // https://docs.aws.amazon.com/prometheus/latest/APIReference/API_CreateWorkspace.html
  {
    phrase: 'creating Prometheus Workspace',
    service: 'aps',
    operation: 'CreateWorkspace',
    surface: 'terraform',
  },
  // the provider's Aurora cluster created (`error creating RDS cluster: KMSKeyNotAccessibleFault: …`:
  // hashicorp/terraform-provider-aws#16362) https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
  // (the step of a cluster restored from a snapshot too, whose sentence names that call: mattermost/mattermost-cloud-monitoring#446)
  {
    phrase: 'creating RDS cluster',
    service: 'rds',
    operation: 'CreateDBCluster',
    surface: 'terraform',
    unless: /\brds:RestoreDBCluster/,
  },
  // the older provider's policy attachment (`Error attaching policy arn:… to IAM Role r: NoSuchEntity: …`:
  // hashicorp/terraform#31748), to a user its own call https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html
  {
    phrase: 'attaching policy arn:',
    service: 'iam',
    operation: 'AttachRolePolicy',
    surface: 'terraform',
    otherwise: { pattern: /attaching policy arn:\S{1,300} to IAM User/i, operation: 'AttachUserPolicy' },
    // (its group's own call, AttachGroupPolicy, is none the table proposes)
    unless: /attaching policy arn:\S{1,300} to IAM group/i,
  },
  // the older provider's AWS Config recorder (`Creating Configuration Recorder failed: MaxNumberOf…: Failed to put
  // configuration recorder …`: hashicorp/terraform-provider-aws#2183)
  // https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html
  {
    phrase: 'Creating Configuration Recorder failed',
    service: 'config',
    operation: 'PutConfigurationRecorder',
    surface: 'terraform',
  },
  // a bucket's Object Lock configuration read with the bucket (`error getting S3 Bucket Object Lock configuration:
  // AccessDenied`: gruntwork-io/terragrunt#640) https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectLockConfiguration.html
  {
    phrase: 'getting S3 Bucket Object Lock configuration',
    service: 's3',
    operation: 'GetObjectLockConfiguration',
    surface: 'terraform',
  },
  {
    phrase: 'reading EC2 Instance Type',
    service: 'ec2',
    operation: 'DescribeInstanceTypes',
    surface: 'terraform',
  },
  { phrase: 'reading EC2 Instance', service: 'ec2', operation: 'DescribeInstances', surface: 'terraform' },
  {
    phrase: 'creating EC2 Launch Template',
    service: 'ec2',
    operation: 'CreateLaunchTemplate',
    surface: 'terraform',
  },
  { phrase: 'creating EC2 EBS Volume', service: 'ec2', operation: 'CreateVolume', surface: 'terraform' },
  {
    phrase: 'creating Security Group',
    service: 'ec2',
    operation: 'CreateSecurityGroup',
    surface: 'terraform',
  },
  { phrase: 'creating EC2 VPC', service: 'ec2', operation: 'CreateVpc', surface: 'terraform' },
  // Terraform 0.11's names: `Error creating Step Function State Machine:`, `Error creating LB Listener:`,
  // `Error requesting certificate:` (ACM's RequestCertificate)
  {
    phrase: 'creating Step Function State Machine',
    service: 'states',
    operation: 'CreateStateMachine',
    surface: 'terraform',
  },
  {
    phrase: 'creating LB Listener',
    service: 'elasticloadbalancing',
    operation: 'CreateListener',
    surface: 'terraform',
  },
  { phrase: 'requesting certificate', service: 'acm', operation: 'RequestCertificate', surface: 'terraform' },
  // the ECS agent's private registry credentials, a Secrets Manager secret
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html
  {
    phrase: 'unable to get registry auth from asm',
    service: 'secretsmanager',
    operation: 'GetSecretValue',
    surface: 'ecs-agent',
  },
  // the provider before 4.x named these without the service (`Error creating VPC: VpcLimitExceeded`, `Error
  // creating EIP: AddressLimitExceeded`); an Elastic IP is allocated (AllocateAddress)
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllocateAddress.html
  { phrase: 'creating VPC:', service: 'ec2', operation: 'CreateVpc', surface: 'terraform' },
  { phrase: 'creating EIP:', service: 'ec2', operation: 'AllocateAddress', surface: 'terraform' },
  { phrase: 'creating EC2 EIP', service: 'ec2', operation: 'AllocateAddress', surface: 'terraform' },
  // the aws_lambda_invocation resource (`invoking Lambda Function (f): …`), and Auto Scaling's activity that
  // launches an instance (`Launching a new EC2 instance.  Status Reason: …`), a RunInstances call
  { phrase: 'invoking Lambda Function', service: 'lambda', operation: 'Invoke', surface: 'terraform' },
  {
    phrase: 'Launching a new EC2 instance',
    service: 'ec2',
    operation: 'RunInstances',
    surface: 'autoscaling',
  },
  { phrase: 'creating EC2 Subnet', service: 'ec2', operation: 'CreateSubnet', surface: 'terraform' },
  { phrase: 'creating EC2 Key Pair', service: 'ec2', operation: 'ImportKeyPair', surface: 'terraform' },
  // (Terraform 0.x's wording of the same: `Error import KeyPair: InvalidKeyPair.Duplicate: …`)
  { phrase: 'Error import KeyPair', service: 'ec2', operation: 'ImportKeyPair', surface: 'terraform' },
  // the Terraform provider's update of a managed policy's document, a new default version (`Error updating IAM policy
  // arn:…: LimitExceeded: Cannot exceed quota for PolicySize: 6144`: openillumi's PolicySize article), and its steps for
  // a service-linked role, an inline role policy and a bucket's public access block (`Error creating service-linked role
  // with name es.amazonaws.com: AccessDenied: …`: hashicorp/terraform-provider-aws#7181; `putting IAM role policy x:
  // LimitExceeded: …`; `error creating public access block policy for S3 bucket (b): AccessDenied`:
  // trussworks/terraform-aws-logs#26) https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
  {
    phrase: 'updating IAM policy arn:',
    service: 'iam',
    operation: 'CreatePolicyVersion',
    surface: 'terraform',
  },
  {
    phrase: 'updating IAM Policy (arn:',
    service: 'iam',
    operation: 'CreatePolicyVersion',
    surface: 'terraform',
  },
  {
    phrase: 'creating service-linked role with name',
    service: 'iam',
    operation: 'CreateServiceLinkedRole',
    surface: 'terraform',
  },
  { phrase: 'putting IAM role policy', service: 'iam', operation: 'PutRolePolicy', surface: 'terraform' },
  {
    phrase: 'creating public access block policy for S3 bucket',
    service: 's3',
    operation: 'PutPublicAccessBlock',
    surface: 'terraform',
  },
  // the ECR credential helper's and the Azure DevOps toolkit's token for a registry login (`ecr: Failed to get authorization
  // token: UnrecognizedClientException: …`: awslabs/amazon-ecr-credential-helper#273; `Failed to obtain authorization token
  // to log in to ECR, error: …`: aws/aws-toolkit-azure-devops#465); no call where the client found no credentials to make
  // it with (`… log in to ECR, error: CredentialsError: Missing credentials in config`: aws/aws-toolkit-azure-devops#483)
  // https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html
  {
    phrase: 'ecr: Failed to get authorization',
    service: 'ecr',
    operation: 'GetAuthorizationToken',
    surface: 'tool',
    unless: NO_CREDENTIALS_FOUND,
  },
  {
    phrase: 'obtain authorization token to log in to ECR',
    service: 'ecr',
    operation: 'GetAuthorizationToken',
    surface: 'tool',
    unless: NO_CREDENTIALS_FOUND,
  },
  // SOPS encrypting a file's data key with a KMS key (`failed to encrypt new data key with master key "arn:aws:kms:…":
  // Failed to call KMS encryption service: AccessDeniedException`: getsops/sops#712)
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
  { phrase: 'Failed to call KMS encryption service', service: 'kms', operation: 'Encrypt', surface: 'tool' },
  // the older Terraform provider's object upload (`Error putting object in S3 bucket (b): AccessDenied`) and Elastic
  // Beanstalk's event of its environment's launch configuration (`Creating Auto Scaling launch configuration failed
  // Reason: …`) https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.events.html
  { phrase: 'putting object in S3 bucket', service: 's3', operation: 'PutObject', surface: 'terraform' },
  // (and its trail's logging started: `Error starting logging on CloudTrail (t): TrailNotFoundException: …`,
  // nozaq/terraform-aws-secure-baseline#306) https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html
  {
    phrase: 'starting logging on CloudTrail',
    service: 'cloudtrail',
    operation: 'StartLogging',
    surface: 'terraform',
  },
  // (and of its environment's load balancer: `Creating load balancer named: arn:… failed Reason: …`)
  {
    phrase: 'Creating load balancer named:',
    service: 'elasticloadbalancing',
    operation: 'CreateLoadBalancer',
    surface: 'elasticbeanstalk',
  },
  {
    phrase: 'Creating Auto Scaling launch configuration failed Reason:',
    service: 'autoscaling',
    operation: 'CreateLaunchConfiguration',
    surface: 'elasticbeanstalk',
  },
  { phrase: 'creating IAM Role', service: 'iam', operation: 'CreateRole', surface: 'terraform' },
  // (not IoT's role alias, a role's name for devices, which older providers wrote in the same words: `error creating role
  // alias iot-ota-access for role arn:…: AccessDeniedException`, hashicorp/terraform-provider-aws#29011)
  // https://docs.aws.amazon.com/iot/latest/apireference/API_CreateRoleAlias.html
  { phrase: 'error creating role alias', service: 'iot', operation: 'CreateRoleAlias', surface: 'terraform' },
  { phrase: 'creating IoT Role Alias', service: 'iot', operation: 'CreateRoleAlias', surface: 'terraform' },
  { phrase: 'error creating role', service: 'iam', operation: 'CreateRole', surface: 'terraform' },
  { phrase: 'creating IAM Policy', service: 'iam', operation: 'CreatePolicy', surface: 'terraform' },
  {
    phrase: 'creating IAM Instance Profile',
    service: 'iam',
    operation: 'CreateInstanceProfile',
    surface: 'terraform',
  },
  // Terraform's aws_s3_bucket_acl (`error creating S3 bucket ACL for b:`) before the bucket's own creation
  { phrase: 'creating S3 bucket ACL', service: 's3', operation: 'PutBucketAcl', surface: 'terraform' },
  // (not a part of the bucket the provider names after its id: `creating S3 Bucket (b) Ownership Controls:` is the step's)
  {
    phrase: 'creating S3 Bucket',
    service: 's3',
    operation: 'CreateBucket',
    surface: 'terraform',
    unless: /creating S3 Bucket \([^()\n]{1,300}\) [A-Z][A-Za-z0-9 ]{0,60}:/,
  },
  {
    phrase: 'creating Lambda Function',
    service: 'lambda',
    operation: 'CreateFunction',
    surface: 'terraform',
  },
  { phrase: 'creating KMS Key', service: 'kms', operation: 'CreateKey', surface: 'terraform' },
  // Terraform 0.10's aws_lambda_function update (`Error modifying Lambda Function Configuration f: …`)
  {
    phrase: 'modifying Lambda Function Configuration',
    service: 'lambda',
    operation: 'UpdateFunctionConfiguration',
    surface: 'terraform',
  },
  // Packer's source AMI lookup (`Error retrieving details for AMI (ami-…): InvalidAMIID.NotFound`)
  { phrase: 'retrieving details for AMI', service: 'ec2', operation: 'DescribeImages', surface: 'packer' },
  // tools that read a stack's outputs (dotenvi: `Error describing stack NAME error=Throttling`)
  {
    phrase: 'Error describing stack',
    service: 'cloudformation',
    operation: 'DescribeStacks',
    surface: 'tool',
  },
  // sqs-consumer (Node.js): `SQS receive message failed: …`
  { phrase: 'SQS receive message failed', service: 'sqs', operation: 'ReceiveMessage', surface: 'tool' },
  // Terraform 0.9's aws_kms_key: `Failed to set key rotation for "<id>" to true: …` (false: DisableKeyRotation)
  {
    phrase: 'set key rotation for',
    service: 'kms',
    operation: 'EnableKeyRotation',
    surface: 'terraform',
    otherwise: { pattern: /set key rotation for \S{1,200} to false\b/i, operation: 'DisableKeyRotation' },
  },
  // Terraform 0.9's aws_s3_bucket `acl` (`Error putting S3 ACL: AccessDenied`)
  { phrase: 'putting S3 ACL', service: 's3', operation: 'PutBucketAcl', surface: 'terraform' },
  {
    phrase: 'creating Organizations Policy',
    service: 'organizations',
    operation: 'CreatePolicy',
    surface: 'terraform',
  },
  { phrase: 'creating ECS Service', service: 'ecs', operation: 'CreateService', surface: 'terraform' },
  { phrase: 'creating EKS Cluster', service: 'eks', operation: 'CreateCluster', surface: 'terraform' },
  { phrase: 'creating RDS DB Instance', service: 'rds', operation: 'CreateDBInstance', surface: 'terraform' },
  // the Terraform AWS provider's Organizations steps, the older unqualified names (`Error describing organization:`
  // of the organization data source, `Error creating organization:`) and the accounts listing of its read
  // (`listing AWS Organization (o-…) accounts:`, `… DelegatedAdministrators:`)
  {
    phrase: 'Error describing organization',
    service: 'organizations',
    operation: 'DescribeOrganization',
    surface: 'terraform',
  },
  {
    phrase: 'Error creating organization:',
    service: 'organizations',
    operation: 'CreateOrganization',
    surface: 'terraform',
  },
  {
    phrase: 'listing AWS Organization (',
    service: 'organizations',
    operation: 'ListAccounts',
    surface: 'terraform',
    otherwise: {
      pattern: /listing AWS Organization \([^)\n]{0,80}\) DelegatedAdministrators/,
      operation: 'ListDelegatedAdministrators',
    },
  },
  // the provider reads a bucket with HeadBucket first (authorised as s3:ListBucket); its newer name
  // (`reading Amazon S3 (Simple Storage) Bucket (b)`) is read without the gloss (`withoutServiceGlosses`)
  { phrase: 'reading S3 Bucket (', service: 's3', operation: 'HeadBucket', surface: 'terraform' },
  // a queue's read is GetQueueAttributes; an HTTP API's creation is API Gateway v2's CreateApi (`POST`); the
  // account's backup settings are set by UpdateGlobalSettings
  { phrase: 'reading SQS Queue', service: 'sqs', operation: 'GetQueueAttributes', surface: 'terraform' },
  {
    phrase: 'creating API Gateway v2 API',
    service: 'apigateway',
    operation: 'CreateApi',
    surface: 'terraform',
  },
  {
    phrase: 'setting Backup Global Settings',
    service: 'backup',
    operation: 'UpdateGlobalSettings',
    surface: 'terraform',
  },
  // more of the provider's steps whose API names the resource otherwise: a record set is changed, a certificate
  // requested, a rule, a parameter, an alarm and a secret's value put, a task definition registered, a permission
  // added, a policy attached, an EMR cluster run as a job flow
  {
    phrase: 'creating Route 53 Record',
    service: 'route53',
    operation: 'ChangeResourceRecordSets',
    surface: 'terraform',
  },
  {
    phrase: 'deleting Route 53 Record',
    service: 'route53',
    operation: 'ChangeResourceRecordSets',
    surface: 'terraform',
  },
  {
    phrase: 'creating ACM Certificate',
    service: 'acm',
    operation: 'RequestCertificate',
    surface: 'terraform',
  },
  { phrase: 'creating EventBridge Rule', service: 'events', operation: 'PutRule', surface: 'terraform' },
  // a trail, which older providers named by its service alone (`Error creating CloudTrail: CloudTrailAccessNotEnabled…`:
  // nozaq/terraform-aws-secure-baseline#166), its logging started once it exists (`creating CloudTrail: starting
  // logging: TrailNotFoundException`: hashicorp/terraform-provider-aws#30387)
  {
    phrase: 'creating CloudTrail',
    service: 'cloudtrail',
    operation: 'CreateTrail',
    surface: 'terraform',
    otherwise: {
      pattern: /creating CloudTrail[^:\n]{0,200}: starting logging: /i,
      operation: 'StartLogging',
    },
  },
  { phrase: 'creating SSM Parameter', service: 'ssm', operation: 'PutParameter', surface: 'terraform' },
  // the provider's provisioned product, which Service Catalog provisions (`creating Service Catalog Provisioned Product
  // (p): …`) https://docs.aws.amazon.com/servicecatalog/latest/dg/API_ProvisionProduct.html
  {
    phrase: 'creating Service Catalog Provisioned Product',
    service: 'servicecatalog',
    operation: 'ProvisionProduct',
    surface: 'terraform',
  },
  // the provider's Lake Formation permissions, which it grants (`error creating Lake Formation Permissions (input: {…}):
  // … InvalidInputException: Permissions modification is invalid.`)
  // https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_GrantPermissions.html
  {
    phrase: 'creating Lake Formation Permissions',
    service: 'lakeformation',
    operation: 'GrantPermissions',
    surface: 'terraform',
  },
  // Packer's copy of the AMI it built to other Regions and its change of the AMI's launch permissions (`Error Copying AMI
  // (ami-1) to region (us-east-1): InvalidRequest: …`: hashicorp/packer#6778; `Error modify AMI attributes:
  // InvalidParameter: …`: hashicorp/packer-plugin-amazon#270)
  { phrase: 'Error Copying AMI (', service: 'ec2', operation: 'CopyImage', surface: 'packer' },
  // (and its registration of an instance-store AMI's manifest: `Error registering AMI: InvalidManifest: …`,
  // hashicorp/packer#5231)
  { phrase: 'Error registering AMI', service: 'ec2', operation: 'RegisterImage', surface: 'packer' },
  {
    phrase: 'Error modify AMI attributes',
    service: 'ec2',
    operation: 'ModifyImageAttribute',
    surface: 'packer',
  },
  {
    phrase: 'creating ECS Task Definition',
    service: 'ecs',
    operation: 'RegisterTaskDefinition',
    surface: 'terraform',
  },
  {
    phrase: 'creating CloudWatch Metric Alarm',
    service: 'cloudwatch',
    operation: 'PutMetricAlarm',
    surface: 'terraform',
  },
  {
    phrase: 'creating Lambda Permission',
    service: 'lambda',
    operation: 'AddPermission',
    surface: 'terraform',
  },
  // the function's reserved concurrency (`error setting Lambda Function (f) concurrency:`)
  { phrase: ') concurrency: ', service: 'lambda', operation: 'PutFunctionConcurrency', surface: 'terraform' },
  {
    phrase: 'putting Secrets Manager Secret',
    service: 'secretsmanager',
    operation: 'PutSecretValue',
    surface: 'terraform',
  },
  // Terraform's instance profile: `Error adding role r to IAM instance profile p` (0.x), `adding IAM Role (r) to IAM
  // Instance Profile (p)`, `… to Instance Profile (p)` (newer)
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html
  {
    phrase: 'to IAM instance profile',
    service: 'iam',
    operation: 'AddRoleToInstanceProfile',
    surface: 'terraform',
  },
  {
    phrase: 'to Instance Profile (',
    service: 'iam',
    operation: 'AddRoleToInstanceProfile',
    surface: 'terraform',
  },
  {
    phrase: 'attaching IAM Policy',
    service: 'iam',
    operation: 'AttachRolePolicy',
    surface: 'terraform',
    otherwise: {
      pattern: /attaching IAM Policy \([^)\n]{0,300}\) to IAM User/,
      operation: 'AttachUserPolicy',
    },
  },
  {
    phrase: 'creating EMR Cluster',
    service: 'elasticmapreduce',
    operation: 'RunJobFlow',
    surface: 'terraform',
  },
  {
    phrase: 'creating Cognito Identity Pool',
    service: 'cognito-identity',
    operation: 'CreateIdentityPool',
    surface: 'terraform',
  },
  { phrase: 'creating EKS Add-On', service: 'eks', operation: 'CreateAddon', surface: 'terraform' },
  // the CDK CLI's deploy step (`MyStack: creating CloudFormation changeset...`)
  {
    phrase: 'creating CloudFormation changeset',
    service: 'cloudformation',
    operation: 'CreateChangeSet',
    surface: 'cdk',
    // a resource's stack event (`CREATE_FAILED | AWS::Bedrock::KnowledgeBase`): the change set was made and ran
    unless: /\b(?:CREATE|UPDATE|DELETE)_FAILED\b[\s|│]{1,40}AWS::/,
  },
  // the CDK CLI's default account lookup (its SDK provider asks STS GetCallerIdentity, then logs `Unable to
  // determine the default AWS account (<code>): <message>` at debug level)
  {
    phrase: 'Unable to determine the default AWS account',
    service: 'sts',
    operation: 'GetCallerIdentity',
    surface: 'cdk',
  },
  {
    phrase: 'Could not assume role with OIDC',
    service: 'sts',
    operation: 'AssumeRoleWithWebIdentity',
    surface: 'github-actions',
  },
  {
    phrase: 'Could not assume role with user credentials',
    service: 'sts',
    operation: 'AssumeRole',
    surface: 'github-actions',
  },
];

/**
 * Whether the phrase names the whole step somewhere in the text: not only as the start of a longer resource name
 * (`creating IAM Role` in `creating IAM Role Policy`, `creating EC2 VPC` in `creating EC2 VPC Endpoint`), which
 * the provider writes with one more capitalised word.
 */
function standsAlone(text: string, phrase: string): boolean {
  // a phrase that ends in its own punctuation (`creating VPC:`, `failed =>`) ends the name itself
  if (!/[A-Za-z0-9]$/.test(phrase)) return true;
  // in any case, as the phrase set found it (`creating CloudFormation stack` in `creating CloudFormation StackSet`); a
  // megabyte is not lower-cased to look again
  const written = anyCase(phrase);
  let seen = 0;
  for (let found = written.exec(text); found !== null && seen < 20; found = written.exec(text), seen++) {
    const end = found.index + phrase.length;
    const after = text.slice(end, end + 34);
    // one more word of a name (`Policy (`, `Endpoint:`), not a code (`UnauthorizedOperation:`), nor the rest of the
    // word (`StackSet`, another resource), but for its plural (`run instances:`)
    if (/^s(?![A-Za-z0-9])/.test(after) || !/^(?:[A-Za-z0-9]| [A-Z][a-z-]{1,30}(?:[ (:]|$))/.test(after))
      return true;
  }
  return seen === 0;
}

/** A phrase's pattern in any case, made once for each phrase of the table (the search starts over at each use). */
function anyCase(phrase: string): RegExp {
  let pattern = ANY_CASE.get(phrase);
  if (pattern === undefined) {
    pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    ANY_CASE.set(phrase, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const ANY_CASE = new Map<string, RegExp>();

// the table's phrases, found in the one scan of the text for every step's phrases
lookForPhrases(TOOL_PHRASES.map((entry) => entry.phrase));

/** Adds the operation of the first tool phrase (in the table's order) found in the text, in any case. */
export function addToolPhraseHints(text: string, hints: HintSet): void {
  const found = phrasesIn(text);
  for (const entry of TOOL_PHRASES) {
    if (found.has(entry.phrase.toLowerCase())) {
      // (the phrase set finds a phrase broken over two lines: its tests then look at the text with its breaks as spaces)
      const flat = anyCase(entry.phrase).test(text) ? text : text.replace(/\n/g, ' ');
      if (!standsAlone(flat, entry.phrase) || entry.unless?.test(flat) === true) continue;
      const other = entry.otherwise?.pattern.test(flat) === true ? entry.otherwise.operation : null;
      hints.add('service', entry.service, PRIORITY.phrase, entry.surface);
      hints.add('operation', other ?? entry.operation, PRIORITY.phrase, entry.surface);
      return;
    }
  }
  if (text.includes('Error: ') && (text.includes('with aws_') || /^\s*Error: /m.test(text))) {
    hints.surface('terraform');
  }
}
