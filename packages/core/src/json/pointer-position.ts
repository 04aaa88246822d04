import { type DocumentNode, parse, type ValueNode } from '@humanwhocodes/momoa';
import type { Position, Span } from '../diagnostics/diagnostic.js';

/**
 * Positions of the nodes of one JSON text, found by JSON pointer. The text is parsed once with the
 * positional parser; lines and columns are 1-based, offsets 0-based, as in {@link Span}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
export interface PointerLocator {
  /** The span of the node `pointer` names, or of its nearest existing ancestor. */
  locate(pointer: string): Span;
  /** The text of the node `pointer` names, as written. */
  text(pointer: string): string;
}

/** Builds a {@link PointerLocator} over JSON text that is known to parse. */
export function createPointerLocator(text: string): PointerLocator {
  const document: DocumentNode = parse(text, { mode: 'json' });
  const find = (pointer: string): ValueNode => {
    let node: ValueNode = document.body;
    for (const segment of splitPointer(pointer)) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next;
    }
    return node;
  };
  return {
    locate(pointer) {
      const { start, end } = find(pointer).loc;
      return { start: { ...start }, end: { ...end } };
    },
    text(pointer) {
      const { start, end } = find(pointer).loc;
      return text.slice(start.offset, end.offset);
    },
  };
}

/**
 * A {@link PointerLocator} that builds no syntax tree: a lookup scans only the containers on the way
 * to its node, once each (their children's offsets are kept), and lines are found in an index of
 * line starts. Linear in the text over any number of lookups, with far less memory than a tree: the
 * tree of a policy of 100,000 statements cost more memory and collection time than linting or
 * evaluating it.
 */
export function createScanningLocator(text: string): PointerLocator {
  const children = new Map<number, readonly number[] | ReadonlyMap<string, number>>();
  let lineStarts: number[] | null = null;
  const childrenAt = (at: number) => {
    let known = children.get(at);
    if (known === undefined) {
      known = scanChildren(text, at);
      children.set(at, known);
    }
    return known;
  };
  const find = (pointer: string): { start: number; end: number } => {
    let at = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    for (const segment of splitPointer(pointer)) {
      const open = text.charCodeAt(at);
      if (open !== 0x7b && open !== 0x5b) break;
      const list = childrenAt(at);
      const next = Array.isArray(list)
        ? /^(0|[1-9][0-9]*)$/.test(segment)
          ? (list as readonly number[])[Number(segment)]
          : undefined
        : (list as ReadonlyMap<string, number>).get(segment);
      if (next === undefined) break;
      at = next;
    }
    return { start: at, end: valueEnd(text, at) };
  };
  const position = (offset: number): Position => {
    lineStarts ??= lineStartsOf(text);
    return positionIn(lineStarts, offset);
  };
  return {
    locate(pointer) {
      const { start, end } = find(pointer);
      return { start: position(start), end: position(end) };
    },
    text(pointer) {
      const { start, end } = find(pointer);
      return text.slice(start, end);
    },
  };
}

/**
 * Where the children of the object or array at `at` start: element offsets in order, or member
 * offsets by name (the last member of a name wins, as in `JSON.parse`).
 */
function scanChildren(text: string, at: number): readonly number[] | ReadonlyMap<string, number> {
  const open = text.charCodeAt(at);
  const elements: number[] = [];
  const members = new Map<string, number>();
  let i = skipSpace(text, at + 1);
  // `}` is `{` + 2 and `]` is `[` + 2
  while (i < text.length && text.charCodeAt(i) !== open + 2) {
    let start = i;
    if (open === 0x7b) {
      const keyEnd = valueEnd(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
      start = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      members.set(key, start);
    } else {
      elements.push(start);
    }
    const next = skipSpace(text, valueEnd(text, start));
    if (next <= i) break; // not JSON after all: no endless loop
    i = text.charCodeAt(next) === 0x2c ? skipSpace(text, next + 1) : next;
  }
  return open === 0x7b ? members : elements;
}

/** The offset just after the JSON value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x22) {
    let i = at + 1;
    while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    return i + 1;
  }
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x22) i = valueEnd(text, i) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = at;
  while (i < text.length && !',}] \t\r\n'.includes(text.charAt(i))) i++;
  return i;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++;
  return i;
}

/** The offset where each line starts (line 1 at 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of `offset`, given the text's {@link lineStartsOf}: a binary search. */
export function positionIn(lineStarts: readonly number[], offset: number): Position {
  // the last line start at or before the offset
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1, offset };
}

function child(node: ValueNode, segment: string): ValueNode | undefined {
  if (node.type === 'Object') {
    // the last member of a name wins, as in JSON.parse
    let found: ValueNode | undefined;
    for (const member of node.members) {
      if (member.name.type === 'String' && member.name.value === segment) found = member.value;
    }
    return found;
  }
  if (node.type === 'Array') {
    if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
    return node.elements[Number(segment)]?.value;
  }
  return undefined;
}

/** Splits a JSON pointer into its unescaped segments (`''` is the whole document). */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value a JSON pointer names in a parsed value; `undefined` when it names nothing. */
export function valueAtPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of splitPointer(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
