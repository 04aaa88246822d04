import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose/diagnose.js';
import { parseJson } from '../json/parse-json.js';
import { evaluateWhatIf, sharedCase } from './what-if.js';

const EVENT = readFileSync(
  new URL('../../../cli/test/scenarios/17-source-ip-deny-from-cloudtrail/event.json', import.meta.url),
  'utf8',
);

describe('sharedCase', () => {
  it('keeps the context a CloudTrail record gave, under what the user gave', async () => {
    const result = await diagnose({ errorText: EVENT, options: {} });
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    const shared = sharedCase(result.value, null, { 'aws:SecureTransport': 'false' }, null);
    if (!shared.ok) throw new Error(shared.diagnostics[0]?.message);
    const parsed = parseJson(shared.value.text);
    if (!parsed.ok) throw new Error('the shared case is no JSON');
    const context = (parsed.value as { request: { context: Record<string, string> } }).request.context;
    // the address is redacted on the way out; that it is there at all is what counts
    expect(Object.keys(context)).toEqual(
      expect.arrayContaining(['aws:SourceIp', 'aws:ViaAWSService', 'aws:CurrentTime']),
    );
    expect(context['aws:ViaAWSService']).toBe('false');
    expect(context['aws:SecureTransport']).toBe('false');
    expect(shared.value.text).not.toContain('111122223333');
  });
});

describe('evaluateWhatIf', () => {
  const request = {
    principal: 'arn:aws:iam::111122223333:user/alice',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bkt/key',
  };
  const allow = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' }],
  });

  it('evaluates the policy under test at its layer', () => {
    const identity = evaluateWhatIf({
      request,
      policy: { text: allow, name: 'p', layer: 'identity' },
      evidence: null,
    });
    expect(identity.ok && identity.value.decision).toBe('Allowed');
    // an SCP alone does not grant: the identity layer has no allow
    const scp = evaluateWhatIf({ request, policy: { text: allow, name: 'p', layer: 'scp' }, evidence: null });
    expect(scp.ok && [scp.value.decision, scp.value.layer]).toEqual(['ImplicitDeny', 'identity']);
  });

  it('says what is wrong with the request or the policy', () => {
    const noPrincipal = evaluateWhatIf({
      request: { ...request, principal: ' ' },
      policy: { text: allow, name: 'p', layer: 'identity' },
      evidence: null,
    });
    expect(noPrincipal.ok ? [] : noPrincipal.diagnostics.map((d) => d.code)).toEqual(['what-if-request']);
    const broken = evaluateWhatIf({
      request,
      policy: { text: '{', name: 'p', layer: 'identity' },
      evidence: null,
    });
    expect(broken.ok ? [] : broken.diagnostics.map((d) => d.code)).toEqual(['json-syntax']);
  });
});
