import type { PlanPrediction, PredictedDenial, ResourcePrediction } from '@whydenied/core/plan';

/**
 * `plan` as text: the denials predicted per resource address (layer, deciding statement, failed
 * conditions, the fix), then plainly what was not modelled and what stays unknown until apply.
 */
export function renderPlanText(prediction: PlanPrediction, planName: string): string {
  const lines: string[] = [];
  const certain = prediction.resources.reduce((n, r) => n + r.denials.filter((d) => d.certain).length, 0);
  const count = prediction.denialCount;
  lines.push(
    `${planName}: ${count === 0 ? 'no denial predicted' : `${count} predicted denial${count === 1 ? '' : 's'} (${certain} certain)`} for ${prediction.principal}${prediction.region === null ? '' : ` in ${prediction.region}`}`,
  );
  for (const resource of prediction.resources) {
    if (resource.denials.length === 0) continue;
    lines.push(
      '',
      `${resource.address} (${resource.actions.join(', ')}): ${resource.calls.map((c) => c.call).join(', ')}`,
    );
    resource.denials.forEach((denial) => {
      lines.push(...denialLines(denial));
    });
    for (const remedy of resource.remedies) lines.push(`    first: ${remedy.message}`);
    for (const fix of resource.fixes) {
      lines.push(`    fix (${fix.layer}${fix.proposal ? ', a proposal for its owner' : ''}): ${fix.command}`);
      for (const line of fix.diff.split('\n')) if (line !== '') lines.push(`      ${line}`);
    }
    for (const none of resource.noFix)
      lines.push(`    no fix for denial ${none.finding + 1}: ${none.message}`);
  }
  lines.push('', ...sharedTargets(prediction), ...coverageLines(prediction));
  return `${lines.join('\n')}\n`;
}

/** Fixes of different resources that change the same policy: each is computed from its current document. */
function sharedTargets(prediction: PlanPrediction): string[] {
  const count = new Map<string, number>();
  for (const fix of prediction.resources.flatMap((r) => r.fixes)) {
    const key = `${fix.target} ${fix.policyName}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count]
    .filter(([, n]) => n > 1)
    .map(
      ([key, n]) =>
        `${n} fixes change ${key.split(' ')[1]} of ${key.split(' ')[0]}, each from its current document: apply one, then run plan again`,
    );
}

function denialLines(denial: PredictedDenial): string[] {
  const statement =
    denial.sid !== null
      ? `statement \`${denial.sid}\` of ${denial.policy ?? 'its policy'}`
      : denial.policy !== null
        ? `policy ${denial.policy}`
        : 'no statement allows it';
  const mark = denial.certain ? 'x' : '?';
  const lines = [
    `  ${mark} ${denial.action} on ${denial.resource}${denial.call === denial.action ? '' : ` (for ${denial.call})`}: ${denial.decision === 'ExplicitDeny' ? 'explicit deny' : 'implicit deny'} at ${denial.layer}, ${statement}`,
  ];
  for (const c of denial.failedConditions) {
    const actual = c.actual === null ? 'absent' : c.actual.join(', ');
    lines.push(
      `      condition ${c.operator} ${c.key}: wants ${c.expected.join(', ')}, the call sends ${actual}`,
    );
  }
  if (!denial.certain) {
    const why = [
      ...denial.assumed.map((a) => `${a} assumed`),
      ...denial.dependsOn.map((k) => `${k} not known`),
    ];
    lines.push(
      `      not certain: ${why.length === 0 ? 'the resource policy was not given' : why.join(', ')}`,
    );
  }
  return lines;
}

function coverageLines(prediction: PlanPrediction): string[] {
  const by = (coverage: ResourcePrediction['coverage']) =>
    prediction.resources.filter((r) => r.coverage === coverage);
  const modelled = by('modelled');
  const lines = [
    `modelled: ${modelled.length} resource change${modelled.length === 1 ? '' : 's'}, ${modelled.reduce((n, r) => n + r.calls.length, 0)} calls`,
  ];
  if (prediction.notCovered.length > 0) {
    lines.push(`not covered (calls not predicted): ${prediction.notCovered.join(', ')}`);
  }
  const skipped = by('action-not-modelled');
  if (skipped.length > 0) {
    lines.push(
      `actions not modelled: ${skipped.map((r) => `${r.address} (${r.actions.join(', ')})`).join(', ')}`,
    );
  }
  const unknown = modelled.filter((r) => r.unknownAtPlan.length > 0);
  if (unknown.length > 0) {
    lines.push(
      `known only after apply: ${unknown.map((r) => `${r.address}: ${r.unknownAtPlan.join(', ')}`).join('; ')}`,
    );
  }
  if (prediction.missingEvidence.length > 0) {
    lines.push(
      `evidence not given: ${[...new Set(prediction.missingEvidence.map((m) => m.code))].join(', ')}`,
    );
  }
  return lines;
}
