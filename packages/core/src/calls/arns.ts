/**
 * ARN building for the resources a call touches. Every ARN names its stand-in segments: a `*` put
 * where a region, account or id is not known carries the reason, so that the check built from it
 * can mark its resource as assumed.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { parseArn } from '../matching/arn.js';
import type { CallDescription } from './call-model.js';

/** Where the call ran: the partition, region and account resources are built in. */
export interface CallScope {
  readonly partition: string;
  /** `null` when not known. */
  readonly region: string | null;
  /** `null` when not known. */
  readonly account: string | null;
}

/** An ARN with the reasons for each stand-in segment (empty when the ARN is fully known). */
export interface BuiltArn {
  readonly arn: string;
  readonly standIns: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;

/** The scope of a call: explicit fields first, then what the caller's ARN says. */
export function scopeOf(call: CallDescription): CallScope {
  const principal = call.principal === undefined ? undefined : parseArn(call.principal);
  const principalAccount =
    principal !== undefined && ACCOUNT_ID.test(principal.account) ? principal.account : null;
  return {
    partition: call.partition ?? (principal?.partition || 'aws'),
    region: call.region ?? null,
    account: call.account ?? principalAccount,
  };
}

/** Segment choices for {@link buildArn}. */
export interface ArnShape {
  /** `false` for global services (IAM) and for resources whose ARN has no region. */
  readonly regional: boolean;
  /** `false` for ARNs without an account (AMIs, snapshots, S3 objects); a string for another account. */
  readonly account: boolean | string;
}

/**
 * Builds `arn:<partition>:<service>:<region>:<account>:<resource>` in `scope`. `resource` is a list
 * of parts: a string is used as is, `{ id, what }` is an identifier that is `*` when `id` is
 * undefined (the stand-in reason names `what`).
 */
export function buildArn(
  scope: CallScope,
  service: string,
  shape: ArnShape,
  resource: readonly (string | { readonly id: string | undefined; readonly what: string })[],
): BuiltArn {
  const standIns: string[] = [];
  let region = '';
  if (shape.regional) {
    region = scope.region ?? '*';
    if (scope.region === null) standIns.push('the region is not known');
  }
  let account = '';
  if (typeof shape.account === 'string') {
    account = shape.account;
  } else if (shape.account) {
    account = scope.account ?? '*';
    if (scope.account === null) standIns.push('the account is not known');
  }
  const path = resource
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.id !== undefined) return part.id;
      standIns.push(`the ${part.what} is not known`);
      return '*';
    })
    .join('');
  return { arn: `arn:${scope.partition}:${service}:${region}:${account}:${path}`, standIns };
}

/** An ARN given in full by the user: no stand-ins. */
export function givenArn(arn: string): BuiltArn {
  return { arn, standIns: [] };
}

/** Whether `text` is an ARN (starts with `arn:` and has six segments). */
export function isArn(text: string): boolean {
  return parseArn(text) !== undefined;
}

/** The ARN of an IAM role given as an ARN or a name (a name may carry a path: `path/name`). */
export function roleArn(scope: CallScope, role: string): BuiltArn {
  if (isArn(role)) return givenArn(role);
  return buildArn(scope, 'iam', { regional: false, account: true }, [`role/${role.replace(/^\/+/, '')}`]);
}

/**
 * The ARN of a KMS key given as a key ARN, key id, alias name or alias ARN. Policies are evaluated
 * against the key ARN, never the alias, so an alias gives `key/*` with a stand-in.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
 */
export function kmsKeyArn(scope: CallScope, key: string | undefined): BuiltArn {
  if (key !== undefined) {
    const parsed = parseArn(key);
    if (parsed?.resource.startsWith('key/')) return givenArn(key);
    if (parsed === undefined && !key.startsWith('alias/')) {
      return buildArn(scope, 'kms', { regional: true, account: true }, [`key/${key}`]);
    }
  }
  const what =
    key === undefined
      ? 'key id'
      : `key id behind alias \`${parseArn(key)?.resource ?? key}\` (policies are evaluated on the key, not the alias)`;
  const built = buildArn(scope, 'kms', { regional: true, account: aliasAccount(key) ?? true }, [
    'key/',
    { id: undefined, what },
  ]);
  return built;
}

function aliasAccount(key: string | undefined): string | undefined {
  const parsed = key === undefined ? undefined : parseArn(key);
  return parsed !== undefined && ACCOUNT_ID.test(parsed.account) ? parsed.account : undefined;
}

/**
 * The ARN of a named resource: `nameOrArn` as is when it is an ARN, else built from `prefix` and the
 * name (`*` with a stand-in naming `what` when the name is not known).
 */
export function namedArn(
  scope: CallScope,
  service: string,
  prefix: string,
  nameOrArn: string | undefined,
  what: string,
  shape: ArnShape = { regional: true, account: true },
): BuiltArn {
  if (nameOrArn !== undefined && isArn(nameOrArn)) return givenArn(nameOrArn);
  return buildArn(scope, service, shape, [prefix, { id: nameOrArn, what }]);
}
