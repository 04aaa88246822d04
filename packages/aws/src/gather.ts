import type { ContextValue, DecodedMessage, InputKind, Result } from '@whydenied/core';
import { parseDecodedMessage } from '@whydenied/core';
import { parseArn } from '@whydenied/core/engine';
import { callParameters, checksForFailure, type ReadErrorOptions, readError } from '@whydenied/core/errors';
import { gapOf, type LiveGap } from './gaps.js';
import { type AccountDetails, addInstanceProfile, addRole, addUser, wholeAccount } from './identity.js';
import { readOrganization } from './organization.js';
import { principalOf, sameIdentity } from './principal.js';
import { readResourcePolicy, resourcePolicyService } from './resource-policy.js';
import type { AwsSession, CallRecord } from './session.js';
import { type SimulatedCheck, simulateChecks } from './simulate.js';

/** What to gather evidence for. */
export interface LiveRequest {
  /** The error as pasted; `null` gathers the current caller's identity and organization alone. */
  readonly errorText: string | null;
  /** The caller, action or resource when the error does not name them. */
  readonly options?: ReadErrorOptions;
  /** The failed call's parameters (`--param`). */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Request context values (`--context`), passed to AWS's simulator. */
  readonly context?: Readonly<Record<string, ContextValue>>;
  /** Read the whole account with `GetAccountAuthorizationDetails` instead of the caller alone (`--all`). */
  readonly all?: boolean;
  /** Ask AWS's simulator about the failed checks (default true). */
  readonly simulate?: boolean;
}

/** One file of evidence, in a format the offline commands read as it is. */
export interface EvidenceFile {
  /** File name: `account-<id>.json`, `org.json`, `decoded.json`, `resource-policy-<n>.json`. */
  readonly name: string;
  readonly kind: Extract<InputKind, 'account' | 'organization' | 'decoded' | 'resource-policy'>;
  readonly text: string;
  /** The resource a resource policy governs. */
  readonly arn?: string;
}

/** The caller of the credentials used. */
export interface LiveCaller {
  readonly arn: string;
  readonly account: string;
  readonly userId: string;
}

/** Everything live mode gathered for one error. */
export interface LiveEvidence {
  readonly caller: LiveCaller;
  /** Whether the credentials are the error's caller (the same user, or a session of the same role); `null` when the error names none. */
  readonly sameCaller: boolean | null;
  readonly files: readonly EvidenceFile[];
  readonly gaps: readonly LiveGap[];
  readonly calls: readonly CallRecord[];
  readonly simulation: readonly SimulatedCheck[];
  /** Facts worth saying that are no gap: not in an organization, another account's caller. */
  readonly notes: readonly string[];
}

type Json = Record<string, unknown>;

