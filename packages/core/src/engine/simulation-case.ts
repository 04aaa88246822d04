import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { dictionary } from '../json/dictionary.js';
import { isJsonObject } from '../json/is-json-object.js';
import { PieceText, splitMemberArray } from '../json/split-member-array.js';
import { pointerSegment } from '../policy/parse-policy.js';
import { compilePolicySet, type NamedPolicyInput, type PolicySetInput } from './compile-policy-set.js';
import { type SimulateJson, toSimulateJson } from './contract-output.js';
import { evaluate } from './evaluate.js';
import type { AuthorizationRequest, ContextValue } from './request.js';

/** A `simulate` case: the policies, and one request (`request`) or many (`requests`). */
export interface SimulationCase {
  readonly policies: PolicySetInput;
  readonly requests: readonly AuthorizationRequest[];
  /** True when the case used `requests` (batch output: one compact JSON line per request). */
  readonly batch: boolean;
}

const CASE_KEYS = new Set([
  'request',
  'requests',
  'identityPolicies',
  'permissionsBoundary',
  'sessionPolicies',
  'resourcePolicy',
  'resourceAccount',
  'scps',
  'rcps',
  'vpcEndpointPolicy',
  'managementAccountId',
]);
const REQUEST_KEYS = new Set(['principal', 'action', 'resource', 'context', 'sessionIssuer']);
const POLICY_KEYS = new Set(['name', 'document']);

class CaseReader {
  readonly diagnostics: Diagnostic[] = [];

  fail(path: string, message: string, code = 'case-invalid'): undefined {
    this.diagnostics.push({ code, severity: 'error', message, path });
    return undefined;
  }

  keys(value: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.has(key))
        this.fail(`${path}/${pointerSegment(key)}`, `unknown key \`${key}\``, 'case-unknown-key');
    }
  }

  string(value: unknown, path: string, what: string): string | undefined {
    if (typeof value === 'string' && value.length > 0) return value;
    return this.fail(path, `${what} must be a non-empty string`);
  }

  policy(value: unknown, path: string): NamedPolicyInput | undefined {
    if (!isJsonObject(value)) return this.fail(path, 'a policy must be an object with `name` and `document`');
    this.keys(value, POLICY_KEYS, path);
    const name = this.string(value.name, `${path}/name`, '`name`');
    if (value.document === undefined) return this.fail(`${path}/document`, 'the policy has no `document`');
    return name === undefined ? undefined : { name, document: value.document };
  }

  policies(value: unknown, path: string): NamedPolicyInput[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'expected a list of policies');
    return value
      .map((p, i) => this.policy(p, `${path}/${i}`))
      .filter((p): p is NamedPolicyInput => p !== undefined);
  }

  levels(value: unknown, path: string): NamedPolicyInput[][] | undefined {
    if (!Array.isArray(value))
      return this.fail(path, 'expected a list of levels, root first, each a list of policies');
    return value.map((level, i) => this.policies(level, `${path}/${i}`) ?? []);
  }

  request(value: unknown, path: string): AuthorizationRequest | undefined {
    if (!isJsonObject(value)) return this.fail(path, 'a request must be an object');
    if (isNormalRequest(value)) {
      // already in the normalized shape: use it as it is (batches hold many thousands of requests)
      return value as unknown as AuthorizationRequest;
    }
    this.keys(value, REQUEST_KEYS, path);
    const principal = this.string(value.principal, `${path}/principal`, '`principal`');
    const action = this.string(value.action, `${path}/action`, '`action`');
    const resource =
      value.resource === undefined ? '*' : this.string(value.resource, `${path}/resource`, '`resource`');
    const context = dictionary<ContextValue>();
    if (value.context !== undefined) {
      if (!isJsonObject(value.context)) {
        this.fail(`${path}/context`, '`context` must be an object of keys to values');
      } else {
        for (const key of Object.keys(value.context)) {
          const v = value.context[key];
          if (typeof v === 'string') {
            context[key] = v;
            continue;
          }
          const at = () => `${path}/context/${pointerSegment(key)}`;
          const one = (x: unknown, p: () => string): string | undefined => {
            if (typeof x === 'string') return x;
            if (typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))) return String(x);
            return this.fail(p(), 'a context value must be a string or a list of strings');
          };
          if (Array.isArray(v)) {
            context[key] = v
              .map((x, i) => one(x, () => `${at()}/${i}`))
              .filter((x): x is string => x !== undefined);
          } else {
            const s = one(v, at);
            if (s !== undefined) context[key] = s;
          }
        }
      }
    }
    let sessionIssuer: string | undefined;
    if (value.sessionIssuer !== undefined)
      sessionIssuer = this.string(value.sessionIssuer, `${path}/sessionIssuer`, '`sessionIssuer`');
    if (principal === undefined || action === undefined || resource === undefined) return undefined;
    return sessionIssuer === undefined
      ? { principal, action, resource, context }
      : { principal, action, resource, context, sessionIssuer };
  }
}

