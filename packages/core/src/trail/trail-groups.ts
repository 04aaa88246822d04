import type { PolicyLayer } from '../engine/layers.js';
import type { DenyType, FailureKind } from '../errors/failure.js';
import type { LookalikeId } from '../errors/lookalikes.js';
import type { TrailDenial } from './trail-denial.js';

/**
 * The denials of one (principal, action, resource pattern, error code, reason layer), as plain data:
 * what `trail` prints per group, what workers send back and what SQL result rows become.
 */
export interface TrailGroup {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resourcePattern: string | null;
  readonly errorCode: string;
  readonly reasonLayer: PolicyLayer | null;
  /** Of the group's earliest event (the key does not hold these two). */
  readonly kind: FailureKind;
  readonly lookalike: LookalikeId | null;
  readonly denyType: DenyType | null;
  readonly count: number;
  /** The earliest and the latest `eventTime`, as CloudTrail writes it (`2026-01-31T12:00:00Z`). */
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** The earliest events (by time, then id), at most the grouping's `examples`. */
  readonly events: readonly TrailEventRef[];
  /** Accounts (`recipientAccountId`) and regions, sorted. */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** The earliest event's record as read (its JSON text), for diagnosis; `null` when not kept. */
  readonly example: string | null;
  /** Where that record was read (its file and line), when the reader said; `null` otherwise. */
  readonly exampleAt: TrailPlace | null;
}

