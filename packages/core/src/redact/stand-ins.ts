import { type NamePatterns, WORD_CODE, wordCode } from './name-patterns.js';
import type { RedactionEntry, RedactionKind } from './redaction-map.js';

/** How a kind's stand-ins are made and recognised. */
interface Family {
  /** The `n`th stand-in for `original` (same shape and length where the kind has a fixed shape). */
  make(n: number, original: string): string;
  /** Whether a value already is a stand-in of this family (so redacting twice changes nothing). */
  is(value: string): boolean;
}

/** `n` in hexadecimal, zero-padded to `length` (cut to its last `length` digits if longer). */
function hex(n: number, length: number): string {
  return n.toString(16).padStart(length, '0').slice(-length);
}

/** `label` then `n` zero-padded, to exactly `length` characters. */
function filled(label: string, n: number, length: number): string {
  const digits = String(n);
  if (label.length + digits.length <= length) return label + digits.padStart(length - label.length, '0');
  return digits.padStart(length, '0').slice(-length);
}

/**
 * IPv4 documentation ranges (RFC 5737), then the lower half of the benchmarking range (RFC 2544), then
 * the reserved 240.0.0.0/4. The upper half of the benchmarking range, 198.19.0.0/16, holds the
 * networks (see `planIpStandIns`), so that no plain address falls inside one by chance.
 */
function ipv4(n: number): string {
  const ranges = ['192.0.2', '198.51.100', '203.0.113'];
  const range = ranges[Math.floor((n - 1) / 254)];
  if (range !== undefined) return `${range}.${((n - 1) % 254) + 1}`;
  const m = n - 3 * 254;
  if (m < 65536) return `198.18.${Math.floor(m / 256)}.${m % 256}`;
  const k = m - 65536;
  return `${240 + Math.floor(k / 2 ** 24)}.${Math.floor(k / 65536) % 256}.${Math.floor(k / 256) % 256}.${k % 256}`;
}

const STAND_IN_IPV4 =
  /^(?:(?:192\.0\.2|198\.51\.100|203\.0\.113|198\.1[89]\.\d{1,3})\.\d{1,3}|24\d(?:\.\d{1,3}){3})(?:\/\d{1,2})?$/;
const NAME_STAND_IN = /^(?:user|role|session|bucket|name|path)-\d+$/;
const SSO_PREFIX = 'AWSReservedSSO_';
const CODEBUILD_PREFIX = 'AWSCodeBuild-';

const named = (prefix: string): Family => ({
  make: (n) => `${prefix}-${n}`,
  is: (v) => NAME_STAND_IN.test(v),
});

const FAMILIES: Readonly<Record<RedactionKind, Family>> = {
  'account-id': { make: (n) => String(100_000_000_000 + n), is: (v) => /^10000000\d{4}$/.test(v) },
  'access-key-id': {
    make: (n, o) => o.slice(0, 4) + filled('REDACTED', n, o.length - 4),
    is: (v) => /^[A-Z]{4}(?:REDACTED)?\d+$/.test(v),
  },
  'unique-id': {
    make: (n, o) => o.slice(0, 4) + filled('REDACTED', n, o.length - 4),
    is: (v) => /^[A-Z]{4}(?:REDACTED)?\d+$/.test(v),
  },
  'secret-key': {
    make: (n, o) => filled('REDACTEDSECRET', n, o.length),
    is: (v) => v.startsWith('REDACTED'),
  },
  'session-token': {
    make: (n, o) => filled('REDACTEDTOKEN', n, o.length),
    is: (v) => v.startsWith('REDACTED'),
  },
  // a `/32` network in no other network of the input is an address that keeps its suffix
  ipv4: {
    make: (n, o) => ipv4(n) + (o.includes('/') ? o.slice(o.indexOf('/')) : ''),
    is: (v) => STAND_IN_IPV4.test(v),
  },
  ipv6: {
    make: (n, o) => `2001:db8::${n.toString(16)}${o.includes('/') ? o.slice(o.indexOf('/')) : ''}`,
    is: (v) => v.toLowerCase().startsWith('2001:db8:'),
  },
  email: {
    make: (n) => `user${n}@example.com`,
    is: (v) => /@example\.(?:com|org|net)$/i.test(v),
  },
  'user-name': named('user'),
  'role-name': {
    // IAM Identity Center roles keep their prefix so that the caller is still read as one
    make: (n, o) =>
      o.startsWith(SSO_PREFIX) ? `${SSO_PREFIX}set-${n}_${hex(n, ssoHashLength(o))}` : `role-${n}`,
    is: (v) => NAME_STAND_IN.test(v) || /^AWSReservedSSO_set-\d+_0+[0-9a-f]*$/.test(v),
  },
  'session-name': {
    // CodeBuild's sessions keep their prefix so that the caller is still read as a build
    make: (n, o) =>
      o.startsWith(CODEBUILD_PREFIX)
        ? `${CODEBUILD_PREFIX}00000000-0000-4000-8000-${hex(n, 12)}`
        : `session-${n}`,
    is: (v) => NAME_STAND_IN.test(v) || v.startsWith(`${CODEBUILD_PREFIX}00000000-0000-4000-8000-`),
  },
  'bucket-name': named('bucket'),
  name: named('name'),
  path: named('path'),
  'resource-id': {
    // the digits go around any further dash (`ou-ab12-cdef3456` stays `ou-xxxx-xxxxxxxx`)
    make: (n, o) => {
      const dash = o.indexOf('-');
      const body = o.slice(dash + 1);
      const digits = hex(n, body.replace(/-/g, '').length);
      let at = 0;
      const filled = body.replace(/[^-]/g, () => digits.charAt(at++));
      return `${o.slice(0, dash + 1)}${filled}`;
    },
    is: (v) =>
      /^[a-z]+-000+[0-9a-f]{1,5}$/.test(v) ||
      /^ou-0000-0+[0-9a-f]{1,5}$/.test(v) ||
      /^0{20,}[0-9a-f]{1,12}$/.test(v),
  },
  'key-id': {
    make: (n) => `00000000-0000-4000-8000-${hex(n, 12)}`,
    is: (v) => v.startsWith('00000000-0000-4000-8000-'),
  },
  'host-name': { make: (n) => `host-${n}.example.com`, is: (v) => /^host-\d+\.example\.com$/.test(v) },
  word: { make: wordCode, is: (v) => WORD_CODE.test(v) },
};

