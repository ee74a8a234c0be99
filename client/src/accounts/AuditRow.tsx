import type { AuditEntry } from './accountsApi';
import { when } from './formatting';

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

/** One audit entry; its before and after open on demand, being often long. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const changed = entry.before != null || entry.after != null;
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{when(entry.at)}</time>
      </td>
      <td>
        {entry.actor.name} <span className="hint">{entry.actor.kind}</span>
      </td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.target.type}
        {entry.target.id && <span className="hint"> {entry.target.id}</span>}
      </td>
      <td>
        {changed ? (
          <details>
            <summary>Show</summary>
            <div className="before-after">
              <div>
                <h4>Before</h4>
                <pre>{shown(entry.before)}</pre>
              </div>
              <div>
                <h4>After</h4>
                <pre>{shown(entry.after)}</pre>
              </div>
            </div>
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
