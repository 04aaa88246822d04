import type { PolicyLayer } from '@whydenied/core';
import type { TrailFilterOptions } from '@whydenied/core/trail';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { openedFromDisk } from './catalog.js';
import { AccessPanel } from './components/access-panel.js';
import { ContextInput, ParametersInput } from './components/context-input.js';
import { DiagnosisView } from './components/diagnosis-view.js';
import { ErrorInput } from './components/error-input.js';
import { EvidenceDrop } from './components/evidence-drop.js';
import { type EditorDocument, PolicyEditor } from './components/policy-editor.js';
import { redactedInputs } from './components/redacted-inputs.js';
import { RedactionMapView, RedactionToggle } from './components/redaction-panel.js';
import { ShareButton } from './components/share-button.js';
import { SimulatePanel } from './components/simulate-panel.js';
import { type TrailState, TrailView } from './components/trail-view.js';
import { classify, type EvidenceFile, type PageInputs } from './inputs.js';
import { isTrailFile } from './trail/scan-files.js';
import { type RunningTrailScan, startTrailScan } from './trail/start-scan.js';
import { useAnalysis } from './use-analysis.js';

const STARTER_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
    }
  ]
}
`;

let nextId = 1;

/** The page: inputs on one side, the diagnosis on the other, the policy editor and simulator below. */
export function App() {
  const [inputs, setInputs] = useState<PageInputs>({
    errorText: '',
    decodedText: '',
    files: [],
    contextText: '',
    parametersText: '',
    redactOn: false,
    event: '',
  });
  const { analysis, busy } = useAnalysis(inputs);
  const [editorOpen, setEditorOpen] = useState(false);
  const [editorDoc, setEditorDoc] = useState<EditorDocument>({
    name: 'policy',
    text: STARTER_POLICY,
    version: 0,
  });
  const [editorText, setEditorText] = useState(STARTER_POLICY);
  const [editorLayer, setEditorLayer] = useState<PolicyLayer | null>(null);
  const update = (patch: Partial<PageInputs>) => setInputs((old) => ({ ...old, ...patch }));

  const addFiles = useCallback((entries: readonly { name: string; text: string }[]) => {
    setInputs((old) => {
      let next = old;
      const files: EvidenceFile[] = [];
      for (const entry of entries) {
        const kind = classify(entry.text);
        if (kind === 'error') next = { ...next, errorText: entry.text, event: '' };
        else if (kind === 'decoded') next = { ...next, decodedText: entry.text };
        else files.push({ id: nextId++, name: entry.name, text: entry.text, kind, arn: '' });
      }
      return { ...next, files: [...next.files, ...files] };
    });
  }, []);

  const [trail, setTrail] = useState<TrailState | null>(null);
  const [trailFilter, setTrailFilter] = useState<TrailFilterOptions>({});
  const running = useRef<RunningTrailScan | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  /** Reads the logs with the filter, replacing any reading under way (a newer drop, or new filters). */
  const scanLogs = useCallback(async (logs: readonly File[], filter: TrailFilterOptions) => {
    running.current?.cancel();
    const total = logs.reduce((n, f) => n + f.size, 0);
    setTrail({ status: 'reading', logs, read: 0, total });
    const scan = startTrailScan(logs, filter, (read, size) =>
      setTrail((old) => (old?.status === 'reading' ? { ...old, read, total: size } : old)),
    );
    running.current = scan;
    const outcome = await scan.outcome;
    if (running.current !== scan) return;
    running.current = null;
    setTrail(
      outcome.ok
        ? { status: 'done', logs, result: outcome.value }
        : { status: 'failed', logs, message: outcome.message },
    );
  }, []);

  /** CloudTrail logs (by content) are read as a stream in a worker; the other files as evidence. */
  const addDropped = useCallback(
    async (dropped: readonly File[]) => {
      const trails = await Promise.all(dropped.map((f) => isTrailFile(f).catch(() => false)));
      const logs = dropped.filter((_, i) => trails[i]);
      const others = dropped.filter((_, i) => !trails[i]);
      if (others.length > 0) {
        addFiles(await Promise.all(others.map(async (f) => ({ name: f.name, text: await f.text() }))));
      }
      if (logs.length > 0) await scanLogs(logs, trailFilter);
    },
    [addFiles, scanLogs, trailFilter],
  );

  const openInEditor = (name: string, text: string, layer: PolicyLayer | null = null) => {
    setEditorDoc((old) => ({ name, text, version: old.version + 1 }));
    setEditorText(text);
    setEditorLayer(layer);
    setEditorOpen(true);
    requestAnimationFrame(() => document.getElementById('editor-heading')?.scrollIntoView());
  };

  const redacted = redactedInputs(inputs.redactOn, analysis);
  const d = redacted?.pending ? null : analysis.diagnosis;
  return (
    <>
      <header class="top">
        <h1>
          whydenied <span class="tagline">why AWS said no, and the smallest safe fix</span>
        </h1>
        <div class="top-actions">
          <RedactionToggle on={inputs.redactOn} onToggle={(redactOn) => update({ redactOn })} />
          {d === null ? null : (
            <ShareButton
              diagnosis={d}
              evidence={analysis.evidence}
              context={analysis.context}
              redaction={analysis.redaction}
            />
          )}
        </div>
      </header>
      <p class="privacy">Everything runs in this page: nothing you paste or drop leaves your browser.</p>
      {openedFromDisk() ? (
        <p class="note warn" id="offline-note">
          Opened from disk: AWS's service data is not available here, so operations outside the built-in table
          are not refined and the policy editor does not check action and service names. The diagnosis, fixes,
          redaction and simulation work as usual.
        </p>
      ) : null}
      <main class="layout">
        <div class="inputs">
          <ErrorInput
            errorText={inputs.errorText}
            event={inputs.event}
            decodedText={inputs.decodedText}
            problems={analysis.problems}
            events={analysis.failedEvents}
            redacted={redacted}
            onError={(errorText) => update({ errorText, event: '' })}
            onEvent={(event) => update({ event })}
            onDecoded={(decodedText) => update({ decodedText })}
          />
          <EvidenceDrop
            files={inputs.files}
            problems={analysis.problems}
            redacted={redacted}
            onAdd={addFiles}
            onFiles={(dropped) => void addDropped(dropped)}
            onChange={(file) => update({ files: inputs.files.map((f) => (f.id === file.id ? file : f)) })}
            onRemove={(id) => update({ files: inputs.files.filter((f) => f.id !== id) })}
          />
          <ContextInput
            text={inputs.contextText}
            redacted={redacted}
            problem={analysis.problems.find((p) => p.input === 'context')?.message}
            onText={(contextText) => update({ contextText })}
          />
          <ParametersInput
            text={inputs.parametersText}
            redacted={redacted}
            problem={analysis.problems.find((p) => p.input === 'parameters')?.message}
            onText={(parametersText) => update({ parametersText })}
          />
        </div>
        <div class="results" aria-live="polite" aria-busy={busy} id="results">
          {analysis.redaction === null ? null : <RedactionMapView map={analysis.redaction} />}
          {d === null ? (
            <p class="empty">{busy ? 'Reading…' : 'Paste an error to see why AWS denied it.'}</p>
          ) : (
            <DiagnosisView diagnosis={d} onEdit={openInEditor} />
          )}
        </div>
      </main>
      <AccessPanel inputs={inputs} evidence={redacted?.pending ? null : analysis.evidence} />
      {trail === null ? null : (
        <TrailView
          trail={trail}
          inputs={inputs}
          filter={trailFilter}
          onFilter={(filter) => {
            setTrailFilter(filter);
            void scanLogs(trail.logs, filter);
          }}
          onEdit={openInEditor}
          onClose={() => {
            running.current?.cancel();
            running.current = null;
            setTrail(null);
          }}
        />
      )}
      <section class="workbench" aria-labelledby="editor-heading">
        <div class="panel-head">
          <h2 id="editor-heading">Policy editor</h2>
          {editorOpen ? null : (
            <button type="button" id="open-editor" onClick={() => setEditorOpen(true)}>
              Open the policy editor
            </button>
          )}
        </div>
        {editorOpen ? (
          <div class="workbench-body">
            <PolicyEditor document={editorDoc} onText={setEditorText} />
            <SimulatePanel
              policyText={editorText}
              policyName={editorDoc.name}
              layer={editorLayer}
              diagnosis={d}
              evidence={analysis.evidence}
            />
          </div>
        ) : (
          <p class="hint">Edit a policy with lint findings inline, and simulate a request against it.</p>
        )}
      </section>
      <footer class="foot">
        {openedFromDisk() ? (
          'whydenied runs offline in this page, a saved copy opened from disk.'
        ) : (
          <>
            whydenied runs offline in this page; service data loads from this site's own files.{' '}
            <a href="offline.html" download="whydenied.html" id="save-offline">
              Save for offline use
            </a>{' '}
            (one HTML file that opens from disk, without the service data).
          </>
        )}
      </footer>
    </>
  );
}
