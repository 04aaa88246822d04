/**
 * CloudTrail `requestParameters` as call parameters: the translated parameters, and the checks the
 * call rule then works out from them (the real subnet, groups, image and tags instead of assumed ones).
 * Record shapes follow RunInstances records CloudTrail writes (`instancesSet.items`, `groupSet`,
 * `networkInterfaceSet`, `tagSpecificationSet` with lower-case `key`/`value`).
 */
import { describe, expect, it } from 'vitest';
import { parametersFromCloudTrail } from './cloudtrail-parameters.js';
import { expandCall } from './expand-call.js';

interface Case {
  readonly name: string;
  readonly input: {
    readonly service: string | null;
    readonly operation: string | null;
    readonly requestParameters: Record<string, unknown> | null;
  };
  readonly expected: {
    /** The whole translated parameters. */
    readonly parameters: Record<string, unknown>;
    /** `action resource` pairs the call's checks must include (when the call has a rule). */
    readonly checks?: readonly string[];
    /** Parts the rule may no longer assume for these actions. */
    readonly notAssumed?: Readonly<Record<string, 'resource'>>;
  };
}

const RUN_INSTANCES_TOP_SUBNET = {
  instancesSet: { items: [{ imageId: 'ami-0abc', minCount: 1, maxCount: 2, keyName: 'ops' }] },
  instanceType: 't3.micro',
  blockDeviceMapping: {},
  availabilityZone: 'eu-west-1b',
  monitoring: { enabled: false },
  subnetId: 'subnet-0aa',
  groupSet: { items: [{ groupId: 'sg-01' }, { groupId: 'sg-02' }] },
  disableApiTermination: false,
  clientToken: 'tok',
  iamInstanceProfile: { name: 'web' },
  tagSpecificationSet: {
    items: [{ resourceType: 'instance', tags: [{ key: 'team', value: 'payments' }] }],
  },
};