/** Where a record starts in what was read: the source as the reader names it, 1-based line and column. */
export interface TrailPlace {
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** Options of {@link createTrailGrouping}. */
export interface TrailGroupingOptions {
  /** How many example event ids each group keeps (default 5). */
  readonly examples?: number;
}

/** A grouping accumulator: add denials (or other groupings' groups) in any order, read the groups. */
export interface TrailGrouping {
  /**
   * Adds one denial; `record` is its record's text and `at` where it was read, both kept for the
   * group's earliest event.
   */
  add(denial: TrailDenial, record?: string, at?: TrailPlace): void;
  /** Merges groups from another grouping (a worker's); the result does not depend on the order. */
  merge(groups: readonly TrailGroup[]): void;
  /** The groups, most events first, then by key. */
  groups(): TrailGroup[];
  readonly size: number;
}

/** One event of a group, by its `eventID` and `eventTime`. */
export interface TrailEventRef {
  readonly eventId: string;
  readonly eventTime: string | null;
}

interface Sample {
  readonly time: string;
  readonly id: string;
}

interface MutableGroup {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resourcePattern: string | null;
  readonly errorCode: string;
  readonly reasonLayer: PolicyLayer | null;
  kind: FailureKind;
  lookalike: LookalikeId | null;
  denyType: DenyType | null;
  count: number;
  first: Sample | null;
  lastSeen: string | null;
  samples: Sample[];
  readonly accounts: Set<string>;
  readonly regions: Set<string>;
  example: string | null;
  exampleAt: TrailPlace | null;
}

/** The grouping key: role (not session), action, resource pattern, error code, reason layer. */
export function trailGroupKey(group: {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resourcePattern: string | null;
  readonly errorCode: string;
  readonly reasonLayer: PolicyLayer | null;
}): string {
  return JSON.stringify([
    group.principal,
    group.action,
    group.resourcePattern,
    group.errorCode,
    group.reasonLayer,
  ]);
}

/** Creates an empty grouping. */
export function createTrailGrouping(options: TrailGroupingOptions = {}): TrailGrouping {
  const examples = Math.max(0, options.examples ?? 5);
  const byKey = new Map<string, MutableGroup>();

  const groupFor = (key: string, seed: Omit<TrailGroup, 'count'>): MutableGroup => {
    let group = byKey.get(key);
    if (group === undefined) {
      group = {
        principal: seed.principal,
        action: seed.action,
        resourcePattern: seed.resourcePattern,
        errorCode: seed.errorCode,
        reasonLayer: seed.reasonLayer,
        kind: seed.kind,
        lookalike: seed.lookalike,
        denyType: seed.denyType,
        count: 0,
        first: null,
        lastSeen: null,
        samples: [],
        accounts: new Set(),
        regions: new Set(),
        example: null,
        exampleAt: null,
      };
      byKey.set(key, group);
    }
    return group;
  };

  /** Takes `sample` as the group's earliest when it is; the earliest event's facts describe the group. */
  const seen = (group: MutableGroup, sample: Sample, facts: Omit<TrailGroup, 'count'>): void => {
    if (group.first === null || before(sample, group.first)) {
      group.first = sample;
      group.kind = facts.kind;
      group.lookalike = facts.lookalike;
      group.denyType = facts.denyType;
      group.example = facts.example;
      group.exampleAt = facts.exampleAt;
    }
    if (group.lastSeen === null || (facts.lastSeen !== null && facts.lastSeen > group.lastSeen)) {
      group.lastSeen = facts.lastSeen;
    }
  };

  const keepSample = (group: MutableGroup, sample: Sample): void => {
    if (sample.id === '' || examples === 0) return;
    const samples = group.samples;
    if (samples.length === examples) {
      const last = samples[samples.length - 1];
      if (last === undefined || !before(sample, last)) return;
      samples.pop();
    }
    let at = samples.length;
    while (at > 0) {
      const previous = samples[at - 1];
      if (previous === undefined || !before(sample, previous)) break;
      at -= 1;
    }
    if (samples[at]?.id === sample.id && samples[at]?.time === sample.time) return;
    samples.splice(at, 0, sample);
  };

  return {
    add(denial, record, at) {
      const facts: Omit<TrailGroup, 'count'> = {
        principal: denial.principal,
        action: denial.action,
        resourcePattern: denial.resourcePattern,
        errorCode: denial.errorCode,
        reasonLayer: denial.reasonLayer,
        kind: denial.kind,
        lookalike: denial.lookalike,
        denyType: denial.denyType,
        firstSeen: denial.eventTime,
        lastSeen: denial.eventTime,
        events: [],
        accounts: [],
        regions: [],
        example: record ?? null,
        exampleAt: at ?? null,
      };
      const group = groupFor(trailGroupKey(denial), facts);
      group.count += 1;
      const sample = { time: denial.eventTime ?? '', id: denial.eventId ?? '' };
      seen(group, sample, facts);
      keepSample(group, sample);
      if (denial.account !== null) group.accounts.add(denial.account);
      if (denial.region !== null) group.regions.add(denial.region);
    },
    merge(groups) {
      for (const other of groups) {
        const group = groupFor(trailGroupKey(other), other);
        group.count += other.count;
        seen(group, { time: other.firstSeen ?? '', id: other.events[0]?.eventId ?? '' }, other);
        for (const e of other.events) keepSample(group, { time: e.eventTime ?? '', id: e.eventId });
        for (const account of other.accounts) group.accounts.add(account);
        for (const region of other.regions) group.regions.add(region);
      }
    },
    groups() {
      const list: TrailGroup[] = [];
      for (const g of byKey.values()) {
        list.push({
          principal: g.principal,
          action: g.action,
          resourcePattern: g.resourcePattern,
          errorCode: g.errorCode,
          reasonLayer: g.reasonLayer,
          kind: g.kind,
          lookalike: g.lookalike,
          denyType: g.denyType,
          count: g.count,
          firstSeen: g.first === null || g.first.time === '' ? null : g.first.time,
          lastSeen: g.lastSeen,
          events: g.samples.map((s) => ({ eventId: s.id, eventTime: s.time === '' ? null : s.time })),
          accounts: [...g.accounts].sort(),
          regions: [...g.regions].sort(),
          example: g.example,
          exampleAt: g.exampleAt,
        });
      }
      return list.sort((a, b) => b.count - a.count || compareText(trailGroupKey(a), trailGroupKey(b)));
    },
    get size() {
      return byKey.size;
    },
  };
}

function before(a: Sample, b: Sample): boolean {
  return a.time < b.time || (a.time === b.time && a.id < b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
