/**
 * The settings of an EC2 launch (RunInstances, or one instance of CreateFleet), read from the call's
 * parameters and from the launch template's contents where known. Parameter names follow the EC2
 * API in camelCase; `vpcId`, `image` and `encryptedByDefault` are facts about the account that
 * are not request parameters but decide context values.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 */
import type { ParameterReader } from './parameters.js';

/** Where a launch setting came from: the call, the launch template, or nowhere known. */
export type Origin = 'call' | 'template';

/** A setting and where it came from. */
export interface FromOrigin<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** One EBS volume of the launch. */
export interface VolumeSpec {
  readonly deviceName?: string;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly snapshotId?: string;
  readonly volumeType?: string;
  readonly volumeSize?: string;
  readonly iops?: string;
  readonly throughput?: string;
  readonly origin: Origin;
}

/** Facts about the AMI that decide image context keys. */
export interface ImageFacts {
  readonly owner?: string;
  readonly public?: boolean;
  readonly rootDeviceType?: string;
  readonly imageType?: string;
}

/** The launch template named by the call. */
export interface TemplateRef {
  readonly id?: string;
  readonly name?: string;
  readonly version?: string;
  /** Whether the template's contents were supplied (`launchTemplate.data`). */
  readonly contentsKnown: boolean;
}

/** Everything known about a launch, call settings taking precedence over the template's. */
export interface LaunchSpec {
  readonly imageId?: FromOrigin<string>;
  readonly image: ImageFacts;
  readonly instanceType?: FromOrigin<string>;
  readonly subnetId?: FromOrigin<string>;
  readonly vpcId?: string;
  readonly availabilityZone?: FromOrigin<string>;
  readonly securityGroupIds?: FromOrigin<readonly string[]>;
  readonly keyName?: FromOrigin<string>;
  readonly instanceProfile?: FromOrigin<{
    readonly arn?: string;
    readonly name?: string;
    readonly role?: string;
  }>;
  readonly volumes: readonly VolumeSpec[];
  /** Tags per EC2 resource type (`instance`, `volume`, `network-interface`...). */
  readonly tags: ReadonlyMap<string, FromOrigin<Readonly<Record<string, string>>>>;
  readonly placementGroup?: FromOrigin<string>;
  readonly tenancy?: FromOrigin<string>;
  readonly capacityReservationId?: FromOrigin<string>;
  readonly marketType?: FromOrigin<string>;
  readonly ebsOptimized?: FromOrigin<boolean>;
  readonly associatePublicIpAddress?: FromOrigin<boolean>;
  readonly metadata: Readonly<
    Partial<Record<'httpTokens' | 'httpEndpoint' | 'httpPutResponseHopLimit', FromOrigin<string>>>
  >;
  readonly encryptedByDefault?: boolean;
  readonly template?: TemplateRef;
}

/** The settings {@link readLaunchSpec} reads at one level (the call's, or a launch template's `data`). */
const LEVEL_PARAMETERS = [
  'imageId',
  'instanceType',
  'subnetId',
  'placement.availabilityZone',
  'placement.groupName',
  'placement.tenancy',
  'securityGroupIds',
  'keyName',
  'capacityReservationSpecification.capacityReservationTarget.capacityReservationId',
  'instanceMarketOptions.marketType',
  'ebsOptimized',
  'associatePublicIpAddress',
  'iamInstanceProfile.arn',
  'iamInstanceProfile.name',
  'iamInstanceProfile.role',
  'metadataOptions.httpTokens',
  'metadataOptions.httpEndpoint',
  'metadataOptions.httpPutResponseHopLimit',
  'blockDeviceMappings.deviceName',
  'blockDeviceMappings.virtualName',
  'blockDeviceMappings.noDevice',
  'blockDeviceMappings.ebs.encrypted',
  'blockDeviceMappings.ebs.kmsKeyId',
  'blockDeviceMappings.ebs.snapshotId',
  'blockDeviceMappings.ebs.volumeType',
  'blockDeviceMappings.ebs.volumeSize',
  'blockDeviceMappings.ebs.iops',
  'blockDeviceMappings.ebs.throughput',
  'tagSpecifications.resourceType',
  'tagSpecifications.tags.*',
] as const;

