import type { PolicyLayer } from '@whydenied/core';
import type { TrailFilterOptions, TrailGroup } from '@whydenied/core/trail';
import { useEffect, useState } from 'preact/hooks';
import { analyzePage, EMPTY_ANALYSIS, type PageAnalysis } from '../analyze.js';
import type { PageInputs } from '../inputs.js';
import type { TrailScanResult } from '../trail/scan-files.js';
import { DiagnosisView } from './diagnosis-view.js';

/** A trail analysis on the page: reading (with progress), read, or a log that cannot be read. */
export type TrailState = { readonly logs: readonly File[] } & (
  | { readonly status: 'reading'; readonly read: number; readonly total: number }
  | { readonly status: 'done'; readonly result: TrailScanResult }
  | { readonly status: 'failed'; readonly message: string }
);

interface TrailViewProps {
  readonly trail: TrailState;
  /** The page's inputs: a group is diagnosed with the evidence and context given there. */
  readonly inputs: PageInputs;
  /** The filters the logs are read with (`trail`'s `--since` … `--event-source`). */
  readonly filter: TrailFilterOptions;
  /** New filters: the same logs are read again with them. */
  onFilter(filter: TrailFilterOptions): void;
  onEdit(name: string, text: string, layer: PolicyLayer): void;
  onClose(): void;
}

/** The filter fields, as `trail`'s options name them. */
const FILTER_FIELDS: readonly {
  readonly key: keyof TrailFilterOptions;
  readonly label: string;
  readonly placeholder: string;
}[] = [
  { key: 'since', label: 'since', placeholder: '2026-12-01 or 2026-12-01T08:00:00Z' },
  { key: 'until', label: 'until', placeholder: '2026-12-06' },
  { key: 'principal', label: 'principal', placeholder: 'arn:aws:iam::*:role/deploy-*' },
  { key: 'action', label: 'action', placeholder: 's3:Get*' },
  { key: 'account', label: 'account', placeholder: '111122223333' },
  { key: 'eventSource', label: 'event source', placeholder: 's3.amazonaws.com or s3' },
];

/** Groups shown at first, and added by each "show more", as `trail --top`'s default. */
const PAGE = 20;

/**
 * A count with thousands separators, as `trail` prints it (`1,896`); by hand, as the first
 * `Intl.NumberFormat` of a page loads its locale data (~75 ms on the main thread, measured).
 */
function count(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The grouped denials of dropped CloudTrail logs: the CLI's table, each group expandable to its diagnosis. */
export function TrailView({ trail, inputs, filter, onFilter, onEdit, onClose }: TrailViewProps) {
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  const names = trail.logs.map((f) => f.name).join(', ');
  return (
    <section class="trail panel" aria-labelledby="trail-heading" id="trail" data-status={trail.status}>
      <div class="panel-head">
        <h2 id="trail-heading">Denials in CloudTrail logs</h2>
        <button type="button" class="link" id="trail-close" onClick={onClose}>
          close
        </button>
      </div>
      <p class="hint trail-files">{names}</p>
      <TrailFilterForm filter={filter} onFilter={onFilter} />
      {trail.status === 'reading' ? (
        <p class="trail-progress">
          <progress
            id="trail-progress"
            aria-label="CloudTrail logs read"
            value={trail.read}
            max={trail.total}
            data-read={trail.read}
            data-total={trail.total}
          />{' '}
          Reading {megabytes(trail.read)} of {megabytes(trail.total)} MB in your browser…
        </p>
      ) : trail.status === 'failed' ? (
        <p class="problem" role="alert" id="trail-problem">
          {trail.message}
        </p>
      ) : (
        <TrailGroups
          result={trail.result}
          shown={shown}
          open={open}
          inputs={inputs}
          onMore={() => setShown((n) => n + PAGE)}
          onToggle={(i) => setOpen((o) => (o === i ? null : i))}
          onEdit={onEdit}
        />
      )}
    </section>
  );
}

/** The filters of `trail`, applied by reading the logs again (the groups and their counts change with them). */
function TrailFilterForm(props: {
  readonly filter: TrailFilterOptions;
  onFilter(filter: TrailFilterOptions): void;
}) {
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTER_FIELDS.map((f) => [f.key, props.filter[f.key] ?? ''])),
  );
  const apply = (event: Event) => {
    event.preventDefault();
    const filter: Record<string, string> = {};
    for (const f of FILTER_FIELDS) {
      const value = (draft[f.key] ?? '').trim();
      if (value !== '') filter[f.key] = value;
    }
    props.onFilter(filter as TrailFilterOptions);
  };
  return (
    <form class="trail-filter" id="trail-filter" onSubmit={apply}>
      {FILTER_FIELDS.map((f) => (
        <label key={f.key}>
          <span>{f.label}</span>
          <input
            type="text"
            name={f.key}
            id={`trail-filter-${f.key}`}
            value={draft[f.key] ?? ''}
            placeholder={f.placeholder}
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setDraft((old) => ({ ...old, [f.key]: value }));
            }}
          />
        </label>
      ))}
      <button type="submit" id="trail-filter-apply">
        read again with these filters
      </button>
    </form>
  );
}

