/** A map written the way the query protocol writes maps: `<entry><key>…</key><value>…</value></entry>`. */
export class XmlEntries {
  constructor(readonly entries: Readonly<Record<string, string>>) {}
}

/** Escapes text for an XML element or attribute. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The XML of a value as the query protocol serializes its output shapes: members in order, a list as
 * `<member>` elements, a map as {@link XmlEntries}, `undefined` left out.
 *
 * @see https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof XmlEntries)
    return Object.entries(value.entries)
      .map(([key, v]) => `<entry><key>${escapeXml(key)}</key><value>${escapeXml(v)}</value></entry>`)
      .join('');
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<${name}>${toXml(v)}</${name}>`)
      .join('');
  return escapeXml(String(value));
}
