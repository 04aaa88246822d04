import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { analyze } from '../analyze/analyze.js';
import type { Evidence } from '../evidence/evidence.js';
import { PLAN_CASES } from './predict.cases.js';
import { predictPlan } from './predict.js';
import { readPlan } from './read-plan.js';
import { SUPPORTED_RESOURCE_TYPES } from './resource-calls.js';

const DEPLOYER = 'arn:aws:sts::111122223333:assumed-role/deployer/ci';
const read = (name: string) => readFileSync(new URL(`./cases/${name}`, import.meta.url), 'utf8');

async function evidence(org?: string): Promise<Evidence> {
  const analysis = await analyze({
    inputs: [
      { id: 'account.json', kind: 'account', text: read('account-111122223333.json') },
      ...(org === undefined ? [] : [{ id: org, kind: 'organization' as const, text: read(org) }]),
    ],
  });
  if (analysis.evidence === null) throw new Error('the account fixture does not read');
  return analysis.evidence;
}

describe('plan prediction table', () => {
  for (const c of PLAN_CASES) {
    it(c.name, async () => {
      const result = await predictPlan({
        planText: read(c.plan),
        evidence: await evidence(c.org),
        principal: DEPLOYER,
        catalog: nodeCatalog(),
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const byAddress = new Map(result.value.resources.map((r) => [r.address, r]));
      expect([...byAddress.keys()]).toEqual(Object.keys(c.resources));
      for (const [address, expected] of Object.entries(c.resources)) {
        const got = byAddress.get(address);
        expect(got?.coverage, address).toBe(expected.coverage);
        expect(
          got?.calls.map((call) => call.call),
          address,
        ).toEqual(expected.calls);
        const notes = new Set(got?.calls.flatMap((call) => call.notes));
        for (const code of expected.notes ?? [])
          expect(notes.has(code), `${address} note ${code}`).toBe(true);
        if (expected.unknownAtPlan !== undefined) {
          expect(got?.unknownAtPlan, address).toEqual(expected.unknownAtPlan);
        }
        expect(
          got?.denials.map((d) => ({
            call: d.call,
            action: d.action,
            resource: d.resource,
            decision: d.decision,
            layer: d.layer,
            sid: d.sid,
            certain: d.certain,
            ...(expected.denials.find((e) => e.action === d.action)?.failedKeys === undefined
              ? {}
              : { failedKeys: d.failedConditions.map((f) => f.key) }),
          })),
          address,
        ).toEqual(expected.denials);
        if (expected.fixes !== undefined) expect(got?.fixes.length, address).toBe(expected.fixes);
      }
      expect(result.value.denialCount).toBe(
        Object.values(c.resources).reduce((n, r) => n + r.denials.length, 0),
      );
    });
  }

  it('covers every supported resource type with a modelled fixture', () => {
    const covered = new Set(
      PLAN_CASES.flatMap((c) =>
        Object.entries(c.resources)
          .filter(([, r]) => r.coverage === 'modelled')
          .map(([address]) => address.split('.')[0]),
      ),
    );
    expect(SUPPORTED_RESOURCE_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('names uncovered resource types once, and numbers fix files over the whole plan', async () => {
    const storage = await predictPlan({
      planText: read('storage.plan.json'),
      evidence: await evidence(),
      principal: DEPLOYER,
    });
    if (!storage.ok) throw new Error('storage plan');
    expect(storage.value.notCovered).toEqual(['aws_sqs_queue']);
    const files = storage.value.resources.flatMap((r) => r.fixes.map((f) => f.file));
    expect(new Set(files).size).toBe(files.length);
  });
});

describe('plan principal and input', () => {
  it('takes the one role of the evidence when no principal is given', async () => {
    const result = await predictPlan({ planText: read('iam.plan.json'), evidence: await evidence() });
    expect(result.ok && result.value.principal).toBe('arn:aws:iam::111122223333:role/deployer');
  });

  it('refuses to guess among several principals', async () => {
    const result = await predictPlan({
      planText: read('iam.plan.json'),
      evidence: { accounts: [], organization: null, resourcePolicies: [], context: {} },
    });
    expect(result.ok ? null : result.diagnostics.map((d) => d.code)).toEqual(['plan-principal-unknown']);
  });

  it('refuses JSON that is no plan', () => {
    expect(readPlan('{"format_version": "1.2"}')).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'terraform-shape' }],
    });
    expect(readPlan('{"resource_changes": [').ok).toBe(false);
  });

  it('keeps a value unknown at plan time unknown: the role passed is a stand-in, not left out', async () => {
    const result = await predictPlan({
      planText: read('compute.plan.json'),
      evidence: await evidence(),
      principal: DEPLOYER,
    });
    if (!result.ok) throw new Error('compute plan');
    const worker = result.value.resources.find((r) => r.address === 'aws_lambda_function.worker');
    expect(worker?.denials[0]?.assumed).toEqual(['resource']);
  });
});

describe('plan locations', () => {
  it('places each change at its planned values in the plan file', async () => {
    const text = read('iam.plan.json');
    const result = await predictPlan({ planText: text, evidence: await evidence(), principal: DEPLOYER });
    if (!result.ok) throw new Error('iam plan');
    const first = result.value.resources[0];
    const lines = text.split('\n');
    const address = lines.findIndex((l) => l.includes('"address": "aws_iam_role.app"'));
    const after = lines.findIndex((l, i) => i > address && l.includes('"after": {'));
    expect([first?.pointer, first?.span.start.line]).toEqual(['/resource_changes/0/change/after', after + 1]);
  });
});
