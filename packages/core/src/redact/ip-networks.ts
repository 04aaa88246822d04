import type { RedactionEntry } from './redaction-map.js';

/** An IPv4 network: its first address (an unsigned 32-bit number) and its prefix length. */
interface Block {
  readonly start: number;
  readonly length: number;
}

/** One network or address of the input, with what is inside it. */
interface Node extends Block {
  readonly children: Node[];
  /** Where it stands after redaction: fixed by an earlier map, or placed here. */
  standIn: Block | null;
}

/** Where networks with no network around them are placed: the upper half of RFC 2544's 198.18.0.0/15. */
const POOL: Block = { start: 198 * 2 ** 24 + 19 * 2 ** 16, length: 16 };
/** A placed network has room for this many times what it holds, for addresses a later file brings. */
const HEADROOM = 2;

const size = (length: number): number => 2 ** (32 - length);

/** `a.b.c.d` as an unsigned 32-bit number, or `null`. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** `a.b.c.d` (length 32) or `a.b.c.d/n`; `null` for anything else. */
function parseValue(text: string): { address: number; length: number } | null {
  const slash = text.indexOf('/');
  const address = parseIpv4(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  if (slash < 0) return { address, length: 32 };
  const suffix = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(suffix) || Number(suffix) > 32) return null;
  return { address, length: Number(suffix) };
}

/** The network of `length` bits that holds `address`. */
function networkOf(address: number, length: number): number {
  return address - (address % size(length));
}

function holds(outer: Block, inner: Block): boolean {
  return inner.length >= outer.length && networkOf(inner.start, outer.length) === outer.start;
}

/**
 * Stand-ins for IPv4 addresses and CIDR networks that keep which is inside which: a network's stand-in
 * is a network (in 198.19.0.0/16, of the size what it holds needs) and every address or network of the
 * input inside it gets a stand-in inside that one, so that a policy's `IpAddress` or `NotIpAddress`
 * condition decides the redacted request as it decided the original. Returns the stand-in of each
 * value that is a network or lies in one; other addresses are left to the plain counter. Values of an
 * earlier map keep their stand-ins, and new ones go inside the networks they had where there is room.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function planIpv4StandIns(
  values: Iterable<string>,
  earlier: readonly RedactionEntry[],
): Map<string, string> {
  const nodes = new Map<string, Node>();
  const node = (start: number, length: number): Node => {
    const key = `${start}/${length}`;
    let found = nodes.get(key);
    if (found === undefined) {
      found = { start, length, children: [], standIn: null };
      nodes.set(key, found);
    }
    return found;
  };
  for (const entry of earlier) {
    if (entry.kind !== 'ipv4') continue;
    const original = parseValue(entry.original);
    const standIn = parseValue(entry.standIn);
    if (original === null || standIn === null) continue;
    const n = node(networkOf(original.address, original.length), original.length);
    n.standIn = { start: networkOf(standIn.address, standIn.length), length: standIn.length };
    if (original.length < 32 && original.address !== n.start && standIn.address !== n.standIn.start) {
      node(original.address, 32).standIn = { start: standIn.address, length: 32 };
    }
  }
  const asked: { text: string; address: number; length: number }[] = [];
  for (const text of values) {
    const value = parseValue(text);
    if (value === null) continue;
    asked.push({ text, ...value });
    node(networkOf(value.address, value.length), value.length);
    if (value.length < 32) node(value.address, 32);
  }
  const roots = forest([...nodes.values()]);
  const outermost = new Set(roots);
  let cursor = POOL.start;
  for (const root of roots) {
    if (root.standIn !== null) cursor = Math.max(cursor, root.standIn.start + size(root.standIn.length));
  }
  for (const root of roots) {
    if (root.length === 32 && root.children.length === 0) continue;
    if (root.standIn === null) {
      const length = placedLength(root);
      const at = Math.ceil(cursor / size(length)) * size(length);
      if (at + size(length) > POOL.start + size(POOL.length)) continue;
      root.standIn = { start: at, length };
      cursor = at + size(length);
    }
    placeChildren(root);
  }
  const plan = new Map<string, string>();
  for (const { text, address, length } of asked) {
    const n = nodes.get(`${networkOf(address, length)}/${length}`);
    if (n?.standIn == null) continue;
    if (length === 32) {
      // an address in no network of the input keeps the plain counter
      if (!outermost.has(n) || n.children.length > 0) plan.set(text, formatIpv4(n.standIn.start));
      continue;
    }
    const inner = address === n.start ? n.standIn : nodes.get(`${address}/32`)?.standIn;
    if (inner == null) continue;
    plan.set(text, `${formatIpv4(inner.start)}/${n.standIn.length}`);
  }
  return plan;
}

/** Links every node to the nodes directly inside it; returns the outermost ones, in address order. */
function forest(all: Node[]): Node[] {
  all.sort((a, b) => a.start - b.start || a.length - b.length);
  const roots: Node[] = [];
  const open: Node[] = [];
  for (const n of all) {
    while (open.length > 0 && !holds(open[open.length - 1] as Node, n)) open.pop();
    const parent = open[open.length - 1];
    if (parent === undefined) roots.push(n);
    else parent.children.push(n);
    open.push(n);
  }
  return roots;
}

const lengths = new WeakMap<Node, number>();

/** The prefix length of a new network's stand-in: room for what it holds, with headroom. */
function placedLength(n: Node): number {
  if (n.length === 32) return 32;
  const known = lengths.get(n);
  if (known !== undefined) return known;
  const children = ordered(n);
  let needed = children[0]?.start === n.start ? 0 : 1;
  for (const child of children) {
    const s = size(child.standIn?.length ?? placedLength(child));
    needed = Math.ceil(needed / s) * s + s;
  }
  const bits = Math.ceil(Math.log2(needed * HEADROOM));
  const length = Math.max(32 - Math.max(bits, 2), POOL.length);
  lengths.set(n, length);
  return length;
}

/** A node's children, the one at its first address first, then the largest first (for aligned packing). */
function ordered(n: Node): Node[] {
  return [...n.children].sort(
    (a, b) =>
      Number(b.start === n.start) - Number(a.start === n.start) ||
      (b.standIn === null ? 0 : 1) - (a.standIn === null ? 0 : 1) ||
      a.length - b.length,
  );
}

/** Places the children of a placed node inside its stand-in, aligned, around those already placed. */
function placeChildren(n: Node): void {
  const block = n.standIn;
  if (block === null) return;
  const taken: Block[] = n.children.flatMap((c) => (c.standIn === null ? [] : [c.standIn]));
  // children are placed in order: the search for the next one starts where the last one ended
  let hint = block.start;
  for (const child of ordered(n)) {
    if (child.standIn === null) {
      const length = child.length === 32 ? 32 : placedLength(child);
      // the first address stands for the network itself: only the child that starts there may take it
      const from = Math.max(block.start + (child.start === n.start ? 0 : 1), hint);
      const at = freeSlot(block, taken, size(length), from);
      if (at === null) continue;
      child.standIn = { start: at, length };
      taken.push(child.standIn);
      hint = at + size(length);
    }
    placeChildren(child);
  }
}

/** The first aligned block of `s` addresses in `block`, from address `from`, overlapping none taken. */
function freeSlot(block: Block, taken: readonly Block[], s: number, from: number): number | null {
  const end = block.start + size(block.length);
  let at = Math.ceil(from / s) * s;
  while (at + s <= end) {
    const clash = taken.find((t) => at < t.start + size(t.length) && t.start < at + s);
    if (clash === undefined) return at;
    at = Math.ceil((clash.start + size(clash.length)) / s) * s;
  }
  return null;
}
