/**
 * The comparison against the engine, on random pairs of small identity policies over a small
 * vocabulary: every row reported is allowed by the granting policy and not by the other when its
 * example request is evaluated (sound), and every random request allowed by one and not the other is
 * covered by a row (complete).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { type CompiledPolicySet, compilePolicySet } from '../engine/compile-policy-set.js';
import { compileClause } from '../engine/conditions/evaluate-condition.js';
import { evaluate } from '../engine/evaluate.js';
import { parseTemplate, resolveTemplate } from '../engine/policy-variables.js';
import type { ContextValue } from '../engine/request.js';
import type { ContextEntry } from '../engine/request-context.js';
import { compileArnPattern } from '../matching/arn.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { PolicyDocument } from '../policy/policy-model.js';
import type { AccessRow, ConditionValue } from './compare-model.js';
import { comparePolicies } from './compare-policies.js';

const CALLER = 'arn:aws:sts::111122223333:assumed-role/tester/session';
const ACTION_PATTERNS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  's3:Get*',
  's3:*Object',
];
const RESOURCE_PATTERNS = [
  'arn:aws:s3:::a/*',
  'arn:aws:s3:::a/x/*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::a',
  'arn:aws:s3:::*',
  `arn:aws:s3:::a/\${aws:PrincipalTag/team}/*`,
  '*',
];
const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:GetObjectAcl'];
const RESOURCES = [
  'arn:aws:s3:::a/x/1',
  'arn:aws:s3:::a/1',
  'arn:aws:s3:::a/red/1',
  'arn:aws:s3:::a/rz/1',
  'arn:aws:s3:::b/1',
  'arn:aws:s3:::c/1',
  'arn:aws:s3:::a',
  'arn:aws:s3:::c',
];

/** Keys, the values policies compare them with, and the values requests carry. */
const KEYS = {
  'aws:RequestedRegion': {
    policy: ['us-east-1', 'eu-west-1', 'us-*'],
    request: ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-south-1'],
  },
  'aws:PrincipalTag/team': { policy: ['red', 'blue', 'r*'], request: ['red', 'blue', 'rz', 'green'] },
  's3:prefix': {
    policy: ['home/', 'public/*', 'home/*'],
    request: ['home/', 'public/x', 'home/x', 'other/'],
  },
  'aws:SourceIp': {
    policy: ['10.0.0.0/8', '10.1.0.0/16'],
    request: ['10.1.2.3', '10.200.0.1', '192.168.0.1'],
  },
} as const;
type SingleKey = keyof typeof KEYS;
const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLike',
  'StringEqualsIfExists',
];

const clause = fc.oneof(
  fc
    .record({
      key: fc.constantFrom<SingleKey>('aws:RequestedRegion', 'aws:PrincipalTag/team', 's3:prefix'),
      operator: fc.constantFrom(...STRING_OPERATORS),
      picks: fc.array(fc.nat(2), { minLength: 1, maxLength: 2 }),
    })
    .map(({ key, operator, picks }) => ({
      operator,
      key,
      values: [...new Set(picks.map((i) => KEYS[key].policy[i] as string))],
    })),
  fc.record({
    operator: fc.constantFrom('IpAddress', 'NotIpAddress'),
    key: fc.constant('aws:SourceIp'),
    values: fc.subarray([...KEYS['aws:SourceIp'].policy], { minLength: 1 }),
  }),
  fc.record({
    operator: fc.constantFrom('ForAnyValue:StringEquals', 'ForAllValues:StringEquals'),
    key: fc.constant('aws:TagKeys'),
    values: fc.subarray(['team', 'env'], { minLength: 1 }),
  }),
  fc.record({
    operator: fc.constant('Null'),
    key: fc.constantFrom('aws:PrincipalTag/team', 'aws:TagKeys'),
    values: fc.constantFrom(['true'], ['false']),
  }),
);

const statement = fc
  .record({
    deny: fc.boolean(),
    actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 2 }),
    notResource: fc.boolean(),
    resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
    clauses: fc.array(clause, { maxLength: 2 }),
  })
  .map((s) => {
    const condition: Record<string, Record<string, readonly string[]>> = {};
    for (const c of s.clauses) condition[c.operator] = { ...condition[c.operator], [c.key]: c.values };
    return {
      Effect: s.deny ? 'Deny' : 'Allow',
      // NotAction (every catalog action) is in the case table: here it would make each run slow
      Action: s.actions,
      ...(s.notResource ? { NotResource: s.resources } : { Resource: s.resources }),
      ...(s.clauses.length > 0 ? { Condition: condition } : {}),
    };
  });

const policy = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

type Point = { action: string; resource: string; context: Record<string, ContextValue> };

