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
  const document = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: true });
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

function rangeOf(node: Node): readonly [number, number] {
  const range = node.range;
  return range === undefined || range === null ? [0, 0] : [range[0], range[1]];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.endsWith('.') || line.endsWith(':') ? line.slice(0, -1) : line;
}
