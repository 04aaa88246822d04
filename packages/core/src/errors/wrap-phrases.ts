/**
 * The fixed wording of the messages the error reader reads, used to tell where a wrapped line lost a
 * space or cut a word. `*` stands for a value (an ARN, an action, a code, an id).
 */
const PHRASES: readonly string[] = [
  'User: * is not authorized to perform: * on resource: * because no identity-based policy allows the * action',
  'is not authorized to perform: * with an explicit deny in a resource-based policy',
  'with an explicit deny in an identity-based policy: *',
  'because no resource-based policy allows',
  'because no permissions boundary allows',
  'because no session policy allows',
  'because no service control policy allows',
  'because no resource control policy allows',
  'because no VPC endpoint policy allows',
  'with an explicit deny in a permissions boundary: *',
  'with an explicit deny in a permission boundary',
  'with an explicit deny in a session policy',
  'with an explicit deny in a sessions policy',
  'with an explicit deny in a service control policy: *',
  'with an explicit deny in a resource control policy: *',
  'with an explicit deny in a VPC endpoint policy',
  'with an explicit deny in a role trust policy',
  'transitively through a service control policy',
  'You are not authorized to perform this operation.',
  'You are not authorized to perform: * on the resource.',
  'Not authorized to perform *',
  'Encoded authorization failure message: *',
  'An error occurred (*) when calling the * operation: *',
  'status code: *, request id: *',
  '(Service: *; Status Code: *; Error Code: *; Request ID: *',
  '(Service: *, Status Code: *, Request ID: *',
  'operation error *: *, https response error StatusCode: *, RequestID: *, api error *: *',
  'Go to * for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: *',
  // the look-alikes' own sentences, which a narrow paste breaks too (`403 the security token included` / `in the request
  // is expired`: a commit message's)
  'The security token included in the request is expired',
  'The security token included in the request is invalid',
  'The request signature we calculated does not match the signature you provided.',
];

/** Every word of the phrases. */
const WORDS = new Set<string>();
/** `a b`: consecutive words of a phrase. */
const PAIRS = new Set<string>();
/** `previous word`: a word before a value, with the word before it (empty at a phrase's start). */
const BEFORE_VALUE = new Set<string>();
/** `word next`: a word after a value, with the word after it (empty at a phrase's end). */
const AFTER_VALUE = new Set<string>();

for (const phrase of PHRASES) {
  const words = phrase.split(' ').map((w) => (w.includes('*') ? '*' : normaliseWord(w)));
  for (const [i, a] of words.entries()) {
    const b = words[i + 1];
    if (a !== '*') {
      WORDS.add(a);
    }
    if (b === undefined) {
      continue;
    }
    if (a !== '*' && b !== '*') {
      PAIRS.add(`${a} ${b}`);
    } else if (b === '*' && a !== '*') {
      BEFORE_VALUE.add(`${wordOrAny(words[i - 1])} ${a}`);
    } else if (a === '*' && b !== '*') {
      AFTER_VALUE.add(`${b} ${wordOrAny(words[i + 2])}`);
    }
  }
}

/** A neighbouring word to agree on, or empty when there is none or it is a value itself. */
function wordOrAny(word: string | undefined): string {
  return word === undefined || word === '*' ? '' : word;
}

/**
 * A word of a phrase or of the text, without the brackets, quotes and punctuation around it, nor a JSON key glued
 * before it; a final colon stays, as the phrases have it where a value follows (`perform:`, `resource:`).
 */
export function normaliseWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && `("'[`.includes(word.charAt(start))) {
    start++;
  }
  while (end > start && `.,;()"'`.includes(word.charAt(end - 1))) {
    end--;
  }
  // a JSON key glued before the word: `"Message":"User:`
  const glue = word.lastIndexOf('":"', end - 3);
  return word.slice(glue >= start && glue + 3 < end ? glue + 3 : start, end);
}

/** Whether `word` (normalised) is a word of the phrases, so a whole word rather than a cut piece. */
export function isPhraseWord(word: string): boolean {
  return WORDS.has(normaliseWord(word));
}

/**
 * Whether a line break between `before` (last words of a line, last first) and `after` (first words of
 * the next) dropped a space inside a phrase: two consecutive words of it, or a word next to a value
 * with the word beyond it agreeing too (`to perform:` / `s3:ListBucket`, but not any `perform`).
 */
export function continuesPhrase(before: readonly string[], after: readonly string[]): boolean {
  const last = normaliseWord(before[0] ?? '');
  const first = normaliseWord(after[0] ?? '');
  // a word never starts with closing punctuation: `perform` / `: s3:…` is a cut, not a dropped space
  if (last === '' || first === '' || /^[:;,.)\]}]/.test(after[0] ?? '')) {
    return false;
  }
  return (
    PAIRS.has(`${last} ${first}`) ||
    followsValueStart(before, 0) ||
    AFTER_VALUE.has(`${first} ${normaliseWord(after[1] ?? '')}`) ||
    AFTER_VALUE.has(`${first} `)
  );
}

/**
 * Whether the word `before[at]` is what a phrase puts right before a value, the word before it agreeing
 * (`perform:` after `to`, `User:` at a phrase's start).
 */
export function followsValueStart(before: readonly string[], at: number): boolean {
  const word = normaliseWord(before[at] ?? '');
  return (
    word !== '' &&
    (BEFORE_VALUE.has(`${normaliseWord(before[at + 1] ?? '')} ${word}`) || BEFORE_VALUE.has(` ${word}`))
  );
}

/** Whether `after[at]` and the word after it are what a phrase puts right after a value (`is not`). */
export function precedesValueEnd(after: readonly string[], at: number): boolean {
  const word = normaliseWord(after[at] ?? '');
  return (
    word !== '' &&
    (AFTER_VALUE.has(`${word} ${normaliseWord(after[at + 1] ?? '')}`) || AFTER_VALUE.has(`${word} `))
  );
}
