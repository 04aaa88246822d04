/**
 * EC2 and Auto Scaling resources: instances, launch templates, Auto Scaling groups.
 */

import type { PlannedValues } from '../plan-values.js';
import { defined, type PlannedCall, providerSource, type ResourceCalls } from '../resource-model.js';

const RUN_INSTANCES = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html';
const ASG_TEMPLATE =
  'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-launch-template-permissions.html';

/** Root and extra EBS volumes as RunInstances block device mappings. */
function volumes(v: PlannedValues): readonly Record<string, unknown>[] {
  const mappings: Record<string, unknown>[] = [];
  for (let i = 0; i < v.count(['root_block_device']); i++) {
    // the root device's name comes from the image: left out, not guessed
    mappings.push({ ebs: ebsOf(v, ['root_block_device', i]) });
  }
  for (let i = 0; i < v.count(['ebs_block_device']); i++) {
    mappings.push(
      defined({
        deviceName: v.string(['ebs_block_device', i, 'device_name']),
        ebs: ebsOf(v, ['ebs_block_device', i]),
      }),
    );
  }
  return mappings;
}

function ebsOf(v: PlannedValues, at: readonly (string | number)[]): Record<string, unknown> {
  return defined({
    encrypted: v.boolean([...at, 'encrypted']),
    kmsKeyId: v.string([...at, 'kms_key_id']),
    snapshotId: v.string([...at, 'snapshot_id']),
    volumeType: v.string([...at, 'volume_type']),
    volumeSize: v.number([...at, 'volume_size']),
  });
}

/** The instance's and its volumes' tags, as the provider sends them in `TagSpecifications`. */
function tagSpecifications(v: PlannedValues): readonly Record<string, unknown>[] {
  const specs: Record<string, unknown>[] = [];
  const tags = v.tags(['tags']);
  if (tags !== undefined) specs.push({ resourceType: 'instance', tags });
  const volumeTags = v.tags(['volume_tags']);
  if (volumeTags !== undefined) specs.push({ resourceType: 'volume', tags: volumeTags });
  return specs;
}

function launchTemplateOf(v: PlannedValues): Record<string, unknown> | undefined {
  if (v.count(['launch_template']) === 0) return undefined;
  return defined({
    launchTemplateId: v.string(['launch_template', 0, 'id']),
    launchTemplateName: v.string(['launch_template', 0, 'name']),
    version: v.string(['launch_template', 0, 'version']),
  });
}

/**
 * `aws_instance`: one `RunInstances` with the image, type, subnet, groups, key, instance profile (by
 * name, as the provider sends it), volumes, tags and launch template of the plan.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ec2/ec2_instance.go
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 */
export const awsInstance: ResourceCalls = {
  operations: ['ec2:RunInstances'],
  sources: [providerSource('ec2/ec2_instance.go'), RUN_INSTANCES],
  create(v) {
    const profile = v.string(['iam_instance_profile']);
    const groups = v.strings(['vpc_security_group_ids']);
    const parameters = defined({
      imageId: v.string(['ami']),
      instanceType: v.string(['instance_type']),
      subnetId: v.string(['subnet_id']),
      securityGroupIds: groups !== undefined && groups.length > 0 ? groups : undefined,
      keyName: v.string(['key_name']),
      iamInstanceProfile: profile === undefined ? undefined : { name: profile },
      associatePublicIpAddress: v.boolean(['associate_public_ip_address']),
      metadataOptions:
        v.count(['metadata_options']) > 0
          ? defined({ httpTokens: v.string(['metadata_options', 0, 'http_tokens']) })
          : undefined,
      blockDeviceMappings: nonEmpty(volumes(v)),
      tagSpecifications: nonEmpty(tagSpecifications(v)),
      launchTemplate: launchTemplateOf(v),
    });
    // an instance profile set in the configuration but known only after apply is still passed
    if (profile === undefined && v.isUnknown(['iam_instance_profile'])) {
      parameters.iamInstanceProfile = {};
    }
    return [{ service: 'ec2', operation: 'RunInstances', parameters }];
  },
};

/**
 * `aws_launch_template`: `CreateLaunchTemplate` (its checks: the default rule's); the template's
 * instance profile is passed when an instance is launched from it, not here.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ec2/ec2_launch_template.go
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html
 */
export const awsLaunchTemplate: ResourceCalls = {
  operations: ['ec2:CreateLaunchTemplate'],
  sources: [
    providerSource('ec2/ec2_launch_template.go'),
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html',
  ],
  create() {
    return [{ service: 'ec2', operation: 'CreateLaunchTemplate', parameters: {} }];
  },
};

/**
 * `aws_autoscaling_group`: `CreateAutoScalingGroup`, and, with a launch template, the launch
 * permissions Auto Scaling checks of the caller (`ec2:RunInstances` with the template, and
 * `iam:PassRole` when the template names an instance profile).
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/autoscaling/group.go
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-launch-template-permissions.html
 */
export const awsAutoscalingGroup: ResourceCalls = {
  operations: ['autoscaling:CreateAutoScalingGroup', 'ec2:RunInstances (launch template)'],
  sources: [providerSource('autoscaling/group.go'), ASG_TEMPLATE],
  create(v) {
    const calls: PlannedCall[] = [
      { service: 'autoscaling', operation: 'CreateAutoScalingGroup', parameters: {} },
    ];
    const template = launchTemplateOf(v);
    if (template !== undefined) {
      calls.push({ service: 'ec2', operation: 'RunInstances', parameters: { launchTemplate: template } });
    }
    return calls;
  },
};

function nonEmpty<T>(list: readonly T[]): readonly T[] | undefined {
  return list.length === 0 ? undefined : list;
}
