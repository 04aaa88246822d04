/**
 * Wildcard patterns met in ARNs (`acme-payroll-*`, `deploy-*`, `*-logs`) and the names they match,
 * redacted alike: such a name and every pattern are rewritten word by word, each run of letters
 * becoming a code of its own (`qaaab`) while digits, separators and `*` stay, so that a pattern
 * matches a redacted name exactly when it matched the original. Runs are first cut where a pattern
 * ends inside a word (`acme-pay*` cuts `payroll` into `pay` and `roll`), the same way in names and
 * patterns. Codes all have five letters and only start with `q`, which no other letter of a code is,
 * so a code never matches across two others. `?` patterns are left as they are.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export class NamePatterns {
  private readonly patterns: string[] = [];
  /** Runs of letters a pattern leaves open on the right (`pay` of `acme-pay*`), on the left, on both. */
  private readonly rightOpen = new Set<string>();
  private readonly leftOpen = new Set<string>();
  private readonly infix = new Set<string>();

  /** Records a pattern; anything but a `*` pattern without `?` or variables is ignored. */
  add(pattern: string): void {
    if (!isNamePattern(pattern)) return;
    this.patterns.push(pattern);
    const fragments = pattern.split('*');
    fragments.forEach((fragment, i) => {
      const runs = fragment.match(LETTER_RUNS) ?? [];
      const first = runs[0];
      const last = runs[runs.length - 1];
      const openLeft = i > 0 && first !== undefined && fragment.startsWith(first);
      const openRight = i < fragments.length - 1 && last !== undefined && fragment.endsWith(last);
      if (openLeft && openRight && runs.length === 1) this.infix.add(first);
      else {
        if (openLeft) this.leftOpen.add(first);
        if (openRight) this.rightOpen.add(last);
      }
    });
  }

  /** Whether any pattern was recorded. */
  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether `name` is a pattern, or a name one of the patterns matches. */
  concerns(name: string): boolean {
    if (name.includes('*')) return isNamePattern(name);
    return this.patterns.some((p) => wildcardMatches(p, name));
  }

  /**
   * The pieces of a name or pattern: letter runs (cut where a pattern leaves a word open), each to be
   * coded, and everything else (digits, separators, `*`) as it is.
   */
  pieces(text: string): { readonly text: string; readonly word: boolean }[] {
    const out: { text: string; word: boolean }[] = [];
    let at = 0;
    for (const match of text.matchAll(LETTER_RUNS)) {
      if (match.index > at) out.push({ text: text.slice(at, match.index), word: false });
      for (const piece of this.cut(match[0])) out.push({ text: piece, word: true });
      at = match.index + match[0].length;
    }
    if (at < text.length) out.push({ text: text.slice(at), word: false });
    return out;
  }

  /** A run of letters cut where a pattern's open word could start or end in it. */
  private cut(run: string): string[] {
    const cuts = new Set<number>();
    for (const p of this.rightOpen) if (run.length > p.length && run.startsWith(p)) cuts.add(p.length);
    for (const p of this.leftOpen)
      if (run.length > p.length && run.endsWith(p)) cuts.add(run.length - p.length);
    for (const p of this.infix) {
      for (let i = run.indexOf(p); i >= 0; i = run.indexOf(p, i + 1)) cuts.add(i).add(i + p.length);
    }
    const points = [...cuts].filter((c) => c > 0 && c < run.length).sort((a, b) => a - b);
    const out: string[] = [];
    let from = 0;
    for (const point of points) {
      out.push(run.slice(from, point));
      from = point;
    }
    out.push(run.slice(from));
    return out;
  }
}

const LETTER_RUNS = /[A-Za-z]+/g;
const CODE_LETTERS = 'abcdefghijklmnop';

/** The `n`th word code: `q` and four letters from `a` to `p` (n from 1 to 65,535). */
export function wordCode(n: number): string {
  let code = '';
  for (let i = 3; i >= 0; i--) code += CODE_LETTERS.charAt(Math.floor(n / 16 ** i) % 16);
  return `q${code}`;
}

/** Whether a value is a word code. */
export const WORD_CODE = /^q[a-p]{4}$/;

/** Whether a value is a `*` pattern this redaction rewrites (no `?`, no policy variable). */
function isNamePattern(value: string): boolean {
  return value.includes('*') && !value.includes('?') && !value.includes('${') && !value.includes('\uE000');
}

/** Whether `pattern` (`*` any run, everything else literal) matches all of `text` (at most pattern × text steps). */
export function wildcardMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern.charAt(p) === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern.charAt(p) === text.charAt(t)) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (pattern.charAt(p) === '*') p++;
  return p === pattern.length;
}
