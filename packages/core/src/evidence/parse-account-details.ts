import type { Result } from '../diagnostics/result.js';
import { dictionary } from '../json/dictionary.js';
import { parseArn } from '../matching/arn.js';
import type {
  AccountSnapshot,
  AttachedPolicy,
  BoundaryReference,
  IamEntity,
  IamGroup,
  IamRole,
  IamUser,
  InlinePolicy,
  InstanceProfileReference,
  ManagedPolicy,
} from './account-model.js';
import { childPointer, RawReader, type RawRecord, type ReadOptions } from './raw-reader.js';

const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

/**
 * Reads the output of `aws iam get-account-authorization-details`: users, groups, roles (with trust
 * policies, instance profiles, boundaries and tags) and managed policies (with the document of their
 * default version). Documents may be JSON objects, as the CLI prints them, or URL-encoded JSON
 * strings, as the API returns them. The account id is read from the entities' ARNs. Unknown fields
 * are ignored; fields of the wrong type are reported with their JSON pointer into the file.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
 */
export function parseAccountDetails(value: unknown, options: ReadOptions = {}): Result<AccountSnapshot> {
  const r = new AccountReader(options.checkGrammar ?? true);
  const root = r.record(value, '', 'the account authorization details');
  if (root === undefined) return { ok: false, diagnostics: r.diagnostics };
  if (!LISTS.some((key) => root[key] !== undefined)) {
    r.fail(
      '',
      'this is not the output of `aws iam get-account-authorization-details`',
      'shape',
      'expected an object with `UserDetailList`, `GroupDetailList`, `RoleDetailList` or `Policies`',
    );
    return { ok: false, diagnostics: r.diagnostics };
  }
  const users = r.each(root, 'UserDetailList', (item, path) => r.user(item, path));
  const groups: IamGroup[] = r.each(root, 'GroupDetailList', (item, path) => r.entity(item, path, 'Group'));
  const roles = r.each(root, 'RoleDetailList', (item, path) => r.role(item, path));
  const managedPolicies = r.each(root, 'Policies', (item, path) => r.managedPolicy(item, path));
  const truncated = r.optionalBoolean(root, 'IsTruncated', '') ?? false;
  const account = r.account();
  if (r.diagnostics.length > 0 || account === undefined) return { ok: false, diagnostics: r.diagnostics };
  return {
    ok: true,
    value: { ...account, users, groups, roles, managedPolicies, truncated },
  };
}

class AccountReader extends RawReader {
  /** The first ARN that named an account, to compare the others with. */
  private accountArn: { account: string; partition: string; path: string } | null = null;

  constructor(checkGrammar: boolean) {
    super('account', checkGrammar);
  }

  each<T>(parent: RawRecord, key: string, read: (item: unknown, path: string) => T | undefined): T[] {
    return this.list(parent, key, '')
      .map(({ item, path }) => read(item, path))
      .filter((x): x is T => x !== undefined);
  }

  /** The account id every ARN of the file agrees on. */
  account(): { accountId: string; partition: string } | undefined {
    if (this.accountArn === null) {
      return this.fail(
        '',
        'the file names no user, group, role or customer managed policy, so its account is unknown',
        'no-account',
      );
    }
    return { accountId: this.accountArn.account, partition: this.accountArn.partition };
  }

  /** An entity ARN: checked, and its account compared with the file's. */
  arn(parent: RawRecord, path: string): string | undefined {
    const arn = this.string(parent, 'Arn', path);
    if (arn === undefined) return undefined;
    const parsed = parseArn(arn);
    const at = childPointer(path, 'Arn');
    if (parsed === undefined || parsed.service !== 'iam')
      return this.fail(at, `\`${arn}\` is not an IAM ARN`);
    if (parsed.account === 'aws') return arn;
    if (!/^\d{12}$/.test(parsed.account)) return this.fail(at, `\`${arn}\` has no twelve-digit account id`);
    if (this.accountArn === null) {
      this.accountArn = { account: parsed.account, partition: parsed.partition, path: at };
    } else if (this.accountArn.account !== parsed.account) {
      this.fail(
        at,
        `\`${arn}\` is in account \`${parsed.account}\`, not \`${this.accountArn.account}\` (${this.accountArn.path})`,
        'mixed-accounts',
        'give one account authorization details file per account',
      );
    }
    return arn;
  }

  entity(value: unknown, path: string, kind: 'User' | 'Group' | 'Role'): IamEntity | undefined {
    const raw = this.record(value, path, `a ${kind.toLowerCase()}`);
    if (raw === undefined) return undefined;
    const name = this.string(raw, `${kind}Name`, path);
    const arn = this.arn(raw, path);
    const inlinePolicies = this.inlinePolicies(raw, `${kind}PolicyList`, path);
    const attachedPolicies = this.attached(raw, path);
    if (name === undefined || arn === undefined) return undefined;
    return {
      name,
      id: this.optionalString(raw, `${kind}Id`, path),
      arn,
      path: this.optionalString(raw, 'Path', path) ?? '/',
      inlinePolicies,
      attachedPolicies,
      pointer: path,
    };
  }

  user(value: unknown, path: string): IamUser | undefined {
    const entity = this.entity(value, path, 'User');
    if (entity === undefined) return undefined;
    const raw = value as RawRecord;
    return {
      ...entity,
      groups: this.strings(raw, 'GroupList', path),
      boundary: this.boundary(raw, path),
      tags: this.tags(raw, path),
    };
  }

