import { type Diagnostic, formatLocation } from '@whydenied/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MountedEditor } from '../editor/codemirror.js';
import { Prose } from './prose.js';

/** The document in the editor; `version` changes when the page replaces it (open a fix, a policy). */
export interface EditorDocument {
  readonly name: string;
  readonly text: string;
  readonly version: number;
}

interface PolicyEditorProps {
  readonly document: EditorDocument;
  onText(text: string): void;
}

/** The policy editor (CodeMirror, loaded when first shown) with its lint findings listed below it. */
export function PolicyEditor({ document: doc, onText }: PolicyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<MountedEditor | null>(null);
  const latest = useRef(onText);
  latest.current = onText;
  const [cursor, setCursor] = useState('1:1');
  const [findings, setFindings] = useState<readonly Diagnostic[]>([]);
  const [serviceData, setServiceData] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('../editor/codemirror.js')
      .then(({ mountEditor }) => {
        if (cancelled || host.current === null) return;
        editor.current = mountEditor(host.current, doc.text, {
          onText: (text) => latest.current(text),
          onCursor: (line, column) => setCursor(`${line}:${column}`),
          onFindings: (list, available) => {
            setFindings(list);
            setServiceData(available);
          },
        });
      })
      .catch(() => setFailed('the editor could not be loaded'));
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    editor.current?.setText(doc.text);
  }, [doc.version]);

  return (
    <div class="editor-wrap">
      <div ref={host} class="editor" data-testid="policy-editor" />
      <p class="status" aria-live="polite">
        <span>
          <code>{doc.name}</code> · line:column <span class="cursor">{cursor}</span>
        </span>
        <span>
          {findings.length === 0
            ? 'no lint findings'
            : `${findings.length} lint finding${findings.length === 1 ? '' : 's'}`}
        </span>
      </p>
      {failed === null ? null : <p class="problem">{failed}</p>}
      {serviceData ? null : (
        <p class="note warn" id="service-data-note">
          Service data is unavailable (the page was opened from disk or is offline): action and service names
          are not checked against AWS's list.
        </p>
      )}
      {findings.length === 0 ? null : (
        <ul class="lint-findings" aria-label="lint findings">
          {findings.map((f) => (
            <li key={`${f.code} ${f.path} ${f.span?.start.offset ?? 0}`} class={`sev-${f.severity}`}>
              <span class="where">{formatLocation(f, { source: false })}</span> <strong>{f.severity}</strong>{' '}
              <code>{f.code}</code> <Prose text={f.message} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
