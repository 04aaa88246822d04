import type { CallRule } from '../call-rule.js';
import { EBS_ENC, EC2_EX, EC2_IAM, EC2_SAR, EC2_TAG, launchChecks } from '../ec2-launch-checks.js';
import { LAUNCH_PARAMETERS, readLaunchSpec } from '../ec2-launch-spec.js';

/**
 * `RunInstances`: `ec2:RunInstances` on every resource the launch touches, tag on create, PassRole
 * for the instance profile, SSM for `resolve:ssm:` AMIs and KMS (at launch) for encrypted volumes.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html
 */
export const ec2RunInstances: CallRule = {
  id: 'ec2-run-instances',
  service: 'ec2',
  operations: ['RunInstances'],
  passesRoleTo: 'ec2.amazonaws.com',
  sources: [EC2_SAR, EC2_IAM, EC2_EX, EC2_TAG, EBS_ENC],
  parameters: [...LAUNCH_PARAMETERS, 'minCount', 'maxCount'],
  expand({ call, scope, parameters, notes }) {
    parameters.numeric('minCount');
    parameters.numeric('maxCount');
    return launchChecks(scope, readLaunchSpec(parameters), notes, {
      createAction: 'RunInstances',
      instanceProfiles: call.instanceProfiles,
    });
  },
};
