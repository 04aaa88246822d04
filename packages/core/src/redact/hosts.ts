import { rewriteS3Key, rewriteS3Path } from './arn-rewrite.js';
import { type Found, PRIORITY, URL_END } from './found.js';

/** Whether the character at `i` may be part of a host name: a letter, a digit, `.` or `-`. */
function isHostChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2e ||
    c === 0x2d
  );
}
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
/** `ip-10-42-7-19`, EC2's private DNS name of an address. */
const IP_LABEL = /^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})$/;

/** Last labels of host names worth redacting: public top-level domains and private suffixes. */
const TOP_LABELS = new Set(
  (
    'com net org io co dev app cloud ai biz info tech site online xyz us uk de fr nl eu ca au jp in ch ' +
    'se no dk fi es it pl be at ie nz sg br internal local lan corp intra intranet home priv private'
  ).split(' '),
);

/** AWS's own domains: their names are endpoints and service principals, not the user's. */
const AWS_SUFFIXES = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'amazon.com',
  'aws.dev',
  'api.aws',
  'awsstatic.com',
  'ec2.internal',
  'compute.internal',
];

/** Public hosts tools print (documentation, registries): they name no one. */
const PUBLIC_HOSTS = [
  'example.com',
  'example.org',
  'example.net',
  'github.com',
  'githubusercontent.com',
  'gitlab.com',
  'hashicorp.com',
  'terraform.io',
  'docker.io',
  'docker.com',
  'kubernetes.io',
  'k8s.io',
  'npmjs.com',
  'npmjs.org',
  'pypi.org',
  'python.org',
  'golang.org',
  'microsoft.com',
  'microsoftonline.com',
  'google.com',
  'googleapis.com',
  'mozilla.org',
  'w3.org',
];

const endsWithDomain = (host: string, domain: string): boolean =>
  host === domain || host.endsWith(`.${domain}`);

/**
 * Host names: a bucket in an S3 endpoint (`acme-logs.s3.us-east-1.amazonaws.com`, with the object key
 * of its URL; path-style `s3.amazonaws.com/acme-logs/key`), the address in EC2's private DNS names
 * (`ip-10-42-7-19.ec2.internal`, with the stand-in of that address), an IAM Identity Center portal's
 * name, and every other host of a private or public domain (`build01.corp.acme.com`), which becomes
 * `host-N.example.com`. AWS endpoints and well-known public hosts stay.
 */
export function findHosts(text: string, found: Found[]): void {
  let i = 0;
  while (i < text.length) {
    if (!isHostChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isHostChar(text, i)) i++;
    let end = i;
    while (end > start && (text.charAt(end - 1) === '.' || text.charAt(end - 1) === '-')) end--;
    const before = text.charAt(start - 1);
    // the domain of an e-mail address (after `@`) and its local part (before one) are no host
    const email = before === '@' || text.charAt(i) === '@';
    if (end > start && !email && !/[\w]/.test(before)) hostAt(text, start, end, found);
  }
}

function hostAt(text: string, start: number, end: number, found: Found[]): void {
  const host = text.slice(start, end);
  const labels = host.split('.');
  const top = labels[labels.length - 1] ?? '';
  const lower = host.toLowerCase();
  if (labels.length === 1) {
    // a bare EC2 private name, `ip-10-42-7-19`
    if (isIpLabel(host)) found.push(ipLabel(start, host, host.length));
    return;
  }
  if (!labels.every((l) => LABEL.test(l))) return;
  if (AWS_SUFFIXES.some((d) => endsWithDomain(lower, d))) {
    awsHost(text, start, end, labels, found);
    return;
  }
  if (endsWithDomain(lower, 'awsapps.com') && labels.length === 3) {
    // an IAM Identity Center portal: `acme.awsapps.com`
    const name = labels[0] ?? '';
    found.push({
      start,
      end: start + name.length,
      priority: PRIORITY.url,
      rewrite: (standIn) => standIn(name, 'name'),
    });
    return;
  }
  if (!TOP_LABELS.has(top) || PUBLIC_HOSTS.some((d) => endsWithDomain(lower, d))) return;
  found.push({ start, end, priority: PRIORITY.url, rewrite: (standIn) => standIn(host, 'host-name') });
}

/** An AWS host name: the bucket of an S3 endpoint and the address of an EC2 private name are redacted. */
function awsHost(text: string, start: number, end: number, labels: readonly string[], found: Found[]): void {
  const first = labels[0] ?? '';
  if (isIpLabel(first)) {
    found.push(ipLabel(start, first, first.length));
    return;
  }
  const s3 = labels.findIndex((l) => l === 's3' || l.startsWith('s3-'));
  const lower = labels.join('.').toLowerCase();
  if (s3 < 0 || !(endsWithDomain(lower, 'amazonaws.com') || endsWithDomain(lower, 'amazonaws.com.cn')))
    return;
  const path = urlPath(text, end);
  if (s3 === 0) {
    // path-style: the bucket is the first segment of the path
    if (path === '') return;
    found.push({
      start: end + 1,
      end: end + 1 + path.length,
      priority: PRIORITY.url,
      rewrite: (standIn) => rewriteS3Path(path, standIn),
    });
    return;
  }
  const bucket = labels.slice(0, s3).join('.');
  const rest = text.slice(start + bucket.length, end);
  found.push({
    start,
    end: path === '' ? end : end + 1 + path.length,
    priority: PRIORITY.url,
    rewrite: (standIn) =>
      `${rewriteS3Path(bucket, standIn)}${rest}${path === '' ? '' : `/${rewriteS3Key(path, standIn)}`}`,
  });
}

/** The path after a host when the host is followed by `/` (without the slash), else `''`. */
function urlPath(text: string, end: number): string {
  if (text.charAt(end) !== '/') return '';
  let stop = end + 1;
  while (stop < text.length && !URL_END.has(text.charAt(stop))) stop++;
  while (stop > end + 1 && '.,;:'.includes(text.charAt(stop - 1))) stop--;
  return text.slice(end + 1, stop);
}

function isIpLabel(label: string): boolean {
  const m = IP_LABEL.exec(label);
  return m?.slice(1).every((octet) => Number(octet) <= 255) === true;
}

/** `ip-a-b-c-d` as EC2 names a private address: the address gets its stand-in, dashed. */
function ipLabel(start: number, label: string, length: number): Found {
  const address = label.slice(3).replace(/-/g, '.');
  return {
    start,
    end: start + length,
    priority: PRIORITY.url,
    address,
    rewrite: (standIn) => `ip-${standIn(address, 'ipv4').replace(/\./g, '-')}`,
  };
}