/**
 * The parameters {@link readLaunchSpec} reads: a level's settings, the launch template (with its
 * `data`), and the facts about the account (`vpcId`, `image`, `encryptedByDefault`).
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IamInstanceProfileSpecification.html
 */
export const LAUNCH_PARAMETERS: readonly string[] = [
  ...LEVEL_PARAMETERS,
  'launchTemplate.launchTemplateId',
  'launchTemplate.launchTemplateName',
  'launchTemplate.version',
  ...LEVEL_PARAMETERS.map((p) => `launchTemplate.data.${p}`),
  'image.owner',
  'image.public',
  'image.rootDeviceType',
  'image.imageType',
  'vpcId',
  'encryptedByDefault',
];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One level of settings (call or template), each possibly missing. */
type Level = { -readonly [K in keyof LaunchSpec]?: LaunchSpec[K] | undefined } & {
  readonly tagMap: Map<string, FromOrigin<Record<string, string>>>;
};

/** Reads the launch settings one level of parameters holds (the call's, or a template's `data`). */
function readLevel(p: ParameterReader, origin: Origin): Level {
  const at = <T>(value: T | undefined): FromOrigin<T> | undefined =>
    value === undefined ? undefined : { value, origin };
  const placement = p.object('placement');
  const profileText = p.raw('iamInstanceProfile');
  const profile = typeof profileText === 'string' ? undefined : p.object('iamInstanceProfile');
  const metadata = p.object('metadataOptions');
  const market = p.object('instanceMarketOptions');
  const capacity = p.object('capacityReservationSpecification')?.object('capacityReservationTarget');
  const level: Level = { tagMap: new Map() };
  level.imageId = at(p.string('imageId'));
  level.instanceType = at(p.string('instanceType'));
  level.subnetId = at(p.string('subnetId'));
  level.availabilityZone = at(placement?.string('availabilityZone'));
  level.placementGroup = at(placement?.string('groupName'));
  level.tenancy = at(placement?.string('tenancy'));
  level.securityGroupIds = at(p.strings('securityGroupIds'));
  level.keyName = at(p.string('keyName'));
  level.capacityReservationId = at(capacity?.string('capacityReservationId'));
  level.marketType = at(market?.string('marketType'));
  level.ebsOptimized = at(p.boolean('ebsOptimized'));
  level.associatePublicIpAddress = at(p.boolean('associatePublicIpAddress'));
  if (profile !== undefined) {
    const value = { arn: profile.string('arn'), name: profile.string('name'), role: profile.string('role') };
    level.instanceProfile = { value: dropUndefined(value), origin };
  } else if (typeof profileText === 'string' && profileText.trim() !== '') {
    level.instanceProfile = { value: profileFromText(profileText.trim()), origin };
  }
  const meta: Partial<Record<'httpTokens' | 'httpEndpoint' | 'httpPutResponseHopLimit', FromOrigin<string>>> =
    {};
  const tokens = at(metadata?.string('httpTokens'));
  const endpoint = at(metadata?.string('httpEndpoint'));
  const hops = at(metadata?.numeric('httpPutResponseHopLimit'));
  if (tokens) meta.httpTokens = tokens;
  if (endpoint) meta.httpEndpoint = endpoint;
  if (hops) meta.httpPutResponseHopLimit = hops;
  level.metadata = meta;
  const mappings = p.objects('blockDeviceMappings');
  if (mappings.length > 0) {
    level.volumes = mappings.flatMap((m): VolumeSpec[] => {
      const deviceName = m.string('deviceName');
      const ebs = m.object('ebs');
      m.has('virtualName');
      m.has('noDevice');
      if (ebs === undefined) return [];
      return [
        dropUndefined({
          deviceName,
          encrypted: ebs.boolean('encrypted'),
          kmsKeyId: ebs.string('kmsKeyId'),
          snapshotId: ebs.string('snapshotId'),
          volumeType: ebs.string('volumeType'),
          volumeSize: ebs.numeric('volumeSize'),
          iops: ebs.numeric('iops'),
          throughput: ebs.numeric('throughput'),
          origin,
        }) as VolumeSpec,
      ];
    });
  }
  for (const spec of p.objects('tagSpecifications')) {
    const type = spec.string('resourceType');
    const tags = spec.tags('tags');
    if (type !== undefined && tags !== undefined) level.tagMap.set(type, { value: { ...tags }, origin });
  }
  return level;
}

