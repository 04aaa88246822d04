import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { readCorpus, readDecodedCorpus } from '../../test/case-table.js';
import { explainDecoded } from '../decoded/explain-decoded.js';
import { parseDecodedMessage } from '../decoded/parse-decoded.js';
import { readError } from '../errors/read-error.js';
import { redact, restore } from './redact.js';

const account = fc.stringMatching(/^[1-9]\d{11}$/);
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{2,14}[a-z0-9]$/);
const secretish = fc.oneof(
  fc.stringMatching(/^AKIA[A-Z2-7]{16}$/),
  fc.stringMatching(/^AROA[A-Z2-7]{17}$/),
  fc.stringMatching(/^[a-z]{4}[A-Z]{4}[0-9]{4}[A-Za-z0-9/+]{28}$/),
  fc.stringMatching(/^i-[0-9a-f]{17}$/),
  fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z]@[a-z]{2,8}\.(?:com|org|io)$/),
  fc.ipV4(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 8, max: 32 })).map(([ip, length]) => `${ip}/${length}`),
  fc.ipV6().filter((v) => !v.includes('.')),
  fc
    .tuple(
      fc.ipV6().filter((v) => !v.includes('.')),
      fc.integer({ min: 16, max: 128 }),
    )
    .map(([ip, length]) => `${ip}/${length}`),
);
const arn = fc.oneof(
  fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`),
  fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:user/${n}`),
  fc.tuple(account, name, name).map(([a, r, s]) => `arn:aws:sts::${a}:assumed-role/${r}/${s}`),
  fc.tuple(name, name).map(([b, k]) => `arn:aws:s3:::${b}/${k}/*`),
  fc.tuple(name, fc.integer({ min: 1, max: 8 })).map(([b, cut]) => `arn:aws:s3:::${b.slice(0, cut)}*/*`),
  fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:role/*${n.slice(2)}`),
  fc.tuple(account, name).map(([a, n]) => `arn:aws:lambda:us-east-1:${a}:function:${n}`),
  fc.constant('arn:aws:iam::aws:policy/ReadOnlyAccess'),
);
/** A value worth redacting, or a word that must stay. */
const value = fc.oneof(
  account,
  arn,
  secretish,
  fc.constantFrom('s3:GetObject', 'aws:ResourceTag/team', 'AccessDenied', 'us-east-1', 'explicit deny'),
);
const text = fc
  .array(fc.tuple(value, fc.constantFrom(' ', ', ', '\n', ': ', ' "', '" ')), { maxLength: 12 })
  .map((parts) => parts.map(([v, sep]) => v + sep).join(''));
const jsonText = fc.jsonValue().chain((shape) =>
  fc.array(value, { minLength: 1, maxLength: 8 }).map((vs) => {
    let i = 0;
    const fill = (v: unknown): unknown =>
      typeof v === 'string'
        ? `${v}${vs[i++ % vs.length]}`
        : Array.isArray(v)
          ? v.map(fill)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
            : v;
    return JSON.stringify({ value: fill(shape), extra: vs }, null, 2);
  }),
);