/** Random requests from a seed (so that a failure prints one number, not the requests). */
function points(seed: number, count: number): Point[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, () => {
    const context: Record<string, ContextValue> = {};
    for (const [key, { request }] of Object.entries(KEYS)) if (random() < 0.6) context[key] = pick(request);
    if (random() < 0.6) context['aws:TagKeys'] = ['team', 'env', 'owner'].filter(() => random() < 0.5);
    return { action: pick(ACTIONS), resource: pick(RESOURCES), context };
  });
}

function compiled(document: unknown): CompiledPolicySet {
  const set = compilePolicySet({ identityPolicies: [{ name: 'policy', document }] });
  if (!set.ok) throw new Error(JSON.stringify(set.diagnostics));
  return set.value;
}

function allowed(set: CompiledPolicySet, p: Point): boolean {
  return evaluate(set, { principal: CALLER, ...p }, { trace: 'none' }).decision === 'Allowed';
}

/**
 * A request as AWS would send it, or `undefined`: its resource is of one of the action's resource types
 * (objects for object actions, buckets for s3:ListBucket), and s3:prefix comes only with s3:ListBucket.
 */
function realistic(p: Point): Point | undefined {
  const bucket = !p.resource.slice('arn:aws:s3:::'.length).includes('/');
  if (bucket !== (p.action === 's3:ListBucket')) return undefined;
  if (p.action === 's3:ListBucket') return p;
  const { 's3:prefix': _, ...context } = p.context;
  return { ...p, context };
}

function entry(value: ConditionValue | ContextValue | undefined): ContextEntry | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? { values: [value], multi: false } : { values: value, multi: true };
}

/** Whether a request's value of `key` is in the same class as one of a row's values. */
function sameClass(
  documents: readonly PolicyDocument[],
  key: string,
  actual: ContextValue | undefined,
  listed: readonly ConditionValue[],
) {
  const lower = key.toLowerCase();
  const clauses = documents.flatMap((d) =>
    d.statements.flatMap((s) =>
      s.conditions.filter((c) => c.key.toLowerCase() === lower).map((c) => compileClause(c, d.version)),
    ),
  );
  const vector = (value: ConditionValue | ContextValue | undefined) => {
    const e = entry(value);
    const context = new Map<string, ContextEntry>(e === null ? [] : [[lower, e]]);
    return clauses.map((c) => (c.test(context) ? '1' : '0')).join('');
  };
  return listed.some((v) => vector(v) === vector(actual));
}

function resourceCovered(row: AccessRow, p: Point): boolean {
  if (row.notResource !== undefined)
    return !row.notResource.some((r) => compileArnPattern(r).matches(p.resource));
  const template = parseTemplate(row.resource);
  if (template === undefined) return compileArnPattern(row.resource).matches(p.resource);
  const context = new Map<string, ContextEntry>();
  for (const [k, v] of Object.entries(p.context)) {
    const e = entry(v);
    if (e !== null) context.set(k.toLowerCase(), e);
  }
  const parts = resolveTemplate(template, context);
  return parts !== undefined && compileArnPattern(parts).matches(p.resource);
}

function covered(rows: readonly AccessRow[], documents: readonly PolicyDocument[], p: Point): boolean {
  return rows.some(
    (row) =>
      row.action === p.action &&
      resourceCovered(row, p) &&
      Object.entries(row.conditions).every(([key, listed]) =>
        sameClass(documents, key, p.context[key], listed),
      ),
  );
}

describe('compare against the engine', () => {
  it('reports only access one policy grants and the other does not, and all of it', async () => {
    const catalog = nodeCatalog();
    await fc.assert(
      fc.asyncProperty(policy, policy, fc.integer(), async (old, next, seed) => {
        const result = await comparePolicies(
          { name: 'old.json', policy: old },
          { name: 'new.json', policy: next },
          { catalog },
        );
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        const sets = [compiled(old), compiled(next)] as const;
        for (const row of result.value.newAccess) {
          expect(allowed(sets[1], row.example), JSON.stringify(row)).toBe(true);
          expect(allowed(sets[0], row.example), JSON.stringify(row)).toBe(false);
        }
        for (const row of result.value.removedAccess) {
          expect(allowed(sets[0], row.example), JSON.stringify(row)).toBe(true);
          expect(allowed(sets[1], row.example), JSON.stringify(row)).toBe(false);
        }
        const documents = [old, next].map((d) => {
          const parsed = parsePolicy(d);
          if (!parsed.ok) throw new Error('invalid policy');
          return parsed.value;
        });
        for (const raw of points(seed, 150)) {
          const p = realistic(raw);
          if (p === undefined) continue;
          const inOld = allowed(sets[0], p);
          const inNew = allowed(sets[1], p);
          if (inNew && !inOld)
            expect(covered(result.value.newAccess, documents, p), JSON.stringify(p)).toBe(true);
          if (inOld && !inNew)
            expect(covered(result.value.removedAccess, documents, p), JSON.stringify(p)).toBe(true);
        }
      }),
      { seed: 20_240_607, numRuns: 100 },
    );
  });
});
