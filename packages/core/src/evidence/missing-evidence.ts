import type { InputKind } from '../analyze/input-kind.js';
import { evidenceCommand } from './evidence-commands.js';

/**
 * What the evidence lacks to evaluate a request exactly, as coded entries: each names the file or
 * command that would supply it.
 */
export type MissingEvidenceCode =
  | 'principal-account-unknown'
  | 'account-details-missing'
  | 'account-details-truncated'
  | 'principal-not-found'
  | 'group-not-found'
  | 'managed-policy-missing'
  | 'managed-policy-version-missing'
  | 'federated-user-issuer-unknown'
  | 'session-policy-unknown'
  | 'scps-unknown'
  | 'rcps-unknown'
  | 'org-account-not-listed'
  | 'resource-policy-missing'
  | 'trust-policy-missing'
  | 'instance-profile-role-unknown'
  | 'resource-account-unknown';

/** One piece of missing evidence: what is unknown, and the command (or file) that supplies it. */
export interface MissingEvidence {
  readonly code: MissingEvidenceCode;
  /** Lower-case start, no final period, user values in backticks; names concepts, never a front end's flags. */
  readonly message: string;
  /** A shell command that fetches the missing evidence, to run with credentials of the account named in `message`. */
  readonly command: string;
  /**
   * The input the command's output is given as (`account`, `organization`, `resource-policy`...), for
   * a front end to say how (`--account FILE`, the evidence drop zone); `null` when it informs a person.
   */
  readonly evidence: InputKind | null;
  /** The ARN or id the entry is about (account id, policy ARN, resource ARN...). */
  readonly subject: string;
}

/** Parameters of the message templates. */
interface Params {
  readonly subject: string;
  readonly account?: string;
  readonly name?: string;
  readonly kind?: string;
  readonly command?: string;
}

interface Template {
  readonly message: string;
  readonly command: string;
  readonly evidence: InputKind | null;
}

const DETAILS = 'account authorization details';

/** Message and command templates, one per code. */
const TEMPLATES: Readonly<Record<MissingEvidenceCode, (p: Params) => Template>> = {
  'principal-account-unknown': (p) => ({
    message: `the account of principal \`${p.subject}\` is unknown (redacted or not an ARN), so its policies cannot be looked up`,
    command: evidenceCommand('caller-identity'),
    evidence: null,
  }),
  'account-details-missing': (p) => ({
    message: `the ${DETAILS} of account \`${p.account}\` were not given, so the policies of \`${p.subject}\` are unknown`,
    command: evidenceCommand('account-details', {
      ...(p.account === undefined ? {} : { account: p.account }),
    }),
    evidence: 'account',
  }),
  'account-details-truncated': (p) => ({
    message: `the ${DETAILS} of account \`${p.account}\` are truncated (\`IsTruncated: true\`): entities may be missing from them`,
    command: evidenceCommand('account-details', {
      ...(p.account === undefined ? {} : { account: p.account }),
    }),
    evidence: 'account',
  }),
  'principal-not-found': (p) => ({
    message: `${p.kind} \`${p.name}\` is not in the ${DETAILS} of account \`${p.account}\``,
    command: evidenceCommand('account-details-of-kind', {
      entity: p.kind === 'user' ? 'user' : 'role',
      ...(p.account === undefined ? {} : { account: p.account }),
    }),
    evidence: 'account',
  }),
  'group-not-found': (p) => ({
    message: `group \`${p.name}\` of user \`${p.subject}\` is not in the ${DETAILS} of account \`${p.account}\`: its policies are left out`,
    command: evidenceCommand('account-details-of-kind', {
      entity: 'group',
      ...(p.account === undefined ? {} : { account: p.account }),
    }),
    evidence: 'account',
  }),
  'managed-policy-missing': (p) => ({
    message: `managed policy \`${p.subject}\` is attached but not in the ${DETAILS} given: it is left out${
      p.kind === 'aws' ? ' (AWS managed policies are listed only with `--filter AWSManagedPolicy`)' : ''
    }`,
    command: evidenceCommand('managed-policy-version', { arn: p.subject }),
    evidence: null,
  }),
  'managed-policy-version-missing': (p) => ({
    message: `the default version of managed policy \`${p.subject}\` is not in the ${DETAILS} given: it is left out`,
    command: evidenceCommand('managed-policy-version', { arn: p.subject }),
    evidence: null,
  }),
  'federated-user-issuer-unknown': (p) => ({
    message: `the IAM user who called \`GetFederationToken\` for \`${p.subject}\` is unknown, so the session's identity policies are unknown`,
    command: evidenceCommand('federation-token-calls'),
    evidence: null,
  }),
  'session-policy-unknown': (p) => ({
    message: `the session policy of \`${p.subject}\` is unknown; a federated user session without one is denied everything`,
    command: evidenceCommand('federation-token-calls'),
    evidence: null,
  }),
  'scps-unknown': (p) => ({
    message: `no organization snapshot: the service control policies of account \`${p.account}\` are unknown and left out`,
    command: orgCommand(p.account, 'SERVICE_CONTROL_POLICY'),
    evidence: 'organization',
  }),
  'rcps-unknown': (p) => ({
    message: `no organization snapshot: the resource control policies of account \`${p.account}\` are unknown and left out`,
    command: orgCommand(p.account, 'RESOURCE_CONTROL_POLICY'),
    evidence: 'organization',
  }),
  'org-account-not-listed': (p) => ({
    message: `account \`${p.account}\` is not in the \`targets\` of the organization snapshot, so its ${p.kind} are left out`,
    command: evidenceCommand('org-parents', { ...(p.account === undefined ? {} : { account: p.account }) }),
    evidence: 'organization',
  }),
  'resource-policy-missing': (p) => ({
    message: `the ${p.kind} of \`${p.subject}\` was not given: it is unknown and left out`,
    command: p.command ?? '',
    evidence: 'resource-policy',
  }),
  'trust-policy-missing': (p) => ({
    message: `role \`${p.subject}\` is not in the ${DETAILS} given: its trust policy is unknown`,
    command: evidenceCommand('role-trust-policy', { ...(p.name === undefined ? {} : { name: p.name }) }),
    evidence: 'resource-policy',
  }),
  'instance-profile-role-unknown': (p) => ({
    message: `instance profile \`${p.name}\` is not in the ${DETAILS} given, so the role it holds is unknown and assumed (a role of the same name, as the console makes them)`,
    command: evidenceCommand('instance-profile-role', { ...(p.name === undefined ? {} : { name: p.name }) }),
    evidence: null,
  }),
  'resource-account-unknown': (p) => ({
    message: `the account that owns \`${p.subject}\` is unknown; it is taken to be the caller's account \`${p.account}\``,
    command: evidenceCommand('bucket-owner', {
      ...(p.name === undefined ? {} : { name: p.name }),
      ...(p.account === undefined ? {} : { account: p.account }),
    }),
    evidence: null,
  }),
};

/**
 * The organization's policies of one type for an account: they are attached to the account and to
 * each of its parents, which the snapshot lists root first.
 */
function orgCommand(
  account: string | undefined,
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
): string {
  const at = account === undefined ? {} : { account };
  return `${evidenceCommand('org-policies-of-target', { ...at, policyType: type })}  # from the management account, for the account and each parent of: ${evidenceCommand('org-parents', at)}`;
}

/** Builds a missing-evidence entry from its code's template. */
export function missingEvidence(code: MissingEvidenceCode, params: Params): MissingEvidence {
  const { message, command, evidence } = TEMPLATES[code](params);
  return { code, message, command, evidence, subject: params.subject };
}
