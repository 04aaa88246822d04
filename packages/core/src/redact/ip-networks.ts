import ipaddr from 'ipaddr.js';
import type { RedactionEntry } from './redaction-map.js';

/** One address family: its width, how its addresses read and print, and where its networks go. */
interface Family {
  readonly bits: number;
  parse(text: string): bigint | null;
  format(value: bigint): string;
  /** Where networks with no network around them are placed. */
  readonly pool: Block;
}

/** A network: its first address and its prefix length. */
interface Block {
  readonly start: bigint;
  readonly length: number;
}

/** One network or address of the input, with what is inside it. */
interface Node extends Block {
  readonly children: Node[];
  /** Where it stands after redaction: fixed by an earlier map, or placed here. */
  standIn: Block | null;
}

/** A placed network has room for this many times what it holds, for addresses a later file brings. */
const HEADROOM = 2;

/** `a.b.c.d` as a number, or `null`. */
function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256n + BigInt(part);
  }
  return value;
}

const IPV4: Family = {
  bits: 32,
  parse: parseIpv4,
  format: (value) => [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) % 256n)).join('.'),
  // the upper half of RFC 2544's benchmarking range: plain addresses take the lower half
  pool: { start: (198n << 24n) + (19n << 16n), length: 16 },
};

const IPV6: Family = {
  bits: 128,
  parse: (text) => {
    if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
    return ipaddr.IPv6.parse(text)
      .toByteArray()
      .reduce((value, byte) => value * 256n + BigInt(byte), 0n);
  },
  format: (value) => {
    const bytes: number[] = [];
    for (let i = 15; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) % 256n));
    return ipaddr.fromByteArray(bytes).toString();
  },
  // the upper half of the documentation range 2001:db8::/32: plain addresses take 2001:db8::/64
  pool: { start: 0x2001_0db8_8000n << 80n, length: 33 },
};

function familyOf(text: string): Family {
  return text.includes(':') ? IPV6 : IPV4;
}

/** `address` or `address/n`, in its family; `null` for anything else. */
function parseValue(family: Family, text: string): { address: bigint; length: number } | null {
  const slash = text.indexOf('/');
  const address = family.parse(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  if (slash < 0) return { address, length: family.bits };
  const suffix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(suffix) || Number(suffix) > family.bits) return null;
  return { address, length: Number(suffix) };
}

/**
 * Stand-ins for IP addresses and CIDR networks that keep which is inside which: a network's stand-in
 * is a network (in 198.19.0.0/16, or 2001:db8:8000::/33 for IPv6, of the size what it holds needs) and
 * every address or network of the input inside it gets a stand-in inside that one, so that a policy's
 * `IpAddress` or `NotIpAddress` condition decides the redacted request as it decided the original.
 * Returns the stand-in of each value that is a network or lies in one; other addresses are left to
 * the plain counter. Values of an earlier map keep their stand-ins, and new ones go inside the
 * networks they had where there is room.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function planIpStandIns(
  values: Iterable<string>,
  earlier: readonly RedactionEntry[],
): Map<string, string> {
  const plan = new Map<string, string>();
  for (const family of [IPV4, IPV6]) {
    const mine = [...values].filter((v) => familyOf(v) === family);
    const known = earlier.filter(
      (e) => (e.kind === 'ipv4' || e.kind === 'ipv6') && familyOf(e.original) === family,
    );
    if (mine.length > 0) planFamily(family, mine, known, plan);
  }
  return plan;
}

function planFamily(
  family: Family,
  values: readonly string[],
  earlier: readonly RedactionEntry[],
  plan: Map<string, string>,
): void {
  const size = (length: number): bigint => 1n << BigInt(family.bits - length);
  const networkOf = (address: bigint, length: number): bigint => address - (address % size(length));
  const nodes = new Map<string, Node>();
  const node = (start: bigint, length: number): Node => {
    const key = `${start}/${length}`;
    let found = nodes.get(key);
    if (found === undefined) {
      found = { start, length, children: [], standIn: null };
      nodes.set(key, found);
    }
    return found;
  };
  for (const entry of earlier) {
    const original = parseValue(family, entry.original);
    const standIn = parseValue(family, entry.standIn);
    if (original === null || standIn === null) continue;
    const n = node(networkOf(original.address, original.length), original.length);
    n.standIn = { start: networkOf(standIn.address, standIn.length), length: standIn.length };
    if (
      original.length < family.bits &&
      original.address !== n.start &&
      standIn.address !== n.standIn.start
    ) {
      node(original.address, family.bits).standIn = { start: standIn.address, length: family.bits };
    }
  }
  const asked: { text: string; address: bigint; length: number }[] = [];
  for (const text of values) {
    const value = parseValue(family, text);
    if (value === null) continue;
    asked.push({ text, ...value });
    node(networkOf(value.address, value.length), value.length);
    if (value.length < family.bits) node(value.address, family.bits);
  }
  const placer = new Placer(family.bits);
  const roots = placer.forest([...nodes.values()]);
  const outermost = new Set(roots);
  const { pool } = family;
  let cursor = pool.start;
  for (const root of roots) {
    const s = root.standIn;
    if (s !== null && s.start + size(s.length) > cursor) cursor = s.start + size(s.length);
  }
  for (const root of roots) {
    if (root.length === family.bits && root.children.length === 0) continue;
    if (root.standIn === null) {
      const length = Math.max(placer.placedLength(root), pool.length);
      const at = alignUp(cursor, size(length));
      if (at + size(length) > pool.start + size(pool.length)) continue;
      root.standIn = { start: at, length };
      cursor = at + size(length);
    }
    placer.placeChildren(root);
  }
  for (const { text, address, length } of asked) {
    const n = nodes.get(`${networkOf(address, length)}/${length}`);
    if (n?.standIn == null) continue;
    if (length === family.bits) {
      // an address in no network of the input keeps the plain counter
      if (!outermost.has(n) || n.children.length > 0) plan.set(text, family.format(n.standIn.start));
      continue;
    }
    const inner = address === n.start ? n.standIn : nodes.get(`${address}/${family.bits}`)?.standIn;
    if (inner == null) continue;
    plan.set(text, `${family.format(inner.start)}/${n.standIn.length}`);
  }
}

/** `value` rounded up to a multiple of `step`. */
function alignUp(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step;
}

