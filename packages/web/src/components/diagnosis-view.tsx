import type { Diagnosis, Finding, PolicyLayer } from '@whydenied/core';
import { KIND_HEADLINE, LAYER_NAME, requestContextLine } from '../labels.js';
import { CopyButton } from './copy-button.js';
import { FixView } from './fix-view.js';
import { PolicyHighlight } from './policy-highlight.js';
import { Prose } from './prose.js';
import { SuggestedView } from './suggested-view.js';

interface DiagnosisViewProps {
  readonly diagnosis: Diagnosis;
  onEdit(name: string, text: string, layer: PolicyLayer): void;
}

function blamed(d: Diagnosis): string | null {
  const f = d.failure;
  if (d.kind !== 'authorization') return null;
  if (f.denyType === null) return 'not said (no reason clause in the error)';
  const type = f.denyType === 'explicit' ? 'explicit deny' : 'no allow (implicit deny)';
  const layer = f.reasonLayer === null ? 'a policy of unknown type' : LAYER_NAME[f.reasonLayer];
  return `${layer}: ${type}${d.details.transitiveThroughScp ? ', transitively through an SCP' : ''}`;
}

function Facts({ d }: { readonly d: Diagnosis }) {
  const f = d.failure;
  const code = [
    d.details.rawCode,
    d.details.httpStatus === null ? null : `HTTP ${d.details.httpStatus}`,
    d.details.requestId === null ? null : `request ${d.details.requestId}`,
  ].filter((p) => p !== null);
  const rows: [string, string | null][] = [
    ['action', f.action],
    [
      'operation',
      f.operation === null ? null : `${f.operation}${f.service === null ? '' : ` (${f.service})`}`,
    ],
    ['caller', f.principal],
    ['resource', f.resource],
    ['AWS blamed', blamed(d)],
    ['policy', f.policyArn],
    ['code', code.length === 0 ? null : code.join(', ')],
    ['request (CloudTrail)', requestContextLine(d.details.cloudTrail)],
  ];
  return (
    <dl class="facts">
      {rows
        .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
        .map(([label, value]) => (
          <div key={label} class="fact">
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
    </dl>
  );
}

function FindingItem({ finding, index }: { readonly finding: Finding; readonly index: number }) {
  const conditions = finding.decision === 'ExplicitDeny' ? finding.conditions : finding.failedConditions;
  return (
    <li class="finding" data-layer={finding.layer}>
      <p>
        <code>{finding.action}</code> on <code class="arn">{finding.resource}</code>:{' '}
        <strong>{finding.decision === 'ExplicitDeny' ? 'explicit deny' : 'no allow'}</strong> in the{' '}
        <span class="layer">{LAYER_NAME[finding.layer]}</span>
        {finding.dependsOn.length > 0 ? (
          <span class="warn">
            {' '}
            (only if {finding.dependsOn.join(', ')}, unknown here, fails the condition below)
          </span>
        ) : index === 0 ? (
          <span class="badge">deciding</span>
        ) : null}
      </p>
      <p class="meta">
        {finding.policy === null ? (
          'no statement of this layer allows it'
        ) : (
          <>
            statement <code>{finding.sid === null ? `#${finding.statementIndex ?? '?'}` : finding.sid}</code>{' '}
            of <code>{finding.policy}</code>
          </>
        )}
      </p>
      {conditions.length === 0 ? null : (
        <ul class="conditions">
          {conditions.map((c) => (
            <li key={`${c.operator}/${c.key}`}>
              <code>{c.operator}</code> <code>{c.key}</code>: policy <code>{c.expected.join(', ')}</code>,
              request {c.actual === null ? <em>absent</em> : <code>{c.actual.join(', ')}</code>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The diagnosis: what failed, which layer and statement decided, the fixes, and what is still unknown. */
export function DiagnosisView({ diagnosis: d, onEdit }: DiagnosisViewProps) {
  const first = d.findings[0];
  const deciding = first?.deciding ?? null;
  return (
    <div class="diagnosis" data-kind={d.kind}>
      <h2 class={d.kind === 'authorization' ? 'headline deny' : 'headline other'}>{KIND_HEADLINE[d.kind]}</h2>
      <Facts d={d} />
      {d.findings.length === 0 ? null : (
        <section aria-labelledby="findings-heading">
          <h3 id="findings-heading">What the policies say</h3>
          <ol class="findings">
            {d.findings.map((f, i) => (
              <FindingItem key={`${f.action} ${f.resource} ${f.layer}`} finding={f} index={i} />
            ))}
          </ol>
          {deciding === null ? null : <PolicyHighlight policy={deciding} />}
        </section>
      )}
      {d.remedies.length === 0 ? null : (
        <section aria-labelledby="remedies-heading" class="remedies">
          <h3 id="remedies-heading">First: make the call as the policy allows</h3>
          <ul>
            {d.remedies.map((r) => (
              <li key={`${r.finding} ${r.code}`} data-code={r.code}>
                finding {r.finding + 1}: <Prose text={r.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.fixes.length === 0 ? null : (
        <section aria-labelledby="fixes-heading">
          <h3 id="fixes-heading">Fixes (verified with the engine before shown)</h3>
          {d.fixes.map((fix, i) => (
            <FixView key={`${fix.target} ${fix.policyName}`} fix={fix} index={i} onEdit={onEdit} />
          ))}
        </section>
      )}
      <SuggestedView suggested={d.suggestedStatements} />
      {d.noFix.length === 0 ? null : (
        <section aria-labelledby="nofix-heading">
          <h3 id="nofix-heading">No fix shown</h3>
          <ul>
            {d.noFix.map((n) => (
              <li key={`${n.finding} ${n.code}`}>
                finding {n.finding + 1}: <Prose text={n.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.unknowns.length === 0 ? null : (
        <section aria-labelledby="unknown-heading" class="unknowns">
          <h3 id="unknown-heading">Still unknown</h3>
          <ul>
            {d.unknowns.map((u) => (
              <li key={u.code}>
                <Prose text={u.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.missingEvidence.length === 0 ? null : (
        <section aria-labelledby="missing-heading">
          <h3 id="missing-heading">Evidence not given</h3>
          <ul class="steps">
            {d.missingEvidence.map((m) => (
              <li key={`${m.code} ${m.subject ?? ''}`}>
                <Prose text={m.message} />
                <div class="command">
                  <code>$ {m.command}</code>
                  <CopyButton text={m.command} label="copy the command" />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.nextSteps.length === 0 ? null : (
        <section aria-labelledby="next-heading">
          <h3 id="next-heading">Next steps</h3>
          <ol class="steps">
            {d.nextSteps.map((s) => (
              <li key={s.code}>
                <Prose text={s.message} />
                {s.command === undefined ? null : (
                  <div class="command">
                    <code>$ {s.command}</code>
                    <CopyButton text={s.command} label="copy the command" />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
