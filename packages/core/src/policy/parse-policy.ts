import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { splitOperator } from './condition-operator-names.js';
import type {
  ActionElement,
  ConditionClause,
  PolicyDocument,
  PolicyStatement,
  PolicyString,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  ResourceElement,
} from './policy-model.js';

/**
 * Which kind of policy is read: identity-style policies (identity, boundary, session, SCP) must not
 * name a principal; resource-style policies (resource, trust, VPC endpoint, RCP) must.
 */
export type PolicyKind = 'identity' | 'resource';

/** Options of {@link parsePolicy}. */
export interface ParsePolicyOptions {
  /** Checks the presence of `Principal`; omit to accept either. */
  readonly kind?: PolicyKind;
}

const DOCUMENT_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/**
 * The longest string a policy value may be. AWS bounds every policy document it stores (6,144
 * characters for a managed policy, 10,240 for all of a role's inline policies, 32 KiB for a KMS key
 * policy), so no value it accepts is longer than this; refusing longer ones also bounds the work of
 * matching a wildcard pattern with `?` (see matching/wildcard.ts).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export const MAX_POLICY_STRING = 32_768;

/**
 * Reads a policy document given as an object, as JSON text, or as the URL-encoded JSON text that
 * `get-account-authorization-details` returns, and validates and normalizes it into a
 * {@link PolicyDocument}. Expected problems are returned as diagnostics, never thrown.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function parsePolicy(input: unknown, options: ParsePolicyOptions = {}): Result<PolicyDocument> {
  let raw = input;
  if (typeof raw === 'string') {
    const text = decodePolicyText(raw);
    if (text === undefined)
      return fail(diag('policy-encoding', '', 'the policy text is not valid URL-encoded JSON'));
    const parsed = parseJson(text);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  }
  const reader = new PolicyReader(options);
  const document = reader.document(raw);
  if (document === undefined || reader.errors.length > 0) return { ok: false, diagnostics: reader.errors };
  return { ok: true, value: document };
}

/**
 * Decodes URL-encoded policy text (`%7B%22Version...`, RFC 3986 as the IAM API returns documents);
 * plain JSON text is returned as is. `undefined` when the encoding is broken.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function decodePolicyText(text: string): string | undefined {
  if (!text.trimStart().startsWith('%')) return text;
  try {
    return decodeURIComponent(text.trim().replaceAll('+', '%20'));
  } catch {
    return undefined;
  }
}

function fail(diagnostic: Diagnostic): Result<never> {
  return { ok: false, diagnostics: [diagnostic] };
}

function diag(
  code: string,
  path: string,
  message: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { code, severity, message, path };
}

/** Escapes a key for use in a JSON pointer (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

class PolicyReader {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  constructor(private readonly options: ParsePolicyOptions) {}

  private error(code: string, path: string, message: string): undefined {
    this.errors.push(diag(code, path, message));
    return undefined;
  }

  document(raw: unknown): PolicyDocument | undefined {
    if (!isJsonObject(raw))
      return this.error('policy-not-object', '', 'a policy document must be a JSON object');
    for (const key of Object.keys(raw)) {
      if (!DOCUMENT_KEYS.has(key))
        this.error('policy-unknown-key', `/${pointerSegment(key)}`, `unknown policy element \`${key}\``);
    }
    let version: PolicyVersion | null = null;
    if (raw.Version !== undefined) {
      if (raw.Version === '2012-10-17' || raw.Version === '2008-10-17') version = raw.Version;
      else this.error('policy-version', '/Version', 'the `Version` must be `2012-10-17` or `2008-10-17`');
    }
    let id: string | null = null;
    if (raw.Id !== undefined) {
      if (typeof raw.Id === 'string') id = raw.Id;
      else this.error('policy-type', '/Id', 'the `Id` must be a string');
    }
    const rawStatements = raw.Statement;
    const statements: PolicyStatement[] = [];
    if (rawStatements === undefined) {
      this.error('policy-missing-statement', '', 'the policy has no `Statement`');
    } else if (Array.isArray(rawStatements)) {
      rawStatements.forEach((s, i) => {
        const statement = this.statement(s, i, `/Statement/${i}`);
        if (statement) statements.push(statement);
      });
    } else {
      const statement = this.statement(rawStatements, 0, '/Statement');
      if (statement) statements.push(statement);
    }
    return { version, id, statements, warnings: this.warnings };
  }

  private statement(raw: unknown, index: number, pointer: string): PolicyStatement | undefined {
    if (!isJsonObject(raw)) return this.error('policy-type', pointer, 'a statement must be a JSON object');
    for (const key of Object.keys(raw)) {
      if (!STATEMENT_KEYS.has(key)) {
        this.error(
          'policy-unknown-key',
          `${pointer}/${pointerSegment(key)}`,
          `unknown statement element \`${key}\``,
        );
      }
    }
    let sid: string | null = null;
    if (raw.Sid !== undefined) {
      if (typeof raw.Sid === 'string') sid = raw.Sid;
      else this.error('policy-type', `${pointer}/Sid`, 'the `Sid` must be a string');
    }
    const effect = raw.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      return this.error('policy-effect', `${pointer}/Effect`, 'the `Effect` must be `Allow` or `Deny`');
    }
    const action = this.pair(raw, pointer, 'Action', 'NotAction', true);
    const resource = this.pair(raw, pointer, 'Resource', 'NotResource', false);
    const principal = this.principal(raw, pointer);
    if (principal?.negated && effect === 'Allow') {
      this.warnings.push(
        diag(
          'policy-notprincipal-allow',
          principal.pointer,
          '`NotPrincipal` with `Allow` is not supported by AWS',
          'warning',
        ),
      );
    }
    const conditions = this.conditions(raw.Condition, `${pointer}/Condition`);
    if (action === undefined) return undefined;
    const actionElement: ActionElement = {
      negated: action.negated,
      pointer: action.pointer,
      values: action.values.map((v) => ({ ...v, value: v.raw.toLowerCase() })),
    };
    const resourceElement: ResourceElement | null = resource ?? null;
    return {
      index,
      sid,
      effect,
      action: actionElement,
      resource: resourceElement,
      principal,
      conditions: conditions ?? [],
      pointer,
    };
  }

  private pair(
    raw: Record<string, unknown>,
    pointer: string,
    positive: string,
    negative: string,
    required: boolean,
  ): { negated: boolean; values: PolicyString[]; pointer: string } | undefined {
    const hasPositive = raw[positive] !== undefined;
    const hasNegative = raw[negative] !== undefined;
    if (hasPositive && hasNegative) {
      return this.error(
        'policy-element-conflict',
        pointer,
        `a statement cannot have both \`${positive}\` and \`${negative}\``,
      );
    }
    if (!hasPositive && !hasNegative) {
      if (required)
        this.error(
          'policy-missing-element',
          pointer,
          `the statement has no \`${positive}\` or \`${negative}\``,
        );
      return undefined;
    }
    const name = hasPositive ? positive : negative;
    const elementPointer = `${pointer}/${name}`;
    const values = this.strings(raw[name], elementPointer, name);
    if (values === undefined) return undefined;
    return { negated: !hasPositive, values, pointer: elementPointer };
  }

  /** A string or a non-empty list of strings. */
  private strings(raw: unknown, pointer: string, name: string): PolicyString[] | undefined {
    if (typeof raw === 'string')
      return this.bounded(raw, pointer, name) ? [{ value: raw, raw, pointer }] : [];
    if (Array.isArray(raw)) {
      const out: PolicyString[] = [];
      raw.forEach((item, i) => {
        const at = `${pointer}/${i}`;
        if (typeof item !== 'string')
          this.error('policy-type', at, `every value of \`${name}\` must be a string`);
        else if (this.bounded(item, at, name)) out.push({ value: item, raw: item, pointer: at });
      });
      if (raw.length === 0) this.error('policy-empty', pointer, `\`${name}\` must not be empty`);
      return out;
    }
    return this.error('policy-type', pointer, `\`${name}\` must be a string or a list of strings`);
  }

  /** Whether a value is no longer than {@link MAX_POLICY_STRING}; an error when it is. */
  private bounded(value: string, pointer: string, name: string): boolean {
    if (value.length <= MAX_POLICY_STRING) return true;
    this.error(
      'policy-value-too-long',
      pointer,
      `a value of \`${name}\` is ${value.length.toLocaleString('en-US')} characters long, longer than any policy AWS accepts (${MAX_POLICY_STRING.toLocaleString('en-US')})`,
    );
    return false;
  }

  private principal(raw: Record<string, unknown>, pointer: string): PrincipalElement | null {
    const hasPositive = raw.Principal !== undefined;
    const hasNegative = raw.NotPrincipal !== undefined;
    const kind = this.options.kind;
    if (hasPositive && hasNegative) {
      this.error(
        'policy-element-conflict',
        pointer,
        'a statement cannot have both `Principal` and `NotPrincipal`',
      );
      return null;
    }
    if (!hasPositive && !hasNegative) {
      if (kind === 'resource')
        this.error(
          'policy-missing-principal',
          pointer,
          'a resource-based policy statement must name a `Principal`',
        );
      return null;
    }
    const name = hasPositive ? 'Principal' : 'NotPrincipal';
    const elementPointer = `${pointer}/${name}`;
    if (kind === 'identity') {
      this.error(
        'policy-principal-not-allowed',
        elementPointer,
        `\`${name}\` is not allowed in this kind of policy`,
      );
      return null;
    }
    const value = raw[name];
    const entries: PrincipalEntry[] = [];
    if (value === '*') {
      entries.push({ type: 'AWS', value: '*', raw: '*', pointer: elementPointer });
    } else if (isJsonObject(value)) {
      for (const [type, list] of Object.entries(value)) {
        const typePointer = `${elementPointer}/${pointerSegment(type)}`;
        if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
          this.error('policy-principal-type', typePointer, `unknown principal type \`${type}\``);
          continue;
        }
        for (const s of this.strings(list, typePointer, `${name}.${type}`) ?? []) {
          entries.push({ ...s, type: type as PrincipalType });
        }
      }
    } else {
      this.error(
        'policy-type',
        elementPointer,
        `\`${name}\` must be \`"*"\` or an object of principal types`,
      );
    }
    return { negated: !hasPositive, entries, pointer: elementPointer };
  }

  private conditions(raw: unknown, pointer: string): ConditionClause[] | undefined {
    if (raw === undefined) return [];
    if (!isJsonObject(raw)) return this.error('policy-type', pointer, 'the `Condition` must be an object');
    const clauses: ConditionClause[] = [];
    for (const [operator, block] of Object.entries(raw)) {
      const operatorPointer = `${pointer}/${pointerSegment(operator)}`;
      const parts = splitOperator(operator);
      if (parts === undefined) {
        this.error(
          'policy-condition-operator',
          operatorPointer,
          `unknown condition operator \`${operator}\``,
        );
        continue;
      }
      if (!isJsonObject(block)) {
        this.error(
          'policy-type',
          operatorPointer,
          `the \`${operator}\` block must map condition keys to values`,
        );
        continue;
      }
      const seen = new Map<string, string>();
      for (const [key, values] of Object.entries(block)) {
        const keyPointer = `${operatorPointer}/${pointerSegment(key)}`;
        const previous = seen.get(key.toLowerCase());
        if (previous !== undefined) {
          this.error(
            'policy-condition-duplicate-key',
            keyPointer,
            `condition keys \`${previous}\` and \`${key}\` differ only by case`,
          );
        }
        seen.set(key.toLowerCase(), key);
        const list = this.conditionValues(values, keyPointer);
        if (list === undefined) continue;
        clauses.push({ operator, ...parts, key, values: list, pointer: keyPointer });
      }
    }
    return clauses;
  }

  private conditionValues(raw: unknown, pointer: string): PolicyString[] | undefined {
    const one = (value: unknown, at: string): PolicyString | undefined => {
      if (typeof value === 'string') {
        return this.bounded(value, at, 'Condition') ? { value, raw: value, pointer: at } : undefined;
      }
      if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
        return { value: String(value), raw: String(value), pointer: at };
      }
      return this.error('policy-type', at, 'a condition value must be a string, a number or a boolean');
    };
    if (Array.isArray(raw)) {
      const out: PolicyString[] = [];
      raw.forEach((v, i) => {
        const s = one(v, `${pointer}/${i}`);
        if (s) out.push(s);
      });
      return out;
    }
    const s = one(raw, pointer);
    return s ? [s] : undefined;
  }
}
