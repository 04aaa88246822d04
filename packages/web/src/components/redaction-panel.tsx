import type { RedactionMap } from '@whydenied/core';
import { useState } from 'preact/hooks';
import { RevealButton } from './reveal.js';

/** The redaction toggle: with it on, the page shows stand-ins for what identifies the user. */
export function RedactionToggle({ on, onToggle }: { readonly on: boolean; onToggle(on: boolean): void }) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        id="redact-toggle"
        checked={on}
        aria-checked={on}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      <span>Redact</span>
    </label>
  );
}

/**
 * What the redaction replaced: how many values, and only when the user asks, the table of each
 * original and the stand-in the diagnosis saw instead.
 */
export function RedactionMapView({ map }: { readonly map: RedactionMap }) {
  const [shown, setShown] = useState(false);
  const count = map.entries.length;
  return (
    <section class="panel redaction" aria-label="redaction">
      <p>
        Redacted: {count} value{count === 1 ? '' : 's'} replaced; the diagnosis below sees only the stand-ins.{' '}
        {count === 0 ? null : (
          <RevealButton shown={shown} what="replaced values" controls="redaction-map" onToggle={setShown} />
        )}
      </p>
      {count === 0 || !shown ? null : (
        <div class="table-scroll" id="redaction-map">
          <table class="redaction-map" aria-label="redacted values">
            <thead>
              <tr>
                <th scope="col">kind</th>
                <th scope="col">original</th>
                <th scope="col">stand-in</th>
              </tr>
            </thead>
            <tbody>
              {map.entries.map((e) => (
                <tr key={e.original}>
                  <td>{e.kind}</td>
                  <td>
                    <code>{e.original}</code>
                  </td>
                  <td>
                    <code class="stand-in">{e.standIn}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
