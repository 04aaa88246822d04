import { buildArn } from '../arns.js';
import type { CallNote } from '../call-model.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { EC2_SAR, EC2_TAG, launchChecks } from '../ec2-launch-checks.js';
import { LAUNCH_PARAMETERS, readLaunchSpec } from '../ec2-launch-spec.js';
import { ParameterReader } from '../parameters.js';

/** EC2 Fleet prerequisites: the service-linked role, and PassRole for instance profiles. */
const FLEET_PREREQ = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-fleet-prerequisites.html';

/**
 * `CreateFleet`: `ec2:CreateFleet` on the fleet, the instances and the template; then, for an
 * `instant` fleet, the RunInstances checks of each launch made with the caller's credentials. A
 * `request` or `maintain` fleet launches later under its service-linked role.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-fleet-prerequisites.html
 */
export const ec2CreateFleet: CallRule = {
  id: 'ec2-create-fleet',
  service: 'ec2',
  operations: ['CreateFleet'],
  passesRoleTo: 'ec2.amazonaws.com',
  sources: [EC2_SAR, EC2_TAG, FLEET_PREREQ],
  parameters: [
    'type',
    'tagSpecifications.resourceType',
    'tagSpecifications.tags.*',
    'targetCapacitySpecification',
    ...LAUNCH_PARAMETERS.filter((p) => p.startsWith('launchTemplate.')).map((p) =>
      p.replace('launchTemplate.', 'launchTemplateConfigs.launchTemplateSpecification.'),
    ),
    'launchTemplateConfigs.overrides.instanceType',
    'launchTemplateConfigs.overrides.subnetId',
    'launchTemplateConfigs.overrides.imageId',
    'launchTemplateConfigs.overrides.availabilityZone',
    'launchTemplateConfigs.overrides.weightedCapacity',
    'launchTemplateConfigs.overrides.priority',
    'launchTemplateConfigs.overrides.maxPrice',
  ],
  expand({ call, scope, parameters, notes }) {
    const profiles = { instanceProfiles: call.instanceProfiles };
    const type = parameters.string('type');
    const tagSpecs = parameters.objects('tagSpecifications');
    const tagsByType = new Map<string, Record<string, string>>();
    for (const spec of tagSpecs) {
      const resourceType = spec.string('resourceType');
      const tags = spec.tags('tags');
      if (resourceType !== undefined && tags !== undefined) tagsByType.set(resourceType, { ...tags });
    }
    parameters.object('targetCapacitySpecification');
    const common = { ...regionContext(scope), 'ec2:Region': scope.region ?? undefined };
    const ec2 = (path: string, account = true) => buildArn(scope, 'ec2', { regional: true, account }, [path]);
    const fleetTags = requestTagContext(tagsByType.get('fleet'));
    const checks: CallCheck[] = [
      makeCheck({
        action: 'ec2:CreateFleet',
        resource: ec2('fleet/*'),
        resourceType: 'fleet',
        context: { ...common, ...fleetTags },
        why: 'the fleet being created',
        source: EC2_SAR,
      }),
    ];
    const launches: CallCheck[] = [];
    const configs = parameters.objects('launchTemplateConfigs');
    configs.forEach((config, c) => {
      const templateRaw = config.raw('launchTemplateSpecification');
      const overrides = config.objects('overrides');
      const rawOverrides = overrides.length === 0 ? [undefined] : overrides;
      rawOverrides.forEach((override, o) => {
        const instanceType = override?.string('instanceType');
        const subnetId = override?.string('subnetId');
        const imageId = override?.string('imageId');
        const availabilityZone = override?.string('availabilityZone');
        override?.numeric('weightedCapacity');
        override?.numeric('priority');
        override?.string('maxPrice');
        const synthetic = {
          launchTemplate: templateRaw,
          instanceType,
          subnetId,
          imageId,
          placement: availabilityZone === undefined ? undefined : { availabilityZone },
          tagSpecifications: [...tagsByType]
            .filter(([t]) => t !== 'fleet')
            .map(([resourceType, tags]) => ({ resourceType, tags })),
        };
        const scratch: CallNote[] = [];
        const reader = new ParameterReader(synthetic, c === 0 && o === 0 ? notes : scratch);
        const spec = readLaunchSpec(reader);
        if (c === 0 && o === 0) {
          const template = spec.template;
          checks.push(
            makeCheck({
              action: 'ec2:CreateFleet',
              resource: ec2('instance/*'),
              resourceType: 'instance',
              context: {
                ...common,
                'ec2:InstanceType': instanceType,
                'ec2:AvailabilityZone': availabilityZone,
                ...requestTagContext(tagsByType.get('instance')),
              },
              why: 'the instances the fleet launches',
              source: EC2_SAR,
            }),
          );
          if (template !== undefined) {
            checks.push(
              makeCheck({
                action: 'ec2:CreateFleet',
                resource: buildArn(scope, 'ec2', { regional: true, account: true }, [
                  'launch-template/',
                  { id: template.id, what: 'launch template id' },
                ]),
                resourceType: 'launch-template',
                context: common,
                why: 'the fleet launches from this launch template',
                source: EC2_SAR,
              }),
            );
          }
        }
        if (subnetId !== undefined)
          checks.push(
            makeCheck({
              action: 'ec2:CreateFleet',
              resource: ec2(`subnet/${subnetId}`),
              resourceType: 'subnet',
              context: { ...common, 'ec2:SubnetID': subnetId },
              why: 'an override launches into this subnet',
              source: EC2_SAR,
            }),
          );
        if (imageId !== undefined && !imageId.startsWith('resolve:ssm:'))
          checks.push(
            makeCheck({
              action: 'ec2:CreateFleet',
              resource: ec2(`image/${imageId}`, false),
              resourceType: 'image',
              context: { ...common, 'ec2:ImageID': imageId },
              why: 'an override launches this AMI',
              source: EC2_SAR,
            }),
          );
        const assumedCheck =
          type === 'instant'
            ? undefined
            : type === undefined
              ? "the fleet type is not known; an `instant` fleet launches with the caller's credentials"
              : undefined;
        if (type === undefined || type === 'instant') {
          launches.push(
            ...launchChecks(scope, spec, c === 0 && o === 0 ? notes : scratch, {
              createAction: 'RunInstances',
              ...profiles,
              ...(assumedCheck === undefined ? {} : { assumedCheck }),
            }),
          );
        } else if (spec.instanceProfile !== undefined) {
          const profileOnly = launchChecks(scope, spec, scratch, {
            createAction: 'RunInstances',
            ...profiles,
          }).filter((k) => k.action === 'iam:PassRole');
          launches.push(...profileOnly);
        }
      });
    });
    if (configs.length === 0) {
      notes.push({
        code: 'not-expanded',
        message: 'no `launchTemplateConfigs` given: the RunInstances checks of each launch cannot be listed',
        source: EC2_SAR,
      });
    }
    if (type !== undefined && type !== 'instant') {
      notes.push({
        code: 'other-credentials',
        message: `a \`${type}\` fleet launches instances later with the \`AWSServiceRoleForEC2Fleet\` service-linked role; the caller still needs \`iam:PassRole\` for instance profiles`,
        source: FLEET_PREREQ,
      });
    }
    if (tagsByType.has('fleet')) {
      checks.push(
        makeCheck({
          action: 'ec2:CreateTags',
          resource: ec2('fleet/*'),
          resourceType: 'fleet',
          context: { ...common, 'ec2:CreateAction': 'CreateFleet', ...fleetTags },
          why: 'tags on the new fleet are applied at creation, authorized as `ec2:CreateTags`',
          source: EC2_TAG,
        }),
      );
    }
    return dedupe([...checks, ...launches]);
  },
};

/** Drops checks identical in action, resource and context (several overrides share most resources). */
function dedupe(checks: readonly CallCheck[]): CallCheck[] {
  const seen = new Set<string>();
  return checks.filter((check) => {
    const key = JSON.stringify([check.action, check.resource, check.context, check.when]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
