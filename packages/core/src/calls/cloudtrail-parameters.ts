import { isJsonObject } from '../json/is-json-object.js';

/**
 * Call parameters from a CloudTrail record's `requestParameters`, in the names the call rules read
 * (the SDKs' camelCase JSON). Most services log their JSON request as sent, so it passes through;
 * EC2 logs its query-API form (`instancesSet.items`, `groupSet`, `tagSpecificationSet`...) and S3
 * logs headers by their wire names, and both are translated here.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */

type Json = Record<string, unknown>;

/** The parameters a CloudTrail record gives for the call, or `{}` when it logged none. */
export function parametersFromCloudTrail(
  service: string | null,
  operation: string | null,
  requestParameters: Readonly<Json> | null,
): Json {
  if (requestParameters === null) return {};
  if (service === 'ec2') {
    const plain = unwrapItems(requestParameters) as Json;
    return operation === 'RunInstances' ? runInstances(plain) : plain;
  }
  if (service === 's3') return s3(requestParameters);
  return { ...requestParameters };
}

/** EC2's query form wraps every list as `{ "items": [...] }`; an empty list is logged as `{}`. */
function unwrapItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapItems);
  if (!isJsonObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'items' && Array.isArray(value.items)) {
    return value.items.map(unwrapItems);
  }
  const out: Json = {};
  for (const key of keys) out[key] = unwrapItems(value[key]);
  return out;
}

/** Query-form names of RunInstances and the SDK names the launch rules read. */
const RUN_INSTANCES_LISTS: Readonly<Record<string, string>> = {
  blockDeviceMapping: 'blockDeviceMappings',
  tagSpecificationSet: 'tagSpecifications',
};

/**
 * RunInstances as CloudTrail logs it: the image, counts and key pair inside `instancesSet`, security
 * groups as `groupSet` of `{groupId}`, and the subnet either at the top or on the primary network
 * interface (`networkInterfaceSet`, device index 0), with that interface's own `groupSet`.
 */
function runInstances(p: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(p)) {
    if (key === 'instancesSet' || key === 'groupSet' || key === 'networkInterfaceSet') continue;
    if (key === 'availabilityZone') continue;
    const renamed = RUN_INSTANCES_LISTS[key];
    if (renamed !== undefined) {
      if (Array.isArray(value)) out[renamed] = value;
      continue;
    }
    out[key] = value;
  }
  const first = Array.isArray(p.instancesSet) ? p.instancesSet[0] : undefined;
  if (isJsonObject(first)) {
    for (const key of ['imageId', 'minCount', 'maxCount', 'keyName'] as const) {
      if (first[key] !== undefined && out[key] === undefined) out[key] = first[key];
    }
  }
  const primary = primaryInterface(p.networkInterfaceSet);
  if (primary !== undefined) {
    if (out.subnetId === undefined && primary.subnetId !== undefined) out.subnetId = primary.subnetId;
    if (primary.associatePublicIpAddress !== undefined) {
      out.associatePublicIpAddress = primary.associatePublicIpAddress;
    }
  }
  const groups = groupIds(p.groupSet) ?? groupIds(primary?.groupSet);
  if (groups !== undefined) out.securityGroupIds = groups;
  if (typeof p.availabilityZone === 'string') {
    const placement = isJsonObject(out.placement) ? out.placement : {};
    out.placement = { availabilityZone: p.availabilityZone, ...placement };
  }
  return out;
}

function primaryInterface(value: unknown): Json | undefined {
  if (!Array.isArray(value)) return undefined;
  const interfaces = value.filter(isJsonObject);
  return interfaces.find((i) => String(i.deviceIndex) === '0') ?? interfaces[0];
}

/** `[{groupId: "sg-1"}, ...]` (or a list of ids) as ids; `undefined` when none is an id. */
function groupIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value
    .map((g) => (typeof g === 'string' ? g : isJsonObject(g) ? g.groupId : undefined))
    .filter((id): id is string => typeof id === 'string' && id !== '');
  return ids.length > 0 ? ids : undefined;
}

/** S3 request headers by their wire names, and the SDK names the S3 rules read. */
const S3_NAMES: Readonly<Record<string, string>> = {
  bucketName: 'bucket',
  'x-amz-server-side-encryption': 'serverSideEncryption',
  'x-amz-server-side-encryption-aws-kms-key-id': 'sseKmsKeyId',
  'x-amz-server-side-encryption-bucket-key-enabled': 'bucketKeyEnabled',
  'x-amz-copy-source': 'copySource',
};

function s3(p: Readonly<Json>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(p)) {
    if (key === 'Host') continue;
    out[S3_NAMES[key] ?? key] = value;
  }
  return out;
}
