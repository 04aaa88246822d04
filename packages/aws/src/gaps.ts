import { readError } from '@whydenied/core/errors';
import type { OperationName } from './operations.js';
import type { CallResult } from './session.js';

/**
 * What live mode could not read, and why: every AccessDenied met while collecting is itself read as
 * an AWS error (which layer AWS blamed, explicit or implicit) and listed with the permission it
 * needs, never a crash and never a silent gap.
 */
export interface LiveGap {
  /** The IAM action the call needed (`iam:GetRole`). */
  readonly action: OperationName;
  /** What was being read: a role name, a policy ARN, a target id, a resource ARN. */
  readonly subject: string;
  readonly outcome: 'denied' | 'not-found' | 'error';
  /** The error code AWS answered. */
  readonly code: string;
  /** AWS's message, as given. */
  readonly message: string;
  /** For a denial whose message says so: the layer AWS blamed and whether the deny was explicit. */
  readonly reasonLayer: string | null;
  readonly denyType: 'explicit' | 'implicit' | null;
}

/** The gap a failed call leaves. */
export function gapOf(action: OperationName, subject: string, result: CallResult<unknown>): LiveGap {
  if (result.ok) throw new Error('gapOf takes a failed call');
  let reasonLayer: string | null = null;
  let denyType: 'explicit' | 'implicit' | null = null;
  if (result.outcome === 'denied') {
    const read = readError(`${result.code}: ${result.message}`);
    if (read.ok) {
      reasonLayer = read.value.failure.reasonLayer;
      denyType = read.value.failure.denyType;
    }
  }
  return {
    action,
    subject,
    outcome: result.outcome,
    code: result.code,
    message: result.message,
    reasonLayer,
    denyType,
  };
}
