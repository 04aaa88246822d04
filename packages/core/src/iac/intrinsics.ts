import { isJsonObject } from '../json/is-json-object.js';
import { pointerSegment } from '../policy/parse-policy.js';

/** A policy document with its CloudFormation intrinsic functions replaced by stand-in strings. */
export interface ResolvedDocument {
  readonly document: unknown;
  /** JSON pointers (in the document) of the values that were intrinsic functions. */
  readonly placeholders: readonly string[];
}

/**
 * Values of the pseudo parameters that are the same in every stack of the `aws` partition; any other
 * reference stands for a value known only at deploy time.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 */
const FIXED_PSEUDO: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * Replaces the intrinsic functions of a policy document taken from a template by strings, so that
 * the document can be linted: a `Fn::Sub` or `Fn::Join` keeps its literal parts, with `*` for each
 * part known only at deploy time (`arn:aws:s3:::${Bucket}/*` reads `arn:aws:s3:::*` + `/*`); any other
 * function (`Ref`, `Fn::GetAtt`, `Fn::If`, `Fn::ImportValue`…) becomes `{{Ref Bucket}}`, a string no
 * pattern matches. Each replaced value's pointer is returned, so that findings about a stand-in are not
 * reported as if the template had written it.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export function resolveIntrinsics(document: unknown): ResolvedDocument {
  const placeholders: string[] = [];
  const walk = (value: unknown, pointer: string, depth: number): unknown => {
    if (depth > 64) return value;
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${pointer}/${i}`, depth + 1));
    if (!isJsonObject(value)) return value;
    const intrinsic = intrinsicName(value);
    if (intrinsic !== null) {
      placeholders.push(pointer);
      return standIn(value, intrinsic);
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = walk(v, `${pointer}/${pointerSegment(key)}`, depth + 1);
    return out;
  };
  return { document: walk(document, '', 0), placeholders };
}

/** The function an object stands for: its one key, `Ref`, `Condition` or `Fn::…`; `null` otherwise. */
function intrinsicName(value: Readonly<Record<string, unknown>>): string | null {
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const key = keys[0] as string;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : null;
}

/** Whether a value is, or holds, an intrinsic function. */
export function hasIntrinsic(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => hasIntrinsic(v, depth + 1));
  if (!isJsonObject(value)) return false;
  if (intrinsicName(value) !== null) return true;
  return Object.values(value).some((v) => hasIntrinsic(v, depth + 1));
}

function standIn(value: Readonly<Record<string, unknown>>, name: string): string {
  const text = literal(value, name, 0);
  // a value made only of deploy-time parts (`!Sub "${RoleArn}"`) would read as `*`: keep it opaque
  if (text !== null && text.replaceAll('*', '') !== '') return text;
  return `{{${name.replace('Fn::', '')} ${describe(value[name])}}}`;
}

/** The value a function gives with `*` for what is known only at deploy time, or `null` when it has no literal shape. */
function literal(value: Readonly<Record<string, unknown>>, name: string, depth: number): string | null {
  if (depth > 16) return null;
  const argument = value[name];
  if (name === 'Ref') return typeof argument === 'string' ? (FIXED_PSEUDO[argument] ?? null) : null;
  if (name === 'Fn::Sub') {
    const template = typeof argument === 'string' ? argument : Array.isArray(argument) ? argument[0] : null;
    if (typeof template !== 'string') return null;
    return template.replace(/\$\{(!?)([^}]*)\}/g, (_m, bang: string, inner: string) =>
      bang === '!' ? `\${${inner}}` : (FIXED_PSEUDO[inner] ?? '*'),
    );
  }
  if (name === 'Fn::Join') {
    if (!Array.isArray(argument) || typeof argument[0] !== 'string' || !Array.isArray(argument[1]))
      return null;
    const parts = (argument[1] as unknown[]).map((part) => {
      if (typeof part === 'string') return part;
      if (isJsonObject(part)) {
        const inner = intrinsicName(part);
        return inner === null ? '*' : (literal(part, inner, depth + 1) ?? '*');
      }
      return '*';
    });
    return parts.join(argument[0]);
  }
  return null;
}

function describe(argument: unknown): string {
  if (typeof argument === 'string') return argument;
  if (Array.isArray(argument) && argument.every((a) => typeof a === 'string')) return argument.join('.');
  return '…';
}
