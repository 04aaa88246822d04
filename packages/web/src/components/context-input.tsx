import { RedactedField } from './redacted-field.js';
import type { RedactedInputs } from './redacted-inputs.js';
import { RevealButton, useReveal } from './reveal.js';

interface ContextInputProps {
  /** `KEY=VALUE` lines, as typed. */
  readonly text: string;
  /** What the diagnosis read when redaction is on; `null` when it is off. */
  readonly redacted: RedactedInputs | null;
  /** A problem with the lines, shown below them. */
  readonly problem?: string | undefined;
  onText(text: string): void;
}

/** The request context the user knows (`KEY=VALUE` lines, like `--context`), redacted like the error. */
export function ContextInput({ text, redacted, problem, onText }: ContextInputProps) {
  const [revealed, setRevealed] = useReveal(redacted !== null);
  return (
    <section class="panel" aria-labelledby="context-heading">
      <h2 id="context-heading">Request context (optional)</h2>
      <RedactedField
        id="context-text"
        label={
          <>
            <code>KEY=VALUE</code> per line, like <code>--context</code>; repeat a key for a multi-valued key
          </>
        }
        redactedLabel="The request context as the diagnosis read it, redacted"
        rows={2}
        value={text}
        redacted={redacted?.contextText}
        revealed={revealed}
        onValue={onText}
      />
      {redacted === null || text === '' ? null : (
        <p class="hint redacted-note">
          <RevealButton shown={revealed} what="original context" onToggle={setRevealed} />
        </p>
      )}
      {problem === undefined ? null : (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/**
 * The failed call's parameters the user knows (`KEY=VALUE` lines, like `--param`: `subnetId=subnet-…`,
 * `iamInstanceProfile.name=…`), so that its checks name the real resources; redacted like the error.
 */
export function ParametersInput({ text, redacted, problem, onText }: ContextInputProps) {
  const [revealed, setRevealed] = useReveal(redacted !== null);
  return (
    <section class="panel" aria-labelledby="parameters-heading">
      <h2 id="parameters-heading">Call parameters (optional)</h2>
      <RedactedField
        id="parameters-text"
        label={
          <>
            <code>KEY=VALUE</code> per line, like <code>--param</code>: <code>subnetId=subnet-0abc</code>,{' '}
            <code>iamInstanceProfile.name=web</code>; repeat a key for a list
          </>
        }
        redactedLabel="The call's parameters as the diagnosis read them, redacted"
        rows={2}
        value={text}
        redacted={redacted?.parametersText}
        revealed={revealed}
        onValue={onText}
      />
      {redacted === null || text === '' ? null : (
        <p class="hint redacted-note">
          <RevealButton shown={revealed} what="original parameters" onToggle={setRevealed} />
        </p>
      )}
      {problem === undefined ? null : (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
