import { type FakeService, fail, ok } from '../service.js';
import { own } from '../world.js';

/**
 * AWS STS: who is calling, and decoded authorization messages.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */
export const STS: FakeService = {
  signingName: 'sts',
  protocol: { kind: 'query', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/', version: '2011-06-15' },
  denied: { code: 'AccessDenied', status: 403 },
  throttled: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  operations: {
    /** @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html */
    GetCallerIdentity: {
      resource: (_input, context) => context.world.caller.arn,
      answer: (_input, { world: { caller } }) =>
        ok({ UserId: caller.userId, Account: caller.account, Arn: caller.arn }),
    },

    /** @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html */
    DecodeAuthorizationMessage: {
      resource: () => '*',
      answer: (input, context) => {
        const decoded = own(context.world.decoded, input.string('EncodedMessage') ?? '');
        return decoded === undefined
          ? fail(
              'InvalidAuthorizationMessageException',
              400,
              'The message is not a valid authorization message.',
            )
          : ok({ DecodedMessage: decoded });
      },
    },
  },
};
