import { namedArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const LAMBDA_SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html';
const LAMBDA_ROLE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html';

/**
 * Lambda `CreateFunction` and `UpdateFunctionConfiguration`: the action on the function, with the
 * layer and VPC keys, and `iam:PassRole` on the execution role (`lambda.amazonaws.com`); an update
 * passes a role only when it changes the role.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 */
export const lambdaFunctionRole: CallRule = {
  id: 'lambda-function-role',
  service: 'lambda',
  operations: ['CreateFunction', 'UpdateFunctionConfiguration'],
  passesRoleTo: 'lambda.amazonaws.com',
  sources: [LAMBDA_SAR, LAMBDA_ROLE],
  parameters: [
    'functionName',
    'role',
    'layers',
    'vpcConfig.subnetIds',
    'vpcConfig.securityGroupIds',
    'vpcId',
    'tags.*',
    'codeSigningConfigArn',
  ],
  expand({ call, scope, parameters, notes }) {
    const create = call.operation.toLowerCase() === 'createfunction';
    const name = parameters.string('functionName');
    const role = parameters.string('role');
    const layers = parameters.strings('layers');
    const vpc = parameters.object('vpcConfig');
    const subnets = vpc?.strings('subnetIds');
    const groups = vpc?.strings('securityGroupIds');
    const vpcId = parameters.string('vpcId');
    const tags = create ? parameters.tags('tags') : undefined;
    const function_ = namedArn(scope, 'lambda', 'function:', name, 'function name');
    const checks: CallCheck[] = [
      makeCheck({
        action: create ? 'lambda:CreateFunction' : 'lambda:UpdateFunctionConfiguration',
        resource: function_,
        resourceType: 'function',
        context: {
          ...regionContext(scope),
          'lambda:Layer': layers,
          'lambda:SubnetIds': subnets,
          'lambda:SecurityGroupIds': groups,
          'lambda:VpcIds': vpcId,
          'lambda:CodeSigningConfigArn': create ? parameters.string('codeSigningConfigArn') : undefined,
          ...requestTagContext(tags),
        },
        why: create ? 'the function being created' : 'the function whose configuration changes',
        source: LAMBDA_SAR,
      }),
    ];
    if (create || role !== undefined) {
      checks.push(
        passRoleCheck(
          scope,
          { role, service: 'lambda.amazonaws.com', purpose: 'execution role', source: LAMBDA_ROLE },
          notes,
        ),
      );
    }
    return checks;
  },
};
