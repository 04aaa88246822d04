import type { AwsSession, CallResult } from './session.js';

/**
 * CloudTrail's log files in an S3 bucket, listed and read through the session (`s3:ListBucket`,
 * `s3:GetObject`), for `trail s3://bucket/prefix`. CloudTrail writes each file under
 * `[prefix/]AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/`, by its delivery date (UTC),
 * and its digest files under `…/CloudTrail-Digest/`, which hold no events.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */

/** One log object: its key and size in bytes. */
export interface TrailObject {
  readonly key: string;
  readonly size: number;
}

/** What to list: a bucket, a key prefix, and the event times asked for (epoch milliseconds). */
export interface TrailObjectsRequest {
  readonly bucket: string;
  readonly prefix: string;
  readonly sinceMs?: number;
  readonly untilMs?: number;
}

/** Why listing or reading stopped: the call and AWS's answer. */
export interface TrailObjectsFailure {
  readonly action: 's3:ListBucket' | 's3:GetObject';
  readonly outcome: 'denied' | 'not-found' | 'error';
  readonly code: string;
  readonly message: string;
}

/** Log files by name: what CloudTrail delivers (`.json.gz`) and what people keep, as for folders. */
const LOG_FILE = /\.(?:json|jsonl|ndjson)(?:\.gz)?$|\.gz$/i;
const DIGEST = /(?:^|\/)CloudTrail-Digest\//;
/** A delivery folder's date levels: `…/CloudTrail/<region>/YYYY/`, `…/YYYY/MM/`, `…/YYYY/MM/DD/`. */
const DATE_FOLDER = /(?:^|\/)CloudTrail\/[^/]+\/(\d{4})\/(?:(\d{2})\/(?:(\d{2})\/)?)?$/;
const DAY_MS = 86_400_000;
const LAST_YEAR_MS = Date.UTC(9999, 0, 1);

/**
 * The log objects under the prefix, in key order, digest files left out. With `sinceMs` or
 * `untilMs`, the walk goes folder by folder (`Delimiter: /`) and lists only the delivery days that
 * can hold events in range: a file delivered on a day before `since`'s holds no later event (a file
 * holds records written before its delivery); after `until`, one more day is read for files delivered
 * late (CloudTrail delivers within about 5 minutes on average, not guaranteed).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export async function listTrailObjects(
  session: AwsSession,
  request: TrailObjectsRequest,
): Promise<{ ok: true; value: TrailObject[] } | ({ ok: false } & TrailObjectsFailure)> {
  const found: TrailObject[] = [];
  const days = dayRange(request);
  const walk = async (prefix: string, delimited: boolean): Promise<TrailObjectsFailure | null> => {
    let token: string | undefined;
    do {
      const page: CallResult<ListPage> = await session.call<ListPage>('s3:ListBucket', {
        Bucket: request.bucket,
        Prefix: prefix,
        ...(delimited ? { Delimiter: '/' } : {}),
        ...(token === undefined ? {} : { ContinuationToken: token }),
      });
      if (!page.ok) return { action: 's3:ListBucket', ...page };
      for (const object of page.value.Contents ?? []) {
        const key = object.Key ?? '';
        if (LOG_FILE.test(key) && !DIGEST.test(key)) found.push({ key, size: object.Size ?? 0 });
      }
      for (const { Prefix: folder } of page.value.CommonPrefixes ?? []) {
        if (folder === undefined) continue;
        const step = folderStep(folder, days);
        if (step === 'skip') continue;
        const failed = await walk(folder, step === 'walk');
        if (failed !== null) return failed;
      }
      token = page.value.IsTruncated === true ? page.value.NextContinuationToken : undefined;
    } while (token !== undefined);
    return null;
  };
  const failed = await walk(request.prefix, days !== null);
  if (failed !== null) return { ok: false, ...failed };
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: true, value: found };
}

/**
 * The body of one log object as a stream of bytes, never held whole; a failure of the read itself
 * (denied, gone) is the answer, not a throw.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export async function openTrailObject(
  session: AwsSession,
  bucket: string,
  key: string,
): Promise<{ ok: true; value: AsyncIterable<Uint8Array> } | ({ ok: false } & TrailObjectsFailure)> {
  const object = await session.call<{ Body?: AsyncIterable<Uint8Array> }>('s3:GetObject', {
    Bucket: bucket,
    Key: key,
  });
  if (!object.ok) return { ...object, action: 's3:GetObject' };
  return { ok: true, value: object.value.Body ?? emptyBody() };
}

/**
 * What the listing does with a folder: `skip` it (a digest folder, or a delivery year, month or day
 * outside `days`), `walk` it folder by folder (`Delimiter: /`), or `list` every key under it (a
 * delivery day in range). Without `days`, every folder but the digests' is walked.
 */
export function folderStep(
  folder: string,
  days: { readonly first: string; readonly last: string } | null,
): 'skip' | 'walk' | 'list' {
  if (DIGEST.test(folder)) return 'skip';
  const date = DATE_FOLDER.exec(folder);
  if (date === null) return 'walk';
  const [, year = '', month, day] = date;
  const first = `${year}-${month ?? '01'}-${day ?? '01'}`;
  const last = `${year}-${month ?? '12'}-${day ?? '31'}`;
  if (days !== null && (last < days.first || first > days.last)) return 'skip';
  return day === undefined ? 'walk' : 'list';
}

/** The delivery days (`YYYY-MM-DD`, UTC) worth listing for the times asked; `null` when all are. */
export function dayRange(request: TrailObjectsRequest): { first: string; last: string } | null {
  if (request.sinceMs === undefined && request.untilMs === undefined) return null;
  const first = request.sinceMs === undefined ? '0000-01-01' : utcDay(request.sinceMs);
  const last = request.untilMs === undefined ? '9999-12-31' : utcDay(request.untilMs + DAY_MS);
  return { first, last };
}

/** The UTC day of a time, kept within the four-digit years that folders name. */
function utcDay(ms: number): string {
  if (!(ms >= 0)) return '0000-01-01';
  if (ms >= LAST_YEAR_MS) return '9999-12-31';
  return new Date(ms).toISOString().slice(0, 10);
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}

/** The members of a ListObjectsV2 answer read here. */
interface ListPage {
  readonly Contents?: readonly { readonly Key?: string; readonly Size?: number }[];
  readonly CommonPrefixes?: readonly { readonly Prefix?: string }[];
  readonly IsTruncated?: boolean;
  readonly NextContinuationToken?: string;
}
