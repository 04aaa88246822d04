/**
 * The shared `simulate` case carries the request context the diagnosis used: what a CloudTrail record
 * gave, with what the user typed winning, so the case replays the same decision.
 */
import { readFileSync } from 'node:fs';
import { diagnose, parseJson } from '@whydenied/core';
import { describe, expect, it } from 'vitest';
import { shareCase } from '../src/share.js';

const EVENT = readFileSync(
  new URL('../../cli/test/scenarios/17-source-ip-deny-from-cloudtrail/event.json', import.meta.url),
  'utf8',
);

describe('shareCase', () => {
  it('keeps the context a CloudTrail record gave, under what the user typed', async () => {
    const result = await diagnose({ errorText: EVENT, options: {} });
    if (!result.ok) throw new Error(result.diagnostic.message);
    const shared = shareCase(result.value, null, { 'aws:SecureTransport': 'false' }, null);
    if (!shared.ok) throw new Error(shared.reason);
    const parsed = parseJson(shared.text);
    if (!parsed.ok) throw new Error('the shared case is no JSON');
    const context = (parsed.value as { request: { context: Record<string, string> } }).request.context;
    // the address is redacted on the way out; that it is there at all is what counts
    expect(Object.keys(context)).toEqual(
      expect.arrayContaining(['aws:SourceIp', 'aws:ViaAWSService', 'aws:CurrentTime']),
    );
    expect(context['aws:ViaAWSService']).toBe('false');
    expect(context['aws:SecureTransport']).toBe('false');
  });
});
