import { createHash } from 'node:crypto';
import { type Answer, RawBody } from '../protocols.js';
import { type Context, type FakeOperation, fail, ok } from '../service.js';
import { escapeXml } from '../xml.js';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
/** S3's own page size: ListObjectsV2 returns at most 1,000 keys and common prefixes per page. */
const S3_MAX_KEYS = 1000;

type Objects = Readonly<Record<string, string | Uint8Array>>;

/** The bucket's objects, or S3's NoSuchBucket answer. */
function bucketOf(bucket: string, context: Context): { objects: Objects } | { missing: Answer } {
  const buckets = context.world.buckets ?? {};
  const objects = Object.hasOwn(buckets, bucket) ? buckets[bucket] : undefined;
  return objects === undefined
    ? {
        missing: fail('NoSuchBucket', 404, 'The specified bucket does not exist', {
          fields: { BucketName: bucket },
        }),
      }
    : { objects };
}

function bytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body) : body;
}

/**
 * ListObjectsV2 (`GET /bucket?list-type=2`, path-style) and GetObject (`GET /bucket/key`) over
 * `world.buckets`: keys in UTF-8 binary order, `prefix`, `delimiter` folding keys into
 * `CommonPrefixes`, pages of `max-keys` (else `world.pageSize`, else 1,000) entries continued by an
 * opaque `continuation-token`. S3 authorizes ListObjectsV2 as `s3:ListBucket`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export const S3_OBJECT_OPERATIONS: Readonly<Record<string, FakeOperation>> = {
  ListObjectsV2: {
    action: 's3:ListBucket',
    resource: (input) => `arn:aws:s3:::${input.string('Bucket')}`,
    answer: (input, context) => {
      const bucket = input.string('Bucket') ?? '';
      const found = bucketOf(bucket, context);
      if ('missing' in found) return found.missing;
      const { objects } = found;
      const prefix = input.string('prefix') ?? '';
      const delimiter = input.string('delimiter') ?? '';
      const entries: ({ key: string; size: number } | { folder: string })[] = [];
      const folders = new Set<string>();
      const keys = Object.keys(objects)
        .filter((key) => key.startsWith(prefix))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      for (const key of keys) {
        const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
        if (cut < 0) {
          entries.push({ key, size: bytes(objects[key] ?? '').length });
          continue;
        }
        const folder = key.slice(0, cut + delimiter.length);
        if (!folders.has(folder)) {
          folders.add(folder);
          entries.push({ folder });
        }
      }
      const size = input.number('max-keys') ?? context.world.pageSize ?? S3_MAX_KEYS;
      const token = input.string('continuation-token');
      const from =
        token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').slice(5));
      const page = entries.slice(from, from + size);
      const more = from + size < entries.length;
      const xml = [
        `<Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix>`,
        delimiter === '' ? '' : `<Delimiter>${escapeXml(delimiter)}</Delimiter>`,
        `<KeyCount>${page.length}</KeyCount><MaxKeys>${size}</MaxKeys><IsTruncated>${more}</IsTruncated>`,
        token === undefined ? '' : `<ContinuationToken>${escapeXml(token)}</ContinuationToken>`,
        more
          ? `<NextContinuationToken>${Buffer.from(`page:${from + size}`).toString('base64url')}</NextContinuationToken>`
          : '',
        ...page.map((entry) =>
          'folder' in entry
            ? `<CommonPrefixes><Prefix>${escapeXml(entry.folder)}</Prefix></CommonPrefixes>`
            : `<Contents><Key>${escapeXml(entry.key)}</Key><LastModified>2026-01-10T00:00:00.000Z</LastModified>` +
              `<ETag>"${etag(objects[entry.key] ?? '')}"</ETag><Size>${entry.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        ),
      ].join('');
      return ok(
        new RawBody(
          'application/xml',
          `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${S3_XMLNS}">${xml}</ListBucketResult>`,
        ),
      );
    },
  },
  GetObject: {
    resource: (input) => `arn:aws:s3:::${input.string('Bucket')}/${input.string('Key')}`,
    answer: (input, context) => {
      const bucket = input.string('Bucket') ?? '';
      const found = bucketOf(bucket, context);
      if ('missing' in found) return found.missing;
      const { objects } = found;
      const key = input.string('Key') ?? '';
      const body = Object.hasOwn(objects, key) ? objects[key] : undefined;
      if (body === undefined)
        return fail('NoSuchKey', 404, 'The specified key does not exist.', { fields: { Key: key } });
      return ok(new RawBody('application/octet-stream', bytes(body)));
    },
  },
};

function etag(body: string | Uint8Array): string {
  return createHash('md5').update(bytes(body)).digest('hex');
}
