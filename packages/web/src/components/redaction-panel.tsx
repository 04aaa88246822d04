import type { RedactionMap } from '@whydenied/core';

/** The redaction toggle, and when it is on, every value it replaced and the stand-in used. */
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

/** What the redaction replaced: the original on the left, the stand-in the diagnosis saw on the right. */
export function RedactionMapView({ map }: { readonly map: RedactionMap }) {
  return (
    <details class="panel redaction" open>
      <summary>
        Redacted: {map.entries.length} value{map.entries.length === 1 ? '' : 's'} replaced; the diagnosis
        below sees only the stand-ins
      </summary>
      {map.entries.length === 0 ? null : (
        <div class="table-scroll">
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
    </details>
  );
}
