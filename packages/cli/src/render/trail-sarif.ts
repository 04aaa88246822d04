import { KIND_HEADLINE, LAYER_NAME, type PolicyLayer } from '@whydenied/core';
import { type TrailGroup, trailGroupKey } from '@whydenied/core/trail';
import { type SarifResultInput, type SarifRuleInput, type SarifSeverity, toSarif } from './sarif.js';
import type { TrailReport, TrailReportGroup } from './trail-text.js';

const DENIED = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';

/**
 * The AWS page of each layer a denial can name: what a `denied-by-<layer>` rule links to.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
const LAYER_PAGE: Readonly<Record<PolicyLayer, string>> = {
  identity: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html',
  resource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html',
  'permissions-boundary': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  session: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  rcp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  'vpc-endpoint': 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
  'trust-policy':
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy',
};

/** The level of a group's results: a denial is an error, a look-alike (no policy fixes it) a warning. */
function severityOf(group: TrailReportGroup): SarifSeverity {
  return group.lookalike === null ? 'error' : 'warning';
}

/**
 * The rule of a group: `denied-by-<layer>` for an access denial whose message names the policy type
 * (`denied` when it names none), `lookalike-<id>` for a look-alike (the reader's rule id).
 */
export function trailRuleId(group: TrailReportGroup): string {
  if (group.lookalike !== null) return `lookalike-${group.lookalike}`;
  return group.reasonLayer === null ? 'denied' : `denied-by-${group.reasonLayer}`;
}

function ruleOf(group: TrailReportGroup): SarifRuleInput {
  const id = trailRuleId(group);
  if (group.lookalike !== null) {
    return {
      id,
      description: `${KIND_HEADLINE[group.kind]} (${group.lookalike})`,
      help: "no policy change fixes a look-alike: the group's diagnosis (`--format json`) says what to do instead",
      helpUri: DENIED,
      severity: 'warning',
    };
  }
  const layer = group.reasonLayer;
  return {
    id,
    description:
      layer === null
        ? 'AWS denied requests; the error does not name the policy type that denied them'
        : `AWS denied requests because of the ${LAYER_NAME[layer]}`,
    help: "the group's diagnosis (`--format json`, or the text view) names the deciding policy and the smallest safe fix",
    helpUri: layer === null ? DENIED : LAYER_PAGE[layer],
    severity: 'error',
  };
}

/** `trail`'s groups as the result's property bag: the group's fields, without its diagnosis. */
function properties(group: TrailReportGroup): Record<string, unknown> {
  const { diagnosis: _diagnosis, ...fields } = group;
  return fields;
}

function message(group: TrailReportGroup): string {
  const who = group.principal ?? 'an unknown caller';
  const what = group.action ?? 'an unknown action';
  const on = group.resourcePattern === null ? '' : ` on ${group.resourcePattern}`;
  const times = `${group.count.toLocaleString('en-US')} time${group.count === 1 ? '' : 's'}`;
  const when =
    group.firstSeen === null
      ? ''
      : `, ${group.firstSeen}${group.lastSeen === group.firstSeen ? '' : ` to ${group.lastSeen}`}`;
  if (group.lookalike !== null) {
    return `${who} failed ${what}${on} ${times} (${group.errorCode}: ${KIND_HEADLINE[group.kind]})${when}`;
  }
  const because = group.reasonLayer === null ? '' : `, by the ${LAYER_NAME[group.reasonLayer]}`;
  const denied = group.denyType === 'explicit' ? 'explicitly denied' : 'denied';
  return `${who} was ${denied} ${what}${on} ${times} (${group.errorCode}${because})${when}`;
}

/** A source name as a SARIF location: an S3 object's key encoded segment by segment, standard input named. */
function fileOf(source: string): string {
  if (source.startsWith('s3://')) {
    const [bucket = '', ...key] = source.slice('s3://'.length).split('/');
    return `s3://${bucket}/${key.map((segment) => encodeURIComponent(segment)).join('/')}`;
  }
  return source === '-' || source === '<stdin>' ? 'stdin' : source;
}

/**
 * `trail --format sarif`: one result per group shown, at the file (and line) of the group's earliest
 * event, else at `fallback` (the query result the groups were read from); logical locations are the
 * principal and the action; the fingerprint follows the grouping key.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function trailSarif(
  report: TrailReport,
  places: readonly TrailGroup['exampleAt'][],
  fallback: string,
): Record<string, unknown> {
  const rules = new Map<string, SarifRuleInput>();
  const results: SarifResultInput[] = report.groups.map((group, i) => {
    const rule = ruleOf(group);
    if (!rules.has(rule.id)) rules.set(rule.id, rule);
    const at = places[i] ?? null;
    return {
      ruleId: rule.id,
      severity: severityOf(group),
      message: message(group),
      file: fileOf(at?.source ?? fallback),
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      logicalLocations: [
        { fullyQualifiedName: group.principal ?? '(unknown principal)', kind: 'principal' },
        { fullyQualifiedName: group.action ?? '(unknown action)', kind: 'action' },
      ],
      properties: properties(group),
      identity: trailGroupKey(group),
    };
  });
  return toSarif({
    tool: { name: 'whydenied', version: '0.1.0', informationUri: 'https://github.com/whydenied/whydenied' },
    rules: [...rules.values()],
    results,
  });
}
