import type { ComponentChildren } from 'preact';
import { useFocused } from './reveal.js';

interface RedactedFieldProps {
  /** The id of the text area where the original is edited; the redacted view's is `<id>-redacted`. */
  readonly id: string;
  /** The label of the original's text area. */
  readonly label: ComponentChildren;
  /** The label of the redacted view. */
  readonly redactedLabel: string;
  readonly rows: number;
  readonly value: string;
  /**
   * `undefined` when redaction is off; else the text the diagnosis read, with stand-ins (`null` while
   * it is not there yet, or never is).
   */
  readonly redacted: string | null | undefined;
  /** The user asked to see the originals. */
  readonly revealed: boolean;
  readonly placeholder?: string;
  readonly invalid?: boolean;
  onValue(text: string): void;
  onDrop?(event: DragEvent): void;
}

/**
 * A text area of an input that redaction covers: the original to edit, or while redaction is on, the
 * redacted text the diagnosis read, read-only. The original shows only when asked for, while the
 * field is empty (there is nothing to hide) or while the user is typing into it.
 */
export function RedactedField(props: RedactedFieldProps) {
  const [focused, focus] = useFocused();
  const drop =
    props.onDrop === undefined
      ? {}
      : { onDragOver: (e: DragEvent) => e.preventDefault(), onDrop: props.onDrop };
  const original = props.redacted === undefined || props.revealed || focused || props.value === '';
  if (original) {
    return (
      <>
        <label for={props.id} class="hint">
          {props.label}
        </label>
        <textarea
          id={props.id}
          rows={props.rows}
          spellcheck={false}
          value={props.value}
          placeholder={props.placeholder}
          aria-invalid={props.invalid}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          {...focus}
          {...drop}
        />
      </>
    );
  }
  const id = `${props.id}-redacted`;
  return (
    <>
      <label for={id} class="hint">
        {props.redactedLabel}
      </label>
      <textarea
        id={id}
        class="redacted"
        rows={props.rows}
        spellcheck={false}
        readOnly
        value={props.redacted ?? ''}
        placeholder="hidden while redaction is on"
        aria-invalid={props.invalid}
        {...drop}
      />
    </>
  );
}
