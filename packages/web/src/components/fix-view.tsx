import type { Fix } from '@whydenied/core';
import { LAYER_NAME, OWNER } from '../labels.js';
import { CopyButton } from './copy-button.js';
import { DiffView } from './diff-view.js';

/** The fix as a diff of the policy, with the document and the command to copy. */
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
      {fix.verification.beyondCount === 0 ? null : (
        <p class="warn" data-beyond={fix.verification.beyondCount}>
          beyond the failed checks it allows:{' '}
          {fix.verification.beyond
            .slice(0, 5)
            .map((r) => `${r.action} on ${r.resource}`)
            .join('; ')}
          {fix.verification.beyondCount > 5 ? ` and ${fix.verification.beyondCount - 5} more` : ''}
        </p>
      )}
      {fix.verification.widened.length === 0 ? null : (
        <p class="warn">it would also let through: {fix.verification.widened.join('; ')}</p>
      )}
      <DiffView diff={fix.diff} name={fix.policyName} />
      <div class="actions">
        <CopyButton text={documentText} label={`copy the fixed ${fix.policyName}`} />
        <span class="meta">
          save it as <code>{fix.file}</code>, the file the command reads
        </span>
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
