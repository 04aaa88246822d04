/**
 * The checks of one EC2 instance launch (spec part D): `ec2:RunInstances` once per resource, each
 * with only its own resource's condition keys; tag-on-create `ec2:CreateTags`; `iam:PassRole` for
 * the instance profile's role; `ssm:GetParameters` for `resolve:ssm:` AMIs; and the KMS checks of
 * encrypted volumes, which happen at launch.
 */

import type { ContextValue } from '../engine/request.js';
import { type BuiltArn, buildArn, type CallScope } from './arns.js';
import type { CallNote, InstanceProfileRole } from './call-model.js';
import { makeCheck, regionContext, requestTagContext } from './call-rule.js';
import type { CallCheck } from './check.js';
import { ssmImageCheck, volumeChecks } from './ec2-launch-parts.js';
import type { FromOrigin, LaunchSpec } from './ec2-launch-spec.js';
import { kmsChecks } from './kms-checks.js';
import { passRoleCheck } from './pass-role.js';

/** Service Authorization Reference for EC2: resource types and keys per action. */
export const EC2_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html';
/** EC2 example policies: RunInstances scenarios, launch templates, instance profiles. */
export const EC2_EX = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html';
/** EC2 IAM policies: per-resource evaluation of RunInstances. */
export const EC2_IAM = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-policies-for-amazon-ec2.html';
/** Tag on create. */
export const EC2_TAG =
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html';
/** EBS encryption: KMS permissions for encrypted volumes. */
export const EBS_ENC = 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html';

/** Resource types of RunInstances whose check carries `aws:RequestTag`/`aws:TagKeys` (EC2-SAR). */
const TAGGABLE_ON_LAUNCH = new Set(['instance', 'volume', 'network-interface', 'spot-instances-request']);