/** Kinds of the names that ARN patterns match: only these are rewritten word by word. */
const PATTERN_KINDS: ReadonlySet<RedactionKind> = new Set([
  'user-name',
  'role-name',
  'session-name',
  'bucket-name',
  'name',
  'path',
]);

/** A name or pattern rewritten word by word: only codes, digits, separators and `*`. */
const WORD_STAND_IN = /^(?:q[a-p]{4}|[^A-Za-z])*q[a-p]{4}(?:q[a-p]{4}|[^A-Za-z])*$/;

function ssoHashLength(roleName: string): number {
  const last = roleName.lastIndexOf('_');
  return last >= SSO_PREFIX.length ? Math.max(roleName.length - last - 1, 1) : 16;
}

/** Kinds that share a counter, so that `role-1` and `user-1` are told apart by prefix only. */
function counterOf(kind: RedactionKind): string {
  return kind === 'access-key-id' || kind === 'unique-id' ? 'key' : kind;
}

/**
 * Hands out stand-ins: the same original always gets the same stand-in, a stand-in never equals a
 * token of the input (so the redaction can be reversed), and a value that already is a stand-in is
 * left as it is.
 */
export class StandIns {
  private readonly byOriginal = new Map<string, RedactionEntry>();
  private readonly byStandIn = new Map<string, RedactionEntry>();
  private readonly counters = new Map<string, number>();
  private readonly order: RedactionEntry[] = [];
  /** Stand-ins decided before the text is rewritten (IP networks and what is inside them). */
  private readonly planned = new Map<string, string>();
  private patterns: NamePatterns | null = null;

  /**
   * @param entries a previous map, whose stand-ins are reused
   * @param taken every token of the input, which no new stand-in may equal
   */
  constructor(
    entries: readonly RedactionEntry[],
    private readonly taken: ReadonlySet<string>,
  ) {
    for (const entry of entries) this.remember(entry);
  }

  /** Gives `original` the stand-in `standIn` when it is first asked for. */
  plan(original: string, standIn: string): void {
    if (!this.byOriginal.has(original)) this.planned.set(original, standIn);
  }

  /** Names matched by these patterns, and the patterns, are rewritten word by word. */
  usePatterns(patterns: NamePatterns): void {
    this.patterns = patterns.empty ? null : patterns;
  }

  /** Every original an earlier map or this run gave a stand-in. */
  originals(): IterableIterator<string> {
    return this.byOriginal.keys();
  }

  /** The stand-in for `original`, made on first use. */
  get(original: string, kind: RedactionKind): string {
    const known = this.byOriginal.get(original);
    if (known !== undefined) {
      // a word of a longer name that is also a name of its own (a bucket `data` beside a user
      // `pay-data`) is that name's entry, replaced wherever it stands alone
      if (known.kind === 'word' && kind !== 'word') this.retype(known, kind);
      return known.standIn;
    }
    const family = FAMILIES[kind];
    if (this.byStandIn.has(original) || family.is(original)) return original;
    const planned = this.planned.get(original);
    if (planned !== undefined && !this.byStandIn.has(planned)) {
      this.remember({ original, standIn: planned, kind });
      return planned;
    }
    if (PATTERN_KINDS.has(kind) && this.patterns?.concerns(original)) {
      if (WORD_STAND_IN.test(original)) return original;
      const standIn = this.patterns
        .pieces(original)
        .map((p) => (p.word ? this.get(p.text, 'word') : p.text))
        .join('');
      // a one-word name already coded as a word of another name is that name's entry from now on, so
      // that it is replaced wherever it stands alone (a `UserName` field)
      const asWord = this.byOriginal.get(original);
      if (asWord?.kind === 'word') this.retype(asWord, kind);
      else if (standIn !== original && !this.byStandIn.has(standIn))
        this.remember({ original, standIn, kind });
      return standIn;
    }
    // a pattern no name of the input meets, or one with `?`: kept
    if (original.includes('*')) return original;
    const counter = counterOf(kind);
    let n = this.counters.get(counter) ?? 0;
    let standIn: string;
    do {
      n++;
      standIn = family.make(n, original);
    } while (this.taken.has(standIn) || this.byStandIn.has(standIn) || this.byOriginal.has(standIn));
    this.counters.set(counter, n);
    this.remember({ original, standIn, kind });
    return standIn;
  }

  /** The original a stand-in replaced, if known and not a kept stand-in. */
  has(original: string): boolean {
    return this.byOriginal.has(original);
  }

  /** Every entry: those of the previous map first, then new ones in order of first appearance. */
  entries(): readonly RedactionEntry[] {
    return this.order;
  }

  private retype(entry: RedactionEntry, kind: RedactionKind): void {
    const retyped = { ...entry, kind };
    this.byOriginal.set(entry.original, retyped);
    this.byStandIn.set(entry.standIn, retyped);
    this.order[this.order.indexOf(entry)] = retyped;
  }

  private remember(entry: RedactionEntry): void {
    this.byOriginal.set(entry.original, entry);
    this.byStandIn.set(entry.standIn, entry);
    this.order.push(entry);
  }
}
