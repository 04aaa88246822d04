import { useMemo } from 'preact/hooks';
import type { InputProblem } from '../analyze.js';
import { EXAMPLE_ERROR } from '../example.js';
import { failedEvents } from '../inputs.js';

interface ErrorInputProps {
  readonly errorText: string;
  /** The failed CloudTrail event picked, by position; `''` for the first. */
  readonly event: string;
  readonly decodedText: string;
  readonly problems: readonly InputProblem[];
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

/** The error as pasted (or a dropped CloudTrail record), and optionally the decoded message. */
export function ErrorInput(props: ErrorInputProps) {
  const problem = (input: string) => props.problems.find((p) => p.input === input)?.message;
  const errorProblem = problem('error');
  const decodedProblem = problem('decoded');
  const events = useMemo(() => failedEvents(props.errorText), [props.errorText]);
  return (
    <section class="panel" aria-labelledby="error-heading">
      <div class="panel-head">
        <h2 id="error-heading">The error</h2>
        <button type="button" class="link" onClick={() => props.onError(EXAMPLE_ERROR)}>
          load an example
        </button>
      </div>
      <label for="error-text" class="hint">
        Paste what AWS said (CLI, SDK, Terraform, CloudFormation, a raw error body), or drop a CloudTrail
        record
      </label>
      <textarea
        id="error-text"
        rows={7}
        spellcheck={false}
        value={props.errorText}
        placeholder="An error occurred (AccessDenied) when calling the … operation: User: arn:aws:… is not authorized to perform: …"
        aria-invalid={errorProblem !== undefined}
        onInput={(e) => props.onError(e.currentTarget.value)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={async (e) => {
          const text = await droppedText(e);
          if (text !== null) props.onError(text);
        }}
      />
      {events.length < 2 ? null : (
        <p class="hint">
          <label for="event-select">Failed event to diagnose </label>
          <select
            id="event-select"
            value={props.event === '' ? '1' : props.event}
            onChange={(e) => props.onEvent(e.currentTarget.value)}
          >
            {events.map((e) => (
              <option key={e.position} value={e.position}>
                {e.label}
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
        <label for="decoded-text" class="hint">
          The output of <code>aws sts decode-authorization-message</code>: it names the exact check that
          failed
        </label>
        <textarea
          id="decoded-text"
          rows={4}
          spellcheck={false}
          value={props.decodedText}
          aria-invalid={decodedProblem !== undefined}
          onInput={(e) => props.onDecoded(e.currentTarget.value)}
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
