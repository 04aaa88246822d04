import { compileWildcard, type WildcardMatcher } from '../matching/wildcard.js';
import type { TrailDenial } from './trail-denial.js';

/** Which denials a trail analysis keeps; every field given must hold. */
export interface TrailFilterOptions {
  /** Events at or after this time (an ISO 8601 date or date-time; a date alone is UTC midnight). */
  readonly since?: string;
  /** Events before this time. */
  readonly until?: string;
  /** An IAM wildcard (`*`, `?`) matched against the group's principal (the role) or the session's caller. */
  readonly principal?: string;
  /** An IAM wildcard matched against the action, case-insensitively (`s3:Get*`). */
  readonly action?: string;
  /** The account whose trail holds the event (`recipientAccountId`). */
  readonly account?: string;
  /** The service that logged the event: `eventSource` (`s3.amazonaws.com`) or its first label (`s3`). */
  readonly eventSource?: string;
}

/** A compiled filter: `keeps` is linear in the denial's fields. */
export interface TrailFilter {
  readonly keeps: (denial: TrailDenial) => boolean;
}

/** Why a filter option cannot be used. */
export interface TrailFilterProblem {
  readonly code: 'bad-time';
  readonly option: 'since' | 'until';
  readonly message: string;
}

/**
 * Compiles the filter options once. The wildcards use the linear IAM matcher, never a RegExp.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function compileTrailFilter(
  options: TrailFilterOptions,
): { ok: true; value: TrailFilter } | { ok: false; problem: TrailFilterProblem } {
  const since = timeOption(options.since, 'since');
  if (since !== undefined && !Number.isFinite(since.ms)) return { ok: false, problem: since.problem };
  const until = timeOption(options.until, 'until');
  if (until !== undefined && !Number.isFinite(until.ms)) return { ok: false, problem: until.problem };
  const principal = options.principal === undefined ? null : compileWildcard(options.principal);
  const action = options.action === undefined ? null : compileWildcard(options.action, { ignoreCase: true });
  const account = options.account ?? null;
  const source = options.eventSource?.toLowerCase() ?? null;
  const checks: ((d: TrailDenial) => boolean)[] = [];
  if (since !== undefined) checks.push((d) => eventMs(d) >= since.ms);
  if (until !== undefined) checks.push((d) => eventMs(d) < until.ms);
  if (principal !== null) checks.push((d) => matchesEither(principal, d.principal, d.caller));
  if (action !== null) checks.push((d) => d.action !== null && action.matches(d.action));
  if (account !== null) checks.push((d) => d.account === account);
  if (source !== null) {
    checks.push((d) => {
      const s = d.eventSource.toLowerCase();
      return s === source || s.slice(0, s.indexOf('.')) === source;
    });
  }
  return { ok: true, value: { keeps: (d) => checks.every((check) => check(d)) } };
}

function matchesEither(matcher: WildcardMatcher, a: string | null, b: string | null): boolean {
  return (a !== null && matcher.matches(a)) || (b !== null && b !== a && matcher.matches(b));
}

/** An event without a readable time is outside every time window. */
function eventMs(denial: TrailDenial): number {
  return denial.eventTime === null ? Number.NaN : Date.parse(denial.eventTime);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function timeOption(
  value: string | undefined,
  option: 'since' | 'until',
): { ms: number; problem: TrailFilterProblem } | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return {
    ms,
    problem: {
      code: 'bad-time',
      option,
      message: `\`${value}\` is no ISO 8601 date or date-time (2026-01-31 or 2026-01-31T12:00:00Z)`,
    },
  };
}