function isJson(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** The tree of a JSON value with every string reduced to its type: redaction must keep it. */
function shape(v: unknown): unknown {
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.values(v).map(shape);
  return v;
}

describe('redact properties', () => {
  it('JSON stays JSON of the same shape; other text stays not JSON', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, text, fc.string()), (input) => {
        const out = redact(input).text;
        expect(isJson(out)).toBe(isJson(input));
        if (/^[[{]/.test(input) && isJson(input))
          expect(shape(JSON.parse(out))).toEqual(shape(JSON.parse(input)));
      }),
      { numRuns: 500 },
    );
  });

  it('restore gives the input back exactly', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, text), (input) => {
        const { text: out, map } = redact(input);
        expect(restore(out, map).text).toBe(input);
      }),
      { numRuns: 500 },
    );
  });

  it('redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, text), (input) => {
        const once = redact(input).text;
        expect(redact(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('the same value gets the same stand-in everywhere, and a second file alike through the map', () => {
    fc.assert(
      fc.property(value, text, (v, noise) => {
        const first = redact(`${v} ${noise} ${v}`);
        const alone = redact(v, { map: first.map }).text;
        expect(first.text.startsWith(`${alone} `)).toBe(true);
        expect(first.text.endsWith(` ${alone}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('stand-ins are well-formed and of the same kind', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const { original, standIn, kind } of redact(input).map.entries) {
          expect(standIn).not.toBe(original);
          switch (kind) {
            case 'account-id':
              expect(standIn).toMatch(/^\d{12}$/);
              break;
            case 'access-key-id':
            case 'unique-id':
            case 'secret-key':
            case 'resource-id':
              expect(standIn.length).toBe(original.length);
              expect(standIn.slice(0, 2)).toBe(kind === 'secret-key' ? 'RE' : original.slice(0, 2));
              break;
            case 'ipv4':
              // an address, or a network (with its prefix length) in the benchmarking range
              expect(ipaddr.IPv4.isValid(standIn.split('/')[0] ?? '')).toBe(true);
              expect(standIn).toMatch(/^(?:192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|198\.1[89]\.)/);
              expect(standIn.includes('/')).toBe(original.includes('/'));
              break;
            case 'ipv6':
              expect(ipaddr.IPv6.isValid(standIn.split('/')[0] ?? '')).toBe(true);
              expect(standIn.includes('/')).toBe(original.includes('/'));
              break;
            case 'email':
              expect(standIn).toMatch(/^user\d+@example\.com$/);
              break;
            default:
              // a name, or a `*` pattern of names rewritten word by word
              expect(standIn).toMatch(original.includes('*') ? /^[\w+=,.@*-]+$/ : /^[\w+=,.@-]+$/);
          }
        }
        // ARNs stay ARNs of the same service and resource type
        const arns = redact(input).text.match(
          /arn:aws:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:[\w+=,.@/*:-]+/g,
        );
        expect(arns?.length ?? 0).toBe(input.match(/arn:aws:[a-z0-9-]+:/g)?.length ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('runs in linear time on adversarial input', () => {
    const size = 200_000;
    for (const input of [
      'a'.repeat(size),
      'arn:'.repeat(size / 4),
      '1'.repeat(size),
      '@'.repeat(size),
      'a@'.repeat(size / 2),
      'AKIA'.repeat(size / 4),
      'A1a/'.repeat(size / 4),
      ':'.repeat(size),
      '1.'.repeat(size / 2),
      'IQoJb3JpZ2lu'.repeat(size / 12),
      'arn:aws:iam::111122223333:role/x '.repeat(size / 32),
    ]) {
      const started = performance.now();
      redact(input);
      expect(performance.now() - started, input.slice(0, 12)).toBeLessThan(2_000);
    }
  });
});

describe('redacted corpus errors read the same', () => {
  const corpus = readCorpus();
  it.each(corpus.map((entry, i) => [i + 1, entry.text] as const))('C#%i', (_, original) => {
    const redacted = redact(original);
    expect(restore(redacted.text, redacted.map).text).toBe(original);
    expect(redact(redacted.text).text).toBe(redacted.text);
    const before = readError(original);
    const after = readError(redacted.text);
    expect(after.ok).toBe(before.ok);
    if (!before.ok || !after.ok) {
      if (!before.ok && !after.ok) expect(after.diagnostics[0]?.code).toBe(before.diagnostics[0]?.code);
      return;
    }
    const mapped = (s: string | null): string | null =>
      s === null ? null : redact(s, { map: redacted.map }).text;
    const b = before.value.failure;
    const a = after.value.failure;
    expect({
      code: a.code,
      operation: a.operation,
      service: a.service,
      action: a.action,
      reasonLayer: a.reasonLayer,
      denyType: a.denyType,
      hasEncodedMessage: a.hasEncodedMessage,
      principal: a.principal,
      resource: a.resource,
      policyArn: a.policyArn,
      kind: after.value.kind,
      principalKind: after.value.principalInfo?.kind ?? null,
      principalOrigin: after.value.principalInfo?.origin ?? null,
    }).toEqual({
      code: b.code,
      operation: b.operation,
      service: b.service,
      action: b.action,
      reasonLayer: b.reasonLayer,
      denyType: b.denyType,
      hasEncodedMessage: b.hasEncodedMessage,
      principal: mapped(b.principal),
      resource: mapped(b.resource),
      policyArn: mapped(b.policyArn),
      kind: before.value.kind,
      principalKind: before.value.principalInfo?.kind ?? null,
      principalOrigin: before.value.principalInfo?.origin ?? null,
    });
  });
});

describe('redacted decoded messages explain the same', () => {
  const decoded = readDecodedCorpus();
  const own = {
    allowed: false,
    explicitDeny: true,
    matchedStatements: {
      items: [
        { statementId: 'Scp', effect: 'DENY', principals: { items: [{ value: '111122223333' }] } },
        { statementId: 'Own', effect: 'DENY', principals: { items: [{ value: 'AROA3XFRBF535PLBIFPI4' }] } },
      ],
    },
    context: {
      principal: { id: 'AROA3XFRBF535PLBIFPI4:ci', arn: 'arn:aws:sts::111122223333:assumed-role/r/ci' },
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:volume/*',
    },
  };
  it.each([...decoded, own].map((m, i) => [i + 1, m] as const))('message %i', (_, message) => {
    const text = JSON.stringify({ DecodedMessage: JSON.stringify(message) });
    const { text: redacted, map } = redact(text);
    const explain = (t: string) => {
      const parsed = parseDecodedMessage(t);
      if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
      return explainDecoded(parsed.value);
    };
    const before = explain(text);
    const after = explain(redacted);
    const summary = (e: typeof before) => ({
      decision: e.decision,
      action: e.action,
      statements: e.statements.map((s) => [s.sid, s.effect, s.layer, s.layerEvidence]),
      nextSteps: e.nextSteps.map((s) => s.code),
    });
    expect(summary(after)).toEqual(summary(before));
    const mapped = (s: string | null) => (s === null ? null : redact(s, { map }).text);
    expect(after.principal).toBe(mapped(before.principal));
    expect(after.resource).toBe(mapped(before.resource));
  });
});
