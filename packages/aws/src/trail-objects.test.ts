/**
 * The pruning of CloudTrail's delivery folders: an event in the times asked, delivered within a day,
 * is in a day folder that is listed, under year and month folders that are walked; and a day folder is
 * listed exactly when its day is in the range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRange, folderStep } from './trail-objects.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2035, 0, 1);

const time = fc.integer({ min: FROM, max: TO });
const prefix = fc.constantFrom('', 'logs/', 'AWSLogs/o-abc123/', 'a/b/');
const place = fc.record({
  prefix,
  account: fc.constantFrom('111122223333', '444455556666'),
  region: fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2'),
});

/** The year, month and day folders CloudTrail delivers a file into at `ms`. */
function folders(at: { prefix: string; account: string; region: string }, ms: number) {
  const [year, month, day] = new Date(ms).toISOString().slice(0, 10).split('-');
  const base = `${at.prefix}AWSLogs/${at.account}/CloudTrail/${at.region}/`;
  return {
    year: `${base}${year}/`,
    month: `${base}${year}/${month}/`,
    day: `${base}${year}/${month}/${day}/`,
  };
}

function range(since: number | undefined, until: number | undefined) {
  return dayRange({
    bucket: 'b',
    prefix: '',
    ...(since === undefined ? {} : { sinceMs: since }),
    ...(until === undefined ? {} : { untilMs: until }),
  });
}

describe('delivery folder pruning', () => {
  it('reads every event in range that was delivered within a day of happening', () => {
    fc.assert(
      fc.property(
        place,
        fc.option(time, { nil: undefined }),
        fc.option(time, { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (at, since, until, where, delay) => {
          const low = since ?? FROM;
          const high = until ?? TO;
          fc.pre(low < high);
          const event = Math.floor(low + where * (high - low));
          const days = range(since, until);
          const delivered = folders(at, event + delay);
          expect(folderStep(delivered.year, days)).toBe('walk');
          expect(folderStep(delivered.month, days)).toBe('walk');
          expect(folderStep(delivered.day, days)).toBe('list');
        },
      ),
    );
  });

  it('lists a day folder exactly when its day is from the since day to the day after the until day', () => {
    fc.assert(
      fc.property(
        place,
        time,
        fc.option(time, { nil: undefined }),
        fc.option(time, { nil: undefined }),
        (at, delivery, since, until) => {
          const day = new Date(delivery).toISOString().slice(0, 10);
          const after = (ms: number) => new Date(ms).toISOString().slice(0, 10);
          const inRange =
            (since === undefined || day >= after(since)) &&
            (until === undefined || day <= after(until + DAY));
          expect(folderStep(folders(at, delivery).day, range(since, until))).toBe(inRange ? 'list' : 'skip');
        },
      ),
    );
  });

  it('never reads a digest folder, and walks folders outside the delivery layout', () => {
    const days = range(Date.UTC(2026, 0, 10), Date.UTC(2026, 0, 11));
    expect(folderStep('AWSLogs/111122223333/CloudTrail-Digest/', days)).toBe('skip');
    expect(folderStep('AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/10/', null)).toBe('skip');
    expect(folderStep('AWSLogs/111122223333/', days)).toBe('walk');
    expect(folderStep('AWSLogs/111122223333/CloudTrail/us-east-1/', days)).toBe('walk');
    expect(folderStep('exports/2026/01/09/', days)).toBe('walk');
  });
});