/** KMS actions EBS needs on the key of an encrypted volume (EBS-ENC). */
const EBS_KMS_ACTIONS = [
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/** How a launch is made: directly by RunInstances, or as part of another call. */
export interface LaunchOptions {
  /** Value of `ec2:CreateAction` on tag-on-create checks. */
  readonly createAction: string;
  /** Set when whether these checks are made with the caller's credentials is itself an assumption. */
  readonly assumedCheck?: string;
  /** Instance profiles known to exist and the role each holds (from the account authorization details). */
  readonly instanceProfiles?: readonly InstanceProfileRole[] | undefined;
}

const ec2 = (
  scope: CallScope,
  path: readonly (string | { id: string | undefined; what: string })[],
  account = true,
) => buildArn(scope, 'ec2', { regional: true, account }, path);

/** The ARN of a VPC, for `ec2:Vpc`. */
function vpcArn(scope: CallScope, vpcId: string | undefined): string | undefined {
  if (vpcId === undefined) return undefined;
  return ec2(scope, [`vpc/${vpcId}`]).arn;
}

/** All checks of one launch. */
export function launchChecks(
  scope: CallScope,
  spec: LaunchSpec,
  notes: CallNote[],
  options: LaunchOptions,
): CallCheck[] {
  const template = spec.template;
  const templateArn =
    template?.id === undefined ? undefined : ec2(scope, [`launch-template/${template.id}`]).arn;
  if (template !== undefined && !template.contentsKnown) {
    notes.push({
      code: 'launch-template-contents-unknown',
      message: `settings the call leaves out come from launch template \`${template.id ?? template.name ?? '?'}\`, whose contents are not known; checks for them are assumed`,
      source: EC2_EX,
    });
  }
  const common: Record<string, ContextValue | undefined> = {
    ...regionContext(scope),
    'ec2:Region': scope.region ?? undefined,
    'ec2:LaunchTemplate': templateArn,
  };
  /** `ec2:IsLaunchTemplateResource` for a setting, and whether that value is an assumption. */
  const fromTemplate = (setting: FromOrigin<unknown> | undefined): { value?: string; assumed?: string } => {
    if (template === undefined) return {};
    if (setting !== undefined) return { value: setting.origin === 'template' ? 'true' : 'false' };
    return template.contentsKnown
      ? {}
      : { value: 'true', assumed: 'not set in the call, so taken from the launch template' };
  };
  const notFromCall =
    template !== undefined && !template.contentsKnown ? 'comes from the launch template' : 'is not known';
  const checks: CallCheck[] = [];
  const instanceArn = ec2(scope, ['instance/*']);
  const run = (
    resourceType: string,
    resource: BuiltArn,
    context: Record<string, ContextValue | undefined>,
    why: string,
    extra: {
      setting?: FromOrigin<unknown> | undefined;
      assumedCheck?: string;
      assumedContext?: Record<string, string>;
    } = {},
  ) => {
    // Only resources a launch template can supply carry `ec2:IsLaunchTemplateResource`.
    const lt = 'setting' in extra ? fromTemplate(extra.setting) : {};
    const assumedContext: Record<string, string> = { ...extra.assumedContext };
    if (lt.assumed !== undefined) assumedContext['ec2:IsLaunchTemplateResource'] = lt.assumed;
    const tags = TAGGABLE_ON_LAUNCH.has(resourceType)
      ? requestTagContext(spec.tags.get(resourceType)?.value)
      : {};
    const assumedCheck = extra.assumedCheck ?? options.assumedCheck;
    checks.push(
      makeCheck({
        action: 'ec2:RunInstances',
        resource,
        resourceType,
        context: { ...common, ...context, ...tags, 'ec2:IsLaunchTemplateResource': lt.value },
        assumedContext,
        ...(assumedCheck === undefined ? {} : { assumedCheck }),
        why,
        source: EC2_SAR,
      }),
    );
  };

  // image: the AMI id, unless it is resolved from SSM or comes from a template.
  const imageId = spec.imageId?.value;
  const ssmParameter = imageId?.startsWith('resolve:ssm:') ? imageId.slice('resolve:ssm:'.length) : undefined;
  const amiId = ssmParameter === undefined ? imageId : undefined;
  run(
    'image',
    ec2(
      scope,
      [
        'image/',
        {
          id: amiId,
          what:
            ssmParameter === undefined
              ? `AMI id (it ${notFromCall})`
              : 'AMI id the SSM parameter resolves to',
        },
      ],
      false,
    ),
    {
      'ec2:ImageID': amiId,
      'ec2:Owner': spec.image.owner,
      'ec2:Public': spec.image.public === undefined ? undefined : String(spec.image.public),
      'ec2:ImageType': spec.image.imageType,
      'ec2:RootDeviceType': spec.image.rootDeviceType,
    },
    'every launch is checked against the AMI it starts from',
    { setting: spec.imageId },
  );
  // instance: not yet created, so its id is always `*`.
  const profile = spec.instanceProfile?.value;
  const profileArn =
    profile?.arn ??
    (profile?.name === undefined
      ? undefined
      : buildArn(scope, 'iam', { regional: false, account: true }, [`instance-profile/${profile.name}`]).arn);
  const meta = spec.metadata;
  run(
    'instance',
    instanceArn,
    {
      'ec2:InstanceType': spec.instanceType?.value,
      'ec2:InstanceProfile': profileArn,
      'ec2:InstanceMarketType': spec.marketType?.value,
      'ec2:Tenancy': spec.tenancy?.value,
      'ec2:EbsOptimized': spec.ebsOptimized === undefined ? undefined : String(spec.ebsOptimized.value),
      'ec2:RootDeviceType': spec.image.rootDeviceType,
      'ec2:PlacementGroup':
        spec.placementGroup === undefined
          ? undefined
          : ec2(scope, [`placement-group/${spec.placementGroup.value}`]).arn,
      'ec2:MetadataHttpTokens': meta.httpTokens?.value,
      'ec2:MetadataHttpEndpoint': meta.httpEndpoint?.value,
      'ec2:MetadataHttpPutResponseHopLimit': meta.httpPutResponseHopLimit?.value,
      'ec2:AvailabilityZone': spec.availabilityZone?.value,
    },
    'the instance being created; its id does not exist yet, so the ARN ends in `*`',
  );
  // network interface: the primary ENI is created with the instance.
  const subnetId = spec.subnetId?.value;
  const subnetArn = subnetId === undefined ? undefined : ec2(scope, [`subnet/${subnetId}`]).arn;
  const vpc = vpcArn(scope, spec.vpcId);
  run(
    'network-interface',
    ec2(scope, ['network-interface/*']),
    {
      'ec2:Subnet': subnetArn,
      'ec2:Vpc': vpc,
      'ec2:AssociatePublicIpAddress':
        spec.associatePublicIpAddress === undefined ? undefined : String(spec.associatePublicIpAddress.value),
      'ec2:AvailabilityZone': spec.availabilityZone?.value,
    },
    'the primary network interface is created with the instance',
  );
  // security groups: each one given, or the VPC's default group.
  const groups = spec.securityGroupIds?.value ?? [];
  if (groups.length === 0) {
    run(
      'security-group',
      ec2(scope, [
        'security-group/',
        {
          id: undefined,
          what: `security group (none given: it ${template && !template.contentsKnown ? 'comes from the launch template or is' : 'is'} the VPC's default group)`,
        },
      ]),
      { 'ec2:Vpc': vpc },
      'the instance joins a security group',
      { setting: spec.securityGroupIds },
    );
  }
  for (const group of groups) {
    run(
      'security-group',
      ec2(scope, [`security-group/${group}`]),
      { 'ec2:Vpc': vpc, 'ec2:SecurityGroupID': group },
      'the instance joins this security group',
      { setting: spec.securityGroupIds },
    );
  }
  // subnet: the one given, or the default subnet.
  run(
    'subnet',
    ec2(scope, [
      'subnet/',
      {
        id: subnetId,
        what: `subnet id (none given: it ${template && !template.contentsKnown ? 'comes from the launch template or is' : 'is'} the default subnet)`,
      },
    ]),
    { 'ec2:Vpc': vpc, 'ec2:SubnetID': subnetId, 'ec2:AvailabilityZone': spec.availabilityZone?.value },
    'the network interface is created in this subnet',
    { setting: spec.subnetId },
  );
  volumeChecks(scope, spec, run, ec2);
  if (spec.keyName !== undefined) {
    run(
      'key-pair',
      ec2(scope, [`key-pair/${spec.keyName.value}`]),
      { 'ec2:KeyPairName': spec.keyName.value },
      'the instance is launched with this key pair',
      { setting: spec.keyName },
    );
  }
  if (template !== undefined) {
    run(
      'launch-template',
      ec2(scope, [
        'launch-template/',
        { id: template.id, what: `launch template id (only the name \`${template.name ?? '?'}\` is given)` },
      ]),
      {},
      'the launch uses this launch template',
    );
  }
  if (spec.placementGroup !== undefined) {
    run(
      'placement-group',
      ec2(scope, [`placement-group/${spec.placementGroup.value}`]),
      { 'ec2:PlacementGroupName': spec.placementGroup.value },
      'the instance is placed in this placement group',
      { setting: spec.placementGroup },
    );
  }
  if (spec.capacityReservationId !== undefined) {
    run(
      'capacity-reservation',
      ec2(scope, [`capacity-reservation/${spec.capacityReservationId.value}`]),
      {},
      'the instance runs in this capacity reservation',
      { setting: spec.capacityReservationId },
    );
  }
  if (spec.marketType?.value === 'spot') {
    run(
      'spot-instances-request',
      ec2(scope, ['spot-instances-request/*']),
      {},
      'a Spot launch creates a Spot Instance request',
    );
  }
  // tag on create: one ec2:CreateTags per tagged resource type.
  for (const [type, tags] of spec.tags) {
    checks.push(
      makeCheck({
        action: 'ec2:CreateTags',
        resource: ec2(scope, [`${type}/*`], type !== 'image' && type !== 'snapshot'),
        resourceType: type,
        context: {
          ...regionContext(scope),
          'ec2:Region': scope.region ?? undefined,
          'ec2:CreateAction': options.createAction,
          ...requestTagContext(tags.value),
        },
        ...(options.assumedCheck === undefined ? {} : { assumedCheck: options.assumedCheck }),
        why: `tags on the new ${type} are applied at creation, which EC2 authorizes as \`ec2:CreateTags\``,
        source: EC2_TAG,
      }),
    );
  }
  if (template !== undefined && !template.contentsKnown && spec.tags.size === 0) {
    notes.push({
      code: 'launch-template-contents-unknown',
      message: 'tags set by the launch template add `ec2:CreateTags` checks that cannot be listed here',
      source: EC2_TAG,
    });
  }
  // instance profile: PassRole on the role inside it.
  if (profile !== undefined) {
    checks.push(profilePassRole(scope, profile, instanceArn, options, notes));
  }
  if (ssmParameter !== undefined) checks.push(ssmImageCheck(scope, ssmParameter));
  // KMS for encrypted volumes: checked when the instance starts, not in the call.
  const keys = new Map<string, string | undefined>();
  for (const volume of spec.volumes) {
    if (volume.encrypted === true || volume.kmsKeyId !== undefined || spec.encryptedByDefault === true) {
      keys.set(volume.kmsKeyId ?? '', volume.kmsKeyId);
    }
  }
  if (spec.volumes.length === 0 && spec.encryptedByDefault === true) keys.set('', undefined);
  for (const key of keys.values()) {
    checks.push(
      ...kmsChecks(
        scope,
        {
          key,
          actions: EBS_KMS_ACTIONS,
          viaService: 'ec2',
          actionContext: { 'kms:CreateGrant': { 'kms:GrantIsForAWSResource': 'true' } },
          when: 'launch',
          why:
            key === undefined
              ? 'EBS uses the KMS key of the encrypted volume (the account default for EBS, unless another is named); with the AWS managed `aws/ebs` key its key policy allows these'
              : 'EBS uses this KMS key to create the encrypted volume when the instance starts',
          source: EBS_ENC,
        },
        notes,
      ),
    );
  }
  if (keys.size > 0) {
    notes.push({
      code: 'checked-at-launch',
      message:
        'KMS checks for encrypted volumes happen when the instance starts: the call succeeds and the instance goes from `pending` to `terminated` with `Client.InternalError`',
      source: EBS_ENC,
    });
  }
  return checks;
}

/** The instance profile a launch names: by ARN, by name, or with its role given. */
type ProfileSetting = NonNullable<LaunchSpec['instanceProfile']>['value'];

/**
 * `iam:PassRole` on the role the instance profile holds: the one given with it, else the one the
 * account's instance profiles list for it (by ARN, else by name in the call's account); else a role
 * assumed to share the profile's name (as the console makes them), marked assumed and unresolved.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
function profilePassRole(
  scope: CallScope,
  profile: ProfileSetting,
  instanceArn: BuiltArn,
  options: LaunchOptions,
  notes: CallNote[],
): CallCheck {
  // the part of the ARN after `instance-profile/`: the profile's path and name
  const pathAndName =
    profile.name ??
    (profile.arn === undefined
      ? undefined
      : profile.arn.slice(profile.arn.indexOf(':instance-profile/') + ':instance-profile/'.length));
  const profileName = pathAndName?.slice(pathAndName.lastIndexOf('/') + 1);
  const known =
    profile.role === undefined ? findProfile(scope, profile.arn, profileName, options) : undefined;
  const role = profile.role ?? known?.role ?? (pathAndName?.includes('/') ? undefined : pathAndName);
  const unknown = profile.role === undefined && known === undefined && profileName !== undefined;
  return passRoleCheck(
    scope,
    {
      role,
      service: 'ec2.amazonaws.com',
      purpose: 'role of the instance profile',
      associatedResource: instanceArn.standIns.length === 0 ? instanceArn.arn : undefined,
      source: EC2_EX,
      ...(unknown && role !== undefined
        ? {
            roleAssumed: `the role inside instance profile \`${profileName}\` is not known; assumed to share its name, as profiles made by the console do`,
          }
        : {}),
      ...(unknown
        ? { unresolved: { kind: 'instance-profile-role', name: profileName, arn: profile.arn ?? null } }
        : {}),
      ...(options.assumedCheck === undefined ? {} : { checkAssumed: options.assumedCheck }),
    },
    notes,
  );
}

/** The known instance profile of that ARN, else of that name in the call's account (names ignore case). */
function findProfile(
  scope: CallScope,
  arn: string | undefined,
  name: string | undefined,
  options: LaunchOptions,
): InstanceProfileRole | undefined {
  const profiles = options.instanceProfiles ?? [];
  if (arn !== undefined) return profiles.find((p) => p.arn === arn);
  if (name === undefined) return undefined;
  const here = profiles.filter((p) => scope.account === null || p.arn.split(':')[4] === scope.account);
  const lower = name.toLowerCase();
  return here.find((p) => p.name === name) ?? here.find((p) => p.name.toLowerCase() === lower);
}
