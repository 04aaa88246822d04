import { createHash, createHmac } from 'node:crypto';

/** A request as it arrived: method, raw path and query, lower-cased headers, body. */
export interface WireRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded. */
  readonly rawPath: string;
  /** The query string as sent, without `?`. */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** What the `Authorization` header says and whether its signature holds. */
export type SignatureCheck =
  | { readonly kind: 'unsigned' }
  | {
      readonly kind: 'signed' | 'unknown-key' | 'mismatch';
      /** The credential scope's service, e.g. `iam`. */
      readonly service: string;
      readonly region: string;
    };

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Reads the SigV4 `Authorization` header and verifies its signature with the one key pair the fake
 * knows, as AWS does: canonical request, string to sign, derived signing key.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function checkSignature(
  request: WireRequest,
  credentials: { readonly accessKeyId: string; readonly secretAccessKey: string },
): SignatureCheck {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (match === null) return { kind: 'unsigned' };
  const [, keyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = match;
  if (keyId !== credentials.accessKeyId) return { kind: 'unknown-key', service, region };
  const scope = `${date}/${region}/${service}/aws4_request`;
  const names = signedHeaders.split(';');
  const canonicalRequest = [
    request.method,
    // S3 signs the path as sent; every other service encodes it once more
    service === 's3' ? request.rawPath : canonicalPath(request.rawPath),
    canonicalQuery(request.rawQuery),
    ...names.map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}`),
    '',
    signedHeaders,
    request.headers['x-amz-content-sha256'] ?? sha256(request.body),
  ].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    request.headers['x-amz-date'] ?? '',
    scope,
    sha256(canonicalRequest),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, date);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { kind: expected === signature ? 'signed' : 'mismatch', service, region };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** RFC 3986 encoding, as SigV4 requires (`encodeURIComponent` leaves `!'()*` alone). */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalPath(rawPath: string): string {
  const segments = rawPath.split('/').filter((s) => s !== '' && s !== '.');
  const path = `/${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(path).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1));
      return [escapeUri(key), escapeUri(value)] as const;
    })
    .filter(([key]) => key.toLowerCase() !== 'x-amz-signature')
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}
