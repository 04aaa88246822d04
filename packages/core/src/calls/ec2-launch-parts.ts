/**
 * Parts of an EC2 launch's checks: volumes and snapshots, and the SSM parameter behind a
 * `resolve:ssm:` AMI.
 */

import type { ContextValue } from '../engine/request.js';
import { type BuiltArn, buildArn, type CallScope, isArn } from './arns.js';
import { makeCheck, regionContext } from './call-rule.js';
import type { CallCheck } from './check.js';
import type { FromOrigin, LaunchSpec } from './ec2-launch-spec.js';

const EC2_SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html';

/** Builds an EC2 ARN in the call's scope. */
export type Ec2Arn = (
  scope: CallScope,
  path: readonly (string | { id: string | undefined; what: string })[],
  account?: boolean,
) => BuiltArn;

/** Adds one `ec2:RunInstances` check. */
export type Run = (
  resourceType: string,
  resource: BuiltArn,
  context: Record<string, ContextValue | undefined>,
  why: string,
  extra?: {
    setting?: FromOrigin<unknown> | undefined;
    assumedCheck?: string;
    assumedContext?: Record<string, string>;
  },
) => void;

/** Volume and snapshot checks: one per EBS mapping, or the AMI's root volume. */
export function volumeChecks(scope: CallScope, spec: LaunchSpec, run: Run, ec2Arn: Ec2Arn): void {
  const volumeArn = ec2Arn(scope, ['volume/*']);
  const encrypted = (value: boolean | undefined) =>
    value === undefined ? (spec.encryptedByDefault ? 'true' : undefined) : String(value);
  if (spec.volumes.length === 0) {
    if (spec.image.rootDeviceType === 'instance-store') return;
    run(
      'volume',
      volumeArn,
      { 'ec2:Encrypted': encrypted(undefined), 'ec2:AvailabilityZone': spec.availabilityZone?.value },
      'the root volume of an EBS-backed AMI is created with the instance',
      spec.image.rootDeviceType === 'ebs'
        ? {}
        : { assumedCheck: 'the AMI is assumed to be EBS-backed, as most are' },
    );
    return;
  }
  for (const volume of spec.volumes) {
    const snapshot =
      volume.snapshotId === undefined ? undefined : ec2Arn(scope, [`snapshot/${volume.snapshotId}`], false);
    run(
      'volume',
      volumeArn,
      {
        'ec2:Encrypted': encrypted(volume.encrypted ?? (volume.kmsKeyId === undefined ? undefined : true)),
        'ec2:VolumeType': volume.volumeType,
        'ec2:VolumeSize': volume.volumeSize,
        'ec2:VolumeIops': volume.iops,
        'ec2:VolumeThroughput': volume.throughput,
        'ec2:ParentSnapshot': snapshot?.arn,
        'ec2:AvailabilityZone': spec.availabilityZone?.value,
      },
      `the volume${volume.deviceName === undefined ? '' : ` at \`${volume.deviceName}\``} is created with the instance`,
    );
    if (snapshot !== undefined) {
      run(
        'snapshot',
        snapshot,
        { 'ec2:SnapshotID': volume.snapshotId },
        'the volume is created from this snapshot',
      );
    }
  }
}

/**
 * `ssm:GetParameters` for an AMI given as `resolve:ssm:<name>[:version]`. Public parameters under
 * `/aws/service/` belong to AWS and have no account in their ARN.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-launch-template.html#use-an-ssm-parameter-instead-of-an-ami-id
 */
export function ssmImageCheck(scope: CallScope, reference: string): CallCheck {
  const arnGiven = isArn(reference);
  const withoutVersion = arnGiven ? reference : reference.replace(/:[^:/]*$/, '');
  const name = withoutVersion.replace(/^\/+/, '');
  const resource: BuiltArn = arnGiven
    ? { arn: reference, standIns: [] }
    : buildArn(scope, 'ssm', { regional: true, account: name.startsWith('aws/service/') ? '' : true }, [
        `parameter/${name}`,
      ]);
  return makeCheck({
    action: 'ssm:GetParameters',
    resource,
    resourceType: 'parameter',
    context: regionContext(scope),
    why: "EC2 reads the AMI id from the SSM parameter with the caller's permissions",
    source: EC2_SAR,
  });
}
