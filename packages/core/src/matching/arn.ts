import { compileWildcard, type WildcardMatcher, type WildcardPart } from './wildcard.js';

/**
 * The six colon-separated segments of an ARN: `arn:partition:service:region:account:resource`.
 * The resource segment keeps any further colons.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits `text` into ARN segments, or returns `undefined` when it is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const segments = splitArn(text);
  if (segments === undefined || segments.length !== 6) return undefined;
  const [, partition, service, region, account, resource] = segments as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, service, region, account, resource };
}

/** The last ARN split, reused: one request's resource is matched against many patterns in a row. */
let lastText: string | undefined;
let lastSegments: readonly string[] | undefined;

/**
 * Splits on the first five colons. Returns `undefined` unless the text starts with `arn:`;
 * may return fewer than six segments when the text has fewer colons. The result is shared and
 * must not be modified.
 */
function splitArn(text: string): readonly string[] | undefined {
  if (text === lastText) return lastSegments;
  lastSegments = arnSegments(text);
  lastText = text;
  return lastSegments;
}

/** Splits an ARN text at its first five colons; `undefined` unless it starts with `arn:`. */
export function arnSegments(text: string): string[] | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) break;
    segments.push(text.slice(start, colon));
    start = colon + 1;
  }
  segments.push(text.slice(start));
  return segments;
}

/** A compiled ARN pattern, as used by `Resource`, `NotResource` and the `Arn*` condition operators. */
export interface ArnMatcher {
  readonly source: string;
  matches(arn: string): boolean;
}

/** Options of {@link compileArnPattern}. */
export interface ArnPatternOptions {
  /**
   * Complete a pattern of fewer than six segments with `*` in every missing segment, as AWS does for
   * an ARN in an identity-based policy (`arn:aws:sqs` is `arn:aws:sqs:*:*:*`). Default `false`.
   *
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
   */
  readonly completeMissingSegments?: boolean;
}

/**
 * Compiles an ARN pattern that is matched segment by segment, the way IAM matches `Resource` and
 * `ArnLike`: each of the six segments is a wildcard pattern matched against the same segment of the
 * ARN, so a `*` in the region never eats the account. A pattern with fewer than six segments whose
 * last segment ends in `*` lets that `*` run past the colons (current RES note); with
 * `completeMissingSegments` every missing segment is `*` instead. A pattern that is not an ARN (`*`,
 * or free text) is matched against the whole string. Case-sensitive.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export function compileArnPattern(
  pattern: string | readonly WildcardPart[],
  options: ArnPatternOptions = {},
): ArnMatcher {
  const parts = typeof pattern === 'string' ? [{ kind: 'text', text: pattern } as const] : pattern;
  const segments = splitParts(parts);
  const whole = compileWildcard(typeof pattern === 'string' ? pattern : pattern);
  if (segments === undefined) {
    // not an ARN pattern: `*`, or text matched whole
    return whole;
  }
  if (options.completeMissingSegments === true) {
    while (segments.length < 6) segments.push([{ kind: 'star' }]);
  }
  const matchers: WildcardMatcher[] = segments.map((s) => compileWildcard(s));
  const tailAbsorbs = segments.length < 6 && endsWithStar(segments[segments.length - 1] ?? []);
  return {
    source: whole.source,
    matches(arn) {
      const actual = splitArn(arn);
      if (actual === undefined) return false;
      if (actual.length < matchers.length) return false;
      const count = matchers.length;
      for (let i = 0; i < count; i++) {
        const matcher = matchers[i] as WildcardMatcher;
        const value = i === count - 1 && tailAbsorbs ? actual.slice(i).join(':') : (actual[i] as string);
        if (!matcher.matches(value)) return false;
      }
      return count === 6 || tailAbsorbs ? true : actual.length === count;
    },
  };
}

function endsWithStar(parts: readonly WildcardPart[]): boolean {
  const last = parts[parts.length - 1];
  return last?.kind === 'star' || (last?.kind === 'text' && last.text.endsWith('*'));
}

/**
 * Splits pattern parts into ARN segments at the first five colons of their text (colons inside
 * literal parts are still separators: a substituted value cannot add a segment to the pattern).
 * Returns `undefined` when the pattern does not start with the text `arn:`.
 */
function splitParts(parts: readonly WildcardPart[]): WildcardPart[][] | undefined {
  const first = parts[0];
  if (first?.kind !== 'text' || !first.text.startsWith('arn:')) return undefined;
  const segments: WildcardPart[][] = [[]];
  for (const part of parts) {
    const current = () => segments[segments.length - 1] as WildcardPart[];
    if (part.kind !== 'text' && part.kind !== 'literal') {
      current().push(part);
      continue;
    }
    let rest = part.text;
    while (segments.length < 6) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      if (colon > 0) current().push({ kind: part.kind, text: rest.slice(0, colon) });
      segments.push([]);
      rest = rest.slice(colon + 1);
    }
    if (rest.length > 0) current().push({ kind: part.kind, text: rest });
  }
  return segments;
}
