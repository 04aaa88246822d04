import type { LayerName } from '../engine/layers.js';
import type { DecodedPrincipal, DecodedStatement } from './decoded-model.js';

/** Policy layers a decoded message's statement can be traced to. */
export type DecodedLayer = Extract<LayerName, 'scp' | 'permissions-boundary' | 'identity'>;

/** What the layer guess rests on. */
export type LayerEvidence =
  /** `SCOPE_POLICY_ISSUER`: AWS's placeholder for a permissions boundary's issuer. */
  | 'scope-policy-issuer'
  /** A twelve-digit account id: an SCP, attached to the account or one of its parents. */
  | 'account-id'
  /** The caller's own role or user unique id (the part of `aws:userid` before the colon). */
  | 'caller-unique-id'
  /** A role, user or group unique id (`AROA…`, `AIDA…`, `AGPA…`). */
  | 'unique-id'
  /** `<unique id>:<session>`, e.g. `AROA…:i-0123…` for an instance-profile session. */
  | 'session-id'
  /** The statement came through an IAM group. */
  | 'principal-group'
  /** The principal value is redacted or of a form not seen before. */
  | 'unrecognised-principal'
  /** The statement names no principal. */
  | 'no-principal';

/** The probable layer of a matched statement and why. */
export interface LayerGuess {
  readonly layer: DecodedLayer | null;
  readonly evidence: LayerEvidence;
  /** The principal value the guess rests on. */
  readonly value: string | null;
}

const ACCOUNT_ID = /^\d{12}$/;
const UNIQUE_ID = /^A(?:RO|ID|GP)A[A-Z0-9]{12,28}$/;
const SESSION_ID = /^[A-Za-z0-9]{4,32}:[\w+=,.@-]+$/;
/** A caller id part that is a real unique id, not a redaction such as `[redacted]`. */
const CALLER_ID = /^[A-Z0-9]{16,32}$/;

/** Why each layer guess holds, in words, keyed by evidence. */
export const LAYER_REASONS: Readonly<Record<LayerEvidence, (value: string | null) => string>> = {
  'scope-policy-issuer': () =>
    'its principal is `SCOPE_POLICY_ISSUER`, which AWS writes for a permissions boundary',
  'account-id': (v) =>
    `its principal is the account id \`${v}\`, which AWS writes for a service control policy`,
  'caller-unique-id': (v) =>
    `its principal \`${v}\` is the caller's own unique id: a policy attached to the caller`,
  'unique-id': (v) => `its principal \`${v}\` is a role, user or group unique id: an identity-based policy`,
  'session-id': (v) => `its principal \`${v}\` is a unique id with a session name: an identity-based policy`,
  'principal-group': () => 'it came through an IAM group: a group policy, which is identity-based',
  'unrecognised-principal': (v) =>
    `its principal \`${v}\` is redacted or of an unknown form: the layer cannot be told`,
  'no-principal': () => 'it names no principal: the layer cannot be told',
};

/**
 * Guesses which policy layer a matched statement comes from. The decoded message does not say; the
 * statement's `principals` value betrays it: `SCOPE_POLICY_ISSUER` for a permissions boundary, an
 * account id for an SCP, a role or user unique id (alone or with a session name) for an identity
 * policy. A heuristic from observed messages, not documented by AWS.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
export function guessLayer(statement: DecodedStatement, caller: DecodedPrincipal | null): LayerGuess {
  const idPart = caller?.id?.split(':')[0] ?? '';
  const callerId = CALLER_ID.test(idPart) ? idPart : null;
  for (const value of statement.principals) {
    if (value === 'SCOPE_POLICY_ISSUER') return guess('permissions-boundary', 'scope-policy-issuer', value);
    if (ACCOUNT_ID.test(value)) return guess('scp', 'account-id', value);
    if (callerId !== null && (value === callerId || value.startsWith(`${callerId}:`))) {
      return guess('identity', 'caller-unique-id', value);
    }
    if (UNIQUE_ID.test(value)) return guess('identity', 'unique-id', value);
    if (SESSION_ID.test(value)) return guess('identity', 'session-id', value);
  }
  const group = statement.principalGroups[0];
  if (group !== undefined) return guess('identity', 'principal-group', group);
  const first = statement.principals[0];
  return first === undefined
    ? guess(null, 'no-principal', null)
    : guess(null, 'unrecognised-principal', first);
}

function guess(layer: DecodedLayer | null, evidence: LayerEvidence, value: string | null): LayerGuess {
  return { layer, evidence, value };
}
