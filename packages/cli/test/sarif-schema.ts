import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/** The vendored OASIS SARIF 2.1.0 schema (draft-04) made readable by ajv 8: `id` as `$id`, formats checked here. */
export function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('./fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...rest, $id: String(id) });
}
