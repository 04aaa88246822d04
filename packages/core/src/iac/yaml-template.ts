import {
  type CollectionTag,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type ScalarTag,
} from 'yaml';
import type { Diagnostic, Position, Span } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { lineStartsOf, type PointerLocator, positionIn } from '../json/pointer-position.js';
import { pointerSegment } from '../policy/parse-policy.js';

/**
 * The CloudFormation short forms (`!Ref`, `!Sub`…) and the long form each stands for. `!GetAtt A.B`
 * is also split into `["A", "B"]` as the long form writes it.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
};

/** Every short form as a scalar, sequence and mapping tag: the node is kept as written, converted below. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag, collection: 'map', resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

/** A YAML template read as the JSON value CloudFormation sees, with a locator into the YAML text. */
export interface YamlReading {
  readonly value: unknown;
  readonly locator: PointerLocator;
}

/**
 * Reads a CloudFormation or SAM template written in YAML: the short forms of the intrinsic functions
 * become their long JSON forms (`!Sub x` is `{"Fn::Sub": "x"}`), and every node keeps its place, so
 * that a JSON pointer into the value locates a line and column of the YAML text (1-based).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
 */
export function readYamlTemplate(text: string): Result<YamlReading> {
  const lineStarts = lineStartsOf(text);
  const position = (offset: number): Position => positionIn(lineStarts, offset);
  // (the parser recurses once for each level: a text nested hundreds deep overflows the stack inside it, where V8 may
  // be compiling a regular expression, which it cannot survive; refused before it is parsed)
  const deep = deepestPoint(text, MAX_NESTING);
  if (deep !== null) {
    const at = position(deep);
    return {
      ok: false,
      diagnostics: [
        {
          code: 'yaml-syntax',
          severity: 'error',
          message: `invalid YAML: it nests more than ${MAX_NESTING} levels deep`,
          path: '',
          span: { start: at, end: at },
        },
      ],
    };
  }
  // (the library's pretty errors each find their line from the text's start: quadratic in a text of many errors)
  const document = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    const diagnostics = document.errors.map((e): Diagnostic => {
      const start = Math.min(e.pos[0], text.length);
      const end = Math.min(e.pos[1], text.length);
      return {
        code: 'yaml-syntax',
        severity: 'error',
        message: e.message.includes('Maximum call stack')
          ? 'invalid YAML: it nests too deep'
          : `invalid YAML: ${firstLine(e.message)}`,
        path: '',
        span: { start: position(start), end: position(end) },
      };
    });
    return { ok: false, diagnostics };
  }
  const ranges = new Map<string, readonly [number, number]>();
  const convert = (node: unknown, pointer: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) return null;
    if (isAlias(node)) {
      ranges.set(pointer, rangeOf(node as Node));
      return convert(node.resolve(document), pointer, depth + 1);
    }
    if (node === null || typeof node !== 'object') return node ?? null;
    const yamlNode = node as Node;
    ranges.set(pointer, rangeOf(yamlNode));
    const long = yamlNode.tag === undefined ? undefined : SHORT_FORMS[yamlNode.tag];
    if (long !== undefined) {
      const inner = `${pointer}/${pointerSegment(long)}`;
      let value = plain(yamlNode, inner, depth);
      if (long === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
      return { [long]: value };
    }
    return plain(yamlNode, pointer, depth);
  };
  const plain = (node: Node, pointer: string, depth: number): unknown => {
    ranges.set(pointer, rangeOf(node));
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        out[key] = convert(pair.value, `${pointer}/${pointerSegment(key)}`, depth + 1);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    }
    if (isScalar(node)) return node.value ?? null;
    return null;
  };
  const value = convert(document.contents, '', 0);
  const find = (pointer: string): readonly [number, number] => {
    let at = pointer;
    for (;;) {
      const range = ranges.get(at);
      if (range !== undefined || at === '') return range ?? [0, text.length];
      at = at.slice(0, at.lastIndexOf('/'));
    }
  };
  const locator: PointerLocator = {
    locate(pointer): Span {
      const [start, end] = find(pointer);
      return { start: position(start), end: position(end) };
    },
    text(pointer) {
      const [start, end] = find(pointer);
      return text.slice(start, end);
    },
  };
  return { ok: true, value: { value, locator } };
}

/** Deeper nesting than any template has is cut off rather than followed (aliases can nest without end). */
const MAX_DEPTH = 200;

/** The deepest nesting read (the parser overflowed its stack at about 800 levels); templates nest a dozen or so. */
const MAX_NESTING = 256;

/**
 * Where the text first nests deeper than `limit` levels, or null: an upper bound of the levels the parser enters, the
 * block levels of a line (each indentation deeper than the last open one, and each `- ` entry that opens another on
 * the line) plus the flow collections open (`[`, `{`), outside quoted scalars and comments. One pass over the text.
 */
function deepestPoint(text: string, limit: number): number | null {
  const indents: number[] = [];
  let block = 0;
  let flow = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const atLineStart = lineStart;
    lineStart = false;
    if (atLineStart && flow === 0) {
      let j = i;
      while (text[j] === ' ') j++;
      if (text[j] === '\n' || text[j] === '\r' || text[j] === '#' || j >= text.length) {
        i = j - 1;
        continue;
      }
      const indent = j - i;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      let entries = 0;
      while ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
        entries++;
        if (indents.length + entries > limit) return j;
        j += 2;
        while (text[j] === ' ') j++;
      }
      block = indents.length + entries;
      if (block > limit) return j;
      i = j - 1;
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
    } else if (c === '[' || c === '{') {
      flow++;
      if (block + flow > limit) return i;
    } else if (c === ']' || c === '}') {
      if (flow > 0) flow--;
    } else if ((c === '"' || c === "'" || c === '#') && startsToken(text, i)) {
      if (c === '#') {
        const end = text.indexOf('\n', i);
        i = (end < 0 ? text.length : end) - 1;
      } else {
        i = quoteEnd(text, i, c) - 1;
      }
    }
  }
  return null;
}

/** Whether a quote or `#` at `i` starts a token (after a blank, the text's start, or a flow indicator for quotes). */
function startsToken(text: string, i: number): boolean {
  const before = text[i - 1];
  return (
    before === undefined ||
    before === ' ' ||
    before === '\t' ||
    before === '\n' ||
    (text[i] !== '#' && (before === '[' || before === '{' || before === ',' || before === ':'))
  );
}

/** Where the scalar quoted at `open` ends (after its closing quote), or the text's end: `\\` escapes in double quotes, `''` in single. */
function quoteEnd(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

function rangeOf(node: Node): readonly [number, number] {
  const range = node.range;
  return range === undefined || range === null ? [0, 0] : [range[0], range[1]];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.endsWith('.') || line.endsWith(':') ? line.slice(0, -1) : line;
}
