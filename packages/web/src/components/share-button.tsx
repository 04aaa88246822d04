import {
  type ContextValue,
  type Diagnosis,
  type Evidence,
  type RedactionMap,
  type Result,
  type SharedCase,
  sharedCase,
} from '@whydenied/core';
import { useState } from 'preact/hooks';
import { CopyButton } from './copy-button.js';
import { Prose } from './prose.js';

interface ShareProps {
  readonly diagnosis: Diagnosis;
  readonly evidence: Evidence | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly redaction: RedactionMap | null;
}

/** Saves a file through the browser, from memory: nothing is sent anywhere. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Share": a redacted `simulate` case file of the deciding check, to download or copy. */
export function ShareButton(props: ShareProps) {
  const [result, setResult] = useState<Result<SharedCase> | null>(null);
  return (
    <section class="share" aria-label="share">
      <button
        type="button"
        id="share"
        onClick={() => {
          const made = sharedCase(props.diagnosis, props.evidence, props.context, props.redaction);
          setResult(made);
          if (made.ok) download('whydenied-case.json', made.value.text);
        }}
      >
        Share a redacted case
      </button>
      {result === null ? null : result.ok ? (
        <details class="case" open>
          <summary>
            <code>whydenied-case.json</code> ({result.value.replaced} values redacted): run it with{' '}
            <code>whydenied simulate --case whydenied-case.json</code>
          </summary>
          <CopyButton text={result.value.text} label="copy the case file" />
          <pre id="share-case">{result.value.text}</pre>
        </details>
      ) : (
        <p class="problem">
          no case to share: <Prose text={result.diagnostics[0]?.message ?? 'the case could not be made'} />
        </p>
      )}
    </section>
  );
}
