import type { ComponentChildren } from 'preact';
import { RedactedField } from './redacted-field.js';
import type { RedactedInputs } from './redacted-inputs.js';
import { RevealButton, useReveal } from './reveal.js';

interface PairsInputProps {
  /** `KEY=VALUE` lines, as typed. */
  readonly text: string;
  /** What the diagnosis read when redaction is on; `null` when it is off. */
  readonly redacted: RedactedInputs | null;
  /** A problem with the lines, shown below them. */
  readonly problem?: string | undefined;
  onText(text: string): void;
}

/** One field of `KEY=VALUE` lines: what it is called and says, and which redacted text it shows. */
interface PairsField {
  readonly id: string;
  readonly heading: string;
  readonly label: ComponentChildren;
  readonly redactedLabel: string;
  /** What the reveal button shows: `original context`. */
  readonly what: string;
  readonly redactedText: (redacted: RedactedInputs) => string | null;
}

/** A field of `KEY=VALUE` lines, redacted like the error, with its problem below it. */
function PairsInput({
  field,
  text,
  redacted,
  problem,
  onText,
}: PairsInputProps & { readonly field: PairsField }) {
  const [revealed, setRevealed] = useReveal(redacted !== null);
  return (
    <section class="panel" aria-labelledby={`${field.id}-heading`}>
      <h2 id={`${field.id}-heading`}>{field.heading}</h2>
      <RedactedField
        id={`${field.id}-text`}
        label={field.label}
        redactedLabel={field.redactedLabel}
        rows={2}
        value={text}
        redacted={redacted === null ? undefined : field.redactedText(redacted)}
        revealed={revealed}
        onValue={onText}
      />
      {redacted === null || text === '' ? null : (
        <p class="hint redacted-note">
          <RevealButton shown={revealed} what={field.what} onToggle={setRevealed} />
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

const CONTEXT: PairsField = {
  id: 'context',
  heading: 'Request context (optional)',
  label: (
    <>
      <code>KEY=VALUE</code> per line, like <code>--context</code>; repeat a key for a multi-valued key
    </>
  ),
  redactedLabel: 'The request context as the diagnosis read it, redacted',
  what: 'original context',
  redactedText: (r) => r.contextText,
};

const PARAMETERS: PairsField = {
  id: 'parameters',
  heading: 'Call parameters (optional)',
  label: (
    <>
      <code>KEY=VALUE</code> per line, like <code>--param</code>: <code>subnetId=subnet-0abc</code>,{' '}
      <code>iamInstanceProfile.name=web</code>; repeat a key for a list
    </>
  ),
  redactedLabel: "The call's parameters as the diagnosis read them, redacted",
  what: 'original parameters',
  redactedText: (r) => r.parametersText,
};

/** The request context the user knows (`KEY=VALUE` lines, like `--context`). */
export function ContextInput(props: PairsInputProps) {
  return <PairsInput field={CONTEXT} {...props} />;
}

/**
 * The failed call's parameters the user knows (`KEY=VALUE` lines, like `--param`), so that its checks
 * name the real subnet, image and groups.
 */
export function ParametersInput(props: PairsInputProps) {
  return <PairsInput field={PARAMETERS} {...props} />;
}
