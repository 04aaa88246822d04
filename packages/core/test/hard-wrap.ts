import { readError } from '../src/errors/read-error.js';
import { FAILURE_FIELDS } from './case-table.js';

/**
 * What a terminal or log viewer does to a line longer than `width`: cut it every `width` characters,
 * inside words, each continuation row starting with `indent` spaces.
 */
export function hardWrap(text: string, width: number, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) {
        return line;
      }
      const rows = [line.slice(0, width)];
      for (let at = width; at < line.length; at += width - indent) {
        rows.push(pad + line.slice(at, at + width - indent));
      }
      return rows.join('\n');
    })
    .join('\n');
}

/** The fields a corpus case labels, and what a wrapped-text case may assert. */
export const LABELLED_FIELDS = ['kind', ...FAILURE_FIELDS] as const;

/** The labelled fields of a text's reading, or the diagnostic code when there is none. */
export function labelledFieldsOf(text: string): Record<string, unknown> {
  const result = readError(text);
  if (!result.ok) {
    return { error: result.diagnostics[0]?.code };
  }
  const all: Record<string, unknown> = { kind: result.value.kind, ...result.value.failure };
  return Object.fromEntries(LABELLED_FIELDS.map((f) => [f, all[f]]));
}
