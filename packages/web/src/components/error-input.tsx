import type { FailedEvent } from '@whydenied/core';
import type { InputProblem } from '../analyze.js';
import { EXAMPLE_ERROR } from '../example.js';
import { eventLabel } from '../inputs.js';
import { RedactedField } from './redacted-field.js';
import type { RedactedInputs } from './redacted-inputs.js';
import { RevealButton, useReveal } from './reveal.js';

interface ErrorInputProps {
  readonly errorText: string;
  /** The failed CloudTrail event picked, by position; `''` for the first. */
  readonly event: string;
  readonly decodedText: string;
  readonly problems: readonly InputProblem[];
  /** The failed events of a pasted CloudTrail file, to pick one; empty for other errors. */
  readonly events: readonly FailedEvent[];
  /** What the diagnosis read when redaction is on; `null` when it is off. */
  readonly redacted: RedactedInputs | null;
  onError(text: string): void;
  onEvent(position: string): void;
  onDecoded(text: string): void;
}

async function droppedText(event: DragEvent): Promise<string | null> {
  const file = event.dataTransfer?.files[0];
  if (file === undefined) return null;
  event.preventDefault();
  return file.text();
}

/**
 * The error as pasted (or a dropped CloudTrail record), and optionally the decoded message. With
 * redaction on, the error shows as the diagnosis read it, with stand-ins, and the decoded message is
 * hidden, until the user asks for the originals.
 */
export function ErrorInput(props: ErrorInputProps) {
  // an answer about the originals, while the redacted one is on its way, may quote them
  const problems = props.redacted?.pending ? [] : props.problems;
  const problem = (input: string) => problems.find((p) => p.input === input)?.message;
  const errorProblem = problem('error');
  const decodedProblem = problem('decoded');
  const redacting = props.redacted !== null;
  const [revealed, setRevealed] = useReveal(redacting);
  const hasOriginals = redacting && (props.errorText !== '' || props.decodedText !== '');
  const originals = [
    props.errorText === '' ? null : 'original error',
    props.decodedText === '' ? null : 'decoded message',
  ].filter((what) => what !== null);
  return (
    <section class="panel" aria-labelledby="error-heading">
      <div class="panel-head">
        <h2 id="error-heading">The error</h2>
        <button type="button" class="link" onClick={() => props.onError(EXAMPLE_ERROR)}>
          load an example
        </button>
      </div>
      <RedactedField
        id="error-text"
        label="Paste what AWS said (CLI, SDK, Terraform, CloudFormation, a raw error body), or drop a CloudTrail record"
        redactedLabel="The error as the diagnosis read it: redaction replaced what identifies you"
        rows={7}
        value={props.errorText}
        redacted={props.redacted?.errorText}
        revealed={revealed}
        placeholder="An error occurred (AccessDenied) when calling the … operation: User: arn:aws:… is not authorized to perform: …"
        invalid={errorProblem !== undefined}
        onValue={props.onError}
        onDrop={async (e) => {
          const text = await droppedText(e);
          if (text !== null) props.onError(text);
        }}
      />
      {hasOriginals ? (
        <p class="hint redacted-note">
          {revealed ? 'The original, as you gave it.' : 'Redaction is on: the page shows only stand-ins.'}{' '}
          <RevealButton shown={revealed} what={originals.join(' and the ')} onToggle={setRevealed} />
        </p>
      ) : null}
      {props.events.length < 2 ? null : (
        <p class="hint">
          <label for="event-select">Failed event to diagnose </label>
          <select
            id="event-select"
            value={props.event === '' ? '1' : props.event}
            onChange={(e) => props.onEvent(e.currentTarget.value)}
          >
            {props.events.map((e) => (
              <option key={e.position} value={e.position}>
                {eventLabel(e)}
              </option>
            ))}
          </select>
        </p>
      )}
      {errorProblem === undefined ? null : (
        <p class="problem" role="alert">
          {errorProblem}
        </p>
      )}
      <details open={props.decodedText !== ''}>
        <summary>Decoded authorization message (optional)</summary>
        <RedactedField
          id="decoded-text"
          label={
            <>
              The output of <code>aws sts decode-authorization-message</code>: it names the exact check that
              failed
            </>
          }
          redactedLabel="The decoded message is hidden while redaction is on; the diagnosis reads it redacted"
          rows={4}
          value={props.decodedText}
          redacted={redacting ? null : undefined}
          revealed={revealed}
          invalid={decodedProblem !== undefined}
          onValue={props.onDecoded}
        />
        {decodedProblem === undefined ? null : (
          <p class="problem" role="alert">
            {decodedProblem}
          </p>
        )}
      </details>
    </section>
  );
}
