import { isJsonObject } from '../../json/is-json-object.js';

/**
 * The value a JSON pointer (RFC 6901) names in a parsed document, or `undefined` when there is none.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current))
      current = /^(0|[1-9][0-9]*)$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isJsonObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
