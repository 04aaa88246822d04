import {
  type Diagnosis,
  type Evidence,
  evaluateWhatIf,
  type Finding,
  formatDiagnostic,
  type PolicyLayer,
  parseContextPairs,
  type Result,
  type SimulateJson,
  WHAT_IF_LAYERS,
  type WhatIfLayer,
} from '@whydenied/core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Prose } from './prose.js';

interface SimulatePanelProps {
  readonly policyText: string;
  readonly policyName: string;
  /** The layer the editor's policy belongs to, when it was opened from a fix. */
  readonly layer: PolicyLayer | null;
  readonly diagnosis: Diagnosis | null;
  readonly evidence: Evidence | null;
}

const LAYER_LABEL: Readonly<Record<WhatIfLayer, string>> = {
  identity: 'identity-based policy',
  'permissions-boundary': 'permissions boundary',
  resource: 'resource-based policy',
  scp: 'SCP',
};

function toWhatIfLayer(layer: PolicyLayer | null): WhatIfLayer {
  if (layer === 'permissions-boundary' || layer === 'scp') return layer;
  if (layer === 'resource' || layer === 'trust-policy') return 'resource';
  return 'identity';
}

/** "Simulate this request": evaluates the editor's policy, alone or in place within the evidence's set. */
export function SimulatePanel(props: SimulatePanelProps) {
  const first = props.diagnosis?.findings[0];
  const failure = props.diagnosis?.failure;
  const [principal, setPrincipal] = useState('');
  const [action, setAction] = useState('');
  const [resource, setResource] = useState('');
  const [contextText, setContextText] = useState('');
  const [layer, setLayer] = useState<WhatIfLayer>(toWhatIfLayer(props.layer));
  const [withEvidence, setWithEvidence] = useState(true);

  useEffect(() => setLayer(toWhatIfLayer(props.layer)), [props.layer]);
  useEffect(() => {
    const diagnosis = props.diagnosis;
    const nextAction = first?.action ?? failure?.action ?? '';
    const nextResource = first?.resource ?? failure?.resource ?? '';
    setPrincipal(failure?.principal ?? '');
    setAction(nextAction);
    setResource(nextResource);
    setContextText(diagnosis === null || first === undefined ? '' : contextLines(first));
  }, [failure?.principal, failure?.action, failure?.resource, first?.action, first?.resource]);

  const outcome = useMemo((): Result<SimulateJson> => {
    const context = parseContextPairs(contextText.split('\n'), 'context');
    if (!context.ok) return context;
    return evaluateWhatIf({
      request: { principal, action, resource, context: context.value },
      policy: { text: props.policyText, name: props.policyName || 'editor', layer },
      evidence: withEvidence ? props.evidence : null,
    });
  }, [
    props.policyText,
    props.policyName,
    layer,
    principal,
    action,
    resource,
    contextText,
    withEvidence,
    props.evidence,
  ]);

  return (
    <section class="panel simulate" aria-labelledby="simulate-heading">
      <h3 id="simulate-heading">Simulate this request</h3>
      <div class="grid">
        <label>
          principal
          <input type="text" value={principal} onInput={(e) => setPrincipal(e.currentTarget.value)} />
        </label>
        <label>
          action
          <input type="text" value={action} onInput={(e) => setAction(e.currentTarget.value)} />
        </label>
        <label>
          resource
          <input type="text" value={resource} onInput={(e) => setResource(e.currentTarget.value)} />
        </label>
        <label>
          the editor's policy is a
          <select value={layer} onChange={(e) => setLayer(e.currentTarget.value as WhatIfLayer)}>
            {WHAT_IF_LAYERS.map((l) => (
              <option key={l} value={l}>
                {LAYER_LABEL[l]}
              </option>
            ))}
          </select>
        </label>
        <label class="wide">
          context (KEY=VALUE per line)
          <textarea rows={2} value={contextText} onInput={(e) => setContextText(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={withEvidence}
            disabled={props.evidence === null}
            onChange={(e) => setWithEvidence(e.currentTarget.checked)}
          />
          with the evidence's other policies (the editor's replaces the policy of the same name)
        </label>
      </div>
      <div class="sim-result" aria-live="polite">
        {outcome.ok ? (
          <>
            <p>
              <strong
                class={outcome.value.decision === 'Allowed' ? 'allowed' : 'denied'}
                id="simulate-decision"
              >
                {outcome.value.decision}
              </strong>
              {outcome.value.layer === null ? null : (
                <>
                  {' '}
                  in the <code>{outcome.value.layer}</code> layer
                </>
              )}
            </p>
            {outcome.value.statements.length === 0 ? null : (
              <ul>
                {outcome.value.statements.map((s) => (
                  <li key={`${s.policy} ${s.index}`}>
                    {s.effect} statement <code>{s.sid ?? `#${s.index}`}</code> of <code>{s.policy}</code> (
                    {s.layer}){s.matched ? ', matched' : ''}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p class="problem">
            <Prose text={outcome.diagnostics.map((d) => formatDiagnostic(d, { source: false })).join('; ')} />
          </p>
        )}
      </div>
    </section>
  );
}

/** The context values the engine evaluated the finding with, as `KEY=VALUE` lines. */
function contextLines(finding: Finding): string {
  return finding.request.context
    .flatMap((entry) =>
      entry.state !== 'known'
        ? []
        : (typeof entry.value === 'string' ? [entry.value] : entry.value).map((v) => `${entry.key}=${v}`),
    )
    .join('\n');
}
