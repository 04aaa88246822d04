import { isJsonObject, parseJson, readCloudTrail } from '@whydenied/core';

/** What a dropped or pasted file holds, read from its shape. */
export type InputKind = 'account' | 'organization' | 'resource-policy' | 'error' | 'decoded' | 'unknown';

/** One evidence file the user dropped or pasted. */
export interface EvidenceFile {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly kind: InputKind;
  /** For a resource policy: the ARN of the resource it is attached to. */
  readonly arn: string;
}

/** Everything the page diagnoses from. */
export interface PageInputs {
  readonly errorText: string;
  readonly decodedText: string;
  readonly files: readonly EvidenceFile[];
  /** `KEY=VALUE` lines, like `--context`. */
  readonly contextText: string;
  readonly redactOn: boolean;
  /** Which failed event of a CloudTrail file to diagnose, by 1-based position; `''` for the first. */
  readonly event: string;
}

/** One failed event of a pasted CloudTrail file, as the page lists it. */
export interface FailedEvent {
  /** 1-based position among the failed events (denials first), as `--event` takes it. */
  readonly position: string;
  readonly label: string;
}

/** The failed events of a pasted CloudTrail file; empty for anything else. */
export function failedEvents(text: string): FailedEvent[] {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return [];
  const parsed = parseJson(trimmed);
  const trail = parsed.ok ? readCloudTrail(parsed.value) : null;
  return (trail?.failures ?? []).map((f, i) => ({
    position: String(i + 1),
    label: `${i + 1}. ${f.eventName ?? 'event'}: ${f.errorCode}${f.requestId === null ? '' : ` (${f.requestId})`}`,
  }));
}

/**
 * Classifies a file by its shape: an account's authorization details, an organization snapshot, a
 * policy document (a resource policy), a CloudTrail record or an error body, or a decoded message.
 */
export function classify(text: string): InputKind {
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return text.trim() === '' ? 'unknown' : 'error';
  const value = parsed.value;
  if (!isJsonObject(value)) return typeof value === 'string' ? 'decoded' : 'unknown';
  if (
    'UserDetailList' in value ||
    'RoleDetailList' in value ||
    'GroupDetailList' in value ||
    'Policies' in value
  ) {
    return 'account';
  }
  if ('targets' in value && 'policies' in value) return 'organization';
  if ('Statement' in value) return 'resource-policy';
  if ('Policy' in value && typeof value.Policy === 'string') return 'resource-policy';
  if ('DecodedMessage' in value || ('allowed' in value && 'context' in value)) return 'decoded';
  if ('Records' in value || 'eventName' in value || 'errorCode' in value) return 'error';
  return 'error';
}

/** Reads `KEY=VALUE` lines into context values; a key given on several lines becomes multi-valued. */
export function parseContextLines(text: string): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const at = line.indexOf('=');
    if (line === '' || at <= 0) continue;
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const existing = context[key];
    context[key] =
      existing === undefined ? value : [...(typeof existing === 'string' ? [existing] : existing), value];
  }
  return context;
}
