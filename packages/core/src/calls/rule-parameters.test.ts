import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallNote } from './call-model.js';
import { expandCall } from './expand-call.js';
import { checkParameters } from './rule-parameters.js';
import { CALL_RULES, DEFAULT_CALL_RULE, ruleFor } from './rules/index.js';

const RULES = [...Object.values(CALL_RULES), DEFAULT_CALL_RULE];

/** A parameters object holding every declared path once (`*` maps get one entry). */
function everyPath(paths: readonly string[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split('.');
    let node = root;
    segments.forEach((segment, i) => {
      const key = segment === '*' ? 'team' : segment;
      if (i === segments.length - 1) node[key] ??= 'x';
      else {
        const next = node[key];
        node[key] = typeof next === 'object' && next !== null ? next : {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return root;
}

describe('the parameters each rule declares', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s reads every one it declares', (_id, rule) => {
    const parameters = everyPath(rule.parameters);
    for (const operation of rule.operations.length === 0 ? ['DoThing'] : rule.operations) {
      const { notes } = expandCall({
        service: rule.service === '*' ? 'example' : rule.service,
        operation,
        region: 'us-east-1',
        account: '111122223333',
        parameters,
      });
      const unused = notes.filter((n: CallNote) => n.code === 'parameter-unused').map((n) => n.message);
      // a rule covering several operations reads some parameters for one operation only
      if (rule.operations.length <= 1) expect(unused).toEqual([]);
    }
  });

  const directory = new URL('./cases/', import.meta.url);
  const cases = readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) =>
      (
        JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as {
          name: string;
          input: { service: string; operation: string; parameters?: Record<string, unknown> };
        }[]
      ).map((c) => [`${file}: ${c.name}`, c.input] as const),
    );
  it.each(cases)('the call table case %s: every parameter its rule reads is declared', (_name, input) => {
    const result = checkParameters(
      ruleFor(input.service, input.operation),
      input.operation,
      input.parameters ?? {},
    );
    // a parameter refused as not declared must be one the expansion does not read either
    const refused = result.ok ? [] : result.diagnostics.map((d) => d.path.slice(1));
    const { notes } = expandCall({ ...input, region: 'us-east-1', account: '111122223333' });
    const unused = notes
      .filter((n) => n.code === 'parameter-unused')
      .map((n) => /`([^`]+)`/.exec(n.message)?.[1]);
    for (const path of refused) expect(unused, `\`${path}\` is read but not declared`).toContain(path);
  });
});

describe('checkParameters', () => {
  const runInstances = ruleFor('ec2', 'RunInstances');

  it('takes the API, SDK and CLI spellings of a key and renames them to the rule’s', () => {
    const result = checkParameters(runInstances, 'RunInstances', {
      IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/app' },
      'security-group-ids': ['sg-1'],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'web' }] }],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        iamInstanceProfile: { arn: 'arn:aws:iam::111122223333:instance-profile/app' },
        securityGroupIds: ['sg-1'],
        tagSpecifications: [{ resourceType: 'instance', tags: [{ Key: 'team', Value: 'web' }] }],
      },
    });
  });

  it('leaves a plain value where the rule reads an object for the rule (a bare profile ARN)', () => {
    const arn = 'arn:aws:iam::111122223333:instance-profile/app';
    expect(checkParameters(runInstances, 'RunInstances', { iamInstanceProfile: arn })).toEqual({
      ok: true,
      value: { iamInstanceProfile: arn },
    });
  });

  it('refuses a key the call does not have, naming it and the keys read there', () => {
    const result = checkParameters(runInstances, 'RunInstances', { iamInstanceProfile: { nmae: 'app' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'parameter-unknown',
      source: 'parameters',
      path: '/iamInstanceProfile/nmae',
    });
    expect(result.diagnostics[0]?.message).toBe(
      '`RunInstances` has no parameter `iamInstanceProfile.nmae` that decides its checks; the ones read in `iamInstanceProfile` are `arn`, `name`, `role`',
    );
  });

  it('refuses an unknown top-level key, listing the top-level keys', () => {
    const result = checkParameters(ruleFor('lambda', 'CreateFunction'), 'CreateFunction', { rol: 'x' });
    expect(result.ok ? '' : result.diagnostics[0]?.message).toMatch(
      /^`CreateFunction` has no parameter `rol` that decides its checks; the ones read are `functionName`, `role`/,
    );
  });
});