/**
 * Gathers, read-only, exactly the evidence one diagnosis needs: who calls now, the decoded message,
 * the caller's identity and policies, the organization's SCPs and RCPs on the way, the resource's
 * policy, and AWS's simulator's answer for each check of the call. Steps are reported to `progress`.
 * Fails only when AWS cannot be reached at all (no credentials, no network).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export async function gatherEvidence(
  request: LiveRequest,
  session: AwsSession,
  progress: (step: string) => void = () => {},
): Promise<Result<LiveEvidence>> {
  const read = request.errorText === null ? null : readError(request.errorText, request.options);
  if (read !== null && !read.ok) return read;
  const reading = read?.value ?? null;
  const gaps: LiveGap[] = [];
  const notes: string[] = [];
  const files: EvidenceFile[] = [];

  progress('who is calling (sts:GetCallerIdentity)');
  const identity = await session.call<Json>('sts:GetCallerIdentity', {});
  if (!identity.ok) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'live-no-access',
          severity: 'error',
          message: `cannot call AWS: ${identity.code}: ${firstLine(identity.message)}`,
          path: '',
        },
      ],
    };
  }
  const caller: LiveCaller = {
    arn: String(identity.value.Arn),
    account: String(identity.value.Account),
    userId: String(identity.value.UserId),
  };

  let decoded: DecodedMessage | null = null;
  const encoded = reading?.encodedMessage ?? null;
  if (encoded !== null && encoded.state === 'present' && encoded.value !== null) {
    progress('decoding the authorization message (sts:DecodeAuthorizationMessage)');
    const result = await session.call<Json>('sts:DecodeAuthorizationMessage', {
      EncodedMessage: encoded.value,
    });
    if (result.ok && typeof result.value.DecodedMessage === 'string') {
      const parsed = parseDecodedMessage(result.value.DecodedMessage);
      if (parsed.ok) decoded = parsed.value;
      files.push({ name: 'decoded.json', kind: 'decoded', text: result.value.DecodedMessage });
    } else if (!result.ok) {
      gaps.push(gapOf('sts:DecodeAuthorizationMessage', 'the encoded message', result));
    }
  }

  const named = decoded?.context.principal?.arn ?? reading?.failure.principal ?? null;
  const principal = named ?? caller.arn;
  const who = principalOf(principal);
  const sameCaller = named === null ? null : sameIdentity(principal, caller.arn);

  const details: AccountDetails = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  if (who === null || (who.account !== '' && who.account !== caller.account)) {
    notes.push(
      who === null
        ? `the error's caller \`${principal}\` is not a user or role: its policies cannot be read`
        : `the error's caller is in account ${who.account}, these credentials in ${caller.account}: run again with credentials of ${who.account} to read its policies`,
    );
  } else if (request.all === true) {
    progress('reading the whole account (iam:GetAccountAuthorizationDetails)');
    const whole = await wholeAccount(session, gaps);
    if (whole !== null) Object.assign(details, whole);
  } else {
    progress(`reading ${who.type} ${who.name} and its policies (iam)`);
    if (who.type === 'role') await addRole(session, details, who.name, gaps);
    else await addUser(session, details, who.name, gaps);
  }
  // the caller's ARN with its path, as IAM read it (the simulator needs it): absent when it could not be read
  const identityArn = who === null ? null : arnIn(details, who);

  // the call's checks name what else to read: instance profiles, roles to assume, resources
  const checks =
    reading === null
      ? []
      : checksForFailure(reading, decoded, callParameters(reading, request.parameters ?? {}));
  if (who !== null && who.account === caller.account && request.all !== true) {
    for (const check of checks) {
      for (const fact of check.unresolved ?? []) {
        progress(`reading instance profile ${fact.name} (iam:GetInstanceProfile)`);
        await addInstanceProfile(session, details, fact.name, gaps);
      }
      const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(check.resource);
      if (/^sts:AssumeRole/i.test(check.action) && role?.[1] === caller.account && role[2] !== undefined) {
        progress(`reading the trust policy of role ${role[2]} (iam:GetRole)`);
        await addRole(session, details, role[2], gaps, false);
      }
    }
  }
  if (details.RoleDetailList.length + details.UserDetailList.length > 0) {
    files.unshift({ name: `account-${caller.account}.json`, kind: 'account', text: pretty(details) });
  }

  let n = 0;
  const seen = new Set<string>();
  for (const resource of [reading?.failure.resource ?? null, ...checks.map((c) => c.resource)]) {
    if (resource === null || resource.includes('*') || seen.has(resource)) continue;
    seen.add(resource);
    const policy = await readResourcePolicyOf(session, resource, gaps, progress);
    if (policy === null || files.some((f) => f.arn === policy.arn)) continue;
    n += 1;
    files.push({
      name: `resource-policy-${n}.json`,
      kind: 'resource-policy',
      text: policy.document,
      arn: policy.arn,
    });
  }

  const accounts = [who?.account || caller.account];
  for (const resource of seen) {
    const account = parseArn(resource)?.account;
    if (account !== undefined && /^\d{12}$/.test(account) && !accounts.includes(account))
      accounts.push(account);
  }
  progress('reading the organization: SCPs and RCPs on the way (organizations)');
  const org = await readOrganization(session, accounts, gaps);
  if (org.snapshot !== null)
    files.push({ name: 'org.json', kind: 'organization', text: pretty(org.snapshot) });
  if (org.inOrganization === false) notes.push('the account is in no organization: no SCP or RCP applies');

  let simulation: SimulatedCheck[] = [];
  if (request.simulate !== false && identityArn !== null && checks.length > 0) {
    progress(`asking AWS's simulator about ${checks.length} check(s) (iam:SimulatePrincipalPolicy)`);
    simulation = await simulateChecks(session, identityArn, checks, request.context ?? {}, gaps);
  }
  return {
    ok: true,
    value: { caller, sameCaller, files, gaps, calls: [...session.calls], simulation, notes },
  };
}

/** The ARN of the user or role `who` as the account details list it; `null` when they do not. */
function arnIn(details: AccountDetails, who: { type: 'role' | 'user'; name: string }): string | null {
  const list = who.type === 'role' ? details.RoleDetailList : details.UserDetailList;
  const entry = list.find((e) => (who.type === 'role' ? e.RoleName : e.UserName) === who.name);
  return typeof entry?.Arn === 'string' ? entry.Arn : null;
}

async function readResourcePolicyOf(
  session: AwsSession,
  resource: string,
  gaps: LiveGap[],
  progress: (step: string) => void,
) {
  // only resources whose service keeps a resource policy are read, and only those are announced
  if (resourcePolicyService(resource) === null) return null;
  progress(`reading the resource policy of ${resource}`);
  return readResourcePolicy(session, resource, gaps);
}

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
