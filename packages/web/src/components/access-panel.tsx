import type { Evidence } from '@whydenied/core';
import type { WhoCanResult, WhoCanRow } from '@whydenied/core/access';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isUnless } from '../access/condition-effect.js';
import type { AccessOutcome, AccessQuery, GrantRow, WhatCanView } from '../access/messages.js';
import { type AccessRunner, accessRunner } from '../access/start-query.js';
import { openedFromDisk } from '../catalog.js';
import type { PageInputs } from '../inputs.js';
import './access-panel.css';
import { Prose } from './prose.js';

interface AccessPanelProps {
  readonly inputs: PageInputs;
  /** The evidence the page's analysis read from the dropped files; the panel shows only with an account. */
  readonly evidence: Evidence | null;
}

type QueryState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly query: AccessQuery; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly query: AccessQuery; readonly outcome: AccessOutcome };

/** Rows shown before "show all": a what-can of an administrator lists every action of the catalog. */
const FIRST_ROWS = 300;

/** The users and roles of the dropped accounts, for the what-can picker. */
function principalsOf(evidence: Evidence | null): string[] {
  if (evidence === null) return [];
  return evidence.accounts.flatMap((a) => [...a.roles.map((r) => r.arn), ...a.users.map((u) => u.arn)]);
}

/**
 * Who can / what can, over the evidence already dropped: every principal allowed one request, or every
 * action one principal is allowed. The queries run in a worker (seconds on a large account), one at a
 * time; a new query or a change of the evidence cancels the one running.
 */
export function AccessPanel(props: AccessPanelProps) {
  const runner = useRef<AccessRunner | null>(null);
  useEffect(() => {
    runner.current = accessRunner();
    return () => runner.current?.close();
  }, []);
  const [action, setAction] = useState('s3:GetObject');
  const [resource, setResource] = useState('');
  const [principal, setPrincipal] = useState('');
  const [service, setService] = useState('');
  const [state, setState] = useState<QueryState>({ status: 'idle' });
  const cancel = useRef<(() => void) | null>(null);
  const principals = useMemo(() => principalsOf(props.evidence), [props.evidence]);

  // an answer about evidence that changed since is no longer shown
  useEffect(() => {
    cancel.current?.();
    setState({ status: 'idle' });
  }, [props.inputs.files, props.inputs.redactOn, props.inputs.contextText]);

  if (props.evidence === null || props.evidence.accounts.length === 0) return null;

  const run = (query: AccessQuery) => {
    const current = runner.current;
    if (current === null) return;
    cancel.current?.();
    setState({ status: 'running', query, done: 0, total: 0 });
    const started = current.start(props.inputs, query, (done, total) =>
      setState((old) => (old.status === 'running' && old.query === query ? { ...old, done, total } : old)),
    );
    cancel.current = started.cancel;
    void started.outcome.then((outcome) => {
      if (!outcome.ok && outcome.message === 'cancelled') return;
      setState((old) =>
        old.status === 'running' && old.query === query ? { status: 'done', query, outcome } : old,
      );
    });
  };

  return (
    <section class="panel access" aria-labelledby="access-heading" id="access">
      <h2 id="access-heading">Who can, what can</h2>
      <p class="hint">
        Exact answers from the dropped account files, organization snapshot and resource policies.
      </p>
      <form
        class="grid"
        id="who-can-form"
        onSubmit={(e) => {
          e.preventDefault();
          run({ type: 'who-can', action, resource });
        }}
      >
        <QueryField
          label="action"
          id="who-can-action"
          value={action}
          placeholder="s3:GetObject"
          onInput={setAction}
        />
        <QueryField
          label="resource"
          id="who-can-resource"
          value={resource}
          placeholder="arn:aws:s3:::bucket/key"
          onInput={setResource}
        />
        <button type="submit" id="who-can-run">
          Who can?
        </button>
      </form>
      <form
        class="grid"
        id="what-can-form"
        onSubmit={(e) => {
          e.preventDefault();
          run({ type: 'what-can', principal, service });
        }}
      >
        <QueryField
          label="principal"
          id="what-can-principal"
          value={principal}
          placeholder="a role or user of the account"
          onInput={setPrincipal}
          choices={{ id: 'access-principals', values: principals }}
        />
        <QueryField
          label="service (optional)"
          id="what-can-service"
          value={service}
          placeholder="s3"
          onInput={setService}
        />
        <button type="submit" id="what-can-run" disabled={principal.trim() === ''}>
          What can it do?
        </button>
      </form>
      {openedFromDisk() ? (
        <p class="hint" id="what-can-offline">
          What a principal can do is read against AWS's service data, which a page opened from disk does not
          have: open the page from its site for that answer.
        </p>
      ) : null}
      <div class="access-result" aria-live="polite" aria-busy={state.status === 'running'} id="access-result">
        <AccessResult
          state={state}
          onCancel={() => {
            cancel.current?.();
            setState({ status: 'idle' });
          }}
        />
      </div>
    </section>
  );
}

/** One labelled text field of a query; `choices` are offered as the field is typed in. */
function QueryField(props: {
  readonly label: string;
  readonly id: string;
  readonly value: string;
  readonly placeholder: string;
  readonly onInput: (value: string) => void;
  readonly choices?: { readonly id: string; readonly values: readonly string[] };
}) {
  return (
    <label>
      {props.label}
      <input
        type="text"
        id={props.id}
        list={props.choices?.id}
        value={props.value}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.choices === undefined ? null : (
        <datalist id={props.choices.id}>
          {props.choices.values.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
      )}
    </label>
  );
}