/**
 * Whether a raw request already has exactly the normalized shape: known keys only, non-empty strings,
 * a resource, and a context (if any) of strings and lists of strings.
 */
function isNormalRequest(value: Record<string, unknown>): boolean {
  for (const key in value) {
    if (!REQUEST_KEYS.has(key)) return false;
  }
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (!nonEmpty(value.principal) || !nonEmpty(value.action) || !nonEmpty(value.resource)) return false;
  if (value.sessionIssuer !== undefined && !nonEmpty(value.sessionIssuer)) return false;
  const context = value.context;
  if (!isJsonObject(context)) return false;
  for (const key in context) {
    const v = context[key];
    if (typeof v === 'string') continue;
    if (!Array.isArray(v)) return false;
    for (const item of v) if (typeof item !== 'string') return false;
  }
  return true;
}

/**
 * Validates a `simulate` case (contract: "The case file of simulate"), or says with JSON pointers
 * what is wrong with it. Unknown keys are rejected with a diagnostic naming their JSON pointer.
 * Policy documents are checked later, by `compilePolicySet`.
 */
export function parseSimulationCase(value: unknown): Result<SimulationCase> {
  const r = new CaseReader();
  if (!isJsonObject(value)) {
    r.fail('', 'a case must be a JSON object with a `request`');
    return { ok: false, diagnostics: r.diagnostics };
  }
  r.keys(value, CASE_KEYS, '');
  let requests: AuthorizationRequest[] = [];
  const batch = value.requests !== undefined;
  if (value.request !== undefined && batch) {
    r.fail('', 'a case has either `request` or `requests`, not both');
  } else if (batch) {
    if (!Array.isArray(value.requests)) r.fail('/requests', '`requests` must be a list of requests');
    else
      requests = value.requests
        .map((q, i) => r.request(q, `/requests/${i}`))
        .filter((q): q is AuthorizationRequest => q !== undefined);
  } else if (value.request === undefined) {
    r.fail('', 'the case has no `request`', 'case-missing-request');
  } else {
    const q = r.request(value.request, '/request');
    if (q) requests = [q];
  }
  const policies: {
    -readonly [K in keyof PolicySetInput]: PolicySetInput[K];
  } = {};
  if (value.identityPolicies !== undefined) {
    const p = r.policies(value.identityPolicies, '/identityPolicies');
    if (p) policies.identityPolicies = p;
  }
  if (value.sessionPolicies !== undefined) {
    const p = r.policies(value.sessionPolicies, '/sessionPolicies');
    if (p) policies.sessionPolicies = p;
  }
  for (const key of ['permissionsBoundary', 'resourcePolicy', 'vpcEndpointPolicy'] as const) {
    if (value[key] !== undefined) {
      const p = r.policy(value[key], `/${key}`);
      if (p) policies[key] = p;
    }
  }
  for (const key of ['scps', 'rcps'] as const) {
    if (value[key] !== undefined) {
      const p = r.levels(value[key], `/${key}`);
      if (p) policies[key] = p;
    }
  }
  for (const key of ['resourceAccount', 'managementAccountId'] as const) {
    if (value[key] !== undefined) {
      const s = r.string(value[key], `/${key}`, `\`${key}\``);
      if (s) policies[key] = s;
    }
  }
  if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
  return { ok: true, value: { policies, requests, batch } };
}

