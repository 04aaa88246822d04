import { useState } from 'preact/hooks';
import type { InputProblem } from '../analyze.js';
import type { EvidenceFile, FileKind } from '../inputs.js';
import type { RedactedInputs } from './redacted-inputs.js';
import { RevealButton, useFocused, useReveal } from './reveal.js';

interface EvidenceDropProps {
  readonly files: readonly EvidenceFile[];
  readonly problems: readonly InputProblem[];
  /** What the diagnosis read when redaction is on (file names and ARNs then show only when asked for). */
  readonly redacted: RedactedInputs | null;
  /** Pasted text. */
  onAdd(entries: readonly { name: string; text: string }[]): void;
  /** Dropped or chosen files (CloudTrail logs among them are read as a stream, never as one text). */
  onFiles(files: readonly File[]): void;
  onChange(file: EvidenceFile): void;
  onRemove(id: number): void;
}

const KIND_LABEL: Readonly<Record<Exclude<FileKind, null>, string>> = {
  account: 'account authorization details',
  organization: 'organization snapshot',
  'resource-policy': 'resource policy',
  error: 'error (moved to the error box)',
  decoded: 'decoded message',
  ignored: 'ignored',
};

/** The kinds a file can be set to; `not recognised` stands for core's own reading of the content. */
const EVIDENCE_KINDS: readonly Exclude<FileKind, null>[] = [
  'account',
  'organization',
  'resource-policy',
  'ignored',
];
const NOT_RECOGNISED = 'not-recognised';

/** A resource policy's ARN; while redaction is on and it is not asked for, hidden unless being typed. */
function ArnInput({
  file,
  label,
  hidden,
  onArn,
}: {
  readonly file: EvidenceFile;
  readonly label: string;
  readonly hidden: boolean;
  onArn(arn: string): void;
}) {
  const [focused, focus] = useFocused();
  if (hidden && !focused && file.arn !== '') {
    return (
      <input
        type="text"
        class="arn"
        aria-label={`resource ARN of ${label}`}
        readOnly
        value=""
        placeholder="resource ARN hidden while redaction is on"
      />
    );
  }
  return (
    <input
      type="text"
      class="arn"
      aria-label={`resource ARN of ${label}`}
      placeholder="arn:aws:s3:::bucket"
      value={file.arn}
      onInput={(e) => onArn(e.currentTarget.value)}
      {...focus}
    />
  );
}

/** Drop or pick evidence files, or paste a policy; each is recognised by its shape and can be re-labelled. */
export function EvidenceDrop(props: EvidenceDropProps) {
  const [over, setOver] = useState(false);
  const [pasted, setPasted] = useState('');
  const redacting = props.redacted !== null;
  const [revealed, setRevealed] = useReveal(redacting);
  // a file's name often holds an account id or a bucket name: with redaction on, it is numbered instead
  const hidden = redacting && !revealed;
  // an answer about the originals, while the redacted one is on its way, may quote them
  const problems = props.redacted?.pending ? [] : props.problems;
  return (
    <section class="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence (optional)</h2>
      <label
        for="evidence-files"
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          props.onFiles([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        Drop <code>aws iam get-account-authorization-details</code> output, an organization snapshot, resource
        policies or CloudTrail logs (<code>.json</code>, <code>.json.gz</code>, any size) here, or{' '}
        <span class="file-button">choose files</span>
      </label>
      <input
        id="evidence-files"
        type="file"
        multiple
        accept=".json,.gz,.ndjson,.jsonl,application/json,application/gzip,text/plain"
        class="visually-hidden"
        onChange={(e) => {
          const input = e.currentTarget;
          props.onFiles([...(input.files ?? [])]);
          input.value = '';
        }}
      />
      <details>
        <summary>Paste a policy or evidence JSON</summary>
        <label for="evidence-paste" class="hint">
          A resource policy (then give its resource ARN), an account's authorization details, or an
          organization snapshot
        </label>
        <textarea
          id="evidence-paste"
          rows={5}
          spellcheck={false}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() => {
            props.onAdd([{ name: `pasted ${props.files.length + 1}`, text: pasted }]);
            setPasted('');
          }}
        >
          Add
        </button>
      </details>
      {props.files.length === 0 ? null : (
        <ul class="files" aria-label="evidence files">
          {props.files.map((file, i) => {
            const problem = problems.find((p) => p.input === String(file.id))?.message;
            const name = hidden ? `evidence file ${i + 1}` : file.name;
            return (
              <li key={file.id} class="file">
                <span class="file-name">{name}</span>
                <select
                  aria-label={`what ${name} holds`}
                  value={file.kind ?? NOT_RECOGNISED}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    props.onChange({ ...file, kind: value === NOT_RECOGNISED ? null : (value as FileKind) });
                  }}
                >
                  {file.kind === null ? <option value={NOT_RECOGNISED}>not recognised</option> : null}
                  {EVIDENCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
                {file.kind === 'resource-policy' ? (
                  <ArnInput
                    file={file}
                    label={name}
                    hidden={hidden}
                    onArn={(arn) => props.onChange({ ...file, arn })}
                  />
                ) : null}
                <button type="button" class="link" onClick={() => props.onRemove(file.id)}>
                  remove<span class="visually-hidden"> {name}</span>
                </button>
                {problem === undefined ? null : (
                  <p class="problem" role="alert">
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {redacting && props.files.length > 0 ? (
        <p class="hint redacted-note">
          <RevealButton shown={revealed} what="file names and resource ARNs" onToggle={setRevealed} />
        </p>
      ) : null}
    </section>
  );
}
