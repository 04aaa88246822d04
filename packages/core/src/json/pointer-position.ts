import { type DocumentNode, parse, type ValueNode } from '@humanwhocodes/momoa';
import type { Span } from '../diagnostics/diagnostic.js';

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
 * A {@link PointerLocator} that builds nothing: each call scans the JSON text (known to parse) from
 * its start, skipping the values before the one it looks for, in time linear in the text and without
 * allocating a syntax tree. For a few lookups in a large document, such as the deciding statement of a
 * policy of 100,000 statements, whose tree took more memory and collection time than the whole
 * evaluation.
 */
export function createScanningLocator(text: string): PointerLocator {
  return {
    locate(pointer) {
      const { start, end } = scanTo(text, pointer);
      return { start: positionAt(text, start), end: positionAt(text, end) };
    },
    text(pointer) {
      const { start, end } = scanTo(text, pointer);
      return text.slice(start, end);
    },
  };
}

/** Offsets of the value `pointer` names (or of its nearest existing ancestor) in JSON text. */
function scanTo(text: string, pointer: string): { start: number; end: number } {
  let at = skipSpace(text, 0);
  for (const segment of splitPointer(pointer)) {
    const found = childAt(text, at, segment);
    if (found < 0) break;
    at = found;
  }
  return { start: at, end: valueEnd(text, at) };
}

/** Where the child `segment` of the container at `at` starts (the last member of a name wins); -1 if none. */
function childAt(text: string, at: number, segment: string): number {
  const open = text.charCodeAt(at);
  if (open !== 0x7b && open !== 0x5b) return -1;
  const index = open === 0x5b && /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
  if (open === 0x5b && index < 0) return -1;
  let found = -1;
  let i = skipSpace(text, at + 1);
  for (let n = 0; text.charCodeAt(i) !== open + 2; n++) {
    // `}` is `{` + 2 and `]` is `[` + 2
    if (open === 0x7b) {
      const keyEnd = valueEnd(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
      i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      if (key === segment) found = i;
    } else if (n === index) {
      return i;
    }
    const next = skipSpace(text, valueEnd(text, i));
    if (next <= i || next >= text.length) break; // not JSON after all: no endless loop
    i = text.charCodeAt(next) === 0x2c ? skipSpace(text, next + 1) : next;
  }
  return found;
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

/** The 1-based line and column of an offset. */
function positionAt(text: string, offset: number): Span['start'] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
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
