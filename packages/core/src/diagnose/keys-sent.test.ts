import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import type { Check } from '../calls/check.js';
import { contextSentWith, KEYS_UNKNOWN, keysSentWith } from './keys-sent.js';

function check(action: string, resource: string, resourceType: string | null): Check {
  return {
    principal: 'arn:aws:iam::111122223333:user/alice',
    action,
    resource,
    context: {},
    origin: 'call',
    resourceType,
    assumed: [],
    assumedWhy: {},
    when: 'call',
    why: '',
    source: '',
  };
}

const INSTANCE = check('ec2:RunInstances', 'arn:aws:ec2:eu-west-1:111122223333:instance/*', 'instance');
const IMAGE = check('ec2:RunInstances', 'arn:aws:ec2:eu-west-1::image/ami-1', 'image');
const UNKNOWN_ACTION = check('nosuchservice:DoThing', '*', null);

describe('which keys AWS sends with a check (Service Authorization Reference)', () => {
  it('a resource type key goes with its own resource type only; global keys are not decided here', async () => {
    const sent = await keysSentWith([INSTANCE, IMAGE, UNKNOWN_ACTION], nodeCatalog());
    expect(sent(INSTANCE, 'ec2:InstanceType')).toBe(true);
    expect(sent(IMAGE, 'ec2:InstanceType')).toBe(false);
    expect(sent(IMAGE, 'ec2:ImageType')).toBe(true);
    expect(sent(IMAGE, 'aws:RequestedRegion')).toBeNull();
    expect(sent(UNKNOWN_ACTION, 'nosuchservice:Key')).toBeNull();
  });

  it('spreads a value given for the call to the checks that carry its key', async () => {
    const sent = await keysSentWith([INSTANCE, IMAGE], nodeCatalog());
    const given = { 'ec2:InstanceType': 'm5.large', 'aws:RequestedRegion': 'eu-west-1' };
    expect(contextSentWith(INSTANCE, given, sent)).toEqual(given);
    expect(contextSentWith(IMAGE, given, sent)).toEqual({ 'aws:RequestedRegion': 'eu-west-1' });
    // without the catalog nothing is known: every value stays where it was given
    expect(contextSentWith(IMAGE, given, KEYS_UNKNOWN)).toEqual(given);
  });
});
