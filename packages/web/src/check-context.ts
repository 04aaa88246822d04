import { callFromFailure, type Diagnosis, expandCall, ruleFor } from '@whydenied/core';

/**
 * The request context AWS sends with a check of the failed call, as `KEY=VALUE` lines for the simulate
 * panel: the expanded call's context for the check, else what the error's own check carries
 * (`iam:PassedToService` for a role passed by the call, `ec2:CreateAction` for tag-on-create), as the
 * diagnosis builds it. Empty when the call does not say.
 */
export function checkContextLines(diagnosis: Diagnosis, action: string, resource: string): string {
  const call = callFromFailure({ failure: diagnosis.failure, region: diagnosis.details.region });
  if (call === undefined) return '';
  const wanted = action.toLowerCase();
  const checks = expandCall(call).checks.filter((c) => c.action.toLowerCase() === wanted);
  const check = checks.find((c) => c.resource === resource) ?? checks[0];
  const context: Record<string, string | readonly string[]> = { ...(check?.context ?? {}) };
  if (check === undefined && wanted === 'iam:passrole') {
    const service = ruleFor(call.service, call.operation).passesRoleTo;
    if (service !== undefined) context['iam:PassedToService'] = service;
  }
  if (check === undefined && wanted === 'ec2:createtags' && call.service.toLowerCase() === 'ec2') {
    if (call.operation !== 'CreateTags') context['ec2:CreateAction'] = call.operation;
  }
  return Object.entries(context)
    .flatMap(([key, value]) => (typeof value === 'string' ? [value] : value).map((v) => `${key}=${v}`))
    .join('\n');
}
