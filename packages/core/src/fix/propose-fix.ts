import { createTwoFilesPatch } from 'diff';
import type { Result } from '../diagnostics/result.js';
import type { PolicySetInput } from '../engine/compile-policy-set.js';
import type { AuthorizationRequest } from '../engine/request.js';
import { applyCommand } from './apply-command.js';
import {
  addStatement,
  type EditableDocument,
  exemptPrincipal,
  extendCondition,
  freshSid,
  toEditable,
} from './edit-document.js';
import type { FixProposal, FixTarget } from './fix-model.js';
import { groupRequests, narrowStatement } from './narrow-statement.js';
import { replacePolicy } from './replace-policy.js';
import { verifyFix } from './verify-fix.js';

/** How a fix changes its target. */
export type FixChange =
  /** Add the narrowest Allow for the checks (missing allows: identity, boundary, resource, trust, SCP). */
  | {
      readonly type: 'allow';
      readonly principal?: string;
      /** Further condition keys to pin to the value the check sent (those a near-miss statement restricts). */
      readonly pin?: readonly string[];
      /** Leave `Resource` out: a role trust policy may not have one. */
      readonly noResource?: boolean;
      /** Write `"Resource": "*"`: a key policy governs only its own key, and AWS writes it that way. */
      readonly resourceStar?: boolean;
    }
  /** Exempt the caller from a Deny statement (an explicit deny: a proposal for its owner to decide). */
  | { readonly type: 'exempt'; readonly statementIndex: number; readonly principal: string }
  /**
   * Add the value the call sent to one condition of a statement: an Allow's `StringEquals` list that
   * missed it, or a Deny's `StringNotEquals` list of exceptions (a proposal for its owner to decide).
   */
  | {
      readonly type: 'extend';
      readonly statementIndex: number;
      readonly operator: string;
      readonly key: string;
      readonly value: string;
      /** The statement is a Deny: the change lets the value through for everyone it governs. */
      readonly deny: boolean;
    };

/** Why {@link proposeFix} shows no fix, keyed by diagnostic code. */
const REFUSALS = {
  'fix-document-unreadable': (name: string) => `the current document of \`${name}\` cannot be read`,
  'fix-statement-not-deny': () => 'the statement to change is not a Deny of this document',
  'fix-still-denied': () => 'with this change the request is still denied (another layer denies it too)',
  'fix-widens': (widened: readonly string[]) => `the change would also allow ${widened.join(', ')}`,
} as const;

function refuse(code: keyof typeof REFUSALS, message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, path: '' }] };
}

/**
 * Builds the complete new document for `target` that makes every denied request allowed, and shows it
 * only when the engine confirms it: the requests are allowed with it, and no nearby request (sibling
 * resource, other action, other caller, other pinned condition value) becomes allowed that was not.
 * Otherwise the diagnostic says why no fix is shown.
 */
export function proposeFix(
  set: PolicySetInput,
  target: FixTarget,
  requests: readonly AuthorizationRequest[],
  change: FixChange,
): Result<FixProposal> {
  const current = toEditable(target.document);
  if (current === null) {
    return refuse('fix-document-unreadable', REFUSALS['fix-document-unreadable'](target.setName));
  }
  const edited = applyChange(current, requests, change);
  if (edited === null) {
    return refuse('fix-statement-not-deny', REFUSALS['fix-statement-not-deny']());
  }
  const { document, statement } = edited;
  const verification = verifyFix(
    set,
    replacePolicy(set, target, document),
    requests,
    target.layer,
    target.kind === 'key-policy',
  );
  if (!verification.allowsChecks) {
    return refuse('fix-still-denied', REFUSALS['fix-still-denied']());
  }
  // an added allow must grant nothing beyond the checks; an exemption from a Deny is a proposal for the
  // policy's owner, shown with what else it would let through
  if (verification.widened.length > 0 && !isProposalChange(change)) {
    return refuse('fix-widens', REFUSALS['fix-widens'](verification.widened));
  }
  const before = target.document === null || target.document === undefined ? '' : pretty(current);
  return {
    ok: true,
    value: {
      layer: target.layer,
      target: target.target,
      owner: target.owner,
      kind: target.kind,
      policyName: target.policyName,
      document,
      diff: createTwoFilesPatch(
        `${target.policyName} (current)`,
        `${target.policyName} (fixed)`,
        before,
        pretty(document),
      ),
      command: applyCommand(target),
      statement,
      verification,
      proposal: target.owner !== 'account' || isProposalChange(change),
    },
  };
}

