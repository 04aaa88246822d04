/**
 * KMS checks made when another service uses a KMS key for the caller: the actions run on the key
 * ARN, with `kms:ViaService` naming the service endpoint and `kms:CallerAccount` the caller's
 * account. Both the key policy and the caller's policies must allow them.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */

import type { ContextValue } from '../engine/request.js';
import { type CallScope, kmsKeyArn } from './arns.js';
import type { CallNote } from './call-model.js';
import { makeCheck, regionContext } from './call-rule.js';
import type { CallCheck, CheckTiming } from './check.js';

/** @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service */
export const KMS_VIA_SOURCE =
  'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service';

/** KMS use by a service on the caller's behalf. */
export interface KmsUse {
  /** The key as given (key ARN, key id, alias name or alias ARN); `undefined` when not known. */
  readonly key: string | undefined;
  /** KMS actions, e.g. `kms:GenerateDataKey`. */
  readonly actions: readonly string[];
  /** Endpoint prefix of the calling service, e.g. `s3` gives `s3.<region>.amazonaws.com`. */
  readonly viaService: string;
  /** Encryption context the service sends, e.g. `{ 'aws:s3:arn': '...' }`. */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** Further context per action, e.g. `kms:GrantIsForAWSResource` on `kms:CreateGrant`. */
  readonly actionContext?: Readonly<Record<string, Readonly<Record<string, ContextValue>>>>;
  readonly when?: CheckTiming;
  /** Set when whether the key is used at all is an assumption: the reason. */
  readonly checkAssumed?: string;
  /** Why the service uses the key. */
  readonly why: string;
  readonly source: string;
}

/** The KMS endpoint domain of a partition. */
function endpointSuffix(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `kms:ViaService` for a service endpoint prefix in the call's region (undefined without region). */
export function viaService(scope: CallScope, service: string): string | undefined {
  return scope.region === null ? undefined : `${service}.${scope.region}.${endpointSuffix(scope.partition)}`;
}

/** One check per KMS action on the key; adds a `kms-key-unknown` note when the key is not known. */
export function kmsChecks(scope: CallScope, use: KmsUse, notes: CallNote[]): CallCheck[] {
  const resource = kmsKeyArn(scope, use.key);
  if (resource.standIns.length > 0 && !notes.some((n) => n.code === 'kms-key-unknown')) {
    notes.push({
      code: 'kms-key-unknown',
      message:
        use.key === undefined
          ? `the KMS key \`${use.viaService}\` uses is not known; checks name \`key/*\``
          : `\`${use.key}\` is an alias; policies are evaluated on the key it points to`,
      source: use.source,
    });
  }
  const encryptionContext: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(use.encryptionContext ?? {})) {
    encryptionContext[`kms:EncryptionContext:${key}`] = value;
  }
  const contextKeys = Object.keys(use.encryptionContext ?? {});
  return use.actions.map((action) =>
    makeCheck({
      action,
      resource,
      resourceType: 'key',
      context: {
        ...regionContext(scope),
        'kms:ViaService': viaService(scope, use.viaService),
        'kms:CallerAccount': scope.account ?? undefined,
        ...(action === 'kms:CreateGrant' || action === 'kms:DescribeKey' ? {} : encryptionContext),
        ...(contextKeys.length > 0 && action !== 'kms:CreateGrant' && action !== 'kms:DescribeKey'
          ? { 'kms:EncryptionContextKeys': contextKeys }
          : {}),
        ...(use.actionContext?.[action] ?? {}),
      },
      ...(use.checkAssumed === undefined ? {} : { assumedCheck: use.checkAssumed }),
      when: use.when ?? 'call',
      why: use.why,
      source: use.source,
    }),
  );
}
