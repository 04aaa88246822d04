import type { SuggestedStatement } from '@whydenied/core';
import { CopyButton } from './copy-button.js';

/**
 * Without evidence: the statement to add for each check of the call, each marked as not verified
 * (the caller's policies were not given), with what it assumes.
 */
export function SuggestedView({ suggested }: { readonly suggested: readonly SuggestedStatement[] }) {
  if (suggested.length === 0) return null;
  return (
    <section aria-labelledby="suggested-heading" class="suggested">
      <h3 id="suggested-heading">Statements to add (not verified: your current policies were not given)</h3>
      <ol>
        {suggested.map((s) => {
          const text = JSON.stringify(s.statement, null, 2);
          return (
            <li key={s.check} data-action={s.action} data-verified="false">
              <code>{s.action}</code> on <code class="arn">{s.resource}</code>
              <p class="meta">{s.why}</p>
              {s.assumed.map((part) => (
                <p key={part} class="warn">
                  {part} assumed{s.assumedWhy[part] === undefined ? '' : `: ${s.assumedWhy[part]}`}
                </p>
              ))}
              <pre class="statement">{text}</pre>
              <CopyButton text={text} label="copy the statement" />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
