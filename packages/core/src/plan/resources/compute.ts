/**
 * Lambda, ECS and EKS resources: functions, task definitions, services, node groups.
 */
import { defined, knownArn, providerSource, type ResourceCalls } from '../resource-model.js';

/**
 * `aws_lambda_function`: `CreateFunction` with the execution role, layers, VPC settings and tags;
 * an update of the configuration is `UpdateFunctionConfiguration` (which passes the role again).
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/lambda/function.go
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 */
export const awsLambdaFunction: ResourceCalls = {
  operations: ['lambda:CreateFunction', 'lambda:UpdateFunctionConfiguration'],
  sources: [
    providerSource('lambda/function.go'),
    'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
  ],
  create(v) {
    return [{ service: 'lambda', operation: 'CreateFunction', parameters: lambdaParameters(v, true) }];
  },
  update(v) {
    return [
      { service: 'lambda', operation: 'UpdateFunctionConfiguration', parameters: lambdaParameters(v, false) },
    ];
  },
};

function lambdaParameters(
  v: Parameters<ResourceCalls['create']>[0],
  create: boolean,
): Record<string, unknown> {
  const vpc =
    v.count(['vpc_config']) > 0
      ? defined({
          subnetIds: v.strings(['vpc_config', 0, 'subnet_ids']),
          securityGroupIds: v.strings(['vpc_config', 0, 'security_group_ids']),
        })
      : undefined;
  const layers = v.strings(['layers']);
  return defined({
    functionName: v.string(['function_name']),
    role: v.string(['role']),
    layers: layers !== undefined && layers.length > 0 ? layers : undefined,
    vpcConfig: vpc,
    tags: create ? v.tags() : undefined,
  });
}

/**
 * `aws_ecs_task_definition`: `RegisterTaskDefinition` with the task and execution roles, size and tags.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ecs/task_definition.go
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 */
export const awsEcsTaskDefinition: ResourceCalls = {
  operations: ['ecs:RegisterTaskDefinition'],
  sources: [
    providerSource('ecs/task_definition.go'),
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  create(v) {
    const number = (name: string) => v.string([name]) ?? v.number([name]);
    return [
      {
        service: 'ecs',
        operation: 'RegisterTaskDefinition',
        parameters: defined({
          family: v.string(['family']),
          taskRoleArn: v.string(['task_role_arn']),
          executionRoleArn: v.string(['execution_role_arn']),
          cpu: number('cpu'),
          memory: number('memory'),
          tags: v.tags(),
        }),
      },
    ];
  },
};

/**
 * `aws_ecs_service`: `CreateService` on the service in its cluster (its checks: the default rule's).
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ecs/service.go
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 */
export const awsEcsService: ResourceCalls = {
  operations: ['ecs:CreateService'],
  sources: [
    providerSource('ecs/service.go'),
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  ],
  create(v, scope) {
    const cluster = v.string(['cluster']);
    // the cluster is an ARN or a name; the service's ARN is `service/<cluster name>/<service name>`
    const clusterName = cluster?.startsWith('arn:') ? cluster.split('/').at(-1) : cluster;
    const resource = knownArn(scope, 'ecs', { regional: true, account: true }, [
      'service/',
      clusterName ?? (v.isUnknown(['cluster']) ? undefined : 'default'),
      '/',
      v.string(['name']),
    ]);
    return [{ service: 'ecs', operation: 'CreateService', parameters: defined({ resource }) }];
  },
};

/**
 * `aws_eks_node_group`: `CreateNodegroup` with the node role passed to EKS.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/eks/node_group.go
 * @see https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
 */
export const awsEksNodeGroup: ResourceCalls = {
  operations: ['eks:CreateNodegroup'],
  sources: [
    providerSource('eks/node_group.go'),
    'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html',
  ],
  create(v) {
    return [
      {
        service: 'eks',
        operation: 'CreateNodegroup',
        parameters: defined({
          clusterName: v.string(['cluster_name']),
          nodegroupName: v.string(['node_group_name']),
          nodeRole: v.string(['node_role_arn']),
          tags: v.tags(),
        }),
      },
    ];
  },
};
