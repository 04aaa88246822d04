import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import type { LintPolicyKind } from '../lint/lint-rule.js';
import { decodePolicyText } from './parse-policy.js';

/** A policy document found in a file, and where. */
export interface FoundPolicy {
  /** The document, still raw. */
  readonly document: unknown;
  /** JSON pointer, in the file, of the document or of the string that holds it. */
  readonly pointer: string;
  /** True when the document was read from a string (JSON text or URL-encoded JSON). */
  readonly embedded: boolean;
  /** The kind the wrapper says (`aws organizations describe-policy` names the policy type). */
  readonly kindHint: LintPolicyKind | null;
}

/**
 * Wrappers AWS CLIs print around a policy: the member that holds the document, and its kind. Longer
 * paths come before their prefixes (`Policy.Content` before `Policy`).
 */
const WRAPPERS: readonly { path: readonly string[]; kind: LintPolicyKind | null }[] = [
  // iam get-role-policy, get-user-policy, get-group-policy
  // https://docs.aws.amazon.com/cli/latest/reference/iam/get-role-policy.html
  { path: ['PolicyDocument'], kind: null },
  // https://docs.aws.amazon.com/cli/latest/reference/iam/get-policy-version.html
  { path: ['PolicyVersion', 'Document'], kind: null },
  // https://docs.aws.amazon.com/cli/latest/reference/iam/get-role.html (the role's trust policy)
  { path: ['Role', 'AssumeRolePolicyDocument'], kind: 'resource' },
  { path: ['AssumeRolePolicyDocument'], kind: 'resource' },
  // https://docs.aws.amazon.com/cli/latest/reference/organizations/describe-policy.html
  { path: ['Policy', 'Content'], kind: null },
  // sqs get-queue-attributes --attribute-names Policy, sns get-topic-attributes
  // https://docs.aws.amazon.com/cli/latest/reference/sqs/get-queue-attributes.html
  // https://docs.aws.amazon.com/cli/latest/reference/sns/get-topic-attributes.html
  { path: ['Attributes', 'Policy'], kind: 'resource' },
  // glacier get-vault-access-policy: {"policy": {"Policy": "..."}}
  // https://docs.aws.amazon.com/cli/latest/reference/glacier/get-vault-access-policy.html
  { path: ['policy', 'Policy'], kind: 'resource' },
  // codeartifact get-repository-permissions-policy: {"policy": {"document": "..."}}
  // https://docs.aws.amazon.com/cli/latest/reference/codeartifact/get-repository-permissions-policy.html
  { path: ['policy', 'document'], kind: 'resource' },
  // s3api get-bucket-policy, kms get-key-policy, lambda get-policy, efs describe-file-system-policy,
  // backup get-backup-vault-access-policy: {"Policy": "..."}
  // https://docs.aws.amazon.com/cli/latest/reference/s3api/get-bucket-policy.html
  // https://docs.aws.amazon.com/cli/latest/reference/kms/get-key-policy.html
  // https://docs.aws.amazon.com/cli/latest/reference/lambda/get-policy.html
  { path: ['Policy'], kind: 'resource' },
  // https://docs.aws.amazon.com/cli/latest/reference/secretsmanager/get-resource-policy.html
  { path: ['ResourcePolicy'], kind: 'resource' },
  // ecr get-repository-policy, get-registry-policy: {"policyText": "..."}
  // https://docs.aws.amazon.com/cli/latest/reference/ecr/get-repository-policy.html
  { path: ['policyText'], kind: 'resource' },
  { path: ['Content'], kind: null },
];

const ORGANIZATIONS_TYPES: Readonly<Record<string, LintPolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/**
 * Finds the policy document in a parsed file: the document itself, a JSON string or URL-encoded
 * string of one, or one of the wrappers the AWS CLI prints (`{"PolicyDocument": ...}`,
 * `{"Policy": "..."}`, `{"PolicyVersion": {"Document": ...}}`). An embedded string that is not JSON
 * is returned as a diagnostic whose `path` is the JSON pointer, in the file, of that string.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function findPolicy(value: unknown): Result<FoundPolicy> {
  let current = value;
  let pointer = '';
  let embedded = false;
  let kindHint: LintPolicyKind | null = null;
  for (let depth = 0; depth < 4; depth++) {
    if (typeof current === 'string') {
      if (embedded) break; // a string inside a string is not a policy
      const decoded = decodeEmbedded(current);
      if (!decoded.ok)
        return { ok: false, diagnostics: decoded.diagnostics.map((d) => ({ ...d, path: pointer })) };
      current = decoded.value;
      embedded = true;
      continue;
    }
    if (!isJsonObject(current) || 'Statement' in current) break;
    const wrapper = WRAPPERS.find((w) => memberAt(current, w.path) !== undefined);
    if (wrapper === undefined) break;
    if (wrapper.path[0] === 'Policy' && wrapper.path[1] === 'Content') {
      const type = memberAt(current, ['Policy', 'PolicySummary', 'Type']);
      kindHint = typeof type === 'string' ? (ORGANIZATIONS_TYPES[type] ?? null) : null;
    } else {
      kindHint ??= wrapper.kind;
    }
    current = memberAt(current, wrapper.path);
    if (!embedded) pointer += wrapper.path.map((p) => `/${p}`).join('');
  }
  return { ok: true, value: { document: current, pointer, embedded, kindHint } };
}

function decodeEmbedded(text: string): Result<unknown> {
  const body = decodePolicyText(text);
  if (body === undefined) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'policy-encoding',
          severity: 'error',
          message: 'the policy text is not valid URL-encoded JSON',
          path: '',
        },
      ],
    };
  }
  const parsed = parseJson(body);
  return parsed.ok
    ? parsed
    : {
        ok: false,
        diagnostics: parsed.diagnostics.map((d) => ({
          ...d,
          message: `the embedded policy is ${d.message}`,
        })),
      };
}

function memberAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}