function TrailGroups(props: {
  readonly result: TrailScanResult;
  readonly shown: number;
  readonly open: number | null;
  readonly inputs: PageInputs;
  onMore(): void;
  onToggle(index: number): void;
  onEdit(name: string, text: string, layer: PolicyLayer): void;
}) {
  const r = props.result;
  const groups = r.groups.slice(0, props.shown);
  return (
    <>
      <p
        id="trail-summary"
        data-files={r.files}
        data-records={r.records}
        data-failed={r.failed}
        data-denials={r.denials}
        data-groups={r.groups.length}
        data-bytes={r.bytes}
        data-seconds={r.seconds}
      >
        {count(r.records)} record(s) in {r.files} file(s): {count(r.failed)} failed, {count(r.denials)}{' '}
        denial(s) or look-alike(s) in {count(r.groups.length)} group(s)
        {groups.length < r.groups.length ? `, the top ${groups.length} shown` : ''}
        <span class="hint">
          {' '}
          ({megabytes(r.bytes)} MB read in {r.seconds.toFixed(1)} s, in this browser)
        </span>
      </p>
      {groups.length === 0 ? null : (
        <table class="trail-groups" id="trail-groups">
          <thead>
            <tr>
              <th scope="col">count</th>
              <th scope="col">principal</th>
              <th scope="col">action</th>
              <th scope="col">resource</th>
              <th scope="col">code</th>
              <th scope="col">layer</th>
              <th scope="col">
                <span class="visually-hidden">diagnosis</span>
              </th>
            </tr>
          </thead>
          {groups.map((g, i) => (
            <GroupRows
              key={i}
              group={g}
              index={i}
              open={props.open === i}
              inputs={props.inputs}
              onToggle={() => props.onToggle(i)}
              onEdit={props.onEdit}
            />
          ))}
        </table>
      )}
      {groups.length < r.groups.length ? (
        <button type="button" id="trail-more" onClick={props.onMore}>
          show {Math.min(PAGE, r.groups.length - groups.length)} more of{' '}
          {count(r.groups.length - groups.length)}
        </button>
      ) : null}
    </>
  );
}

/** The column `trail`'s text view calls LAYER: the layer AWS blamed, else a look-alike's kind. */
function layerColumn(g: TrailGroup): string {
  return g.reasonLayer ?? (g.lookalike === null ? '-' : g.kind);
}

function GroupRows(props: {
  readonly group: TrailGroup;
  readonly index: number;
  readonly open: boolean;
  readonly inputs: PageInputs;
  onToggle(): void;
  onEdit(name: string, text: string, layer: PolicyLayer): void;
}) {
  const g = props.group;
  const id = `trail-group-${props.index + 1}`;
  return (
    <tbody>
      <tr
        class="trail-group"
        id={id}
        data-count={g.count}
        data-principal={g.principal ?? ''}
        data-action={g.action ?? ''}
        data-resource={g.resourcePattern ?? ''}
        data-code={g.errorCode}
        data-layer={g.reasonLayer ?? ''}
        data-kind={g.kind}
      >
        <td class="num">{count(g.count)}</td>
        <td class="mono">{g.principal ?? '-'}</td>
        <td class="mono">{g.action ?? '-'}</td>
        <td class="mono">{g.resourcePattern ?? '-'}</td>
        <td class="mono nowrap">{g.errorCode}</td>
        <td class="nowrap">{layerColumn(g)}</td>
        <td class="nowrap">
          {g.example === null ? null : (
            <button
              type="button"
              class="link trail-diagnose"
              aria-expanded={props.open}
              aria-controls={`${id}-diagnosis`}
              onClick={props.onToggle}
            >
              {props.open ? 'hide' : 'diagnose'}
            </button>
          )}
        </td>
      </tr>
      {props.open && g.example !== null ? (
        <tr class="trail-diagnosis-row">
          <td colSpan={7} class="trail-diagnosis" id={`${id}-diagnosis`}>
            <p class="hint">
              {count(g.count)} event(s), {g.firstSeen ?? '?'} → {g.lastSeen ?? '?'}; accounts{' '}
              {g.accounts.join(', ') || '-'}; regions {g.regions.join(', ') || '-'}. The earliest event,
              diagnosed with the evidence on this page:
            </p>
            <GroupDiagnosis example={g.example} inputs={props.inputs} onEdit={props.onEdit} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

/** A group's earliest event through the page's own pipeline, with the page's evidence, context and parameters. */
function GroupDiagnosis(props: {
  readonly example: string;
  readonly inputs: PageInputs;
  onEdit(name: string, text: string, layer: PolicyLayer): void;
}) {
  const [analysis, setAnalysis] = useState<PageAnalysis | null>(null);
  const { example, inputs } = props;
  useEffect(() => {
    let current = true;
    setAnalysis(null);
    analyzePage({ ...inputs, errorText: example, decodedText: '', event: '' })
      .catch(
        (error: unknown): PageAnalysis => ({
          ...EMPTY_ANALYSIS,
          problems: [{ input: 'error', message: `the diagnosis failed: ${String(error)}` }],
        }),
      )
      .then((result) => {
        if (current) setAnalysis(result);
      });
    return () => {
      current = false;
    };
  }, [example, inputs]);
  if (analysis === null) return <p class="empty">Reading…</p>;
  if (analysis.diagnosis === null) {
    return <p class="problem">{analysis.problems[0]?.message ?? 'this event could not be diagnosed'}</p>;
  }
  return <DiagnosisView diagnosis={analysis.diagnosis} onEdit={props.onEdit} />;
}
