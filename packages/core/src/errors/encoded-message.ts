import type { EncodedMessage } from './failure.js';

const MARKER = 'Encoded authorization failure message:';
/** Characters of the blob: URL-safe base64 as EC2 writes it, plus standard base64. */
const BLOB_CHAR = /[A-Za-z0-9_\-+/=]/;
const MAX_BLOB = 20_000;

/**
 * Finds EC2's encoded authorization message and tells whether it is usable: `present`, `truncated`
 * (followed by `…`, `...` or `[truncated]`, as pasted errors and CloudTrail cut it), `empty` (marker
 * with nothing after it), or `absent`.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function findEncodedMessage(text: string): EncodedMessage {
  const at = text.indexOf(MARKER);
  if (at < 0) {
    return { state: 'absent', value: null };
  }
  let start = at + MARKER.length;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) {
    start++;
  }
  let end = start;
  while (end < text.length && end - start < MAX_BLOB && BLOB_CHAR.test(text.charAt(end))) {
    end++;
  }
  if (end === start) {
    return { state: 'empty', value: null };
  }
  const value = text.slice(start, end);
  const after = text.slice(end, end + 20);
  const truncated = /^(?:…|\.\.\.|\s*\[truncated|\s*\(truncated)/i.test(after);
  return { state: truncated ? 'truncated' : 'present', value };
}
