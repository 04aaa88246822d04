/**
 * The shape of a call rule, and the helpers rules share to build checks. A rule is data: an id, the
 * operations it expands, the documentation it follows, and one `expand` function.
 */

import type { ContextValue } from '../engine/request.js';
import { dictionary } from '../json/dictionary.js';
import type { BuiltArn, CallScope } from './arns.js';
import type { CallDescription, CallNote } from './call-model.js';
import type { CallCheck, CheckTiming, UnresolvedFact } from './check.js';
import type { ParameterReader } from './parameters.js';

/** What a rule gets: the call, its scope, a reader over its parameters, and a list to add notes to. */
export interface RuleInput {
  readonly call: CallDescription;
  readonly scope: CallScope;
  readonly parameters: ParameterReader;
  readonly notes: CallNote[];
}

/** A rule that knows which checks a family of calls makes. */
export interface CallRule {
  /** Stable identifier, kebab-case, e.g. `ec2-run-instances`. */
  readonly id: string;
  /** IAM service prefix. */
  readonly service: string;
  /** API operations this rule expands (case as in the API reference). */
  readonly operations: readonly string[];
  /** AWS documentation the rule follows. */
  readonly sources: readonly string[];
  /**
   * The service principal the call passes roles to (`iam:PassedToService`), for calls that pass one:
   * a PassRole denial named by an error is checked with it even when the call's parameters are unknown.
   */
  readonly passesRoleTo?: string;
  /**
   * Every parameter the rule reads, as dotted paths in the SDKs' camelCase (list items leave no
   * segment; `.*` ends a free-form map such as tags): a given parameter not listed is refused.
   */
  readonly parameters: readonly string[];
  /** The checks of one call. */
  expand(input: RuleInput): readonly CallCheck[];
}

/**
 * One check as a rule writes it: the ARN as built (with the stand-ins it took), context values that
 * may be unknown, and the reason for each assumption. A notation for rules, not a check:
 * {@link makeCheck} turns it into the {@link CallCheck} (unknown values dropped, assumptions listed).
 */
export interface CallCheckParts {
  readonly action: string;
  /** A built ARN, or `*` for actions without resource-level permissions. */
  readonly resource: BuiltArn | '*';
  readonly resourceType: string | null;
  /** Context values; `undefined` entries (unknown values) are left out. */
  readonly context?: Readonly<Record<string, ContextValue | undefined>>;
  /** Context keys whose values are assumptions, with the reason. */
  readonly assumedContext?: Readonly<Record<string, string>>;
  /** Set when whether AWS makes this check at all is an assumption: the reason. */
  readonly assumedCheck?: string;
  readonly when?: CheckTiming;
  readonly why: string;
  readonly source: string;
  /** Facts of the account that would make an assumed part known. */
  readonly unresolved?: readonly UnresolvedFact[];
}

/** Builds a {@link CallCheck}, collecting which of its parts are assumptions and why. */
export function makeCheck(spec: CallCheckParts): CallCheck {
  const context = dictionary<ContextValue>();
  for (const [key, value] of Object.entries(spec.context ?? {})) {
    if (value !== undefined) context[key] = value;
  }
  const assumedWhy: Record<string, string> = {};
  if (spec.resource !== '*' && spec.resource.standIns.length > 0) {
    assumedWhy.resource = spec.resource.standIns.join('; ');
  }
  if (spec.assumedCheck !== undefined) assumedWhy.check = spec.assumedCheck;
  for (const [key, reason] of Object.entries(spec.assumedContext ?? {})) {
    if (key in context) assumedWhy[`context:${key}`] = reason;
  }
  return {
    action: spec.action,
    resource: spec.resource === '*' ? '*' : spec.resource.arn,
    resourceType: spec.resourceType,
    context,
    assumed: Object.keys(assumedWhy),
    assumedWhy,
    when: spec.when ?? 'call',
    why: spec.why,
    source: spec.source,
    ...(spec.unresolved === undefined || spec.unresolved.length === 0 ? {} : { unresolved: spec.unresolved }),
  };
}

/** `aws:RequestedRegion`, present on every request whose region is known. */
export function regionContext(scope: CallScope): Record<string, string | undefined> {
  return { 'aws:RequestedRegion': scope.region ?? undefined };
}

/** `aws:RequestTag/<key>` for each tag and `aws:TagKeys`; empty when there are no tags. */
export function requestTagContext(
  tags: Readonly<Record<string, string>> | undefined,
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  if (tags === undefined) return context;
  const keys = Object.keys(tags);
  if (keys.length === 0) return context;
  for (const key of keys) context[`aws:RequestTag/${key}`] = tags[key] ?? '';
  context['aws:TagKeys'] = keys;
  return context;
}

/** Uniform notes about parameters that were expected but missing. */
export function missingNote(code: CallNote['code'], message: string, source?: string): CallNote {
  return source === undefined ? { code, message } : { code, message, source };
}