  role(value: unknown, path: string): IamRole | undefined {
    const entity = this.entity(value, path, 'Role');
    if (entity === undefined) return undefined;
    const raw = value as RawRecord;
    const trustPointer = childPointer(path, 'AssumeRolePolicyDocument');
    const trustPolicy =
      raw.AssumeRolePolicyDocument === undefined || raw.AssumeRolePolicyDocument === null
        ? null
        : (this.document(raw.AssumeRolePolicyDocument, trustPointer, 'resource') ?? null);
    const instanceProfiles: InstanceProfileReference[] = [];
    for (const { item, path: at } of this.list(raw, 'InstanceProfileList', path)) {
      const profile = this.record(item, at, 'an instance profile');
      if (profile === undefined) continue;
      const name = this.string(profile, 'InstanceProfileName', at);
      const arn = this.string(profile, 'Arn', at);
      if (name !== undefined && arn !== undefined) instanceProfiles.push({ name, arn });
    }
    let lastUsed: string | null = null;
    if (raw.RoleLastUsed !== undefined) {
      const used = this.record(raw.RoleLastUsed, childPointer(path, 'RoleLastUsed'), '`RoleLastUsed`');
      if (used) lastUsed = this.optionalString(used, 'LastUsedDate', childPointer(path, 'RoleLastUsed'));
    }
    return {
      ...entity,
      trustPolicy,
      trustPolicyPointer: trustPolicy === null ? null : trustPointer,
      instanceProfiles,
      boundary: this.boundary(raw, path),
      tags: this.tags(raw, path),
      lastUsed,
    };
  }

  inlinePolicies(raw: RawRecord, key: string, path: string): InlinePolicy[] {
    const out: InlinePolicy[] = [];
    for (const { item, path: at } of this.list(raw, key, path)) {
      const policy = this.record(item, at, 'an inline policy');
      if (policy === undefined) continue;
      const name = this.string(policy, 'PolicyName', at);
      const pointer = childPointer(at, 'PolicyDocument');
      const document =
        policy.PolicyDocument === undefined
          ? this.fail(pointer, '`PolicyDocument` is missing')
          : this.document(policy.PolicyDocument, pointer, 'identity');
      if (name !== undefined && document !== undefined) out.push({ name, document, pointer });
    }
    return out;
  }

  attached(raw: RawRecord, path: string): AttachedPolicy[] {
    const out: AttachedPolicy[] = [];
    for (const { item, path: at } of this.list(raw, 'AttachedManagedPolicies', path)) {
      const policy = this.record(item, at, 'an attached managed policy');
      if (policy === undefined) continue;
      const arn = this.string(policy, 'PolicyArn', at);
      if (arn === undefined) continue;
      out.push({ name: this.optionalString(policy, 'PolicyName', at) ?? lastPathSegment(arn), arn });
    }
    return out;
  }

  boundary(raw: RawRecord, path: string): BoundaryReference | null {
    if (raw.PermissionsBoundary === undefined || raw.PermissionsBoundary === null) return null;
    const at = childPointer(path, 'PermissionsBoundary');
    const boundary = this.record(raw.PermissionsBoundary, at, '`PermissionsBoundary`');
    if (boundary === undefined) return null;
    const arn = this.string(boundary, 'PermissionsBoundaryArn', at);
    if (arn === undefined) return null;
    return { arn, type: this.optionalString(boundary, 'PermissionsBoundaryType', at) ?? 'Policy' };
  }

  tags(raw: RawRecord, path: string): Record<string, string> {
    const tags = dictionary<string>();
    for (const { item, path: at } of this.list(raw, 'Tags', path)) {
      const tag = this.record(item, at, 'a tag');
      if (tag === undefined) continue;
      const key = this.string(tag, 'Key', at);
      const value = typeof tag.Value === 'string' ? tag.Value : this.string(tag, 'Value', at);
      if (key !== undefined && value !== undefined) tags[key] = value;
    }
    return tags;
  }

  managedPolicy(value: unknown, path: string): ManagedPolicy | undefined {
    const raw = this.record(value, path, 'a managed policy');
    if (raw === undefined) return undefined;
    const name = this.string(raw, 'PolicyName', path);
    const arn = this.arn(raw, path);
    const defaultVersionId = this.optionalString(raw, 'DefaultVersionId', path);
    let document: RawRecord | null = null;
    let pointer = path;
    for (const { item, path: at } of this.list(raw, 'PolicyVersionList', path)) {
      const version = this.record(item, at, 'a policy version');
      if (version === undefined) continue;
      const isDefault = this.optionalBoolean(version, 'IsDefaultVersion', at);
      const versionId = this.optionalString(version, 'VersionId', at);
      const chosen = isDefault ?? (defaultVersionId !== null && versionId === defaultVersionId);
      if (!chosen || version.Document === undefined) continue;
      const docPointer = childPointer(at, 'Document');
      const decoded = this.document(version.Document, docPointer, 'identity');
      if (decoded !== undefined) {
        document = decoded;
        pointer = docPointer;
      }
    }
    const count = raw.AttachmentCount;
    if (count !== undefined && typeof count !== 'number')
      this.fail(childPointer(path, 'AttachmentCount'), '`AttachmentCount` must be a number');
    if (name === undefined || arn === undefined) return undefined;
    return {
      name,
      id: this.optionalString(raw, 'PolicyId', path),
      arn,
      path: this.optionalString(raw, 'Path', path) ?? '/',
      defaultVersionId,
      document,
      pointer,
      attachmentCount: typeof count === 'number' ? count : null,
      isAttachable: this.optionalBoolean(raw, 'IsAttachable', path),
      awsManaged: parseArn(arn)?.account === 'aws',
    };
  }
}

function lastPathSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
