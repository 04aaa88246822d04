// The policy editor, loaded on demand: CodeMirror 6 with JSON, the core's lint findings inline, and
// the editor's own JSON positions (line:column) in the status line.
import { json } from '@codemirror/lang-json';
import { type Diagnostic as EditorDiagnostic, linter, lintGutter } from '@codemirror/lint';
import { Compartment, type Extension } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { type Diagnostic, lintPolicyText } from '@whydenied/core';
import { basicSetup, EditorView } from 'codemirror';
import { pageCatalog, serviceDataAvailable } from '../catalog.js';

/** What the page needs of a mounted editor. */
export interface MountedEditor {
  /** Replaces the whole document. */
  setText(text: string): void;
  destroy(): void;
}

/**
 * What the editor reports back: the text on every change, the cursor's line and column, the findings
 * (and whether the service data was there to check action and service names against).
 */
export interface EditorCallbacks {
  onText(text: string): void;
  onCursor(line: number, column: number): void;
  onFindings(findings: readonly Diagnostic[], serviceData: boolean): void;
}

/**
 * The findings that only mean something with the service data: without it every service reads as
 * unknown. (`unknown-action` and the other catalog rules already stay silent on an unknown service.)
 */
const NEEDS_SERVICE_DATA = new Set(['unknown-service']);

/** The findings to show: without the service data, those that would wrongly call every name unknown go. */
export function shownFindings(findings: readonly Diagnostic[], serviceData: boolean): Diagnostic[] {
  return serviceData ? [...findings] : findings.filter((d) => !NEEDS_SERVICE_DATA.has(d.code));
}

/** The core's diagnostics as CodeMirror's, at the span's offsets (clamped to the document). */
export function toEditorDiagnostics(findings: readonly Diagnostic[], length: number): EditorDiagnostic[] {
  return findings.map((d) => {
    const from = Math.min(d.span?.start.offset ?? 0, length);
    const to = Math.min(Math.max(d.span?.end.offset ?? from, from + 1), length);
    return {
      from,
      to: Math.max(to, from),
      severity: d.severity,
      source: d.code,
      message: d.help === undefined ? d.message : `${d.message}: ${d.help}`,
    };
  });
}

/** Mounts the editor in `parent`. */
export function mountEditor(parent: HTMLElement, text: string, callbacks: EditorCallbacks): MountedEditor {
  const theme = new Compartment();
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const themeFor = (isDark: boolean): Extension => (isDark ? oneDark : []);
  const policyLinter = linter(
    async (view) => {
      const source = view.state.doc.toString();
      if (source.trim() === '') {
        callbacks.onFindings([], serviceDataAvailable());
        return [];
      }
      const result = await lintPolicyText(source, pageCatalog());
      const serviceData = serviceDataAvailable();
      const findings = shownFindings(result.ok ? result.value.findings : result.diagnostics, serviceData);
      callbacks.onFindings(findings, serviceData);
      return toEditorDiagnostics(findings, view.state.doc.length);
    },
    { delay: 250 },
  );
  const view = new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      policyLinter,
      theme.of(themeFor(dark.matches)),
      EditorView.contentAttributes.of({ 'aria-label': 'policy editor' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) callbacks.onText(update.state.doc.toString());
        if (update.docChanged || update.selectionSet) {
          const head = update.state.selection.main.head;
          const line = update.state.doc.lineAt(head);
          callbacks.onCursor(line.number, head - line.from + 1);
        }
      }),
    ],
  });
  const onScheme = (e: MediaQueryListEvent) =>
    view.dispatch({ effects: theme.reconfigure(themeFor(e.matches)) });
  dark.addEventListener('change', onScheme);
  return {
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    destroy() {
      dark.removeEventListener('change', onScheme);
      view.destroy();
    },
  };
}
