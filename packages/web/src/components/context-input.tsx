import { RedactedField } from './redacted-field.js';
import type { RedactedInputs } from './redacted-inputs.js';
import { RevealButton, useReveal } from './reveal.js';

interface ContextInputProps {
  /** `KEY=VALUE` lines, as typed. */
  readonly text: string;
  /** What the diagnosis read when redaction is on; `null` when it is off. */
  readonly redacted: RedactedInputs | null;
  onText(text: string): void;
}

/** The request context the user knows (`KEY=VALUE` lines, like `--context`), redacted like the error. */
export function ContextInput({ text, redacted, onText }: ContextInputProps) {
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
    </section>
  );
}
