import { describe, expect, it } from 'vitest';
import { loadCaseTable, readDecodedCorpus } from '../../test/case-table.js';
import type { DecodedForm } from './decoded-model.js';
import { explainDecoded } from './explain-decoded.js';
import { parseDecodedMessage } from './parse-decoded.js';

/** How a case's message is handed to the parser. */
type InputForm = 'object' | 'json' | 'cli-wrapper' | 'json-string' | 'prompt' | 'yaml';

interface ExplainCase {
  readonly name: string;
  readonly input: {
    /** Line of `test/corpus/decoded.jsonl` (1-based) whose `decoded` is the message. */
    readonly corpus?: number;
    /** A message object of the case's own. */
    readonly message?: unknown;
    /** Raw input text, handed over as is. */
    readonly text?: string;
    /** How `corpus` or `message` is written out; `object` passes the value itself. */
    readonly form?: InputForm;
    /** Keep only the first N characters of the written-out text. */
    readonly cutAt?: number;
  };
  readonly expected: {
    /** Diagnostic code when the input holds no usable message. */
    readonly error?: string;
    /** `line:column` of that error. */
    readonly errorAt?: string;
    readonly form?: DecodedForm;
    readonly decision?: string;
    readonly action?: string | null;
    readonly resource?: string | null;
    readonly principal?: string | null;
    readonly actionAsWritten?: string | null;
    readonly principalName?: string | null;
    readonly account?: string | null;
    readonly region?: string | null;
    readonly service?: string | null;
    readonly resourceType?: string | null;
    readonly contextKeys?: number;
    /** Every statement: `sid`, `effect`, `layer`, `layerEvidence`. */
    readonly statements?: readonly Readonly<Record<string, unknown>>[];
    /** Every statement condition, flattened: `key`, `values`, `requestValues`. */
    readonly conditions?: readonly Readonly<Record<string, unknown>>[];
    /** Exact next-step codes, in order. */
    readonly nextSteps?: readonly string[];
    /** Exact warning codes, deduplicated, in order of first appearance. */
    readonly diagnostics?: readonly string[];
  };
}

const ALLOWED = {
  top: ['name', 'input', 'expected'],
  input: ['corpus', 'message', 'text', 'form', 'cutAt'],
  expected: [
    'error',
    'errorAt',
    'form',
    'decision',
    'action',
    'resource',
    'principal',
    'actionAsWritten',
    'principalName',
    'account',
    'region',
    'service',
    'resourceType',
    'contextKeys',
    'statements',
    'conditions',
    'nextSteps',
    'diagnostics',
  ],
};

const DECODED_CORPUS: readonly unknown[] = readDecodedCorpus();

const cases = loadCaseTable<ExplainCase>(new URL('./cases/explain.cases.json', import.meta.url), ALLOWED);

function inputOf(c: ExplainCase): unknown {
  const { input } = c;
  if (input.text !== undefined) return input.text;
  const message = input.corpus === undefined ? input.message : DECODED_CORPUS[input.corpus - 1];
  if (message === undefined) throw new Error(`${c.name}: needs \`corpus\`, \`message\` or \`text\``);
  const form = input.form ?? 'object';
  if (form === 'object') return message;
  const json = JSON.stringify(message);
  const written = {
    json: JSON.stringify(message, null, 2),
    'cli-wrapper': JSON.stringify({ DecodedMessage: json }, null, 4),
    'json-string': JSON.stringify(json),
    prompt: `$ aws sts decode-authorization-message --encoded-message "$MSG"\n${JSON.stringify({ DecodedMessage: json })}\n$ `,
    yaml: `DecodedMessage: '${json.replace(/'/g, "''")}'\n`,
  }[form];
  return input.cutAt === undefined ? written : written.slice(0, input.cutAt);
}

describe('explainDecoded over the decoded-message table', () => {
  it('covers every decoded corpus entry', () => {
    const covered = new Set(cases.map((c) => c.input.corpus).filter((n) => n !== undefined));
    expect([...covered].sort()).toEqual(DECODED_CORPUS.map((_, i) => i + 1));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const parsed = parseDecodedMessage(inputOf(c));
    const { expected } = c;
    if (expected.error !== undefined) {
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const [diagnostic] = parsed.diagnostics;
      expect(diagnostic?.code).toBe(expected.error);
      expect(diagnostic?.message).toMatch(/^[a-z`]/);
      expect(diagnostic?.message).not.toMatch(/\.$/);
      if (expected.errorAt !== undefined) {
        const start = diagnostic?.span?.start;
        expect(start === undefined ? null : `${start.line}:${start.column}`).toBe(expected.errorAt);
      }
      return;
    }
    expect(parsed.ok, parsed.ok ? '' : parsed.diagnostics[0]?.message).toBe(true);
    if (!parsed.ok) return;
    const e = explainDecoded(parsed.value);
    const actual: Record<string, unknown> = {
      form: parsed.value.form,
      decision: e.decision,
      action: e.action,
      resource: e.resource,
      principal: e.principal,
      actionAsWritten: e.actionAsWritten,
      principalName: e.principalName,
      account: e.account,
      region: e.region,
      service: e.service,
      resourceType: e.resourceType,
      contextKeys: e.context.length,
      statements: e.statements.map((s) => ({
        sid: s.sid,
        effect: s.effect,
        layer: s.layer,
        layerEvidence: s.layerEvidence,
      })),
      conditions: e.statements.flatMap((s) =>
        s.conditions.map((k) => ({ key: k.key, values: k.values, requestValues: k.requestValues })),
      ),
      nextSteps: e.nextSteps.map((s) => s.code),
      diagnostics: [...new Set(e.diagnostics.map((d) => d.code))],
    };
    const projected = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]));
    expect(projected).toEqual(expected);
    for (const text of [...e.nextSteps.map((s) => s.message), ...e.statements.map((s) => s.layerReason)]) {
      expect(text).toMatch(/^[a-z`]/);
      expect(text).not.toMatch(/\.$/);
    }
    // the contract's JSON fields are always present
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    for (const key of ['decision', 'action', 'resource', 'principal', 'statements']) {
      expect(json).toHaveProperty(key);
    }
  });
});
