import { CliError, inputError, usageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { type LiveOptions, loadLive } from '../live.js';
import type { TrailSource } from './trail-files.js';

/** How many objects ahead of the one being read are fetched, and the largest fetched ahead (bytes). */
const AHEAD = 8;
const AHEAD_MAX_BYTES = 1 << 20;

/** Whether a `trail` PATH names S3 (`s3://bucket/prefix`) rather than a file. */
export function isS3Path(path: string): boolean {
  return path.startsWith('s3://');
}

/** The S3 log objects of `trail`, and how to release the connections once they are read. */
export interface S3Sources {
  readonly sources: TrailSource[];
  close(): void;
}

/**
 * The log objects under each `s3://bucket/prefix`, through live mode (read-only: `s3:ListBucket` and
 * `s3:GetObject`, with the standard credential chain, `--profile` and `--region`): each a source named
 * `s3://bucket/key` whose body is streamed when the scan reaches it. With `--since`/`--until`, only the
 * delivery days that can hold events in range are listed. A bucket that cannot be listed is a one-line
 * error naming it. Without S3 paths, live mode is not loaded.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
 */
export async function listS3Sources(
  paths: readonly string[],
  times: { readonly sinceMs?: number; readonly untilMs?: number },
  live: LiveOptions,
  io: CliIo,
): Promise<S3Sources> {
  if (paths.length === 0) return { sources: [], close: () => undefined };
  const locations = paths.map(parseS3Path);
  const aws = await loadLive();
  const session = new aws.AwsSession({
    ...(live.profile === undefined ? {} : { profile: live.profile }),
    ...(live.region === undefined ? {} : { region: live.region }),
    // an AWS-compatible endpoint (`AWS_ENDPOINT_URL`, the SDK's own setting) serves buckets by path
    pathStyle: io.env.AWS_ENDPOINT_URL !== undefined || io.env.AWS_ENDPOINT_URL_S3 !== undefined,
  });
  try {
    const objects: { bucket: string; key: string; size: number }[] = [];
    for (const { bucket, prefix, path } of locations) {
      const listed = await aws.listTrailObjects(session, { bucket, prefix, ...times });
      if (!listed.ok) throw s3Problem(path, `arn:aws:s3:::${bucket}`, listed);
      for (const object of listed.value) objects.push({ bucket, ...object });
    }
    // S3's latency per object would add up over thousands of small files (CloudTrail writes one per
    // account and region every few minutes): the next small objects (up to AHEAD_MAX_BYTES) are read
    // whole while the scan reads the one before; a larger one is streamed when the scan reaches it,
    // never held (a body left unread would also meet the socket's idle timeout)
    const open = (i: number): Promise<AsyncIterable<Uint8Array>> => {
      const { bucket, key } = objects[i] as (typeof objects)[number];
      const name = `s3://${bucket}/${key}`;
      return aws.openTrailObject(session, bucket, key).then((answer) => {
        if (!answer.ok) throw s3Problem(name, `arn:aws:s3:::${bucket}/${key}`, answer);
        return namedErrors(answer.value, name);
      });
    };
    const fetched = new Map<number, Promise<readonly Uint8Array[]>>();
    const fetchAhead = (i: number): void => {
      if (fetched.has(i) || (objects[i]?.size ?? Number.POSITIVE_INFINITY) > AHEAD_MAX_BYTES) return;
      const whole = open(i).then(async (body) => {
        const chunks: Uint8Array[] = [];
        for await (const chunk of body) chunks.push(chunk);
        return chunks;
      });
      // a failure is reported when the scan reaches the object, not when it was fetched
      whole.catch(() => undefined);
      fetched.set(i, whole);
    };
    const sources = objects.map(
      ({ bucket, key, size }, i): TrailSource => ({
        path: `s3://${bucket}/${key}`,
        size,
        open: async () => {
          for (let ahead = i + 1; ahead <= i + AHEAD && ahead < objects.length; ahead += 1) fetchAhead(ahead);
          const whole = fetched.get(i);
          if (whole === undefined) return open(i);
          fetched.delete(i);
          return chunksOf(await whole);
        },
      }),
    );
    return { sources, close: () => session.close() };
  } catch (error) {
    session.close();
    throw error;
  }
}

/** A body whose read failures (a reset connection, a timeout) are one-line errors naming the object. */
async function* namedErrors(body: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw inputError(
      `${name}: reading the object failed: ${String((error as Error).message).split('\n')[0]}`,
    );
  }
}

async function* chunksOf(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

/** `s3://bucket/prefix` → its bucket and key prefix; a URL without a bucket is wrong usage. */
function parseS3Path(path: string): { bucket: string; prefix: string; path: string } {
  const rest = path.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (!/^[A-Za-z0-9._-]+$/.test(bucket))
    throw usageError(`\`${path}\` names no S3 bucket (s3://bucket/prefix)`);
  return { bucket, prefix: slash < 0 ? '' : rest.slice(slash + 1), path };
}

/** Codes the SDK gives when the credential chain found nothing to sign with. */
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'CredentialsError']);

/**
 * A failed S3 read as the one-line error of the contract, naming the bucket or the object. A read of
 * a log file CloudTrail encrypted with a KMS key (SSE-KMS) also needs `kms:Decrypt` on that key: S3's
 * denial then names it.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
 */
export function s3Problem(
  name: string,
  resource: string,
  failure: {
    readonly action: string;
    readonly outcome: string;
    readonly code: string;
    readonly message: string;
  },
): CliError {
  if (NO_CREDENTIALS.has(failure.code))
    return inputError(
      `${name}: no AWS credentials: the standard chain (environment, --profile, SSO, instance role) found none`,
    );
  if (failure.code === 'NoSuchBucket') return inputError(`${name}: no such bucket`);
  if (/^Region is missing/.test(failure.message))
    return inputError(`${name}: no AWS region: give --region, or set AWS_REGION or the profile's region`);
  const said = failure.message.split('\n')[0] ?? '';
  if (failure.outcome === 'denied' && /\bkms:/i.test(said)) {
    const key = /arn:aws[a-z-]*:kms:[^\s"',]+/.exec(said)?.[0];
    return inputError(
      `${name}: AWS denied ${failure.action} (${failure.code}): the object is encrypted with a KMS key; the credentials need kms:Decrypt on ${key ?? 'that key'} as well as ${failure.action} on ${resource}`,
    );
  }
  if (failure.outcome === 'denied')
    return inputError(
      `${name}: AWS denied ${failure.action} (${failure.code}): the credentials need ${failure.action} on ${resource}`,
    );
  return inputError(`${name}: ${failure.action} failed: ${failure.code}: ${said}`);
}
