import type { Result } from '../diagnostics/result.js';
import { childPointer, RawReader, type RawRecord, type ReadOptions } from './raw-reader.js';

/**
 * An organization policy type that takes part in authorization.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export type OrgPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/** One SCP or RCP of the organization snapshot, with the roots, OUs and accounts it is attached to. */
export interface OrgPolicy {
  /** The policy id, e.g. `p-FullAWSAccess` or `p-abcd1234`. */
  readonly id: string;
  readonly name: string;
  readonly type: OrgPolicyType;
  /** The decoded JSON document (`describe-policy` returns it as a JSON string in `Content`). */
  readonly document: RawRecord;
  /** Root, OU and account ids the policy is attached to. */
  readonly targets: readonly string[];
  readonly pointer: string;
}

/**
 * The organization snapshot of the contract (`--org FILE`): the management account, each member
 * account's parents (root first), and the SCPs and RCPs with their targets.
 */
export interface OrgSnapshot {
  /**
   * The organization's id (`o-…`, `aws organizations describe-organization`), which AWS sends as
   * `aws:PrincipalOrgID` for the principals of its accounts; `null` when the snapshot omits it.
   */
  readonly organizationId: string | null;
  /** The management account, which SCPs and RCPs do not affect; `null` when the snapshot omits it. */
  readonly managementAccountId: string | null;
  /** Account id → its parents, root first (`["r-ab12", "ou-ab12-prod"]`). */
  readonly targets: Readonly<Record<string, readonly string[]>>;
  readonly policies: readonly OrgPolicy[];
}

const POLICY_TYPES: readonly OrgPolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];
const ACCOUNT_ID = /^\d{12}$/;
/**
 * An organization id, as Organizations writes it.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html
 */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const SNAPSHOT_KEYS: ReadonlySet<string> = new Set([
  'organizationId',
  'managementAccountId',
  'targets',
  'policies',
]);

/**
 * Validates an organization snapshot (contract, "Organization snapshot"). Documents may be objects
 * or the JSON string of `aws organizations describe-policy`'s `Content`. The snapshot's own members are
 * checked strictly (another file given as a snapshot is refused); unknown fields of a policy are ignored.
 * What is wrong is reported with its JSON pointer.
 *
 * @see https://docs.aws.amazon.com/cli/latest/reference/organizations/describe-policy.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/organizations/list-parents.html
 */
export function parseOrganization(value: unknown, options: ReadOptions = {}): Result<OrgSnapshot> {
  const r = new RawReader('org', options.checkGrammar ?? true);
  const root = r.record(value, '', 'the organization snapshot');
  if (root === undefined) return { ok: false, diagnostics: r.diagnostics };
  // a snapshot has exactly these members: anything else is another file given in its place
  const unknown = Object.keys(root).filter((key) => !SNAPSHOT_KEYS.has(key));
  if (unknown.length > 0 || root.policies === undefined || root.targets === undefined) {
    r.fail(
      unknown.length > 0 ? childPointer('', unknown[0] as string) : '',
      unknown.length > 0
        ? `\`${unknown[0]}\` is not a member of an organization snapshot`
        : `an organization snapshot needs \`${root.policies === undefined ? 'policies' : 'targets'}\``,
      'shape',
      'an organization snapshot is `{"organizationId": …, "managementAccountId": …, "targets": {account: [root, ou…]}, "policies": [{id, name, type, document, targets}]}` (docs/contract.md)',
    );
    return { ok: false, diagnostics: r.diagnostics };
  }
  const organizationId = r.optionalString(root, 'organizationId', '');
  if (organizationId !== null && !ORGANIZATION_ID.test(organizationId))
    r.fail(
      '/organizationId',
      `\`${organizationId}\` is not an organization id (\`o-\` and 10 to 32 letters or digits)`,
    );
  const managementAccountId = r.optionalString(root, 'managementAccountId', '');
  if (managementAccountId !== null && !ACCOUNT_ID.test(managementAccountId))
    r.fail('/managementAccountId', `\`${managementAccountId}\` is not a twelve-digit account id`);

  const targets: Record<string, readonly string[]> = {};
  if (root.targets !== undefined) {
    const raw = r.record(root.targets, '/targets', '`targets`');
    for (const [account, parents] of Object.entries(raw ?? {})) {
      const at = childPointer('/targets', account);
      if (!ACCOUNT_ID.test(account)) {
        r.fail(at, `\`${account}\` is not a twelve-digit account id`);
        continue;
      }
      if (!Array.isArray(parents)) {
        r.fail(at, `the parents of \`${account}\` must be a list of ids, root first`);
        continue;
      }
      const list: string[] = [];
      parents.forEach((parent: unknown, i) => {
        if (typeof parent === 'string' && parent !== '') list.push(parent);
        else r.fail(childPointer(at, i), 'a parent must be a non-empty root or OU id');
      });
      if (list.length === 0 || !list[0]?.startsWith('r-')) {
        r.fail(
          at,
          `the parents of \`${account}\` must start with the root (\`r-…\`)`,
          'invalid',
          'list the parents root first, as `aws organizations list-parents` walks them upwards',
        );
        continue;
      }
      targets[account] = list;
    }
  }

  const policies: OrgPolicy[] = [];
  const seen = new Map<string, string>();
  for (const { item, path } of r.list(root, 'policies', '')) {
    const policy = readPolicy(r, item, path);
    if (policy === undefined) continue;
    const earlier = seen.get(policy.id);
    if (earlier !== undefined) {
      r.fail(
        childPointer(path, 'id'),
        `policy \`${policy.id}\` is listed twice (also at ${earlier})`,
        'duplicate',
      );
      continue;
    }
    seen.set(policy.id, path);
    policies.push(policy);
  }
  if (r.diagnostics.length > 0) return { ok: false, diagnostics: r.diagnostics };
  return { ok: true, value: { organizationId, managementAccountId, targets, policies } };
}

function readPolicy(r: RawReader, value: unknown, path: string): OrgPolicy | undefined {
  const raw = r.record(value, path, 'an organization policy');
  if (raw === undefined) return undefined;
  const id = r.string(raw, 'id', path);
  const name = r.string(raw, 'name', path);
  const type = r.string(raw, 'type', path);
  if (type !== undefined && !POLICY_TYPES.includes(type as OrgPolicyType)) {
    r.fail(
      childPointer(path, 'type'),
      `\`${type}\` is not \`SERVICE_CONTROL_POLICY\` or \`RESOURCE_CONTROL_POLICY\``,
      'invalid',
      'other organization policy types (tag, backup, AI opt-out) do not take part in authorization: leave them out',
    );
  }
  const docPath = childPointer(path, 'document');
  const document =
    raw.document === undefined
      ? r.fail(docPath, '`document` is missing')
      : r.document(raw.document, docPath, type === 'RESOURCE_CONTROL_POLICY' ? 'resource' : 'identity');
  const targets = r.strings(raw, 'targets', path);
  if (id === undefined || name === undefined || document === undefined) return undefined;
  if (!POLICY_TYPES.includes(type as OrgPolicyType)) return undefined;
  return { id, name, type: type as OrgPolicyType, document, targets, pointer: path };
}