/**
 * Reads a launch from RunInstances-style parameters: the call's own settings, then the launch
 * template's `data` (if given) for whatever the call leaves out.
 */
export function readLaunchSpec(p: ParameterReader): LaunchSpec {
  const templateReader = p.object('launchTemplate');
  let template: TemplateRef | undefined;
  let fromTemplate: Level | undefined;
  if (templateReader !== undefined) {
    const data = templateReader.object('data');
    template = dropUndefined({
      id: templateReader.string('launchTemplateId'),
      name: templateReader.string('launchTemplateName'),
      version: templateReader.string('version'),
      contentsKnown: data !== undefined,
    }) as TemplateRef;
    if (data !== undefined) fromTemplate = readLevel(data, 'template');
  }
  const call = readLevel(p, 'call');
  const imageFacts = p.object('image');
  const pick = <K extends keyof LaunchSpec>(key: K): LaunchSpec[K] | undefined =>
    (call[key] ?? fromTemplate?.[key]) as LaunchSpec[K] | undefined;
  const tags = new Map<string, FromOrigin<Readonly<Record<string, string>>>>(fromTemplate?.tagMap ?? []);
  for (const [type, value] of call.tagMap) tags.set(type, value);
  const spec: Mutable<LaunchSpec> = {
    image: dropUndefined({
      owner: imageFacts?.string('owner'),
      public: imageFacts?.boolean('public'),
      rootDeviceType: imageFacts?.string('rootDeviceType'),
      imageType: imageFacts?.string('imageType'),
    }),
    volumes: call.volumes ?? fromTemplate?.volumes ?? [],
    tags,
    metadata: { ...(fromTemplate?.metadata ?? {}), ...(call.metadata ?? {}) },
  };
  const vpcId = p.string('vpcId');
  if (vpcId !== undefined) spec.vpcId = vpcId;
  const byDefault = p.boolean('encryptedByDefault');
  if (byDefault !== undefined) spec.encryptedByDefault = byDefault;
  if (template !== undefined) spec.template = template;
  for (const key of [
    'imageId',
    'instanceType',
    'subnetId',
    'availabilityZone',
    'securityGroupIds',
    'keyName',
    'instanceProfile',
    'placementGroup',
    'tenancy',
    'capacityReservationId',
    'marketType',
    'ebsOptimized',
    'associatePublicIpAddress',
  ] as const) {
    const value = pick(key);
    if (value !== undefined) (spec as Record<string, unknown>)[key] = value;
  }
  return spec;
}

/**
 * An instance profile given as one value, in each form the AWS CLI takes for
 * `--iam-instance-profile`: a bare ARN or name, the shorthand `Arn=…,Name=…`, or JSON
 * (`{"Name": "…"}`, keys in any case).
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IamInstanceProfileSpecification.html
 */
export function profileFromText(text: string): { arn?: string; name?: string } {
  let fields: [string, unknown][] | undefined;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) fields = Object.entries(parsed);
    } catch {
      fields = undefined;
    }
  } else if (!text.startsWith('arn:') && /^(arn|name)=/i.test(text)) {
    fields = text.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    });
  }
  if (fields === undefined) return text.startsWith('arn:') ? { arn: text } : { name: text };
  const field = (key: string) => {
    const value = fields?.find(([k]) => k.toLowerCase() === key)?.[1];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return dropUndefined({ arn: field('arn'), name: field('name') });
}

/** Copies an object without its `undefined` properties (for `exactOptionalPropertyTypes`). */
export function dropUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