function AccessResult({ state, onCancel }: { readonly state: QueryState; readonly onCancel: () => void }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <p class="running" data-status="running">
        {state.total === 0 ? 'Running…' : `Evaluated ${state.done} of ${state.total} principals…`}{' '}
        <button type="button" class="link" onClick={onCancel}>
          cancel
        </button>
      </p>
    );
  }
  const { outcome } = state;
  if (!outcome.ok) {
    return (
      <p class="problem" role="alert" data-status="failed">
        <Prose text={outcome.message} />
      </p>
    );
  }
  return outcome.type === 'who-can' ? (
    <WhoCanTable result={outcome.value} />
  ) : (
    <WhatCanTable result={outcome.value} />
  );
}

/** The condition keys a row still depends on, each once. */
function conditionKeys(row: WhoCanRow): string[] {
  return [...new Set(row.conditions.map((c) => `${isUnless(c.effect) ? 'unless ' : ''}${c.key}`))];
}

function WhoCanTable({ result }: { readonly result: WhoCanResult }) {
  const [all, setAll] = useState(false);
  const rows = all ? result.principals : result.principals.slice(0, FIRST_ROWS);
  return (
    <div
      id="who-can-result"
      data-status="done"
      data-evaluated={result.evaluated}
      data-allowed-count={result.allowedCount}
      data-conditional-count={result.conditionalCount}
    >
      <p>
        <code>{result.action}</code> on <code>{result.resource}</code>: {result.allowedCount} allowed,{' '}
        {result.conditionalCount} allowed under conditions, of {result.evaluated} principals
        {result.anyone ? '; the resource policy allows anyone its conditions admit' : ''}.
      </p>
      {rows.length === 0 ? null : (
        <div class="table-scroll">
          <table class="access-table">
            <thead>
              <tr>
                <th scope="col">principal</th>
                <th scope="col">access</th>
                <th scope="col">when</th>
                <th scope="col">allowed by</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.principal}
                  data-principal={row.principal}
                  data-kind={row.kind}
                  data-access={row.access}
                  data-source={row.source}
                >
                  <td>
                    <code>{row.principal}</code>
                  </td>
                  <td class="access-kind">{row.access === 'allowed' ? 'allowed' : 'conditional'}</td>
                  <td>
                    {conditionKeys(row).map((k) => (
                      <code key={k} class="key">
                        {k}
                      </code>
                    ))}
                  </td>
                  <td>
                    {row.statements
                      .filter((s) => s.layer === 'identity' || s.layer === 'resource')
                      .map((s) => `${s.policy}${s.sid === null ? '' : ` (${s.sid})`}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowAll shown={rows.length} total={result.principals.length} onAll={() => setAll(true)} />
      <Missing messages={result.missing.map((m) => m.message)} />
    </div>
  );
}

function grantKey(g: GrantRow): string {
  return `${g.action} ${g.resourceType ?? '*'} ${g.resource} ${g.via ?? ''}`;
}

function WhatCanTable({ result }: { readonly result: WhatCanView }) {
  const [all, setAll] = useState(false);
  const rows = all ? result.grants : result.grants.slice(0, FIRST_ROWS);
  const actions = new Set(result.grants.map((g) => g.action)).size;
  return (
    <div
      id="what-can-result"
      data-status="done"
      data-principal={result.principal}
      data-grant-count={result.grants.length}
      data-action-count={actions}
    >
      <p>
        <code>{result.principal}</code> is allowed {actions} actions ({result.grants.length} grants by
        resource type)
        {result.unknownActions === 0
          ? ''
          : `; ${result.unknownActions} actions its policies name are not in the service data`}
        .
      </p>
      {rows.length === 0 ? null : (
        <div class="table-scroll">
          <table class="access-table">
            <thead>
              <tr>
                <th scope="col">action</th>
                <th scope="col">level</th>
                <th scope="col">resource</th>
                <th scope="col">when</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr
                  key={grantKey(g)}
                  data-action={g.action}
                  data-resource={g.resource}
                  data-resource-type={g.resourceType ?? ''}
                  data-level={g.accessLevel}
                  data-conditional={g.conditions.length > 0 ? 'true' : 'false'}
                  data-escalation={g.escalation?.code ?? ''}
                  data-via={g.via ?? ''}
                >
                  <td>
                    <code>{g.action}</code>
                  </td>
                  <td class="access-kind">{g.accessLevel}</td>
                  <td>
                    {g.resourceType === null ? null : <span class="hint">{g.resourceType} </span>}
                    <code>{g.resource}</code>
                    {g.except.length === 0 ? null : <span class="hint"> except {g.except.join(', ')}</span>}
                    {g.via === null ? null : <span class="hint"> through {g.via}</span>}
                  </td>
                  <td>
                    {g.conditions.map((k) => (
                      <code key={k} class="key">
                        {k}
                      </code>
                    ))}
                    {g.escalation === null ? null : <strong class="denied"> {g.escalation.summary}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowAll shown={rows.length} total={result.grants.length} onAll={() => setAll(true)} />
      <Missing messages={result.notes} />
    </div>
  );
}

function ShowAll({ shown, total, onAll }: { readonly shown: number; readonly total: number; onAll(): void }) {
  if (shown >= total) return null;
  return (
    <p>
      Showing {shown} of {total}.{' '}
      <button type="button" class="link" onClick={onAll}>
        Show all
      </button>
    </p>
  );
}

function Missing({ messages }: { readonly messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <details class="missing">
      <summary>What these answers cannot see ({messages.length})</summary>
      <ul>
        {messages.map((m) => (
          <li key={m}>
            <Prose text={m} />
          </li>
        ))}
      </ul>
    </details>
  );
}
