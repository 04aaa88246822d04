import { type FailedEvent, type InputKind, recognizeInput } from '@whydenied/core';

/**
 * What a dropped or pasted file is taken for: a kind core reads, `ignored` (the user set it aside), or
 * `null` when core does not recognise it (it says so beside the file).
 */
export type FileKind = InputKind | 'ignored' | null;

/** One evidence file the user dropped or pasted. */
export interface EvidenceFile {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly kind: FileKind;
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
  /** The failed call's parameters as `KEY=VALUE` lines (dotted keys nest), like `--param`. */
  readonly parametersText: string;
  readonly redactOn: boolean;
  /** Which failed event of a CloudTrail file to diagnose, by 1-based position; `''` for the first. */
  readonly event: string;
}

/** What a dropped file holds, as core recognises it from its content. */
export function classify(text: string): FileKind {
  return recognizeInput(text);
}

/** How the picker names a failed CloudTrail event. */
export function eventLabel(event: FailedEvent): string {
  return `${event.position}. ${event.eventName ?? 'event'}: ${event.errorCode}${event.requestId === null ? '' : ` (${event.requestId})`}`;
}