/** A change that lets more through than the checks by design: the policy owner's decision. */
export function isProposalChange(change: FixChange): boolean {
  return change.type === 'exempt' || (change.type === 'extend' && change.deny);
}

/** Applies a change to a document: the added narrowest allow, or the exemption from a Deny. */
export function applyChange(
  current: EditableDocument,
  requests: readonly AuthorizationRequest[],
  change: FixChange,
): { document: EditableDocument; statement: Record<string, unknown> } | null {
  if (change.type === 'extend') {
    const document = extendCondition(
      current,
      change.statementIndex,
      change.operator,
      change.key,
      change.value,
    );
    const statement = document?.Statement[change.statementIndex];
    return document === null || statement === undefined ? null : { document, statement };
  }
  if (change.type === 'exempt') {
    const actions = [...new Set(requests.map((r) => r.action))];
    const document = exemptPrincipal(current, change.statementIndex, change.principal, actions);
    const statement = document?.Statement[change.statementIndex];
    return document === null || statement === undefined ? null : { document, statement };
  }
  let document = current;
  let last: Record<string, unknown> = {};
  const options = {
    pin: change.pin ?? [],
    resource:
      change.noResource === true ? (false as const) : change.resourceStar === true ? ('*' as const) : true,
  };
  for (const group of groupRequests(requests, options.pin)) {
    const sid = freshSid(document, `WhydeniedAllow${sidWord(group[0]?.action ?? '')}`);
    const principal = change.principal === undefined ? undefined : { AWS: change.principal };
    last = narrowStatement(group, sid, principal, options);
    const merged = mergeIntoAdded(document, last);
    document = merged?.document ?? addStatement(document, last);
    last = merged?.statement ?? last;
  }
  return { document, statement: last };
}

/**
 * Adds the new statement's resources to a statement whyDenied added earlier with the same effect,
 * action, principal and condition (one finding at a time, RunInstances' resources would otherwise
 * each get a statement); `null` when there is none.
 */
function mergeIntoAdded(
  document: EditableDocument,
  statement: Record<string, unknown>,
): { document: EditableDocument; statement: Record<string, unknown> } | null {
  const same = (a: Record<string, unknown>) =>
    typeof a.Sid === 'string' &&
    a.Sid.startsWith('WhydeniedAllow') &&
    a.Resource !== undefined &&
    statement.Resource !== undefined &&
    ['Effect', 'Action', 'Principal', 'Condition'].every(
      (k) => JSON.stringify(a[k]) === JSON.stringify(statement[k]),
    );
  const index = document.Statement.findIndex(same);
  const existing = document.Statement[index];
  if (existing === undefined) return null;
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : [v]);
  const resources = [...new Set([...list(existing.Resource), ...list(statement.Resource)])];
  const merged = { ...existing, Resource: resources.length === 1 ? resources[0] : resources };
  return {
    document: { ...document, Statement: document.Statement.map((s, i) => (i === index ? merged : s)) },
    statement: merged,
  };
}

/** `iam:PassRole` → `PassRole`: a Sid is alphanumeric. */
function sidWord(action: string): string {
  return action.slice(action.indexOf(':') + 1).replace(/[^A-Za-z0-9]/g, '');
}

/** A document as the diff and the apply command's file show it. */
export function pretty(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
