import { arnSegments } from '../matching/arn.js';
import { type GlobToken, globMatches, globTokens, regionWitnesses } from './glob-regions.js';

/**
 * ARNs that tell a set of ARN patterns apart. IAM matches a `Resource` or `ArnLike` pattern segment by
 * segment (a `*` in the region never eats the account), so a pattern matches an ARN exactly when each
 * of its six segments matches the same segment of the ARN. The product of per-segment witnesses
 * (see {@link regionWitnesses}) therefore holds an ARN for every combination of matching patterns.
 * Resource type formats of the Service Authorization Reference
 * (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) take part as patterns, so that the witnesses
 * include ARNs of each type that no policy names.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** Placeholders whose values never hold a `/` or `:` (as in the catalog's format matcher). */
const NO_SEPARATOR_PLACEHOLDERS = new Set(['Partition', 'Region', 'Account', 'AccountId', 'BucketName']);

/** Readable values for placeholders of a fresh ARN; others become their name in kebab case. */
const PLACEHOLDER_VALUES: Readonly<Record<string, readonly string[]>> = {
  Partition: ['aws'],
  Region: ['us-east-1', 'other-region-1'],
  Account: ['111122223333', '444455556666'],
  AccountId: ['111122223333', '444455556666'],
};

/**
 * A pattern's six segments. A shorter pattern matches anything in the missing ones: when it ends in `*`
 * that `*` runs past the colons, and an identity-based policy completes any shorter ARN with `*` in
 * every missing segment (`arn:aws:sqs` is `arn:aws:sqs:*:*:*`); elsewhere the extra witnesses are only
 * extra test points.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
function patternSegments(pattern: string): string[] | undefined {
  const segments = arnSegments(pattern);
  if (segments === undefined) return undefined;
  while (segments.length < 6) segments.push('*');
  return segments;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A format segment as tokens (placeholders are stars) and its readable fills. */
function formatSegment(text: string): { tokens: GlobToken[]; fills: string[] } {
  const tokens: GlobToken[] = [];
  let fills = [''];
  let start = 0;
  while (start <= text.length) {
    const open = text.indexOf('${', start);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    const end = open < 0 || close < 0 ? text.length : open;
    const literal = text.slice(start, end);
    for (const token of globTokens(literal, { wildcards: true })) tokens.push(token);
    fills = fills.map((f) => f + literal);
    if (end === text.length) break;
    const name = text.slice(open + 2, close);
    tokens.push({ kind: 'star', excluded: NO_SEPARATOR_PLACEHOLDERS.has(name) ? '/:' : '' });
    const values = PLACEHOLDER_VALUES[name] ?? [kebab(name)];
    fills = fills.flatMap((f) => values.map((v) => f + v));
    start = close + 1;
  }
  return { tokens, fills };
}

/** The witnesses, and whether they cover every combination (false when a limit cut the search). */
export interface ArnWitnesses {
  readonly witnesses: readonly string[];
  readonly complete: boolean;
}

/** One segment of every pattern: as written, as tokens, and with readable wildcard fills. */
interface Slot {
  readonly texts: readonly string[];
  readonly tokens: readonly GlobToken[][];
  readonly seeds: readonly string[];
}

/** Witnesses of one segment, by segment index, format segment and pattern segments. */
const segmentCache = new Map<string, { witnesses: readonly string[]; complete: boolean }>();

/** Every pattern's six segments as tokens, with readable fills of their wildcards as seeds. */
function patternSlots(patterns: readonly string[]): Slot[] {
  const texts: Set<string>[] = Array.from({ length: 6 }, () => new Set());
  for (const pattern of patterns) {
    for (const [i, segment] of (patternSegments(pattern) ?? []).entries()) texts[i]?.add(segment);
  }
  return texts.map((set, i) => {
    const sorted = [...set].sort();
    return {
      texts: sorted,
      tokens: sorted.map((segment) => globTokens(segment, { wildcards: true })),
      seeds: sorted.map((segment) => segment.replaceAll('*', i === 5 ? 'example' : '').replaceAll('?', 'x')),
    };
  });
}

/**
 * ARNs that realize every combination of matches of `patterns`, readable ones first. With `formats`,
 * only ARNs of those formats, each format on its own: a fresh ARN of the format, then the patterns'
 * parts that fit it. Patterns that are not ARNs (`*`) take no part: they match every ARN alike. At
 * most `limit` ARNs are returned.
 */
export function arnWitnesses(
  patterns: readonly string[],
  formats: readonly string[],
  limit = 20_000,
): ArnWitnesses {
  const slots = patternSlots(patterns);
  let complete = true;
  const out: string[] = [];
  const product = (lists: readonly (readonly string[])[]) => {
    const build = (i: number, prefix: string): void => {
      if (out.length >= limit) {
        complete = false;
        return;
      }
      if (i === 6) {
        out.push(prefix);
        return;
      }
      for (const segment of lists[i] as readonly string[]) build(i + 1, `${prefix}:${segment}`);
    };
    build(1, 'arn');
  };
  const segmentWitnesses = (i: number, formatText: string | null): readonly string[] => {
    const slot = slots[i] as Slot;
    const key = `${i}\u0000${formatText ?? '\u0001'}\u0000${slot.texts.join('\u0000')}`;
    let found = segmentCache.get(key);
    if (found === undefined) {
      const format = formatText === null ? null : formatSegment(formatText);
      if (slot.tokens.length === 0) found = { witnesses: [format?.fills[0] ?? 'other'], complete: true };
      else {
        const tokens = format === null ? slot.tokens : [format.tokens, ...slot.tokens];
        const all = regionWitnesses(tokens, [...(format?.fills ?? []), ...slot.seeds]);
        const fit =
          format === null ? all.witnesses : all.witnesses.filter((w) => globMatches(format.tokens, w));
        found = { witnesses: fit, complete: all.complete };
      }
      if (segmentCache.size > 50_000) segmentCache.clear();
      segmentCache.set(key, found);
    }
    complete &&= found.complete;
    return found.witnesses;
  };
  if (formats.length === 0) {
    product(slots.map((_, i) => (i === 0 ? ['arn'] : segmentWitnesses(i, null))));
  }
  for (const format of formats) {
    const segments = arnSegments(format);
    if (segments?.length !== 6) continue;
    product(segments.map((segment, i) => (i === 0 ? ['arn'] : segmentWitnesses(i, segment))));
  }
  return { witnesses: [...new Set(out)], complete };
}