/** Builds the tree of networks of one family and places stand-ins inside their parents' stand-ins. */
class Placer {
  private readonly lengths = new Map<Node, number>();

  constructor(private readonly bits: number) {}

  private size(length: number): bigint {
    return 1n << BigInt(this.bits - length);
  }

  private holds(outer: Block, inner: Block): boolean {
    return (
      inner.length >= outer.length && inner.start - (inner.start % this.size(outer.length)) === outer.start
    );
  }

  /** Links every node to the nodes directly inside it; returns the outermost ones, in address order. */
  forest(all: Node[]): Node[] {
    all.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.length - b.length));
    const roots: Node[] = [];
    const open: Node[] = [];
    for (const n of all) {
      while (open.length > 0 && !this.holds(open[open.length - 1] as Node, n)) open.pop();
      const parent = open[open.length - 1];
      if (parent === undefined) roots.push(n);
      else parent.children.push(n);
      open.push(n);
    }
    return roots;
  }

  /** The prefix length of a new network's stand-in: room for what it holds, with headroom. */
  placedLength(n: Node): number {
    if (n.length === this.bits) return this.bits;
    const known = this.lengths.get(n);
    if (known !== undefined) return known;
    const children = this.ordered(n);
    let needed = children[0]?.start === n.start ? 0n : 1n;
    for (const child of children) {
      const s = this.size(child.standIn?.length ?? this.placedLength(child));
      needed = alignUp(needed, s) + s;
    }
    let bits = 2;
    while (1n << BigInt(bits) < needed * BigInt(HEADROOM)) bits++;
    const length = this.bits - Math.min(bits, this.bits);
    this.lengths.set(n, length);
    return length;
  }

  /** A node's children, the one at its first address first, then the largest first (for aligned packing). */
  private ordered(n: Node): Node[] {
    return [...n.children].sort(
      (a, b) =>
        Number(b.start === n.start) - Number(a.start === n.start) ||
        (b.standIn === null ? 0 : 1) - (a.standIn === null ? 0 : 1) ||
        a.length - b.length,
    );
  }

  /** Places the children of a placed node inside its stand-in, aligned, around those already placed. */
  placeChildren(n: Node): void {
    const block = n.standIn;
    if (block === null) return;
    const taken: Block[] = n.children.flatMap((c) => (c.standIn === null ? [] : [c.standIn]));
    // children are placed in order: the search for the next one starts where the last one ended
    let hint = block.start;
    for (const child of this.ordered(n)) {
      if (child.standIn === null) {
        const length = child.length === this.bits ? this.bits : this.placedLength(child);
        // the first address stands for the network itself: only the child that starts there may take it
        const first = block.start + (child.start === n.start ? 0n : 1n);
        const at = this.freeSlot(block, taken, this.size(length), first > hint ? first : hint);
        if (at === null) continue;
        child.standIn = { start: at, length };
        taken.push(child.standIn);
        hint = at + this.size(length);
      }
      this.placeChildren(child);
    }
  }

  /** The first aligned block of `s` addresses in `block`, from address `from`, overlapping none taken. */
  private freeSlot(block: Block, taken: readonly Block[], s: bigint, from: bigint): bigint | null {
    const end = block.start + this.size(block.length);
    let at = alignUp(from, s);
    while (at + s <= end) {
      const clash = taken.find((t) => at < t.start + this.size(t.length) && t.start < at + s);
      if (clash === undefined) return at;
      at = alignUp(clash.start + this.size(clash.length), s);
    }
    return null;
  }
}
