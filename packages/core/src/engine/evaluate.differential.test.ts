/**
 * The lean evaluation (no trace, for batches) must decide exactly as the traced ones: same decision,
 * layer, deciding statements and resource grant, for every case of the table and for mutated requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.js';
import { evaluate } from './evaluate.js';
import type { AuthorizationRequest } from './request.js';
import { parseSimulationCase } from './simulation-case.js';

const directory = new URL('./cases/', import.meta.url);
const inputs = readdirSync(directory)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) =>
    (JSON.parse(readFileSync(new URL(f, directory), 'utf8')) as { input: unknown }[]).map((c) => c.input),
  );

const prepared = inputs.flatMap((input) => {
  const parsed = parseSimulationCase(input);
  if (!parsed.ok) return [];
  const compiled = compilePolicySet(parsed.value.policies);
  return compiled.ok ? [{ compiled: compiled.value, requests: parsed.value.requests }] : [];
});

function outcome(r: ReturnType<typeof evaluate>) {
  return {
    decision: r.decision,
    layer: r.layer,
    statements: r.statements,
    resourceGrant: r.resourceGrant,
    builtIn: r.builtIn,
  };
}

describe('lean evaluation agrees with the traced evaluations', () => {
  it('on every request of the case table', () => {
    expect(prepared.length).toBeGreaterThan(300);
    for (const { compiled, requests } of prepared) {
      for (const request of requests) {
        const lean = outcome(evaluate(compiled, request, { trace: 'none' }));
        expect(lean).toEqual(outcome(evaluate(compiled, request, { trace: 'relevant' })));
        expect(lean).toEqual(outcome(evaluate(compiled, request, { trace: 'full' })));
      }
    }
  });

  it('on requests with context keys dropped, changed or added', () => {
    const subjects = prepared.flatMap(({ compiled, requests }) =>
      requests.map((request) => ({ compiled, request })),
    );
    const mutate = (request: AuthorizationRequest, drop: number, value: string, extra: string) => {
      const keys = Object.keys(request.context);
      const context = { ...request.context };
      const dropped = keys[drop % Math.max(1, keys.length)];
      if (dropped !== undefined) delete context[dropped];
      const changed = keys[(drop + 1) % Math.max(1, keys.length)];
      if (changed !== undefined && changed !== dropped) context[changed] = value;
      context[extra] = value;
      return { ...request, context };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: subjects.length - 1 }),
        fc.nat(),
        fc.oneof(
          fc.constantFrom('true', 'false', '10.0.0.1', '2025-01-01T00:00:00Z', 'prod', '*'),
          fc.string(),
        ),
        fc.constantFrom(
          'aws:PrincipalTag/team',
          'aws:SourceIp',
          'aws:SecureTransport',
          'aws:TagKeys',
          'ec2:InstanceType',
        ),
        (i, drop, value, extra) => {
          const subject = subjects[i];
          if (subject === undefined) return;
          const request = mutate(subject.request, drop, value, extra);
          const lean = outcome(evaluate(subject.compiled, request, { trace: 'none' }));
          expect(lean).toEqual(outcome(evaluate(subject.compiled, request, { trace: 'full' })));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
