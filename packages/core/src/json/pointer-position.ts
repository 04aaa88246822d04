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
