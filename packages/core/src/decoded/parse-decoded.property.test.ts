import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecodedCorpus } from '../../test/case-table.js';
import { explainDecoded } from './explain-decoded.js';
import { completeCutJson, findJsonValue } from './json-prefix.js';
import { parseDecodedMessage } from './parse-decoded.js';

const DECODED: readonly unknown[] = readDecodedCorpus();

/** Every way a corpus message is pasted. */
const written = fc
  .constantFrom(...DECODED)
  .chain((m) =>
    fc.constantFrom(
      JSON.stringify(m),
      JSON.stringify(m, null, 2),
      JSON.stringify({ DecodedMessage: JSON.stringify(m) }),
      JSON.stringify(JSON.stringify(m)),
    ),
  );

const ERROR_CODES = new Set([
  'empty-input',
  'json-syntax',
  'decoded-not-json',
  'decoded-not-a-message',
  'decoded-too-deep',
]);

describe('parseDecodedMessage properties', () => {
  it('completing any prefix of JSON gives JSON that parses, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(written, fc.json()), fc.nat(), (text, n) => {
        const completed = completeCutJson(text.slice(0, n % (text.length + 1)));
        if (completed !== null) {
          expect(() => JSON.parse(completed.text)).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('completes 200,000 open brackets in one pass (issue 12, defect 5: 40,000 took 32 s in explain)', () => {
    const open = '[{"a":'.repeat(100_000);
    const cut = completeCutJson(open);
    // the last complete point is the last `{`; compared as a boolean, not to print 1 MB on failure
    expect(cut?.keptUpTo).toBe(open.length - 4);
    expect(cut?.text === `${open.slice(0, -4)}${'}]'.repeat(100_000)}`).toBe(true);
    const decoded = parseDecodedMessage('['.repeat(40_000));
    expect(decoded.ok ? null : decoded.diagnostics.map((d) => [d.code, d.span?.start.column])).toEqual([
      ['json-too-deep', 257],
    ]);
  });

  it('a complete JSON object or array completes to itself', () => {
    const containers = fc.json().filter((t) => t.startsWith('{') || t.startsWith('['));
    fc.assert(
      fc.property(containers, (text) => {
        expect(JSON.parse(completeCutJson(text)?.text ?? 'null')).toEqual(JSON.parse(text));
      }),
    );
  });

  it('finds the JSON inside text with noise around it', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[{["]/.test(s)),
        fc.object(),
        fc.string().filter((s) => !/[{["]/.test(s)),
        (before, value, after) => {
          const json = JSON.stringify(value);
          const slice = findJsonValue(`${before}${json}${after}`);
          expect(slice).toEqual({ start: before.length, end: before.length + json.length, cut: false });
        },
      ),
    );
  });

  it('every cut of every pasted form reads or fails with a known code, never throws', () => {
    fc.assert(
      fc.property(written, fc.nat(), (text, n) => {
        const cut = text.slice(0, n % (text.length + 1));
        const parsed = parseDecodedMessage(cut);
        if (!parsed.ok) {
          const code = parsed.diagnostics[0]?.code ?? '';
          expect(ERROR_CODES.has(code), code).toBe(true);
          return;
        }
        const e = explainDecoded(parsed.value);
        expect(['Allowed', 'ExplicitDeny', 'ImplicitDeny']).toContain(e.decision);
        if (cut.length < text.length) {
          expect(parsed.value.warnings.map((d) => d.code)).toContain('decoded-truncated');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary values and text never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (value) => {
        const parsed = parseDecodedMessage(value);
        if (parsed.ok) explainDecoded(parsed.value);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a message wrapped more than four times', () => {
    let text = JSON.stringify(DECODED[0]);
    for (let i = 0; i < 6; i++) text = JSON.stringify(text);
    const parsed = parseDecodedMessage(text);
    expect(parsed.ok ? null : parsed.diagnostics[0]?.code).toBe('decoded-too-deep');
  });
});
