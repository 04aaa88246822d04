import type { Fix } from '@whydenied/core';
import { LAYER_NAME, OWNER } from '../labels.js';
import { CopyButton } from './copy-button.js';
import { type DiffRow, sideBySide } from './side-by-side.js';

function Cell({ side, kind }: { readonly side: DiffRow['left']; readonly kind: 'old' | 'new' }) {
  return (
    <>
      <td class="ln">{side?.number ?? ''}</td>
      <td class={`code ${kind}`}>{side?.text ?? ''}</td>
    </>
  );
}

/** The fix as a side-by-side diff of the policy, with the document and the command to copy. */
export function FixView({
  fix,
  index,
  onEdit,
}: {
  readonly fix: Fix;
  readonly index: number;
  onEdit(name: string, text: string, layer: Fix['layer']): void;
}) {
  const who = OWNER[fix.owner] ?? fix.owner;
  const documentText = `${JSON.stringify(fix.document, null, 2)}\n`;
  const rows = sideBySide(fix.diff);
  return (
    <article class="fix" aria-labelledby={`fix-${index}`} data-layer={fix.layer}>
      <h4 id={`fix-${index}`}>
        Change <code>{fix.policyName}</code> ({LAYER_NAME[fix.layer]})
      </h4>
      <p class="meta">
        of <code class="arn">{fix.target}</code>:{' '}
        {fix.proposal ? `a proposal for ${who} to decide` : `for ${who}`}
        {fix.verification.allowsChecks ? ', verified with the engine' : ''}
      </p>
      {fix.verification.widened.length === 0 ? null : (
        <p class="warn">it would also let through: {fix.verification.widened.join('; ')}</p>
      )}
      <div class="diff-scroll">
        <table class="diff" aria-label={`changes to ${fix.policyName}`}>
          <colgroup>
            <col class="ln" />
            <col />
            <col class="ln" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th colSpan={2}>current</th>
              <th colSpan={2}>fixed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) =>
              row.kind === 'hunk' ? (
                <tr key={i} class="hunk">
                  <td colSpan={4}>⋯</td>
                </tr>
              ) : (
                <tr key={i} class={row.kind}>
                  <Cell side={row.left} kind="old" />
                  <Cell side={row.right} kind="new" />
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <CopyButton text={documentText} label={`copy the fixed ${fix.policyName}`} />
        <button type="button" onClick={() => onEdit(fix.policyName, documentText, fix.layer)}>
          edit and simulate
        </button>
      </div>
      <div class="command">
        <code>$ {fix.command}</code>
        <CopyButton text={fix.command} label="copy the command" />
      </div>
    </article>
  );
}
