import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the originals behind the redaction are shown: only once the user asks, and forgotten when
 * redaction is turned off, so that turning it on again hides them.
 */
export function useReveal(redacting: boolean): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!redacting) setShown(false);
  }, [redacting]);
  return [shown, setShown];
}

/** Whether a field has the keyboard focus: what is being typed stays visible while it is typed. */
export function useFocused(): [boolean, { onFocus(): void; onBlur(): void }] {
  const [focused, setFocused] = useState(false);
  return [focused, { onFocus: () => setFocused(true), onBlur: () => setFocused(false) }];
}

interface RevealButtonProps {
  readonly shown: boolean;
  /** What it shows, as in "show the …". */
  readonly what: string;
  /** The id of the element it shows and hides, when it is one element. */
  readonly controls?: string;
  onToggle(shown: boolean): void;
}

/** "show the …" / "hide the …": the one way to see what redaction hides. */
export function RevealButton({ shown, what, controls, onToggle }: RevealButtonProps) {
  return (
    <button
      type="button"
      class="link reveal"
      aria-expanded={controls === undefined ? undefined : shown}
      aria-controls={controls}
      onClick={() => onToggle(!shown)}
    >
      {shown ? 'hide' : 'show'} the {what}
    </button>
  );
}