const CASES: readonly Case[] = [
  {
    name: 'RunInstances: image, counts and key pair from instancesSet; groupSet as ids; zone into placement',
    input: { service: 'ec2', operation: 'RunInstances', requestParameters: RUN_INSTANCES_TOP_SUBNET },
    expected: {
      parameters: {
        imageId: 'ami-0abc',
        minCount: 1,
        maxCount: 2,
        keyName: 'ops',
        instanceType: 't3.micro',
        placement: { availabilityZone: 'eu-west-1b' },
        monitoring: { enabled: false },
        subnetId: 'subnet-0aa',
        securityGroupIds: ['sg-01', 'sg-02'],
        disableApiTermination: false,
        clientToken: 'tok',
        iamInstanceProfile: { name: 'web' },
        tagSpecifications: [{ resourceType: 'instance', tags: [{ key: 'team', value: 'payments' }] }],
      },
      checks: [
        'ec2:RunInstances arn:aws:ec2:eu-west-1::image/ami-0abc',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0aa',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:security-group/sg-01',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:security-group/sg-02',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:key-pair/ops',
        'ec2:CreateTags arn:aws:ec2:eu-west-1:111122223333:instance/*',
      ],
    },
  },
  {
    name: 'RunInstances: subnet and groups of the primary network interface, volumes and launch template',
    input: {
      service: 'ec2',
      operation: 'RunInstances',
      requestParameters: {
        instancesSet: { items: [{ minCount: 1, maxCount: 1 }] },
        networkInterfaceSet: {
          items: [
            { deviceIndex: 1, subnetId: 'subnet-0second' },
            {
              deviceIndex: 0,
              subnetId: 'subnet-0bb',
              associatePublicIpAddress: true,
              groupSet: { items: [{ groupId: 'sg-0nic' }] },
            },
          ],
        },
        blockDeviceMapping: {
          items: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 40, volumeType: 'gp3', encrypted: true } }],
        },
        launchTemplate: { launchTemplateId: 'lt-0123', version: '3' },
      },
    },
    expected: {
      parameters: {
        minCount: 1,
        maxCount: 1,
        subnetId: 'subnet-0bb',
        associatePublicIpAddress: true,
        securityGroupIds: ['sg-0nic'],
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: { volumeSize: 40, volumeType: 'gp3', encrypted: true } },
        ],
        launchTemplate: { launchTemplateId: 'lt-0123', version: '3' },
      },
      checks: [
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0bb',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0nic',
        'ec2:RunInstances arn:aws:ec2:eu-west-1:111122223333:launch-template/lt-0123',
      ],
    },
  },
  {
    name: 'RunInstances: top-level groupSet wins over the interface groups; an explicit placement is kept',
    input: {
      service: 'ec2',
      operation: 'RunInstances',
      requestParameters: {
        availabilityZone: 'eu-west-1a',
        placement: { tenancy: 'dedicated' },
        groupSet: { items: [{ groupId: 'sg-0top' }] },
        networkInterfaceSet: { items: [{ deviceIndex: 0, groupSet: { items: [{ groupId: 'sg-0nic' }] } }] },
      },
    },
    expected: {
      parameters: {
        placement: { availabilityZone: 'eu-west-1a', tenancy: 'dedicated' },
        securityGroupIds: ['sg-0top'],
      },
    },
  },
  {
    name: 'another EC2 call: every `{items}` list unwrapped, an empty one left as logged',
    input: {
      service: 'ec2',
      operation: 'TerminateInstances',
      requestParameters: { instancesSet: { items: [{ instanceId: 'i-01' }] }, filterSet: {} },
    },
    expected: { parameters: { instancesSet: [{ instanceId: 'i-01' }], filterSet: {} } },
  },
  {
    name: 'S3: header names as the SDK names them; Host dropped',
    input: {
      service: 's3',
      operation: 'PutObject',
      requestParameters: {
        bucketName: 'reports',
        Host: 'reports.s3.eu-west-1.amazonaws.com',
        key: 'q3.csv',
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id':
          'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    },
    expected: {
      parameters: {
        bucket: 'reports',
        key: 'q3.csv',
        serverSideEncryption: 'aws:kms',
        sseKmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
      checks: [
        's3:PutObject arn:aws:s3:::reports/q3.csv',
        'kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ],
    },
  },
  {
    name: 'Lambda: JSON parameters pass through, so PassRole names the function role',
    input: {
      service: 'lambda',
      operation: 'CreateFunction',
      requestParameters: {
        functionName: 'orders',
        runtime: 'python3.12',
        role: 'arn:aws:iam::111122223333:role/fn-exec',
      },
    },
    expected: {
      parameters: {
        functionName: 'orders',
        runtime: 'python3.12',
        role: 'arn:aws:iam::111122223333:role/fn-exec',
      },
      checks: ['iam:PassRole arn:aws:iam::111122223333:role/fn-exec'],
      notAssumed: { 'iam:PassRole': 'resource' },
    },
  },
  {
    name: 'no requestParameters logged',
    input: { service: 'ec2', operation: 'RunInstances', requestParameters: null },
    expected: { parameters: {} },
  },
];

describe('parametersFromCloudTrail', () => {
  it.each(CASES)('$name', ({ input, expected }) => {
    const parameters = parametersFromCloudTrail(input.service, input.operation, input.requestParameters);
    expect(parameters).toEqual(expected.parameters);
    if (expected.checks === undefined || input.service === null || input.operation === null) return;
    const { checks } = expandCall({
      service: input.service,
      operation: input.operation,
      region: 'eu-west-1',
      account: '111122223333',
      parameters,
    });
    const pairs = checks.map((c) => `${c.action} ${c.resource}`);
    expect(pairs).toEqual(expect.arrayContaining([...expected.checks]));
    for (const [action, part] of Object.entries(expected.notAssumed ?? {})) {
      const check = checks.find((c) => c.action === action);
      expect(check?.assumed).not.toContain(part);
    }
  });
});