/** A batch case read lazily: its policies at once, its requests one at a time. */
export interface SimulationBatch {
  readonly policies: PolicySetInput;
  /** How many requests the case lists. */
  readonly count: number;
  /**
   * The request at `index`, parsed from its own text and validated; `undefined` when it does not
   * parse or is not a valid request (read the whole case with {@link parseSimulationCase} to learn why).
   */
  request(index: number): AuthorizationRequest | undefined;
}

/**
 * Reads the JSON text of a batch case (one with `requests`) without building the object graph of all
 * its requests: the rest of the case is parsed and validated now, each request when asked for, so a
 * case of 100,000 requests holds one request at a time. `undefined` when the text is not a valid
 * batch case as far as this reading goes; the caller then parses it whole, which says what is wrong.
 * The text may be given in the pieces it was read in (never joined: a copy of many megabytes).
 */
export function parseSimulationBatch(input: string | readonly string[]): SimulationBatch | undefined {
  const split = splitMemberArray(input, 'requests');
  if (split === undefined) return undefined;
  let rest: unknown;
  try {
    rest = JSON.parse(split.rest);
  } catch {
    return undefined;
  }
  const parsed = parseSimulationCase(rest);
  if (!parsed.ok || !parsed.value.batch || parsed.value.requests.length > 0) return undefined;
  const { spans } = split;
  const text = new PieceText(typeof input === 'string' ? [input] : input);
  const read = (raw: string, index: number): AuthorizationRequest | undefined => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const reader = new CaseReader();
    const request = reader.request(value, `/requests/${index}`);
    return reader.diagnostics.length > 0 ? undefined : request;
  };
  // batches repeat requests word for word: the same text gives the same request object, read once
  // (and `evaluate` knows an object it has seen); set aside while texts rarely repeat
  const byText = new Map<string, AuthorizationRequest>();
  let lookups = 0;
  let hits = 0;
  let pausedFor = 0;
  return {
    policies: parsed.value.policies,
    count: spans.length / 2,
    request(index) {
      const start = spans[2 * index];
      const end = spans[2 * index + 1];
      if (start === undefined || end === undefined) return undefined;
      const raw = text.slice(start, end);
      if (pausedFor > 0) {
        pausedFor--;
        return read(raw, index);
      }
      if (lookups >= TEXT_PROBE) {
        if (hits * 8 < lookups) {
          pausedFor = TEXT_PAUSE;
          byText.clear();
        }
        lookups = 0;
        hits = 0;
      }
      lookups++;
      const known = byText.get(raw);
      if (known !== undefined) {
        hits++;
        return known;
      }
      const request = read(raw, index);
      if (request !== undefined) {
        if (byText.size >= TEXT_LIMIT) byText.clear();
        byText.set(raw, request);
      }
      return request;
    },
  };
}

/** Lookups over which the request-text memo's hit rate is judged; below one in eight it pauses. */
const TEXT_PROBE = 4096;
const TEXT_PAUSE = 65_536;
const TEXT_LIMIT = 16_384;

/**
 * Evaluates a `simulate` case (contract, "The case file of `simulate`") as AWS would: one result per
 * request of the case, in order, each in the contract's `simulate --format json` shape.
 */
export function simulateCase(value: unknown): Result<readonly SimulateJson[]> {
  const parsed = parseSimulationCase(value);
  if (!parsed.ok) return parsed;
  const compiled = compilePolicySet(parsed.value.policies);
  if (!compiled.ok) return compiled;
  return {
    ok: true,
    value: parsed.value.requests.map((request) => toSimulateJson(evaluate(compiled.value, request))),
  };
}
